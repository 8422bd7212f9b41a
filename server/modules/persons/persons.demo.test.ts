import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { type Client, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { seedRegisterDemo } from './persons.demo';

let env: TestEnv;
let office: Client;
// 12:00 WIB: the statuses below are about this day, whatever day the test runs.
const now = new Date('2026-03-02T05:00:00Z');
type Snapshot = { surname: string; given_names: string; birth_date: string | null; number: string }[];

const snapshot = (db: TestEnv['database']['db']) =>
  selectRows<Snapshot[number]>(
    db,
    sql`select p.surname, p.given_names, p.birth_date, d.number from persons p
        join travel_documents d on d.person_id = p.id order by d.number`,
  );

class Rollback extends Error {}

let first: Snapshot = [];
let second: Snapshot = [];
beforeAll(async () => {
  env = await createTestEnv();
  office = (await signInMuaraEnimAdmin(env)).api;
  const ctx = { ...env.ctx({ kind: 'system', name: 'demo' }), now: () => now };
  /** Loads a small demo and rolls it back, keeping what it held. */
  const loadAndForget = async () => {
    let held: Snapshot = [];
    await env.database
      .transaction(async (tx) => {
        await seedRegisterDemo(tx, ctx, { seed: 2026, count: 40, now });
        held = await snapshot(tx as never);
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) {
          throw e;
        }
      });
    return held;
  };
  first = await loadAndForget();
  second = await loadAndForget();
  await env.database.transaction((tx) => seedRegisterDemo(tx, ctx, { seed: 2026, count: 300, now }));
}, 180_000);
afterAll(async () => {
  await env.close();
});

describe('register demo', () => {
  it('is deterministic from the seed', async () => {
    expect(first).toHaveLength(40);
    expect(second).toEqual(first);
  });

  it('places ~300 foreigners in the Muara Enim working area, China first, with sponsors of every kind', async () => {
    const byNationality = await selectRows<{ nationality: string; n: number }>(
      env.database.db,
      sql`select nationality, count(*)::int as n from persons group by 1 order by 2 desc`,
    );
    expect(byNationality[0]?.nationality).toBe('CHN');
    expect(byNationality.map((r) => r.nationality)).toEqual(
      expect.arrayContaining(['MYS', 'IND', 'KOR', 'AUS', 'JPN']),
    );
    const outside = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from persons where not (region_code like '16.03.%' or region_code like '16.04.%'
          or region_code like '16.11.%' or region_code like '16.72.%')`,
    );
    expect(outside[0]?.n).toBe(0);
    const sponsors = (await office.get('/api/v1/sponsors?limit=200')).json();
    expect(sponsors.total).toBeGreaterThanOrEqual(15);
    expect(sponsors.items.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PLTU'),
        expect.stringContaining('PLTA'),
        expect.stringContaining('Sekolah'),
      ]),
    );
    expect(sponsors.items.some((s: { kind: string }) => s.kind === 'person')).toBe(true);
    expect((await office.get('/api/v1/persons')).json().total).toBe(300);
  });

  it('has some expiring, overstaying, departed and expired-passport foreigners, and disagreeing sources', async () => {
    const statuses = await selectRows<{
      n: number;
      overstay: number;
      expiring: number;
      exited: number;
      expired: number;
    }>(
      env.database.db,
      sql`select count(*)::int as n,
        count(*) filter (where exited_on is null and permit_valid_until < '2026-03-02')::int as overstay,
        count(*) filter (where exited_on is null and permit_valid_until between '2026-03-02' and '2026-04-01')::int as expiring,
        count(*) filter (where exited_on is not null)::int as exited,
        count(*) filter (where document_expiry < '2026-03-02')::int as expired
        from persons`,
    );
    const s = statuses[0];
    expect(s?.overstay).toBeGreaterThan(5);
    expect(s?.expiring).toBeGreaterThan(5);
    expect(s?.exited).toBeGreaterThan(3);
    expect(s?.expired).toBeGreaterThan(3);
    const disagreeing = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(distinct person_id)::int as n from identity_claims where source_ref like 'demo:disnaker-%'`,
    );
    expect(disagreeing[0]?.n).toBeGreaterThan(3);
  });

  it('holds passports whose MRZ reads back, and permits with visa indexes from the code table', async () => {
    const docs = await selectRows<{ n: number; with_mrz: number }>(
      env.database.db,
      sql`select count(*)::int as n, count(mrz_lines)::int as with_mrz from travel_documents`,
    );
    expect(docs[0]).toEqual({ n: 300, with_mrz: 300 });
    const indexes = await selectRows<{ visa_index: string }>(
      env.database.db,
      sql`select distinct visa_index from permits order by 1`,
    );
    expect(indexes.map((r) => r.visa_index)).toEqual(expect.arrayContaining(['E23', 'E31A', 'D2']));
  });
});
