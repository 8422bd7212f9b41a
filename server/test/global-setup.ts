// Builds one migrated database with the reference data per test run; each test file clones it.
// PGlite: a data-directory dump cached in .pora-test/ (keyed by the migrations), loaded per file.
// PostgreSQL (DATABASE_URL set): a template database, copied per file with CREATE DATABASE … TEMPLATE.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrationsFolder, openEmbedded, openServer, runMigrations } from '../db/client';
import { loadRegions } from '../modules/regions/regions.loader';

export const TEMPLATE_DB = 'pora_test_template';

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

async function buildServerTemplate(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${TEMPLATE_DB}`;
  const database = await openServer(u.toString(), 2);
  await runMigrations(database);
  await database.transaction((tx) => loadRegions(tx));
  await database.close();
  return u.toString();
}

export default async function setup(project: TestProject) {
  project.provide('pgliteTemplate', await buildPgliteTemplate());
  const url = process.env.DATABASE_URL;
  project.provide('serverTemplate', url ? await buildServerTemplate(url) : '');
}
