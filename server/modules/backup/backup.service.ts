// Backup and restore of the whole database, portable between embedded PGlite and a PostgreSQL server.
// Format (gzip'd JSON lines): a header (format version, app version, applied migrations), then per table a section
// line and one JSON array per row with every value in PostgreSQL's text form (exact for timestamps, dates, jsonb,
// arrays, bigint, bytea), then an end line with row counts and a SHA-256 of everything before it. The dump reads one
// REPEATABLE READ snapshot; the restore writes into a freshly migrated, empty database in one transaction.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { DatabaseMode, Queryable, Tx } from '../../db/client';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { version } from '../../version';
import { type PlannedTable, planTables, quoteIdentifier, RELOADED_TABLES } from './backup.plan';

export const BACKUP_FORMAT = 'pora-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  sourceMode: DatabaseMode;
  /** hashes of the applied migrations, in order: the schema the rows belong to. */
  migrations: string[];
  /** tables not copied because every installation loads them itself. */
  reloaded: string[];
  /** fingerprint of the instance secret that sealed the TOTP secrets (null when unknown). */
  keyFingerprint: string | null;
};
type Section = { table: string; columns: [name: string, type: string][] };
type Trailer = { end: true; counts: Record<string, number>; sha256: string };

export type BackupSummary = { file: string; bytes: number; counts: Record<string, number>; rows: number };
export type RestoreSummary = {
  header: BackupHeader;
  counts: Record<string, number>;
  rows: number;
  /** false when the backup's TOTP secrets were sealed with another instance secret (null: cannot tell). */
  keyMatches: boolean | null;
};

/** A backup file that cannot be used; the message (in Bahasa Indonesia: it is for the operator at the terminal)
 * says why. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const FETCH_ROWS = 1000;
const INSERT_BATCH = 500;

function requireSystem(ctx: Ctx) {
  if (ctx.actor.kind !== 'system') {
    throw new AppError('PERMISSION_DENIED', 'backup and restore run from the command line only');
  }
}

export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('pora-backup-key-fingerprint\0').update(key).digest('hex').slice(0, 16);
}

type Row = Record<string, unknown>;
async function query<T extends Row>(db: Queryable, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

/** Text forms that do not depend on the session: UTC instants, ISO dates, floats that round-trip. */
async function fixSessionFormats(tx: Tx) {
  await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 3`);
  await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
}

export async function listAppliedMigrations(db: Queryable): Promise<string[]> {
  const exists = await query<{ t: string | null }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`,
  );
  if (!exists[0]?.t) {
    return [];
  }
  const rows = await query<{ hash: string }>(db, sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`);
  return rows.map((r) => r.hash);
}

type Column = { name: string; type: string };
async function columnsOf(db: Queryable, table: PlannedTable): Promise<Column[]> {
  const rows = await query<Column>(
    db,
    sql`SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_attribute a
        WHERE a.attrelid = to_regclass(${table.sqlName}) AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attgenerated = ''
        ORDER BY a.attnum`,
  );
  if (rows.length === 0) {
    throw new BackupError(`tabel ${table.name} tidak ada di basis data ini; jalankan "pora migrate" dulu`);
  }
  return rows;
}

async function primaryKeyOf(db: Queryable, table: PlannedTable): Promise<string[]> {
  const rows = await query<{ name: string }>(
    db,
    sql`SELECT a.attname AS name
        FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = to_regclass(${table.sqlName}) AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`,
  );
  return rows.map((r) => r.name);
}

/** Writes a backup of the whole database to `file` (replaced only once complete; mode 0600: it holds personal data). */
export async function createBackup(
  ctx: Ctx,
  file: string,
  opts: { keyFingerprint?: string | null; tables?: PlannedTable[] } = {},
): Promise<BackupSummary> {
  requireSystem(ctx);
  const { database } = ctx;
  // The record that the data left the system goes into the backup itself.
  await database.transaction((tx) =>
    appendAudit(tx, ctx, { action: 'system.backup', details: { file: path.basename(file) } }),
  );
  const plan = opts.tables ?? planTables();
  const partial = `${file}.partial-${process.pid}`;
  const counts: Record<string, number> = {};
  try {
    await database.transaction(async (tx) => {
      await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      await fixSessionFormats(tx);
      const digest = createHash('sha256');
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: version,
        createdAt: new Date().toISOString(),
        sourceMode: database.mode,
        migrations: await listAppliedMigrations(tx),
        reloaded: [...RELOADED_TABLES],
        keyFingerprint: opts.keyFingerprint ?? null,
      };
      async function* lines() {
        const emit = (line: string) => {
          digest.update(line).update('\n');
          return `${line}\n`;
        };
        yield emit(JSON.stringify(header));
        for (const table of plan) {
          const columns = await columnsOf(tx, table);
          const key = await primaryKeyOf(tx, table);
          const section: Section = { table: table.name, columns: columns.map((c) => [c.name, c.type]) };
          yield emit(JSON.stringify(section));
          const values = columns.map((c) => `${quoteIdentifier(c.name)}::text`).join(', ');
          const order = key.length > 0 ? ` ORDER BY ${key.map(quoteIdentifier).join(', ')}` : '';
          await tx.execute(
            sql.raw(
              `DECLARE pora_backup NO SCROLL CURSOR FOR SELECT array_to_json(ARRAY[${values}]::text[])::text AS line FROM ${table.sqlName}${order}`,
            ),
          );
          let count = 0;
          for (;;) {
            const batch = await query<{ line: string }>(tx, sql.raw(`FETCH FORWARD ${FETCH_ROWS} FROM pora_backup`));
            let chunk = '';
            for (const row of batch) {
              chunk += emit(row.line);
            }
            count += batch.length;
            if (chunk) {
              yield chunk;
            }
            if (batch.length < FETCH_ROWS) {
              break;
            }
          }
          await tx.execute(sql.raw('CLOSE pora_backup'));
          counts[table.name] = count;
        }
        const trailer: Trailer = { end: true, counts, sha256: digest.digest('hex') };
        yield `${JSON.stringify(trailer)}\n`;
      }
      await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600 }));
    });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  return { file, bytes: (await stat(file)).size, counts, rows };
}

/** Reads a backup file line by line; damaged or truncated gzip data surfaces as a BackupError. */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  const failure: { error?: Error } = {};
  source.on('error', (e) => {
    failure.error = e;
    gunzip.destroy(e);
  });
  // Errors reach the caller through the line iterator; this listener keeps a late one (after an early return, as
  // when only the header is read) from becoming an unhandled 'error' event.
  gunzip.on('error', (e) => {
    failure.error ??= e;
  });
  source.pipe(gunzip);
  const reader = createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of reader) {
      yield line;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new BackupError(`berkas cadangan tidak ditemukan: ${file}`);
    }
    throw new BackupError(
      `berkas cadangan rusak atau terpotong (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    reader.close();
    source.destroy();
    gunzip.destroy();
  }
  if (failure.error) {
    throw new BackupError(`berkas cadangan tidak dapat dibaca: ${failure.error.message}`);
  }
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new BackupError(`berkas cadangan rusak: baris ${number} bukan JSON yang sah`);
  }
}

