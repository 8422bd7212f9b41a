import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { selectRows } from '../../db/client';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { accommodationsDemoPart } from '../demo/demo.accommodations';
import { orgsDemoPart } from '../demo/demo.orgs';
import { registerDemoPart } from '../demo/demo.register';
import { seedDemo } from '../demo/demo.service';
import { staysDemoPart } from '../demo/demo.stays';
import { usersDemoPart } from '../demo/demo.users';
import { clientOf } from '../orgs/orgs.test-support';

let env: TestEnv;
const one = async <T>(query: ReturnType<typeof sql>) => (await selectRows<T>(env.database.db, query))[0] as T;

beforeAll(async () => {
  env = await createTestEnv();
  const config = { ...loadConfig({}), dataDir: '/nonexistent' };
  await seedDemo(env.database, {
    config,
    parts: [orgsDemoPart, usersDemoPart, registerDemoPart, accommodationsDemoPart],
    accountsFile: null,
  });
  const started = performance.now();
  await seedDemo(env.database, { config, parts: [staysDemoPart], accountsFile: null });
  console.info(`demo part "stays": ${Math.round(performance.now() - started)} ms`);
});
afterAll(async () => {
  await env.close();
});

describe('demo guest reports', () => {
  it('has about three months of reports at the verified properties, with late ones, missing check-outs and guests now', async () => {
    const stays = await one<{
      n: number;
      properties: number;
      late: number;
      open: number;
      overdue: number;
      days: number;
      unverified: number;
    }>(
      sql`select count(*)::int as n, count(distinct s.accommodation_id)::int as properties,
                 count(*) filter (where s.is_late)::int as late,
                 count(*) filter (where s.status = 'open')::int as open,
                 count(*) filter (where s.status = 'open' and s.expected_check_out < current_date - 1)::int as overdue,
                 extract(day from max(s.arrived_at) - min(s.arrived_at))::int as days,
                 count(*) filter (where a.status <> 'verified')::int as unverified
          from stays s join accommodations a on a.id = s.accommodation_id`,
    );
    expect(stays.properties).toBe(17);
    expect(stays.unverified).toBe(0);
    expect(stays.days).toBeGreaterThanOrEqual(85);
    expect(stays.n).toBeGreaterThan(500);
    expect(stays.late / stays.n).toBeGreaterThan(0.03);
    expect(stays.late / stays.n).toBeLessThan(0.15);
    expect(stays.open).toBeGreaterThan(20);
    expect(stays.overdue).toBeGreaterThan(0);
    expect(stays.overdue).toBeLessThan(stays.n * 0.1);
  });

  it('gives every report its own valid receipt, dated at the event', async () => {
    const reports = await one<{ n: number; receipts: number; outs: number; mismatched: number }>(
      sql`select count(*)::int as n, count(distinct r.receipt_number)::int as receipts,
                 count(*) filter (where r.kind = 'check_out')::int as outs,
                 count(*) filter (where rc.id is null or rc.number <> r.receipt_number or rc.issued_at <> r.reported_at
                   or rc.reported_at <> case when r.kind = 'check_in' then s.arrived_at else s.checked_out_at end)::int
                   as mismatched
          from stay_reports r join stays s on s.id = r.stay_id left join receipts rc on rc.report_id = r.id`,
    );
    expect(reports.receipts).toBe(reports.n);
    expect(reports.outs).toBeGreaterThan(0);
    expect(reports.mismatched).toBe(0);
    const { receipt_number } = await one<{ receipt_number: string }>(
      sql`select receipt_number from stay_reports order by reported_at limit 1`,
    );
    const check = await clientOf(env).get(`/api/v1/public/receipts/${receipt_number}`);
    expect(check.json()).toMatchObject({ valid: true, reportKind: 'check_in' });
  });
});
