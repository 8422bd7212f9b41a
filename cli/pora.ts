// Entry point of the `pora` command (bin/pora.mjs runs it through tsx). Errors end as one clear line, no stack.

import { describeError } from './errors';
import { buildProgram } from './program';

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
  readStdin: async () => {
    if (process.stdin.isTTY) {
      process.stderr.write('Ketik kata sandi, lalu Enter dan Ctrl-D: ');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    }
    return Buffer.concat(chunks).toString('utf8');
  },
};

// Commands that finish report their exit code and end the process (a stray handle must not keep it alive);
// `serve` reports none and runs until it is stopped.
let exitCode: number | undefined;
try {
  await buildProgram(io, (code) => {
    exitCode = code;
  }).parseAsync(process.argv);
  if (exitCode !== undefined) {
    process.exit(exitCode);
  }
} catch (error) {
  process.stderr.write(`pora: ${describeError(error)}\n`);
  process.exit(1);
}
