import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/harness';
import { arrayLiteral, insertColumns } from './bulk-insert';
import { selectRows } from './client';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  await env.database.db.execute(
    sql`create table bulk_probe (id int primary key, label text, note text, flag bool, doc jsonb, twice int)`,
  );
});
afterAll(async () => {
  await env.close();
});

describe('bulk insert', () => {
  it('sends any text through an array literal unchanged (quotes, backslashes, braces, commas, NULL as a word)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: null }), { maxLength: 20 }),
        async (raw) => {
          // PostgreSQL text cannot hold NUL
          const values = raw.map((v) => (v === null ? null : v.replaceAll('\u0000', '')));
          const rows = await selectRows<{ v: string | null }>(
            env.database.db,
            sql`select v from unnest(${arrayLiteral(values)}::text[]) with ordinality as t(v, n) order by n`,
          );
          expect(rows.map((r) => r.v)).toEqual(values);
        },
      ),
      { numRuns: 150 },
    );
    const hostile = ['NULL', 'null', '', ' ', '{', '}', ',', '"', '\\', '\\"', 'a,b', '{"x":1}', 'ÿ€😀'];
    const back = await selectRows<{ v: string | null }>(
      env.database.db,
      sql`select v from unnest(${arrayLiteral(hostile)}::text[]) with ordinality as t(v, n) order by n`,
    );
    expect(back.map((r) => r.v)).toEqual(hostile);
  });

  it('writes one row per id, with same-for-all columns sent once and computed columns', async () => {
    await env.database.db.execute(
      insertColumns(
        'bulk_probe',
        [
          ['id', 'int', [1, 2, 3]],
          ['label', 'text', ['same', 'same', 'same']],
          ['note', 'text', [null, 'b"\\', null]],
          ['flag', 'bool', [true, false, true]],
          ['doc', 'jsonb', [JSON.stringify({ a: 'x"y' }), JSON.stringify([1]), JSON.stringify(null)]],
        ],
        [['twice', (pick) => sql`${pick('id')} * 2`]],
      ),
    );
    // a single row: every column the same for all rows
    await env.database.db.execute(
      insertColumns('bulk_probe', [
        ['id', 'int', [4]],
        ['label', 'text', ['one']],
      ]),
    );
    const rows = await selectRows<{
      id: number;
      label: string;
      note: string | null;
      flag: boolean | null;
      doc: unknown;
      twice: number | null;
    }>(env.database.db, sql`select id, label, note, flag, doc, twice from bulk_probe order by id`);
    expect(rows).toEqual([
      { id: 1, label: 'same', note: null, flag: true, doc: { a: 'x"y' }, twice: 2 },
      { id: 2, label: 'same', note: 'b"\\', flag: false, doc: [1], twice: 4 },
      { id: 3, label: 'same', note: null, flag: true, doc: null, twice: 6 },
      { id: 4, label: 'one', note: null, flag: null, doc: null, twice: null },
    ]);
  });
});
