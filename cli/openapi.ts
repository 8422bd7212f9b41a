// openapi.json at the repository root is generated from the routes' zod contracts and committed; `--check` (in
// `npm run check` and CI) fails when the routes changed and the file was not regenerated.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openEmbedded, runMigrations } from '../server/db/client';
import { createSealer } from '../server/platform/auth/secrets';
import type { Io } from './commands';

export const openapiFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'openapi.json');

/** The API description as committed: 2-space JSON and a final newline. */
export async function renderOpenapi(): Promise<string> {
  const database = await openEmbedded(undefined);
  try {
    await runMigrations(database);
    const secretKeyHex = randomBytes(32).toString('hex');
    const config = { ...loadConfig({}), secretKeyHex, dataDir: '/nonexistent' };
    const app = await buildApp({ config, database, sealer: createSealer(Buffer.from(secretKeyHex, 'hex')) });
    try {
      await app.ready();
      return `${JSON.stringify(app.swagger(), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

export async function openapiCommand(
  io: Io,
  opts: { check: boolean; file?: string; render?: () => Promise<string> },
): Promise<number> {
  const file = opts.file ?? openapiFile;
  const text = await (opts.render ?? renderOpenapi)();
  const name = path.basename(file);
  if (!opts.check) {
    writeFileSync(file, text);
    const paths = Object.keys((JSON.parse(text) as { paths?: object }).paths ?? {}).length;
    io.out(`${name} ditulis (${paths} jalur).`);
    return 0;
  }
  if (!existsSync(file)) {
    io.err(`${name} belum ada: jalankan "npm run openapi" lalu commit berkasnya.`);
    return 1;
  }
  const committed = readFileSync(file, 'utf8');
  if (committed === text) {
    io.out(`${name} sesuai dengan kode.`);
    return 0;
  }
  const a = committed.split('\n');
  const b = text.split('\n');
  const line = a.findIndex((l, i) => l !== b[i]);
  const at = line === -1 ? b.length : line + 1;
  io.err(
    `${name} tidak sesuai dengan kode (berbeda mulai baris ${at}: ${JSON.stringify((b[at - 1] ?? '').trim())}): jalankan "npm run openapi" lalu commit berkasnya.`,
  );
  return 1;
}
