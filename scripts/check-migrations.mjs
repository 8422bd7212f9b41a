#!/usr/bin/env node
// Fails when the Drizzle schema has changes that no committed migration carries. Leaves the tree as it found it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const dirs = ['server/db/migrations', 'server/db/migrations/meta'];
const before = new Map(dirs.map((d) => [d, new Set(readdirSync(d))]));
const journalPath = 'server/db/migrations/meta/_journal.json';
const journal = readFileSync(journalPath);

const run = spawnSync('npx', ['drizzle-kit', 'generate', '--name', 'drift_check'], { encoding: 'utf8' });
const output = `${run.stdout}\n${run.stderr}`;
const added = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => !before.get(d)?.has(f))
    .map((f) => `${d}/${f}`),
);
for (const f of added) {
  rmSync(f);
}
writeFileSync(journalPath, journal);

if (output.includes('No schema changes') && added.length === 0) {
  console.log('migrations: in step with the schema');
  process.exit(0);
}
console.error('migrations: the schema has changes without a migration; run `npm run db:generate -- --name <what>`');
console.error(
  output
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .slice(-15)
    .join('\n'),
);
process.exit(1);
