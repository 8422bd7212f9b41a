import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOffice, createTestEnv, type TestEnv } from '../../test/harness';
import { type Client, hostileTexts, signInAs, signInMuaraEnimAdmin } from './orgs.test-support';

let env: TestEnv;
let admin: Client;
beforeAll(async () => {
  env = await createTestEnv();
  admin = (await signInAs(env, 'system_admin')).api;
});
afterAll(async () => {
  await env.close();
});

const muaraEnim = {
  name: 'Kantor Imigrasi Kelas II Non TPI Muara Enim',
  officeClass: 'II_NON_TPI',
  regionCode: '16.03',
  workingArea: ['16.72', '16.03', '16.04', '16.11', '16.04'],
  address: 'Jl. Jend. Sudirman No. 1, Muara Enim',
  phone: '+62 734 421234',
  email: 'KANIM.MUARAENIM@imigrasi.go.id',
};

describe('offices', () => {
  it('creates, reads, changes, archives and brings back an office', async () => {
    const created = await admin.post('/api/v1/offices', muaraEnim);
    expect(created.statusCode).toBe(201);
    const office = created.json();
    expect(office).toMatchObject({
      name: muaraEnim.name,
      officeClass: 'II_NON_TPI',
      region: { code: '16.03', name: 'Kabupaten Muara Enim', level: 2 },
      email: 'kanim.muaraenim@imigrasi.go.id',
      archivedAt: null,
    });
    // duplicates dropped, sorted by code
    expect(office.workingArea.map((a: { code: string }) => a.code)).toEqual(['16.03', '16.04', '16.11', '16.72']);
    expect(office.workingArea[3]).toMatchObject({ code: '16.72', name: 'Kota Pagar Alam' });

    const read = await admin.get(`/api/v1/offices/${office.id}`);
    expect(read.json()).toEqual(office);

    const changed = await admin.patch(`/api/v1/offices/${office.id}`, { workingArea: ['16.03', '16.04'], phone: null });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().workingArea.map((a: { code: string }) => a.code)).toEqual(['16.03', '16.04']);
    expect(changed.json().phone).toBeNull();
    expect(changed.json().address).toBe(muaraEnim.address);

    const archived = await admin.post(`/api/v1/offices/${office.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const listed = await admin.get('/api/v1/offices?q=muara%20enim');
    expect(listed.json().items.map((o: { id: string }) => o.id)).not.toContain(office.id);
    const withArchived = await admin.get('/api/v1/offices?q=muara%20enim&includeArchived=true');
    expect(withArchived.json().items.map((o: { id: string }) => o.id)).toContain(office.id);

    const blocked = await admin.patch(`/api/v1/offices/${office.id}`, { name: 'Kanim Baru' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('ARCHIVED');

    const back = await admin.post(`/api/v1/offices/${office.id}/unarchive`);
    expect(back.json().archivedAt).toBeNull();
  });

  it('records every write in the audit log with the changed fields', async () => {
    const office = (await admin.post('/api/v1/offices', { ...muaraEnim, name: 'Kanim Audit' })).json();
    await admin.patch(`/api/v1/offices/${office.id}`, { name: 'Kanim Audit Baru' });
    const auditor = await signInAs(env, 'auditor');
    const log = await auditor.api.get(`/api/v1/audit?objectType=office&objectId=${office.id}`);
    const rows = log.json().items as { action: string; details: Record<string, unknown> }[];
    expect(rows.map((r) => r.action)).toEqual(['office.update', 'office.create']);
    expect(rows[0]?.details).toEqual({ changes: { name: { from: 'Kanim Audit', to: 'Kanim Audit Baru' } } });
  });

  it('lists offices covering an area, filtered by class, paginated', async () => {
    await buildOffice(env, {
      name: 'Kantor Imigrasi Kelas I TPI Palembang',
      officeClass: 'I_TPI',
      regionCode: '16.71',
      workingArea: ['16.71', '16.06'],
    });
    await buildOffice(env, {
      name: 'Kantor Imigrasi Kelas I Khusus TPI Jakarta Pusat',
      officeClass: 'I_KHUSUS_TPI',
      regionCode: '31.71',
      workingArea: ['31.71'],
    });
    const covering = await admin.get('/api/v1/offices?region=16.71.01');
    const names = covering.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain('Kantor Imigrasi Kelas I TPI Palembang');
    expect(names).not.toContain('Kantor Imigrasi Kelas I Khusus TPI Jakarta Pusat');
    const inProvince = await admin.get('/api/v1/offices?region=16&officeClass=I_TPI');
    expect(inProvince.json().items.map((o: { name: string }) => o.name)).toEqual([
      'Kantor Imigrasi Kelas I TPI Palembang',
    ]);
    const page = await admin.get('/api/v1/offices?limit=1&offset=0');
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBeGreaterThan(1);
  });

  it('is a directory every member reads, but only system admins manage', async () => {
    const office = await buildOffice(env);
    const member = await signInAs(env, 'agency_member');
    expect((await member.api.get(`/api/v1/offices/${office.id}`)).statusCode).toBe(200);
    const { api: officeAdmin } = await signInMuaraEnimAdmin(env);
    const denied = await officeAdmin.patch(`/api/v1/offices/${office.id}`, { name: 'Kanim Lain' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('PERMISSION_DENIED');
    expect((await officeAdmin.post('/api/v1/offices', muaraEnim)).statusCode).toBe(403);
  });

  it('refuses unknown areas, classes and malformed codes without storing anything', async () => {
    const before = (await admin.get('/api/v1/offices?includeArchived=true')).json().total;
    const unknownArea = await admin.post('/api/v1/offices', { ...muaraEnim, workingArea: ['16.03', '16.98'] });
    expect(unknownArea.statusCode).toBe(422);
    expect(unknownArea.json()).toMatchObject({ code: 'INVALID_REFERENCE', field: 'workingArea', codes: ['16.98'] });
    const unknownClass = await admin.post('/api/v1/offices', { ...muaraEnim, officeClass: 'IV_TPI' });
    expect(unknownClass.json()).toMatchObject({ code: 'INVALID_REFERENCE', field: 'officeClass' });
    // a working area is regencies/cities, not districts
    const district = await admin.post('/api/v1/offices', { ...muaraEnim, workingArea: ['16.03.01'] });
    expect(district.statusCode).toBe(400);
    expect(district.json().code).toBe('VALIDATION_FAILED');
    for (const name of Object.values(hostileTexts)) {
      const res = await admin.post('/api/v1/offices', { ...muaraEnim, name });
      expect(res.statusCode, JSON.stringify(name).slice(0, 40)).toBe(400);
    }
    const extra = await admin.post('/api/v1/offices', { ...muaraEnim, archivedAt: null, id: crypto.randomUUID() });
    expect(extra.statusCode).toBe(400);
    expect((await admin.get('/api/v1/offices?includeArchived=true')).json().total).toBe(before);
  });

  it('answers an unknown office as not found and a malformed id as a validation failure', async () => {
    const missing = await admin.get(`/api/v1/offices/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('OFFICE_NOT_FOUND');
    const malformed = await admin.get('/api/v1/offices/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });
});
