import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { createTestEnv, type TestEnv } from '../../test/harness';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const get = (url: string) => env.app.inject({ method: 'GET', url });

describe('areas', () => {
  it('holds every Kemendagri area of idn-area-data', async () => {
    const counts = await selectRows<{ level: number; n: number }>(
      env.database.db,
      sql`select level, count(*)::int as n from regions group by level order by level`,
    );
    expect(counts.map((r) => r.n)).toEqual([38, 514, 7277, 83763]);
  });

  it('finds Kota Pagar Alam first, whatever the case or accents', async () => {
    for (const q of ['pagar alam', 'PAGAR ALAM', 'Pagar Álam', 'pagaralam', 'pagar alm']) {
      const res = await get(`/api/v1/regions?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      const first = res.json().items[0];
      expect(first?.code, q).toBe('16.72');
      expect(first?.label, q).toBe('Kota Pagar Alam, Sumatera Selatan');
    }
  });

  it('labels a village with its district, regency and province', async () => {
    const res = await get('/api/v1/regions?parent=16.72.01');
    const items = res.json().items as { code: string; label: string; level: number }[];
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((i) => i.level === 4 && i.code.startsWith('16.72.01.'))).toBe(true);
    expect(items[0]?.label).toMatch(/^(Desa|Kel\.) .+, Kec\. .+, Kota Pagar Alam, Sumatera Selatan$/);
  });

  it('understands a level word: "kec dempo" gives districts', async () => {
    const res = await get('/api/v1/regions?q=kec%20dempo&within=16.72');
    const items = res.json().items as { level: number; name: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.level === 3 && /dempo/i.test(i.name))).toBe(true);
  });

  it('lists the four regencies of the Muara Enim working area by code', async () => {
    for (const [code, name] of [
      ['16.03', 'Kabupaten Muara Enim'],
      ['16.04', 'Kabupaten Lahat'],
      ['16.11', 'Kabupaten Empat Lawang'],
      ['16.72', 'Kota Pagar Alam'],
    ] as const) {
      const res = await get(`/api/v1/regions/${code}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ code, name, level: 2, ancestors: [{ code: '16', name: 'Sumatera Selatan' }] });
    }
  });

  it('answers an unknown or malformed code with problem+json', async () => {
    const unknown = await get('/api/v1/regions/99.99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('REGION_NOT_FOUND');
    const malformed = await get('/api/v1/regions/16.72%27%3B%20drop%20table%20regions');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
  });

  it('never fails on hostile search text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 100 }), async (q) => {
        const res = await get(`/api/v1/regions?q=${encodeURIComponent(q)}`);
        expect([200, 400]).toContain(res.statusCode);
      }),
      { numRuns: 60 },
    );
    const sqlish = await get(`/api/v1/regions?q=${encodeURIComponent("lahat'; drop table regions; --")}`);
    expect(sqlish.statusCode).toBe(200);
    const still = await get('/api/v1/regions/16.04');
    expect(still.statusCode).toBe(200);
  });
});
