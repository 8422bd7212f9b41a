import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { buildAgency, buildOffice, createTestEnv, type TestEnv } from '../../test/harness';
import { type Client, hostileTexts, injectionTexts, signInAs, signInMuaraEnimAdmin } from './orgs.test-support';

let env: TestEnv;
let admin: Client;
let muaraEnim: Awaited<ReturnType<typeof signInMuaraEnimAdmin>>;
beforeAll(async () => {
  env = await createTestEnv();
  admin = (await signInAs(env, 'system_admin')).api;
  muaraEnim = await signInMuaraEnimAdmin(env);
});
afterAll(async () => {
  await env.close();
});

const polresPagarAlam = {
  name: 'Polres Pagar Alam',
  kind: 'polri',
  regionCode: '16.72',
  address: 'Jl. Kapten Sanap, Pagar Alam',
  phone: '(0730) 621110',
  email: 'polres.pagaralam@polri.go.id',
};

async function countAgencies(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from agencies`);
  return Number(row?.n);
}

describe('agencies', () => {
  it('creates, reads, changes, archives and brings back an agency', async () => {
    const created = await muaraEnim.api.post('/api/v1/agencies', polresPagarAlam);
    expect(created.statusCode).toBe(201);
    const agency = created.json();
    expect(agency).toMatchObject({
      name: 'Polres Pagar Alam',
      kind: 'polri',
      region: { code: '16.72', name: 'Kota Pagar Alam', level: 2 },
      office: null,
      archivedAt: null,
    });
    expect((await muaraEnim.api.get(`/api/v1/agencies/${agency.id}`)).json()).toEqual(agency);

    const changed = await muaraEnim.api.patch(`/api/v1/agencies/${agency.id}`, {
      name: 'Kepolisian Resor Pagar Alam',
      email: '',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Kepolisian Resor Pagar Alam', email: null, phone: '(0730) 621110' });

    const archived = await muaraEnim.api.post(`/api/v1/agencies/${agency.id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    // archiving twice changes nothing
    expect((await muaraEnim.api.post(`/api/v1/agencies/${agency.id}/archive`)).json().archivedAt).toBe(
      archived.json().archivedAt,
    );
    const list = await muaraEnim.api.get('/api/v1/agencies?q=resor%20pagar');
    expect(list.json().items).toHaveLength(0);
    const withArchived = await muaraEnim.api.get('/api/v1/agencies?q=resor%20pagar&includeArchived=true');
    expect(withArchived.json().items.map((a: { id: string }) => a.id)).toEqual([agency.id]);
    expect((await muaraEnim.api.patch(`/api/v1/agencies/${agency.id}`, { name: 'X' })).json().code).toBe('ARCHIVED');

    const back = await muaraEnim.api.post(`/api/v1/agencies/${agency.id}/unarchive`);
    expect(back.json().archivedAt).toBeNull();

    const auditor = await signInAs(env, 'auditor');
    const log = await auditor.api.get(`/api/v1/audit?objectType=agency&objectId=${agency.id}`);
    expect(log.json().items.map((r: { action: string }) => r.action)).toEqual([
      'agency.unarchive',
      'agency.archive',
      'agency.update',
      'agency.create',
    ]);
    expect(log.json().items[2].details).toEqual({
      changes: {
        name: { from: 'Polres Pagar Alam', to: 'Kepolisian Resor Pagar Alam' },
        email: { from: 'polres.pagaralam@polri.go.id', to: null },
      },
    });
  });

  it('filters by words of the name (ignoring case and accents), kind and area, with a total', async () => {
    await buildAgency(env, { name: 'Kodim 0405 Lahat', kind: 'tni', regionCode: '16.04' });
    await buildAgency(env, { name: 'Kejaksaan Negeri Lahat', kind: 'kejaksaan', regionCode: '16.04' });
    await buildAgency(env, { name: 'Kantor Camat Jarai', kind: 'camat', regionCode: '16.04.06' });
    const byWords = await admin.get('/api/v1/agencies?q=LAHAT%20kejaksaan');
    expect(byWords.json().items.map((a: { name: string }) => a.name)).toEqual(['Kejaksaan Negeri Lahat']);
    const inLahat = await admin.get('/api/v1/agencies?region=16.04');
    expect(inLahat.json().total).toBe(3);
    const camat = await admin.get('/api/v1/agencies?region=16.04&kind=camat');
    expect(camat.json().items.map((a: { name: string }) => a.name)).toEqual(['Kantor Camat Jarai']);
    const page = await admin.get('/api/v1/agencies?region=16.04&limit=2&offset=2');
    expect(page.json()).toMatchObject({ total: 3 });
    expect(page.json().items).toHaveLength(1);
    const accents = await admin.get(`/api/v1/agencies?q=${encodeURIComponent('kòdim')}`);
    expect(accents.json().items.map((a: { name: string }) => a.name)).toContain('Kodim 0405 Lahat');
  });

  it('hides an agency outside the office admin scope: not found, never forbidden', async () => {
    const jakarta = await buildAgency(env, { name: 'Polres Metro Jakarta Pusat', regionCode: '31.71' });
    const api = muaraEnim.api;
    for (const res of [
      await api.get(`/api/v1/agencies/${jakarta.id}`),
      await api.patch(`/api/v1/agencies/${jakarta.id}`, { name: 'Diambil alih' }),
      await api.post(`/api/v1/agencies/${jakarta.id}/archive`),
      await api.post(`/api/v1/agencies/${jakarta.id}/unarchive`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('AGENCY_NOT_FOUND');
    }
    const list = await api.get('/api/v1/agencies?q=jakarta');
    expect(list.json()).toEqual({ items: [], total: 0 });
    const unchanged = await admin.get(`/api/v1/agencies/${jakarta.id}`);
    expect(unchanged.json()).toMatchObject({ name: 'Polres Metro Jakarta Pusat', archivedAt: null });
  });

  it('shows a provincial agency to the office admin but lets only its province manage it', async () => {
    const polda = await buildAgency(env, { name: 'Polda Sumatera Selatan', regionCode: '16' });
    expect((await muaraEnim.api.get(`/api/v1/agencies/${polda.id}`)).statusCode).toBe(200);
    const denied = await muaraEnim.api.patch(`/api/v1/agencies/${polda.id}`, { name: 'Polda Sumsel' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('PERMISSION_DENIED');
  });

  it('keeps an office admin from placing or moving an agency outside the working area', async () => {
    const outside = await muaraEnim.api.post('/api/v1/agencies', { ...polresPagarAlam, regionCode: '31.71' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('REGION_OUT_OF_SCOPE');
    const agency = (await muaraEnim.api.post('/api/v1/agencies', { ...polresPagarAlam, name: 'Polsek Dempo' })).json();
    const moved = await muaraEnim.api.patch(`/api/v1/agencies/${agency.id}`, { regionCode: '31.71' });
    expect(moved.json().code).toBe('REGION_OUT_OF_SCOPE');
    expect((await admin.get(`/api/v1/agencies/${agency.id}`)).json().region.code).toBe('16.72');
  });

  it('links only imigrasi agencies to an office, and only by whoever manages offices', async () => {
    const office = await buildOffice(env);
    const byOfficeAdmin = await muaraEnim.api.post('/api/v1/agencies', {
      name: 'Kanim Kedua',
      kind: 'imigrasi',
      regionCode: '16.03',
      officeId: office.id,
    });
    expect(byOfficeAdmin.statusCode).toBe(403);
    const wrongKind = await admin.post('/api/v1/agencies', { ...polresPagarAlam, officeId: office.id });
    expect(wrongKind.statusCode).toBe(400);
    const missingOffice = await admin.post('/api/v1/agencies', {
      name: 'Kanim Hantu',
      kind: 'imigrasi',
      regionCode: '16.03',
      officeId: crypto.randomUUID(),
    });
    expect(missingOffice.json()).toMatchObject({ code: 'INVALID_REFERENCE', field: 'officeId' });
    const linked = await admin.post('/api/v1/agencies', {
      name: 'Kanim Muara Enim (instansi)',
      kind: 'imigrasi',
      regionCode: '16.03',
      officeId: office.id,
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().office).toEqual({ id: office.id, name: office.name });
  });

  it('refuses unknown kinds and areas with a clear 422', async () => {
    const kind = await admin.post('/api/v1/agencies', { ...polresPagarAlam, kind: 'fbi' });
    expect(kind.json()).toMatchObject({ status: 422, code: 'INVALID_REFERENCE', field: 'kind' });
    const area = await admin.post('/api/v1/agencies', { ...polresPagarAlam, regionCode: '16.99' });
    expect(area.json()).toMatchObject({ status: 422, code: 'INVALID_REFERENCE', field: 'regionCode' });
  });

  describe('bad input', () => {
    it('refuses hostile names, markup, unknown fields and wrong types with 400 and stores nothing', async () => {
      const before = await countAgencies();
      const bodies = [
        ...Object.values(hostileTexts).map((name) => ({ ...polresPagarAlam, name })),
        ...injectionTexts.slice(0, 2).map((name) => ({ ...polresPagarAlam, name })),
        { ...polresPagarAlam, address: '<script>alert(1)</script>' },
        { ...polresPagarAlam, address: hostileTexts.controlCharacters },
        { ...polresPagarAlam, isAdmin: true },
        { ...polresPagarAlam, regionCode: "16.72'; drop table agencies; --" },
        { ...polresPagarAlam, name: 42 },
        { ...polresPagarAlam, email: 'bukan-email' },
        { ...polresPagarAlam, phone: 'call me' },
        {},
      ];
      for (const body of bodies) {
        const res = await muaraEnim.api.post('/api/v1/agencies', body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('VALIDATION_FAILED');
        expect(res.json().errors.length).toBeGreaterThan(0);
      }
      expect(await countAgencies()).toBe(before);
    });

    it('stores SQL-looking text in an address as plain text and leaves the table intact', async () => {
      const created = await muaraEnim.api.post('/api/v1/agencies', {
        ...polresPagarAlam,
        name: 'Polsek Pagar Alam Utara',
        address: injectionTexts[0],
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().address).toBe("'; drop table agencies; --");
      expect(await countAgencies()).toBeGreaterThan(0);
    });

    it('treats injection strings in the search as words to look for', async () => {
      for (const q of injectionTexts) {
        const res = await muaraEnim.api.get(`/api/v1/agencies?q=${encodeURIComponent(q)}`);
        expect(res.statusCode).toBe(200);
      }
      const wildcard = await muaraEnim.api.get('/api/v1/agencies?q=%25');
      expect(wildcard.json().total).toBe(0);
    });

    it('refuses malformed queries, JSON and ids without a 500', async () => {
      const api = muaraEnim.api;
      expect((await api.get('/api/v1/agencies?limit=100000')).statusCode).toBe(400);
      expect((await api.get('/api/v1/agencies?includeArchived=perhaps')).statusCode).toBe(400);
      expect((await api.get('/api/v1/agencies?region=16.7')).statusCode).toBe(400);
      expect((await api.get('/api/v1/agencies?sort=name')).statusCode).toBe(400);
      expect((await api.get('/api/v1/agencies/1%20or%201=1')).statusCode).toBe(400);
      const malformed = await env.app.inject({
        method: 'POST',
        url: '/api/v1/agencies',
        headers: { cookie: muaraEnim.cookie, 'content-type': 'application/json' },
        payload: '{"name": "Polres",',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().code).toBe('INVALID_JSON');
    });
  });
});