function asHeader(value: unknown): BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  if (!h || typeof h !== 'object' || h.format !== BACKUP_FORMAT) {
    throw new BackupError('bukan berkas cadangan PORA');
  }
  if (typeof h.formatVersion !== 'number' || h.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `format cadangan versi ${String(h.formatVersion)} lebih baru daripada yang dipahami PORA ini; perbarui PORA dulu`,
    );
  }
  if (!Array.isArray(h.migrations)) {
    throw new BackupError('kepala berkas cadangan rusak (tanpa daftar migrasi)');
  }
  return h as BackupHeader;
}

/**
 * Reads the whole file once — gzip's own CRC and the trailer's SHA-256 — before anything is written, so that a
 * damaged file is refused as such (and not as whatever the database makes of garbled rows).
 */
export async function verifyBackupFile(file: string): Promise<void> {
  const digest = createHash('sha256');
  let trailer: Trailer | undefined;
  let number = 0;
  for await (const line of readLines(file)) {
    number += 1;
    if (trailer) {
      throw new BackupError(`berkas cadangan rusak: ada data setelah penanda akhir (baris ${number})`);
    }
    const value = parseLine(line, number);
    if (!Array.isArray(value) && (value as Partial<Trailer> | null)?.end === true) {
      trailer = value as Trailer;
      continue;
    }
    digest.update(line).update('\n');
  }
  if (!trailer) {
    throw new BackupError('berkas cadangan terpotong: penanda akhirnya tidak ada');
  }
  if (trailer.sha256 !== digest.digest('hex')) {
    throw new BackupError('berkas cadangan rusak: checksum tidak cocok dengan isinya');
  }
}

