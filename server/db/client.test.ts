import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/harness';
import { PREPARED_TEXTS_PER_SITE, selectPrepared, selectRows } from './client';
import { insertColumns, Statement } from './statement';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

describe('selectPrepared', () => {
  it('answers as selectRows does, each variant of a call site with its own text, before and past the cap', async () => {
    const variants = PREPARED_TEXTS_PER_SITE + 6;
    await env.database.transaction(async (tx) => {
      for (let round = 0; round < 2; round++) {
        for (let v = 0; v < variants; v++) {
          const query = sql`select n + ${sql.raw(String(v))} as n, ${`round ${round}`}::text as label
                              from unnest(${sql.param([1, 2, 3])}::int[]) as t(n) order by n`;
          const prepared = await selectPrepared<{ n: number; label: string }>(tx, 'test.variants', query);
          expect(prepared).toEqual(await selectRows(tx, query));
          expect(prepared.map((r) => r.n)).toEqual([1 + v, 2 + v, 3 + v]);
          expect(prepared[0]?.label).toBe(`round ${round}`);
        }
      }
    });
  });

  it('refuses what the server refuses, and the connection goes on', async () => {
    const fails = () =>
      env.database.transaction((tx) => selectPrepared(tx, 'test.fails', sql`select 1 / ${0}::int as n`));
    await expect(fails()).rejects.toThrow();
    await expect(fails()).rejects.toThrow();
    const [row] = await env.database.transaction((tx) =>
      selectPrepared<{ n: number }>(tx, 'test.after_failure', sql`select 2 / ${1}::int as n`),
    );
    expect(row?.n).toBe(2);
  });

  it.runIf(process.env.DATABASE_URL)(
    'keeps the statement prepared on the connection, a bounded number a site',
    async () => {
      await env.database.transaction(async (tx) => {
        for (let v = 0; v < PREPARED_TEXTS_PER_SITE + 6; v++) {
          await selectPrepared(tx, 'test.kept', sql`select ${v}::int + ${sql.raw(String(v))} as n`);
        }
        const kept = await selectRows<{ name: string }>(
          tx,
          sql`select name from pg_prepared_statements where name like 'test.kept:%'`,
        );
        expect(kept).toHaveLength(PREPARED_TEXTS_PER_SITE);
      });
    },
  );
});

describe('insertColumns (statement.ts)', () => {
  it('stores any text, null and number exactly as given, whether a column varies or not', async () => {
    await env.database.db.execute(
      sql`create temporary table if not exists statement_probe (id int, label text, note text, n int, computed text)`,
    );
    const text = fc.oneof(fc.string(), fc.constantFrom('"', '\\', '{', '}', ',', 'NULL', 'null', ' a b ', "'", '\\"'));
    const row = fc.record({ label: fc.option(text), n: fc.option(fc.integer()) });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), fc.option(text), async (rows, note) => {
        const statement = new Statement();
        const insert = insertColumns(
          statement,
          'statement_probe',
          [
            ['id', 'int', rows.map((_, i) => i)],
            ['label', 'text', rows.map((r) => r.label)],
            ['note', 'text', rows.map(() => note)],
            ['n', 'int', rows.map((r) => r.n)],
          ],
          [['computed', (pick) => `${pick('note')} || '/' || ${pick('label')}`]],
        );
        const stored = await env.database.transaction(async (tx) => {
          await tx.execute(sql`delete from statement_probe`);
          await selectRows(tx, statement.query(insert));
          return selectRows<{ label: string | null; note: string | null; n: number | null; computed: string | null }>(
            tx,
            sql`select label, note, n, computed from statement_probe order by id`,
          );
        });
        expect(stored).toEqual(
          rows.map((r) => ({
            label: r.label,
            note,
            n: r.n,
            computed: note === null || r.label === null ? null : `${note}/${r.label}`,
          })),
        );
      }),
      { numRuns: 60 },
    );
  });
});
