import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../config';
import { type Database, openEmbedded } from '../../db/client';
import { verifyAuditChain } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { seedDemo } from '../demo/demo.service';
import { planTables, quoteIdentifier } from './backup.plan';
import { BackupError, createBackup, readBackupHeader, restoreBackup } from './backup.service';

const dir = mkdtempSync(path.join(tmpdir(), 'pora-backup-'));
const config = { ...loadConfig({}), dataDir: dir };

function systemCtx(database: Database): Ctx {
  return {
    actor: { kind: 'system', name: 'test' },
    database,
    config,
    log: undefined as never,
    requestId: randomUUID(),
    ip: null,
    userAgent: null,
    now: () => new Date(),
  };
}

/** A fresh, migrated database with the areas loaded, in embedded mode (from the test run's template). */
async function freshEmbedded(): Promise<Database> {
  return openEmbedded(undefined, new Blob([readFileSync(inject('pgliteTemplate'))]));
}

/** Every backed-up table as PostgreSQL text values, ordered by primary key: equal snapshots mean equal data. */
async function snapshot(database: Database): Promise<Record<string, (string | null)[][]>> {
  const out: Record<string, (string | null)[][]> = {};
  for (const table of planTables()) {
    const columns = (await database.db.execute(
      sql`SELECT a.attname AS name FROM pg_attribute a WHERE a.attrelid = to_regclass(${table.sqlName})
          AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    )) as unknown as { rows: { name: string }[] };
    const key = (await database.db.execute(
      sql`SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
          AND a.attnum = ANY (i.indkey) WHERE i.indrelid = to_regclass(${table.sqlName}) AND i.indisprimary`,
    )) as unknown as { rows: { name: string }[] };
    const list = columns.rows.map((c) => `${quoteIdentifier(c.name)}::text`).join(', ');
    const order = key.rows.map((k) => quoteIdentifier(k.name)).join(', ') || '1';
    const result = (await database.db.execute(
      sql.raw(`SELECT array_to_json(ARRAY[${list}]::text[]) AS r FROM ${table.sqlName} ORDER BY ${order}`),
    )) as unknown as { rows: { r: (string | null)[] }[] };
    out[table.name] = result.rows.map((row) => row.r);
  }
  return out;
}

async function isEmpty(database: Database): Promise<boolean> {
  for (const table of planTables()) {
    const result = (await database.db.execute(
      sql.raw(`SELECT count(*)::int AS n FROM ${table.sqlName}`),
    )) as unknown as { rows: { n: number }[] };
    if ((result.rows[0]?.n ?? 0) > 0) {
      return false;
    }
  }
  return true;
}

/** The demo plus values that are easy to get wrong: microseconds, big integers, odd text, arrays, nested JSON. */
async function fillSource(database: Database) {
  await seedDemo(database, { config, accountsFile: null });
  await database.db.execute(sql`
    INSERT INTO settings (key, value, updated_at) VALUES
      ('test.tricky', '{"text": "a''b\\"c\\\\d\\n\\te 🇮🇩", "big": 123456789012345678901234567890, "f": 0.1, "nested": [1, {"x": null}]}',
       '2026-01-02 03:04:05.123456+07')`);
  await database.db.execute(sql`
    INSERT INTO jobs (id, name, payload, status, run_at, created_at) VALUES
      (${randomUUID()}, 'test.job', '[1, "dua", {"tiga": 3}]', 'queued', '1999-12-31 23:59:59.999999+00', now())`);
  await database.db.execute(sql`
    UPDATE users SET totp_last_step = 9007199254740993,
      recovery_code_hashes = ARRAY['a,b', 'c"d', 'NULL', '', 'e\\f'],
      name = 'Petugas ''; DROP TABLE users; --'
    WHERE email = 'analis@demo.pora.id'`);
}

describe('backup and restore', () => {
  let source: TestEnv;
  let file: string;
  beforeAll(async () => {
    source = await createTestEnv();
    await fillSource(source.database);
    file = path.join(dir, 'source.pora.gz');
  });
  afterAll(async () => {
    await source.close();
  });

  it(`round-trips ${process.env.DATABASE_URL ? 'server → embedded → server' : 'embedded → embedded'} exactly`, async () => {
    const before = await snapshot(source.database);
    const made = await createBackup(systemCtx(source.database), file, { keyFingerprint: 'k1' });
    // The backup holds the record that it was made.
    const withBackupRow = await snapshot(source.database);
    expect(made.counts.audit_log).toBe(withBackupRow.audit_log?.length);
    expect(made.counts.agencies).toBe(38);
    expect(before.users).toHaveLength(7);

    const header = await readBackupHeader(file);
    expect(header).toMatchObject({ format: 'pora-backup', sourceMode: source.database.mode, reloaded: ['regions'] });

    const embedded = await freshEmbedded();
    try {
      const restored = await restoreBackup(systemCtx(embedded), file, { keyFingerprint: 'k1' });
      expect(restored.keyMatches).toBe(true);
      expect(restored.rows).toBe(made.rows);
      const copy = await snapshot(embedded);
      // Identical, except for the audit row that records the restore.
      expect({ ...copy, audit_log: copy.audit_log?.slice(0, -1) }).toEqual(withBackupRow);
      expect(copy.audit_log?.at(-1)?.[6]).toBe('system.restore');
      expect(await verifyAuditChain(embedded.db)).toMatchObject({ ok: true, rows: (made.counts.audit_log ?? 0) + 1 });

      // And back into a database of the first kind.
      const second = path.join(dir, 'second.pora.gz');
      await createBackup(systemCtx(embedded), second);
      const again = await createTestEnv();
      try {
        const result = await restoreBackup(systemCtx(again.database), second, { keyFingerprint: 'k2' });
        expect(result.header.sourceMode).toBe('embedded');
        expect(result.keyMatches).toBeNull();
        const back = await snapshot(again.database);
        expect(back.audit_log).toHaveLength((withBackupRow.audit_log?.length ?? 0) + 3);
        expect({ ...back, audit_log: back.audit_log?.slice(0, withBackupRow.audit_log?.length) }).toEqual(
          withBackupRow,
        );
        expect((await verifyAuditChain(again.database.db)).ok).toBe(true);
      } finally {
        await again.close();
      }
    } finally {
      await embedded.close();
    }
  });

  it('refuses damaged, truncated, foreign and mismatched files and leaves the target unchanged', async () => {
    const bytes = readFileSync(file);
    const text = gunzipSync(bytes).toString('utf8');
    const lines = text.trimEnd().split('\n');
    const variant = (name: string, content: Buffer) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] = (flipped[Math.floor(flipped.length / 2)] ?? 0) ^ 0xff;
    const edited = text.replace('Kepolisian Resor Lahat', 'Kepolisian Resor Lahad');
    const header = JSON.parse(lines[0] ?? '{}') as { migrations: string[] };
    const otherSchema = [JSON.stringify({ ...header, migrations: header.migrations.slice(0, -1) }), ...lines.slice(1)];

    const cases: [string, string, RegExp][] = [
      [
        'truncated bytes',
        variant('truncated.gz', bytes.subarray(0, Math.floor(bytes.length * 0.6))),
        /terpotong|rusak/,
      ],
      ['flipped byte', variant('flipped.gz', flipped), /rusak|terpotong/],
      ['edited row', variant('edited.gz', gzipSync(edited)), /checksum/],
      ['no end marker', variant('no-end.gz', gzipSync(`${lines.slice(0, -1).join('\n')}\n`)), /penanda akhir/],
      ['not gzip', variant('plain.txt', Buffer.from(text)), /rusak|terpotong/],
      ['not a backup', variant('other.gz', gzipSync('{"hello":"world"}\n')), /bukan berkas cadangan/],
      ['other schema', variant('schema.gz', gzipSync(`${otherSchema.join('\n')}\n`)), /skema lebih lama/],
      ['missing file', path.join(dir, 'nope.gz'), /tidak ditemukan/],
    ];
    const env = await createTestEnv();
    const target = env.database;
    try {
      for (const [name, p, message] of cases) {
        const error = await restoreBackup(systemCtx(target), p).catch((e: unknown) => e);
        expect(error, name).toBeInstanceOf(BackupError);
        expect((error as Error).message, name).toMatch(message);
        expect(await isEmpty(target), name).toBe(true);
      }
      // Nothing was left behind: the good file still restores.
      await restoreBackup(systemCtx(target), file);
      expect(await isEmpty(target)).toBe(false);
      // A database with data is never overwritten.
      await expect(restoreBackup(systemCtx(target), file)).rejects.toThrow(/tidak kosong/);
    } finally {
      await env.close();
    }
  });

  it('restores a table that refers to itself, children listed before their parents', async () => {
    const tree = `CREATE TABLE test_tree (id uuid PRIMARY KEY, parent_id uuid REFERENCES test_tree (id), name text NOT NULL)`;
    const tables = [
      ...planTables(),
      { name: 'test_tree', sqlName: '"public"."test_tree"', deferredColumns: ['parent_id'] },
    ];
    const from = await createTestEnv();
    const to = await createTestEnv();
    try {
      await from.database.execScript(tree);
      await to.database.execScript(tree);
      // Primary-key order puts the children (0…) before their parent (f…).
      await from.database.execScript(`
        INSERT INTO test_tree VALUES ('ffffffff-0000-4000-8000-000000000000', NULL, 'Sumatera Selatan');
        INSERT INTO test_tree VALUES ('00000000-0000-4000-8000-000000000001', 'ffffffff-0000-4000-8000-000000000000', 'Lahat');
        INSERT INTO test_tree VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Kikim Timur');`);
      const treeFile = path.join(dir, 'tree.pora.gz');
      await createBackup(systemCtx(from.database), treeFile, { tables });
      await restoreBackup(systemCtx(to.database), treeFile, { tables });
      const rows = (await to.database.db.execute(
        sql`SELECT name, parent_id::text AS parent FROM test_tree ORDER BY name`,
      )) as unknown as { rows: { name: string; parent: string | null }[] };
      expect(rows.rows).toEqual([
        { name: 'Kikim Timur', parent: '00000000-0000-4000-8000-000000000001' },
        { name: 'Lahat', parent: 'ffffffff-0000-4000-8000-000000000000' },
        { name: 'Sumatera Selatan', parent: null },
      ]);
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('runs only for the system actor', async () => {
    const ctx = { ...systemCtx(source.database), actor: { kind: 'anonymous' as const } };
    await expect(createBackup(ctx, path.join(dir, 'x.gz'))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });
});