/** The header of a backup file, without reading the rest. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of readLines(file)) {
    return asHeader(parseLine(line, 1));
  }
  throw new BackupError('berkas cadangan kosong');
}

function describeMigrationMismatch(header: BackupHeader, target: string[]): string {
  const backup = header.migrations;
  if (backup.length < target.length && backup.every((h, i) => target[i] === h)) {
    return `cadangan dibuat dengan skema lebih lama (${backup.length} migrasi, basis data ini ${target.length}): pulihkan dengan versi PORA pembuatnya (${header.appVersion}), lalu perbarui`;
  }
  if (backup.length > target.length && target.every((h, i) => backup[i] === h)) {
    return `cadangan dibuat dengan skema lebih baru (${backup.length} migrasi, PORA ini ${target.length}): perbarui PORA dulu`;
  }
  return 'cadangan dibuat dengan skema lain (migrasinya berbeda dari basis data ini)';
}

type TableTarget = {
  plan: PlannedTable;
  columns: Column[];
  key: string[];
  insert: (rows: unknown[][]) => Promise<void>;
  deferredUpdates: unknown[][];
};

/**
 * Restores a backup into this database, which must be migrated to the same schema and hold no data (reference data
 * excepted). Everything happens in one transaction: a damaged file, a count or checksum mismatch, or a constraint
 * violation leaves the database as it was.
 */
export async function restoreBackup(
  ctx: Ctx,
  file: string,
  opts: { keyFingerprint?: string | null; tables?: PlannedTable[] } = {},
): Promise<RestoreSummary> {
  requireSystem(ctx);
  const header = await readBackupHeader(file);
  const { database } = ctx;
  const targetMigrations = await listAppliedMigrations(database.db);
  const sameSchema =
    header.migrations.length === targetMigrations.length &&
    header.migrations.every((h, i) => targetMigrations[i] === h);
  if (!sameSchema) {
    throw new BackupError(describeMigrationMismatch(header, targetMigrations));
  }
  await verifyBackupFile(file);
  const plan = opts.tables ?? planTables();
  const byName = new Map(plan.map((t) => [t.name, t]));

  const result = await database.transaction(async (tx) => {
    await fixSessionFormats(tx);
    for (const table of RELOADED_TABLES) {
      const [row] = await query<{ any: boolean }>(
        tx,
        sql.raw(`SELECT EXISTS (SELECT 1 FROM ${quoteIdentifier(table)}) AS "any"`),
      );
      if (!row?.any) {
        throw new BackupError(`data acuan ${table} belum dimuat di basis data tujuan: jalankan "pora migrate" dulu`);
      }
    }
    for (const table of plan) {
      const [row] = await query<{ any: boolean }>(
        tx,
        sql.raw(`SELECT EXISTS (SELECT 1 FROM ${table.sqlName}) AS "any"`),
      );
      if (row?.any) {
        throw new BackupError(
          `basis data tujuan tidak kosong (tabel ${table.name} berisi data); pulihkan ke direktori data baru atau basis data kosong`,
        );
      }
    }

    const digest = createHash('sha256');
    const counts: Record<string, number> = {};
    const targets: TableTarget[] = [];
    let current: TableTarget | undefined;
    let batch: unknown[][] = [];
    let trailer: Trailer | undefined;
    let number = 0;

    const flush = async () => {
      if (current && batch.length > 0) {
        await current.insert(batch);
        batch = [];
      }
    };

    for await (const line of readLines(file)) {
      number += 1;
      if (trailer) {
        throw new BackupError(`berkas cadangan rusak: ada data setelah penanda akhir (baris ${number})`);
      }
      const value = parseLine(line, number);
      if (number === 1) {
        digest.update(line).update('\n');
        continue;
      }
      if (Array.isArray(value)) {
        digest.update(line).update('\n');
        if (!current) {
          throw new BackupError(`berkas cadangan rusak: baris data sebelum tabel mana pun (baris ${number})`);
        }
        if (value.length !== current.columns.length || value.some((v) => v !== null && typeof v !== 'string')) {
          throw new BackupError(`berkas cadangan rusak: baris ${number} tidak cocok dengan tabel ${current.plan.name}`);
        }
        batch.push(value);
        counts[current.plan.name] = (counts[current.plan.name] ?? 0) + 1;
        if (batch.length >= INSERT_BATCH) {
          await flush();
        }
        continue;
      }
      const object = value as Partial<Section & Trailer> | null;
      if (object && typeof object.table === 'string' && Array.isArray(object.columns)) {
        digest.update(line).update('\n');
        await flush();
        current = await prepareTable(tx, byName, object as Section);
        targets.push(current);
        counts[current.plan.name] = 0;
        continue;
      }
      if (object && object.end === true) {
        await flush();
        trailer = object as Trailer;
        continue;
      }
      throw new BackupError(`berkas cadangan rusak: isi tak terduga di baris ${number}`);
    }

    if (!trailer) {
      throw new BackupError('berkas cadangan terpotong: penanda akhirnya tidak ada');
    }
    if (trailer.sha256 !== digest.digest('hex')) {
      throw new BackupError('berkas cadangan rusak: checksum tidak cocok dengan isinya');
    }
    for (const [table, count] of Object.entries(trailer.counts ?? {})) {
      if ((counts[table] ?? 0) !== count) {
        throw new BackupError(`berkas cadangan rusak: tabel ${table} seharusnya berisi ${count} baris`);
      }
    }

    for (const target of targets) {
      await applyDeferred(tx, target);
      await resetSequences(tx, target);
    }
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    await appendAudit(tx, ctx, {
      action: 'system.restore',
      details: { file: path.basename(file), backupCreatedAt: header.createdAt, sourceMode: header.sourceMode, rows },
    });
    return { counts, rows };
  });

  const keyMatches =
    header.keyFingerprint && opts.keyFingerprint ? header.keyFingerprint === opts.keyFingerprint : null;
  return { header, ...result, keyMatches };
}

