#!/usr/bin/env node
// Browser journeys against a real server: build the web app, start PORA on a fresh database with the demo (embedded
// by default; a fresh `pora_e2e` on the PostgreSQL server given as E2E_DATABASE_URL), create the journey accounts with
// the CLI, run Playwright in Debian's Chromium, stop the server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  }
  return r;
};

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const dataDir = mkdtempSync(path.join(tmpdir(), 'pora-e2e-'));
const port = await freePort();
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PORA_DATA_DIR: dataDir, PORA_LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
// E2E_DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432): the same journeys on a fresh
// database `pora_e2e` there instead of the embedded one.
const serverUrl = process.env.E2E_DATABASE_URL?.replace(/\/+$/, '');
const e2eDatabase = 'pora_e2e';
const adminQuery = async (statement) => {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};
if (serverUrl) {
  await adminQuery(`DROP DATABASE IF EXISTS ${e2eDatabase} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${e2eDatabase}`);
  env.DATABASE_URL = `${serverUrl}/${e2eDatabase}`;
  // server mode takes its secret from the configuration (docs/operations.md); a throw-away one for this run
  env.PORA_SECRET_KEY = randomBytes(32).toString('hex');
  console.log(`journeys on PostgreSQL (${env.DATABASE_URL})`);
}

run('npx', ['vite', 'build', '--logLevel', 'warn']);

// One process per embedded data directory (the CLI holds a lock): load the demo and create the journey's
// administrator before the server starts.
run('node', ['bin/pora.mjs', 'seed', 'demo'], { env });
// The journey's own administrator, with a known password (the demo's are random).
const adminEmail = 'admin.e2e@demo.pora.id';
const adminPassword = 'Jembatan-Ampera-1962';
run(
  'node',
  [
    'bin/pora.mjs',
    'user',
    'create',
    '--email',
    adminEmail,
    '--name',
    'Admin Journey',
    '--role',
    'system_admin',
    '--agency',
    'Kantor Imigrasi Kelas II Non TPI Muara Enim',
    '--password-stdin',
  ],
  { env, input: `${adminPassword}\n`, stdio: ['pipe', 'inherit', 'inherit'] },
);
const analystEmail = 'analis.e2e@demo.pora.id';
const analystPassword = 'Benteng-Kuto-Besak-1780';
run(
  'node',
  [
    'bin/pora.mjs',
    'user',
    'create',
    '--email',
    analystEmail,
    '--name',
    'Analis Journey',
    '--role',
    'analyst',
    '--agency',
    'Kantor Imigrasi Kelas II Non TPI Muara Enim',
    '--password-stdin',
  ],
  { env, input: `${analystPassword}\n`, stdio: ['pipe', 'inherit', 'inherit'] },
);

// The office's secretariat verifies accommodations (accommodation journey).
const officeAdminEmail = 'sekretariat.e2e@demo.pora.id';
const officeAdminPassword = 'Sungai-Lematang-Lahat-1869';
run(
  'node',
  [
    'bin/pora.mjs',
    'user',
    'create',
    '--email',
    officeAdminEmail,
    '--name',
    'Sekretariat Journey',
    '--role',
    'office_admin',
    '--agency',
    'Kantor Imigrasi Kelas II Non TPI Muara Enim',
    '--password-stdin',
  ],
  { env, input: `${officeAdminPassword}\n`, stdio: ['pipe', 'inherit', 'inherit'] },
);

const server = spawn('node', ['bin/pora.mjs', 'serve'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
let code = 1;
try {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ready = await fetch(`${base}/api/v1/health`)
      .then((r) => r.json())
      .then((b) => b.ready === true)
      .catch(() => false);
    if (ready) {
      break;
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      throw new Error('the server did not become ready');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const result = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      E2E_BASE_URL: base,
      E2E_ADMIN_EMAIL: adminEmail,
      E2E_ADMIN_PASSWORD: adminPassword,
      E2E_ANALYST_EMAIL: analystEmail,
      E2E_ANALYST_PASSWORD: analystPassword,
      E2E_OFFICE_ADMIN_EMAIL: officeAdminEmail,
      E2E_OFFICE_ADMIN_PASSWORD: officeAdminPassword,
      // the demo's accounts (demo-accounts.txt), e.g. the hotel operator of the guest-report journey
      E2E_DATA_DIR: dataDir,
    },
  });
  code = result.status ?? 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl) {
    await adminQuery(`DROP DATABASE IF EXISTS ${e2eDatabase} WITH (FORCE)`).catch(() => undefined);
  }
}
process.exit(code);
