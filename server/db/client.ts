// The database: embedded PGlite in a data directory, or a PostgreSQL server through `pg`.
// Same schema, same migrations, same queries. PGlite has one connection and serialises
// queries and transactions itself, so code must never reach for the outer handle inside a
// transaction (it would wait for itself): always use the `tx` it was given.
import { hash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type ExtractTablesWithRelations, type Query, SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as accommodations from './schema/accommodations';
import * as audit from './schema/audit';
import * as auth from './schema/auth';
import * as compliance from './schema/compliance';
import * as imports from './schema/imports';
import * as jobs from './schema/jobs';
import * as notifications from './schema/notifications';
import * as orgs from './schema/orgs';
import * as receipts from './schema/receipts';
import * as regions from './schema/regions';
import * as register from './schema/register';
import * as stays from './schema/stays';

export const schema = {
  ...regions,
  ...orgs,
  ...auth,
  ...audit,
  ...jobs,
  ...register,
  ...accommodations,
  ...imports,
  ...stays,
  ...receipts,
  ...notifications,
  ...compliance,
};
type Schema = typeof schema;

export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction. */
export type Queryable = Db | Tx;

export type DatabaseMode = 'embedded' | 'server';

export interface Database {
  mode: DatabaseMode;
  db: Db;
  /** One transaction; everything a service call writes, audit rows included, goes through one. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs SQL text with several statements (restore, loaders). */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance in embedded mode (backup, cloning in tests). */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
export const pgliteExtensions = { pg_trgm, unaccent, fuzzystrmatch, pgcrypto };

export async function openEmbedded(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create({
    ...(dataDir ? { dataDir: path.resolve(dataDir, 'pglite') } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: pgliteExtensions,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    mode: 'embedded',
    db,
    pglite: client,
    transaction: (fn) => db.transaction(fn),
    execScript: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

export async function openServer(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection can be cut by the server (restart, failover, DROP DATABASE); without a listener the pool's
  // 'error' event would end the process. The next query gets a fresh connection or a clear error.
  pool.on('error', (error) => {
    process.stderr.write(`database connection lost: ${error.message}\n`);
  });
  // Fail fast with a clear message when the server is not there.
  const probe = await pool.connect();
  probe.release();
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    mode: 'server',
    db,
    pool,
    transaction: (fn) => db.transaction(fn),
    execScript: async (text) => {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}

const MIGRATION_LOCK = 0x504f5241; // "PORA"

/** Applies pending migrations. On a server, an advisory lock keeps two starting nodes from racing. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.mode === 'embedded') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const pool = database.pool;
  if (!pool) {
    throw new Error('server database without a pool');
  }
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export async function pingDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}

/** Rows of a raw SQL statement (drizzle's `sql`, or a text with `$n` placeholders and its parameters: statement.ts);
 * both drivers answer with `{ rows }`. */
export async function selectRows<T>(q: Queryable, query: SQL | Query): Promise<T[]> {
  if (query instanceof SQL) {
    return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
  }
  return runQuery<T>(q, query, undefined);
}

/** A built statement through the session of `q` (the database or a transaction), under `name` when given. */
async function runQuery<T>(q: Queryable, query: Query, name: string | undefined): Promise<T[]> {
  return ((await q._.session.prepareQuery(query, undefined, name, false).execute()) as { rows: T[] }).rows;
}

const dialect = new PgDialect();
/** The texts each call site has had prepared, by the text's hash (one process-wide list; a connection prepares a
 * text the first time it runs it). */
const preparedTexts = new Map<string, Set<string>>();
/** At most this many texts a call site: a statement whose text follows its data (a column sent once when all rows
 * agree) has a few variants; past this, the rest run unprepared, so that no connection collects plans without end. */
export const PREPARED_TEXTS_PER_SITE = 24;

/**
 * Rows of a statement that PostgreSQL keeps prepared on each connection (ARCHITECTURE D22): parsed, analysed and,
 * after a few runs, planned once per connection instead of every time — for the few statements every check-in and
 * batch runs. `site` names the call site; the statement's name is the site and a hash of its text, so a site whose
 * text varies gets one per variant (up to PREPARED_TEXTS_PER_SITE). Same results and errors as `selectRows`; on
 * PGlite the same as `selectRows`.
 */
export async function selectPrepared<T>(q: Queryable, site: string, query: SQL | Query): Promise<T[]> {
  const built = query instanceof SQL ? dialect.sqlToQuery(query) : query;
  let texts = preparedTexts.get(site);
  if (!texts) {
    texts = new Set<string>();
    preparedTexts.set(site, texts);
  }
  const key = hash('sha1', built.sql, 'base64url').slice(0, 16);
  if (texts.size < PREPARED_TEXTS_PER_SITE) {
    texts.add(key);
  }
  return runQuery<T>(q, built, texts.has(key) ? `${site}:${key}` : undefined);
}
