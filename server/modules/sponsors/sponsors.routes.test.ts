import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { buildAgency, createTestEnv, type TestEnv } from '../../test/harness';
import { type Client, injectionTexts, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { buildPerson, buildSponsor, PAGAR_ALAM_VILLAGE } from '../persons/persons.test-support';

let env: TestEnv;
let office: Awaited<ReturnType<typeof signInMuaraEnimAdmin>>;
let api: Client;
beforeAll(async () => {
  env = await createTestEnv();
  office = await signInMuaraEnimAdmin(env);
  api = office.api;
});
afterAll(async () => {
  await env.close();
});

const plantation = {
  kind: 'company',
  name: 'PT Sawit Lahat Lestari',
  registrationNo: '9120001112223',
  contactPerson: 'Hendra Wijaya',
  phone: '+62 812 0000 1111',
  email: 'HRD@sawit-lahat.example',
  address: 'Jl. Lintas Sumatera Km 12',
  regionCode: '16.04',
};

async function sponsorCount(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from sponsors`);
  return Number(row?.n);
}

describe('sponsors', () => {
  it('records, reads, changes, archives and brings back a sponsor, with audit rows', async () => {
    const created = await api.post('/api/v1/sponsors', plantation);
    expect(created.statusCode).toBe(201);
    const sponsor = created.json();
    expect(sponsor).toMatchObject({
      kind: 'company',
      name: 'PT Sawit Lahat Lestari',
      email: 'hrd@sawit-lahat.example',
      region: { code: '16.04', label: expect.stringContaining('Lahat') },
      personCount: 0,
      archivedAt: null,
    });
    expect((await api.get(`/api/v1/sponsors/${sponsor.id}`)).json()).toEqual(sponsor);
    const changed = await api.patch(`/api/v1/sponsors/${sponsor.id}`, { contactPerson: 'Sri Wahyuni', email: '' });
    expect(changed.json()).toMatchObject({ contactPerson: 'Sri Wahyuni', email: null, phone: '+62 812 0000 1111' });

    const archived = await api.post(`/api/v1/sponsors/${sponsor.id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await api.get('/api/v1/sponsors?q=sawit')).json().items).toEqual([]);
    expect((await api.get('/api/v1/sponsors?q=sawit&includeArchived=true')).json().total).toBe(1);
    expect((await api.patch(`/api/v1/sponsors/${sponsor.id}`, { name: 'X' })).json().code).toBe('ARCHIVED');
    // an archived sponsor is no longer offered for new permits
    const person = await buildPerson(env, { address: { regionCode: PAGAR_ALAM_VILLAGE } });
    const refused = await api.post(`/api/v1/persons/${person.id}/permits`, { type: 'ITAS', sponsorId: sponsor.id });
    expect(refused.json()).toMatchObject({ code: 'INVALID_REFERENCE', field: 'sponsorId' });
    await api.post(`/api/v1/sponsors/${sponsor.id}/unarchive`);

    const auditor = await signInAs(env, 'auditor');
    const log = await auditor.api.get(`/api/v1/audit?objectType=sponsor&objectId=${sponsor.id}`);
    expect(log.json().items.map((r: { action: string }) => r.action)).toEqual([
      'sponsor.unarchive',
      'sponsor.archive',
      'sponsor.update',
      'sponsor.view',
      'sponsor.create',
    ]);
  });

  it("lists a sponsor's foreigners and follows the sponsor of a new current permit", async () => {
    const mine = await buildSponsor(env, { name: 'PT Batubara Enim Jaya', regionCode: '16.03' });
    const pltu = await buildSponsor(env, { name: 'PT Sumsel Energi Pembangkit', regionCode: '16.03' });
    const worker = await buildPerson(env, {
      surname: 'LIU',
      givenNames: 'YANG',
      sponsorId: mine.id,
      address: { regionCode: PAGAR_ALAM_VILLAGE },
      permit: { type: 'ITAS', validFrom: '2025-01-01', validUntil: '2025-12-31' },
    });
    await buildPerson(env, { surname: 'GAO', givenNames: 'MIN', sponsorId: mine.id, address: { regionCode: '16.03' } });
    const list = await api.get(`/api/v1/sponsors/${mine.id}/persons`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { surname: string }) => i.surname)).toEqual(['GAO', 'LIU']);
    expect((await api.get(`/api/v1/sponsors/${mine.id}`)).json().personCount).toBe(2);
    expect((await api.get(`/api/v1/persons?q=liu%20yang`)).json().items[0].sponsor).toEqual({
      id: mine.id,
      kind: 'company',
      name: 'PT Batubara Enim Jaya',
    });

    // Pasal 71: a change of sponsor comes with the new permit
    const moved = await api.post(`/api/v1/persons/${worker.id}/permits`, {
      type: 'ITAS',
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
      sponsorId: pltu.id,
    });
    expect(moved.json().sponsor.id).toBe(pltu.id);
    expect((await api.get(`/api/v1/sponsors/${mine.id}/persons`)).json().total).toBe(1);
  });

  it('shows a sponsor outside the area when it sponsors a person the office sees, and hides it otherwise', async () => {
    const jakartaCompany = await buildSponsor(env, { name: 'PT Konstruksi Nusantara', regionCode: '31.71' });
    const idle = await buildSponsor(env, { name: 'PT Jakarta Lain', regionCode: '31.71' });
    await buildPerson(env, {
      surname: 'PARK',
      givenNames: 'JIHOON',
      nationality: 'KOR',
      sponsorId: jakartaCompany.id,
      address: { regionCode: '16.04' },
    });
    expect((await api.get(`/api/v1/sponsors/${jakartaCompany.id}`)).statusCode).toBe(200);
    for (const res of [
      await api.get(`/api/v1/sponsors/${idle.id}`),
      await api.patch(`/api/v1/sponsors/${idle.id}`, { phone: '021 1' }),
      await api.get(`/api/v1/sponsors/${idle.id}/persons`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('SPONSOR_NOT_FOUND');
    }
    const names = (await api.get('/api/v1/sponsors?limit=200')).json().items.map((s: { name: string }) => s.name);
    expect(names).toContain('PT Konstruksi Nusantara');
    expect(names).not.toContain('PT Jakarta Lain');
    // a sponsor recorded by the office is visible to it wherever it is
    const recorded = await api.post('/api/v1/sponsors', {
      kind: 'company',
      name: 'PT Kantor Pusat Jakarta',
      regionCode: '31.71',
    });
    expect((await api.get(`/api/v1/sponsors/${recorded.json().id}`)).statusCode).toBe(200);
    const jakarta = await signInAs(env, 'agency_member', {
      agencyId: (await buildAgency(env, { regionCode: '31.71' })).id,
    });
    expect((await jakarta.api.get(`/api/v1/sponsors/${idle.id}`)).statusCode).toBe(200);
    // the Jakarta agency sees the company but not the worker it sponsors in Lahat
    expect((await jakarta.api.get(`/api/v1/sponsors/${jakartaCompany.id}/persons`)).json()).toEqual({
      items: [],
      total: 0,
    });
  });

  it('records an individual sponsor (a spouse) with a person, given sponsors.write', async () => {
    const res = await api.post('/api/v1/persons', {
      surname: 'Jansen',
      givenNames: 'Sanne',
      nationality: 'NLD',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
      sponsor: { kind: 'person', name: 'Budi Santoso', phone: '0812 3456 7890', regionCode: PAGAR_ALAM_VILLAGE },
      permit: { type: 'ITAS', visaIndex: 'E31A', validFrom: '2026-01-01', validUntil: '2026-12-31' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().sponsor).toMatchObject({ kind: 'person', name: 'Budi Santoso' });
    expect(res.json().permits[0].sponsor).toMatchObject({ name: 'Budi Santoso' });
    const fieldOfficer = await signInAs(env, 'field_officer', { agencyId: office.agency.id });
    const before = await sponsorCount();
    const denied = await fieldOfficer.api.post('/api/v1/persons', {
      surname: 'Visser',
      givenNames: 'Daan',
      nationality: 'NLD',
      sponsor: { kind: 'person', name: 'Dewi Lestari' },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'PERMISSION_DENIED', permission: 'sponsors.write' });
    expect(await sponsorCount()).toBe(before);
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const before = await sponsorCount();
    for (const [body, status] of [
      [{ ...plantation, kind: 'ngo' }, 400],
      [{ ...plantation, name: '' }, 400],
      [{ ...plantation, regionCode: '16.4' }, 400],
      [{ ...plantation, regionCode: '16.99' }, 422],
      [{ ...plantation, email: 'bukan-email' }, 400],
      [{ ...plantation, phone: 'telepon' }, 400],
      [{ ...plantation, address: '<b>alamat</b>' }, 400],
      [{ ...plantation, owner: 'x' }, 400],
      ...injectionTexts.map((name) => [{ ...plantation, name }, 400] as const),
    ] as const) {
      const res = await api.post('/api/v1/sponsors', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await sponsorCount()).toBe(before);
  });
});
