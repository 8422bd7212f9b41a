import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { selectRows } from '../../db/client';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness';
import { accommodationsDemoPart } from '../demo/demo.accommodations';
import { orgsDemoPart } from '../demo/demo.orgs';
import { seedDemo } from '../demo/demo.service';
import { usersDemoPart } from '../demo/demo.users';
import { clientOf } from '../orgs/orgs.test-support';

let env: TestEnv;
let accounts: Awaited<ReturnType<typeof seedDemo>>['accounts'];
beforeAll(async () => {
  env = await createTestEnv();
  const result = await seedDemo(env.database, {
    config: { ...loadConfig({}), dataDir: '/nonexistent' },
    parts: [orgsDemoPart, usersDemoPart, accommodationsDemoPart],
    accountsFile: null,
  });
  accounts = result.accounts;
});
afterAll(async () => {
  await env.close();
});

describe('demo accommodations', () => {
  it('has twenty properties in the four regencies: most verified, two pending, one suspended', async () => {
    const rows = await selectRows<{ status: string; regency: string; n: number }>(
      env.database.db,
      sql`select status, left(village_code, 5) as regency, count(*)::int as n from accommodations group by 1, 2`,
    );
    const total = (pick: (r: (typeof rows)[number]) => boolean) =>
      rows.filter(pick).reduce((sum, r) => sum + Number(r.n), 0);
    expect(total(() => true)).toBe(20);
    expect(total((r) => r.status === 'pending')).toBe(2);
    expect(total((r) => r.status === 'suspended')).toBe(1);
    expect(total((r) => r.status === 'verified')).toBe(17);
    expect(new Set(rows.map((r) => r.regency))).toEqual(new Set(['16.72', '16.04', '16.11', '16.03']));
  });

  it('binds the demo hotel operator to one verified property, and the office sees the pending ones', async () => {
    const operator = accounts.find((a) => a.role === 'accommodation_operator');
    const { cookie } = await signIn(env, { email: operator?.email ?? '', password: operator?.password ?? '' });
    const mine = (await clientOf(env, cookie).get('/api/v1/accommodations/me')).json();
    expect(mine.items).toEqual([expect.objectContaining({ name: 'Hotel Dempo Asri', status: 'verified' })]);

    const analyst = accounts.find((a) => a.role === 'analyst');
    const session = await signIn(env, { email: analyst?.email ?? '', password: analyst?.password ?? '' });
    const pending = (await clientOf(env, session.cookie).get('/api/v1/accommodations?status=pending')).json();
    expect(pending.total).toBe(2);
  });
});
