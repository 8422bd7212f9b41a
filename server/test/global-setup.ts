// Builds one migrated database with the reference data per test run; each test file clones it.
// PGlite: a data-directory dump cached in .pora-test/ (keyed by the migrations), loaded per file.
// PostgreSQL (DATABASE_URL set): a template database, copied per file with CREATE DATABASE … TEMPLATE.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrationsFolder, openEmbedded, openServer, runMigrations } from '../db/client';
import { loadRegions } from '../modules/regions/regions.loader';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    serverTemplate: string;
  }
}

function migrationsKey(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsFolder).sort()) {
    if (f.endsWith('.sql')) {
      h.update(f).update(readFileSync(path.join(migrationsFolder, f)));
    }
  }
  h.update(readFileSync(new URL('../modules/regions/regions.loader.ts', import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

async function buildPgliteTemplate(): Promise<string> {
  const dir = path.resolve('.pora-test');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${migrationsKey()}.tar.gz`);
  if (!existsSync(file)) {
    const database = await openEmbedded(undefined);
    await runMigrations(database);
    await database.transaction((tx) => loadRegions(tx));
    const dump = await database.pglite?.dumpDataDir('gzip');
    if (!dump) {
      throw new Error('could not dump the template');
    }
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  return file;
}

export function adminUrl(url: string) {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

async function adminQuery(url: string, statement: string) {
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A template per run, so that two test runs on one server (CI and a developer) do not drop each other's. */
async function buildServerTemplate(url: string, name: string): Promise<string> {
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openServer(u.toString(), 2);
  await runMigrations(database);
  await database.transaction((tx) => loadRegions(tx));
  await database.close();
  return u.toString();
}

export default async function setup(project: TestProject) {
  project.provide('pgliteTemplate', await buildPgliteTemplate());
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('serverTemplate', '');
    return;
  }
  const name = `pora_test_template_${randomBytes(4).toString('hex')}`;
  project.provide('serverTemplate', await buildServerTemplate(url, name));
  return async () => {
    await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
