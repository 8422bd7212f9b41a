import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCodes } from '../../../contracts/common';
import { agencyKindCode, officeClassCode, teamLevelCodes, teamMemberRoleCodes } from '../../../contracts/orgs';
import { createTestEnv, type TestEnv } from '../../test/harness';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const get = (url: string) => env.app.inject({ method: 'GET', url });
type Item = { code: string; label: { id: string; en: string }; [k: string]: unknown };

describe('code tables', () => {
  it('lists every table with its version and size, without signing in', async () => {
    const res = await get('/api/v1/code-tables');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((t: { name: string }) => t.name);
    expect(names).toEqual([
      'agency-kinds',
      'office-classes',
      'team-levels',
      'team-member-roles',
      'roles',
      'countries',
      'permit-types',
      'visa-indexes',
      'accommodation-kinds',
      'visit-purposes',
      'travel-document-types',
    ]);
    for (const t of res.json().items) {
      expect(t.version).toMatch(/\S/);
      expect(t.count).toBeGreaterThan(0);
    }
  });

  it('serves the agency kinds with Indonesian and English labels', async () => {
    const res = await get('/api/v1/code-tables/agency-kinds');
    const table = res.json() as { name: string; version: string; items: Item[] };
    expect(table.name).toBe('agency-kinds');
    expect(table.items.map((i) => i.code)).toEqual([
      'imigrasi',
      'polri',
      'tni',
      'kejaksaan',
      'bin',
      'pemda',
      'kesbangpol',
      'disnaker',
      'dukcapil',
      'dinkes',
      'kemenag',
      'pariwisata',
      'bea_cukai',
      'satpol_pp',
      'bnn',
      'camat',
      'other',
    ]);
    const labels = Object.fromEntries(table.items.map((i) => [i.code, i.label.id]));
    expect(labels).toMatchObject({
      polri: 'Kepolisian (Polri)',
      kejaksaan: 'Kejaksaan',
      bin: 'Badan Intelijen Negara (BIN)',
      disnaker: 'Dinas Tenaga Kerja',
    });
  });

  it('keeps every table well-formed: unique codes, both labels, codes the contracts accept', async () => {
    const list = (await get('/api/v1/code-tables')).json().items as { name: string; version: string; count: number }[];
    for (const { name, version, count } of list) {
      const table = (await get(`/api/v1/code-tables/${name}`)).json() as { version: string; items: Item[] };
      expect(table.version).toBe(version);
      expect(table.items).toHaveLength(count);
      expect(new Set(table.items.map((i) => i.code)).size, name).toBe(count);
      for (const item of table.items) {
        expect(item.label.id.trim(), `${name}/${item.code}`).not.toBe('');
        expect(item.label.en.trim(), `${name}/${item.code}`).not.toBe('');
      }
    }
    const codes = async (name: string) =>
      ((await get(`/api/v1/code-tables/${name}`)).json().items as Item[]).map((i) => i.code);
    for (const code of await codes('agency-kinds')) {
      expect(agencyKindCode.safeParse(code).success, code).toBe(true);
    }
    for (const code of await codes('office-classes')) {
      expect(officeClassCode.safeParse(code).success, code).toBe(true);
    }
    expect(await codes('office-classes')).toEqual(
      expect.arrayContaining(['I_TPI', 'I_NON_TPI', 'II_TPI', 'II_NON_TPI']),
    );
    expect(await codes('team-levels')).toEqual([...teamLevelCodes]);
    expect(await codes('team-member-roles')).toEqual([...teamMemberRoleCodes]);
    expect(await codes('roles')).toEqual([...roleCodes]);
  });

  it('tells which roles need a second factor and which area level a team level covers', async () => {
    const roles = (await get('/api/v1/code-tables/roles')).json().items as Item[];
    expect(roles.filter((r) => r.requiresTotp).map((r) => r.code)).toEqual(['system_admin', 'office_admin', 'auditor']);
    expect(roles.find((r) => r.code === 'auditor')?.permissions).toContain('audit.read');
    const levels = (await get('/api/v1/code-tables/team-levels')).json().items as Item[];
    expect(Object.fromEntries(levels.map((l) => [l.code, l.regionLevel]))).toEqual({
      pusat: null,
      provinsi: 1,
      kabupaten_kota: 2,
      kecamatan: 3,
    });
  });

  it('serves the countries of travel documents', async () => {
    const countries = (await get('/api/v1/code-tables/countries')).json();
    const byCode = new Map((countries.items as Item[]).map((c) => [c.code, c]));
    expect(byCode.get('IDN')?.label.id).toBe('Indonesia');
    expect(byCode.get('CHN')).toMatchObject({ alpha2: 'CN' });
    expect(byCode.get('XXA')?.label.en).toBe('Stateless person');
    expect(countries.version).toMatch(/^sha256-[0-9a-f]{12}$/);
  });

  it('answers an unknown table as not found and a malformed name as a validation failure', async () => {
    const missing = await get('/api/v1/code-tables/tip-categories');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('CODE_TABLE_NOT_FOUND');
    expect((await get('/api/v1/code-tables/constructor')).statusCode).toBe(404);
    expect((await get('/api/v1/code-tables/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(400);
  });
});