async function prepareTable(tx: Tx, byName: Map<string, PlannedTable>, section: Section): Promise<TableTarget> {
  const plan = byName.get(section.table);
  if (!plan) {
    throw new BackupError(`cadangan memuat tabel ${section.table} yang tidak ada di basis data ini`);
  }
  const actual = await columnsOf(tx, plan);
  const types = new Map(actual.map((c) => [c.name, c.type]));
  const columns: Column[] = section.columns.map(([name, type]) => {
    if (types.get(name) !== type) {
      throw new BackupError(`kolom ${section.table}.${name} (${type}) tidak cocok dengan basis data ini`);
    }
    return { name, type };
  });
  const key = await primaryKeyOf(tx, plan);
  const deferred = new Set(plan.deferredColumns);
  if (deferred.size > 0 && key.length === 0) {
    throw new BackupError(`tabel ${plan.name} merujuk dirinya sendiri tetapi tidak punya kunci primer`);
  }
  const target: TableTarget = { plan, columns, key, deferredUpdates: [], insert: async () => undefined };
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  const values = columns.map((c, i) => (deferred.has(c.name) ? `NULL::${c.type}` : `(r->>${i})::${c.type}`)).join(', ');
  const head = sql.raw(
    `INSERT INTO ${plan.sqlName} (${names}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements(`,
  );
  const tail = sql.raw('::json) AS e(r)');
  const index = new Map(columns.map((c, i) => [c.name, i]));
  target.insert = async (rows) => {
    await tx.execute(sql.join([head, sql`${JSON.stringify(rows)}`, tail], sql``));
    if (deferred.size > 0) {
      for (const row of rows) {
        const later = plan.deferredColumns.map((c) => row[index.get(c) ?? -1] ?? null);
        if (later.some((v) => v !== null)) {
          target.deferredUpdates.push([...key.map((k) => row[index.get(k) ?? -1] ?? null), ...later]);
        }
      }
    }
  };
  return target;
}

/** Fills in the foreign keys that had to wait until every row of the table (or cycle) was there. */
async function applyDeferred(tx: Tx, target: TableTarget) {
  if (target.deferredUpdates.length === 0) {
    return;
  }
  const typeOf = new Map(target.columns.map((c) => [c.name, c.type]));
  const sets = target.plan.deferredColumns
    .map((c, i) => `${quoteIdentifier(c)} = (r->>${target.key.length + i})::${typeOf.get(c)}`)
    .join(', ');
  const match = target.key.map((k, i) => `t.${quoteIdentifier(k)} = (r->>${i})::${typeOf.get(k)}`).join(' AND ');
  for (let i = 0; i < target.deferredUpdates.length; i += INSERT_BATCH) {
    const rows = JSON.stringify(target.deferredUpdates.slice(i, i + INSERT_BATCH));
    await tx.execute(
      sql.join(
        [
          sql.raw(`UPDATE ${target.plan.sqlName} AS t SET ${sets} FROM json_array_elements(`),
          sql`${rows}`,
          sql.raw(`::json) AS e(r) WHERE ${match}`),
        ],
        sql``,
      ),
    );
  }
}

/** Serial and identity columns continue after the restored values. */
async function resetSequences(tx: Tx, target: TableTarget) {
  for (const column of target.columns) {
    const [row] = await query<{ seq: string | null }>(
      tx,
      sql`SELECT pg_get_serial_sequence(${target.plan.sqlName}, ${column.name}) AS seq`,
    );
    if (row?.seq) {
      const c = quoteIdentifier(column.name);
      await tx.execute(
        sql.raw(
          `SELECT setval('${row.seq.replaceAll("'", "''")}', coalesce((SELECT max(${c}) FROM ${target.plan.sqlName}), 0) + 1, false)`,
        ),
      );
    }
  }
}
