import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { users } from '../../db/schema/auth';
import { buildAgency, buildOffice, createTestEnv, signIn, type TestEnv } from '../../test/harness';
import { type Client, clientOf, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { passportMrz } from '../persons/persons.test-support';

const PAGAR_ALAM_VILLAGE = '16.72.01.1005';

let env: TestEnv;
let office: Awaited<ReturnType<typeof signInMuaraEnimAdmin>>;
let jakartaAdmin: Client;
let analyst: Client;
const anonymous = () => clientOf(env);

beforeAll(async () => {
  env = await createTestEnv();
  office = await signInMuaraEnimAdmin(env);
  analyst = (await signInAs(env, 'analyst', { agencyId: office.agency.id })).api;
  const jakarta = await buildOffice(env, {
    name: 'Kantor Imigrasi Jakarta Pusat',
    regionCode: '31.71',
    workingArea: ['31.71'],
  });
  const jakartaAgency = await buildAgency(env, { kind: 'imigrasi', regionCode: '31.71', officeId: jakarta.id });
  jakartaAdmin = (await signInAs(env, 'office_admin', { agencyId: jakartaAgency.id })).api;
});
afterAll(async () => {
  await env.close();
});

const unique = () => randomBytes(3).toString('hex');
const nib = () => `91${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
const PASSWORD = 'Homestay-Dempo-2026!';

function registration(over: Record<string, unknown> = {}) {
  return {
    name: `Homestay Kebun Teh ${unique()}`,
    kind: 'homestay',
    nib: nib(),
    address: 'Jl. Kapt. Sanap No. 12, Dempo Utara',
    villageCode: PAGAR_ALAM_VILLAGE,
    latitude: -4.0167,
    longitude: 103.25,
    phone: '0730 621 234',
    email: 'info@kebunteh.example',
    picName: 'Siti Aminah',
    picPhone: '+62 812 7300 1234',
    accountEmail: `op-${unique()}@kebunteh.example`,
    accountPassword: PASSWORD,
    ...over,
  };
}

/** Registers publicly and returns the new property's id (found by the office, as the answer carries none). */
async function register(over: Record<string, unknown> = {}) {
  const body = registration(over);
  const res = await anonymous().post('/api/v1/accommodations/registrations', body);
  expect(res.statusCode, res.body).toBe(202);
  const [row] = await selectRows<{ id: string }>(
    env.database.db,
    sql`select id from accommodations where name = ${body.name} order by created_at desc limit 1`,
  );
  return { id: row?.id as string, body };
}

/** A verified property with its operator signed in. */
async function verifiedProperty() {
  const { id, body } = await register();
  expect((await office.api.post(`/api/v1/accommodations/${id}/verify`)).statusCode).toBe(200);
  const { cookie } = await signIn(env, { email: body.accountEmail, password: PASSWORD });
  return { id, body, operator: clientOf(env, cookie) };
}

function withKey(key: string, header: 'bearer' | 'x-api-key' = 'bearer') {
  return (url: string, method: 'GET' | 'POST' = 'GET') =>
    env.app.inject({
      method,
      url,
      headers: header === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key },
    });
}

describe('registration and verification', () => {
  it('goes pending → verified by the office in scope; the operator then sees only their own property', async () => {
    const { id, body } = await register();
    const list = (await office.api.get('/api/v1/accommodations?status=pending')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    const detail = (await office.api.get(`/api/v1/accommodations/${id}`)).json();
    expect(detail).toMatchObject({
      status: 'pending',
      kind: 'homestay',
      nib: body.nib,
      village: { code: PAGAR_ALAM_VILLAGE, label: expect.stringContaining('Pagar Alam') },
      applicantEmail: body.accountEmail,
      applicantAccount: 'new',
      operators: [],
    });
    expect(JSON.stringify(detail)).not.toContain('argon2');

    // Another office: neither in its list nor reachable.
    expect((await jakartaAdmin.get(`/api/v1/accommodations/${id}`)).json().code).toBe('ACCOMMODATION_NOT_FOUND');
    expect((await jakartaAdmin.post(`/api/v1/accommodations/${id}/verify`)).statusCode).toBe(404);
    expect((await jakartaAdmin.get('/api/v1/accommodations')).json().total).toBe(0);
    // The analyst reads but does not verify; nor does the admin of another member agency in the same city.
    expect((await analyst.get(`/api/v1/accommodations/${id}`)).statusCode).toBe(200);
    expect((await analyst.post(`/api/v1/accommodations/${id}/verify`)).json().code).toBe('PERMISSION_DENIED');
    const polres = await buildAgency(env, { name: 'Polres Pagar Alam', regionCode: '16.72' });
    const polresAdmin = (await signInAs(env, 'office_admin', { agencyId: polres.id })).api;
    expect((await polresAdmin.post(`/api/v1/accommodations/${id}/verify`)).json().code).toBe('PERMISSION_DENIED');

    // No account before verification.
    const early = await anonymous().post('/api/v1/auth/login', { email: body.accountEmail, password: PASSWORD });
    expect(early.json().code).toBe('INVALID_CREDENTIALS');

    const verified = await office.api.post(`/api/v1/accommodations/${id}/verify`);
    expect(verified.json()).toMatchObject({ status: 'verified', operators: [{ email: body.accountEmail }] });
    expect((await office.api.post(`/api/v1/accommodations/${id}/verify`)).json().code).toBe(
      'ACCOMMODATION_STATUS_CONFLICT',
    );

    const { cookie, me } = await signIn(env, { email: body.accountEmail, password: PASSWORD });
    const operator = clientOf(env, cookie);
    expect((me as unknown as { roles: string[] }).roles).toEqual(['accommodation_operator']);
    const mine = (await operator.get('/api/v1/accommodations/me')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id, status: 'verified', phone: body.phone });

    // Another operator's property stays invisible, and the office's views are closed to operators.
    const other = await verifiedProperty();
    expect((await operator.patch(`/api/v1/accommodations/${other.id}`, { phone: '0730 1' })).statusCode).toBe(404);
    expect((await operator.get(`/api/v1/accommodations/${other.id}/api-keys`)).statusCode).toBe(404);
    expect((await operator.get('/api/v1/accommodations')).json().code).toBe('PERMISSION_DENIED');
    expect((await operator.get(`/api/v1/accommodations/${id}`)).json().code).toBe('PERMISSION_DENIED');

    const changed = await operator.patch(`/api/v1/accommodations/${id}`, {
      phone: '0812 3456 7890',
      picName: 'Budi Santoso',
    });
    expect(changed.json()).toMatchObject({ phone: '0812 3456 7890', picName: 'Budi Santoso', name: body.name });
    expect((await operator.patch(`/api/v1/accommodations/${id}`, { name: 'Hotel Lain' })).statusCode).toBe(400);

    const [audit] = await selectRows<{ actions: string[] }>(
      env.database.db,
      sql`select array_agg(action order by seq) as actions from audit_log where object_id = ${id}`,
    );
    expect(audit?.actions).toEqual([
      'accommodation.register',
      'accommodation.read',
      'accommodation.read',
      'accommodation.verify',
      'accommodation.update_contact',
    ]);
    // The contact change is audited with the old and the new values.
    const [contact] = await auditRows(id, 'accommodation.update_contact');
    expect(contact?.details).toEqual({
      changes: {
        phone: { from: body.phone, to: '0812 3456 7890' },
        picName: { from: body.picName, to: 'Budi Santoso' },
      },
    });
  });

  it('rejects with a reason and lets the property register again; suspends and reactivates', async () => {
    const { id, body } = await register();
    expect((await office.api.post(`/api/v1/accommodations/${id}/reject`, {})).statusCode).toBe(400);
    const rejected = await office.api.post(`/api/v1/accommodations/${id}/reject`, { reason: 'NIB tidak cocok' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusReason: 'NIB tidak cocok' });
    const again = await anonymous().post('/api/v1/accommodations/registrations', { ...body });
    expect(again.statusCode).toBe(202);

    const property = await verifiedProperty();
    const suspended = await office.api.post(`/api/v1/accommodations/${property.id}/suspend`, { reason: 'Tutup' });
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: 'Tutup' });
    // The operator still sees the property and why, but cannot make keys for it.
    expect((await property.operator.get('/api/v1/accommodations/me')).json().items[0].status).toBe('suspended');
    const refused = await property.operator.post(`/api/v1/accommodations/${property.id}/api-keys`, { name: 'PMS' });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'ACCOMMODATION_NOT_ACTIVE']);
    const back = await office.api.post(`/api/v1/accommodations/${property.id}/reactivate`);
    expect(back.json()).toMatchObject({ status: 'verified', statusReason: null });
  });

  it('filters the office list by status, kind, area and words', async () => {
    const villa = await register({ kind: 'villa', name: `Villa Gunung Dempo ${unique()}` });
    const lahat = await register({
      kind: 'hotel',
      name: `Hotel Lahat Permai ${unique()}`,
      villageCode: '16.04.01.2001',
    });
    const ids = async (query: string) =>
      (await office.api.get(`/api/v1/accommodations?${query}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('kind=villa')).toContain(villa.id);
    expect(await ids('kind=villa')).not.toContain(lahat.id);
    expect(await ids('area=16.04')).toEqual([lahat.id]);
    expect(await ids(`q=${encodeURIComponent(villa.body.name.split(' ').pop() as string)}`)).toEqual([villa.id]);
    expect(await ids(`q=${villa.body.nib}`)).toEqual([villa.id]);
    expect((await office.api.get('/api/v1/accommodations?status=bogus')).statusCode).toBe(400);
  });
});

describe('no account enumeration', () => {
  it('answers the same for a known account e-mail; only the office learns of the clash', async () => {
    const known = await register({ accountEmail: office.email });
    const unknown = await anonymous().post('/api/v1/accommodations/registrations', registration());
    expect(unknown.json()).toEqual({ status: 'pending' });
    const detail = (await office.api.get(`/api/v1/accommodations/${known.id}`)).json();
    expect(detail.applicantAccount).toBe('taken');
    const refused = await office.api.post(`/api/v1/accommodations/${known.id}/verify`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'EMAIL_TAKEN']);
    expect((await office.api.get(`/api/v1/accommodations/${known.id}`)).json().status).toBe('pending');
  });
});

describe('API keys', () => {
  it('creates (secret once), lists, authenticates on GET /accommodations/me, and revokes', async () => {
    const { id, operator } = await verifiedProperty();
    const created = await operator.post(`/api/v1/accommodations/${id}/api-keys`, { name: 'PMS Resepsionis' });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(key.secret).toMatch(/^pora_ak_[A-Za-z0-9_-]{43}$/);
    expect(key.secret.startsWith(key.hint)).toBe(true);

    const listed = (await operator.get(`/api/v1/accommodations/${id}/api-keys`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: key.id, name: 'PMS Resepsionis', lastUsedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(key.secret);
    const [stored] = await selectRows<{ token_hash: string }>(
      env.database.db,
      sql`select token_hash from accommodation_api_keys where id = ${key.id}`,
    );
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);

    for (const header of ['bearer', 'x-api-key'] as const) {
      const me = await withKey(key.secret, header)('/api/v1/accommodations/me');
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    }
    const used = (await operator.get(`/api/v1/accommodations/${id}/api-keys`)).json().items[0];
    expect(used.lastUsedAt).not.toBeNull();

    // A key reaches only the routes that accept keys, and never manages keys.
    for (const url of [
      '/api/v1/accommodations',
      `/api/v1/accommodations/${id}/api-keys`,
      '/api/v1/persons',
      '/api/v1/me',
    ]) {
      const res = await withKey(key.secret)(url);
      expect([res.statusCode, res.json().code], url).toEqual([403, 'API_KEY_NOT_ALLOWED']);
    }

    // Suspension stops the key; reactivation brings it back.
    await office.api.post(`/api/v1/accommodations/${id}/suspend`, { reason: 'Pemeriksaan' });
    const stopped = await withKey(key.secret)('/api/v1/accommodations/me');
    expect([stopped.statusCode, stopped.json().code]).toEqual([403, 'ACCOMMODATION_NOT_ACTIVE']);
    expect(stopped.headers['content-type']).toContain('application/problem+json');
    await office.api.post(`/api/v1/accommodations/${id}/reactivate`);
    expect((await withKey(key.secret)('/api/v1/accommodations/me')).statusCode).toBe(200);

    const revoked = await operator.post(`/api/v1/accommodations/${id}/api-keys/${key.id}/revoke`);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await withKey(key.secret)('/api/v1/accommodations/me');
    expect([after.statusCode, after.json().code]).toEqual([401, 'API_KEY_REVOKED']);

    const unknown = await withKey(`pora_ak_${randomBytes(32).toString('base64url')}`)('/api/v1/accommodations/me');
    expect([unknown.statusCode, unknown.json().code]).toEqual([401, 'API_KEY_INVALID']);
    for (const bad of ['', 'pora_ak_short', 'x'.repeat(5000), "pora_ak_' or 1=1 --"]) {
      const res = await withKey(bad, 'x-api-key')('/api/v1/accommodations/me');
      expect([res.statusCode, res.json().code]).toEqual([401, 'API_KEY_INVALID']);
    }
    const basic = await env.app.inject({
      method: 'GET',
      url: '/api/v1/accommodations/me',
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(basic.json().code).toBe('UNAUTHENTICATED');
  });

  it("keeps another operator's keys out of reach", async () => {
    const a = await verifiedProperty();
    const b = await verifiedProperty();
    const key = (await a.operator.post(`/api/v1/accommodations/${a.id}/api-keys`, { name: 'A' })).json();
    const res = await b.operator.post(`/api/v1/accommodations/${a.id}/api-keys/${key.id}/revoke`);
    expect(res.statusCode).toBe(404);
    const wrongProperty = await a.operator.post(`/api/v1/accommodations/${a.id}/api-keys/${key.id}/revoke`);
    expect(wrongProperty.statusCode).toBe(200);
    const office404 = await office.api.get(`/api/v1/accommodations/${a.id}/api-keys`);
    expect(office404.json().code).toBe('PERMISSION_DENIED');
  });
});

describe('hostile registrations', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['NIB too short', { nib: '123456789012' }, 400, 'VALIDATION_FAILED'],
    ['NIB with letters', { nib: '91200A1112223' }, 400, 'VALIDATION_FAILED'],
    ['NIB of zeros', { nib: '0000000000000' }, 400, 'VALIDATION_FAILED'],
    ['unknown village', { villageCode: '16.72.09.9999' }, 422, 'INVALID_REFERENCE'],
    ['a district, not a village', { villageCode: '16.72.01' }, 400, 'VALIDATION_FAILED'],
    ['pin outside Indonesia', { latitude: 48.85, longitude: 2.35 }, 400, 'VALIDATION_FAILED'],
    ['half a pin', { latitude: -4.01, longitude: null }, 400, 'VALIDATION_FAILED'],
    ['pin as text', { latitude: '-4.01', longitude: '103.2' }, 400, 'VALIDATION_FAILED'],
    ['unknown kind', { kind: 'castle' }, 400, 'VALIDATION_FAILED'],
    ['oversize name', { name: 'A'.repeat(10_000) }, 400, 'VALIDATION_FAILED'],
    ['oversize address', { address: 'Jl. '.repeat(5_000) }, 400, 'VALIDATION_FAILED'],
    ['control characters', { address: 'Jl. Dempo\u0000 No. 1' }, 400, 'VALIDATION_FAILED'],
    ['markup in the name', { name: '<script>alert(1)</script>' }, 400, 'VALIDATION_FAILED'],
    ['bad e-mail', { accountEmail: 'not-an-email' }, 400, 'VALIDATION_FAILED'],
    ['weak password', { accountPassword: 'short' }, 422, 'PASSWORD_TOO_SHORT'],
    ['unknown field', { status: 'verified' }, 400, 'VALIDATION_FAILED'],
  ];
  it.each(cases)('%s → %i %s, nothing stored', async (_name, over, status, code) => {
    const before = await count();
    const res = await anonymous().post('/api/v1/accommodations/registrations', registration(over));
    expect([res.statusCode, res.json().code], res.body).toEqual([status, code]);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate (same NIB and name, any spacing or case) with 409', async () => {
    const { body } = await register();
    const dup = await anonymous().post('/api/v1/accommodations/registrations', {
      ...registration(),
      nib: body.nib.replace(/(\d{4})/, '$1 '),
      name: `  ${body.name.toUpperCase()} `,
    });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'ACCOMMODATION_DUPLICATE']);
    // The same business may run a second property under its NIB.
    const second = await anonymous().post('/api/v1/accommodations/registrations', {
      ...registration(),
      nib: body.nib,
    });
    expect(second.statusCode).toBe(202);
  });

  it('refuses a body that is not JSON or too large, and a cross-site form post', async () => {
    const garbage = await env.app.inject({
      method: 'POST',
      url: '/api/v1/accommodations/registrations',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(garbage.json().code).toBe('INVALID_JSON');
    const huge = await env.app.inject({
      method: 'POST',
      url: '/api/v1/accommodations/registrations',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...registration(), name: 'x'.repeat(2_000_000) }),
    });
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    const crossSite = await env.app.inject({
      method: 'POST',
      url: '/api/v1/accommodations/registrations',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: registration(),
    });
    expect(crossSite.json().code).toBe('CSRF_REJECTED');
  });
});

describe('rate limit', () => {
  it('limits public registrations per address', async () => {
    const limited = await createTestEnv({ rateLimit: true });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) {
        // An invalid body still counts: the limit stands in front of validation.
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/accommodations/registrations',
          payload: { name: 'x' },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
      expect(codes[10]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

async function count() {
  const [row] = await selectRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from accommodations`);
  return Number(row?.n);
}

describe('accommodation kinds', () => {
  it('are a code table with Indonesian and English labels, served without signing in', async () => {
    const res = await anonymous().get('/api/v1/code-tables/accommodation-kinds');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; label: { id: string; en: string } }[];
    expect(items.map((i) => i.code)).toEqual([
      'hotel',
      'homestay',
      'villa',
      'guest_house',
      'kos',
      'apartment',
      'company_mess',
      'other',
    ]);
    expect(items.find((i) => i.code === 'company_mess')?.label).toEqual({ id: 'Mes perusahaan', en: 'Company mess' });
  });
});

async function auditRows(objectId: string, action: string) {
  return selectRows<{ details: Record<string, unknown>; actor_id: string | null }>(
    env.database.db,
    sql`select details, actor_id from audit_log where object_id = ${objectId} and action = ${action} order by seq`,
  );
}

async function stored(id: string) {
  const [row] = await selectRows<{ name: string; nib: string; village_code: string; name_key: string }>(
    env.database.db,
    sql`select name, nib, village_code, name_key from accommodations where id = ${id}`,
  );
  return row;
}

describe('the office edits a property', () => {
  it('changes name, kind, NIB, place and contact; audits old and new values; the operator sees it', async () => {
    const { id, body, operator } = await verifiedProperty();
    const newName = `Hotel Dempo Asri ${unique()}`;
    const res = await office.api.patch(`/api/v1/accommodations/${id}/registration`, {
      name: newName,
      kind: 'hotel',
      nib: '9120 0012 3456 7',
      villageCode: '16.04.01.2001',
      address: 'Jl. Lintas Sumatera No. 3',
      latitude: -3.79,
      longitude: 103.54,
      phone: '0731 321 000',
      picName: 'Rudi Hartono',
      picPhone: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      name: newName,
      kind: 'hotel',
      nib: '9120001234567',
      village: { code: '16.04.01.2001', label: expect.stringContaining('Lahat') },
      address: 'Jl. Lintas Sumatera No. 3',
      latitude: -3.79,
      longitude: 103.54,
      phone: '0731 321 000',
      email: body.email,
      picName: 'Rudi Hartono',
      picPhone: null,
      status: 'verified',
    });
    expect((await stored(id))?.name_key).toBe(newName.toLowerCase());

    const [audit] = await auditRows(id, 'accommodation.update');
    expect(audit?.actor_id).toBe(office.id);
    expect(audit?.details).toEqual({
      changes: {
        name: { from: body.name, to: newName },
        kind: { from: 'homestay', to: 'hotel' },
        nib: { from: body.nib, to: '9120001234567' },
        villageCode: { from: PAGAR_ALAM_VILLAGE, to: '16.04.01.2001' },
        address: { from: body.address, to: 'Jl. Lintas Sumatera No. 3' },
        latitude: { from: body.latitude, to: -3.79 },
        longitude: { from: body.longitude, to: 103.54 },
        phone: { from: body.phone, to: '0731 321 000' },
        picName: { from: body.picName, to: 'Rudi Hartono' },
        picPhone: { from: body.picPhone, to: null },
      },
    });
    const mine = (await operator.get('/api/v1/accommodations/me')).json().items[0];
    expect(mine).toMatchObject({ name: newName, nib: '9120001234567', village: { code: '16.04.01.2001' } });

    // Taking the pin away, and an edit that changes nothing: no second audit row for the latter.
    const unpinned = await office.api.patch(`/api/v1/accommodations/${id}/registration`, {
      latitude: null,
      longitude: null,
    });
    expect(unpinned.json()).toMatchObject({ latitude: null, longitude: null });
    const same = await office.api.patch(`/api/v1/accommodations/${id}/registration`, { name: newName, kind: 'hotel' });
    expect(same.statusCode).toBe(200);
    expect(await auditRows(id, 'accommodation.update')).toHaveLength(2);
  });

  it('lets the office correct a pending registration before verifying it', async () => {
    const { id, body } = await register();
    const res = await office.api.patch(`/api/v1/accommodations/${id}/registration`, { address: 'Jl. Benar No. 1' });
    expect(res.json()).toMatchObject({ status: 'pending', address: 'Jl. Benar No. 1', applicantAccount: 'new' });
    const verified = await office.api.post(`/api/v1/accommodations/${id}/verify`);
    expect(verified.json()).toMatchObject({ status: 'verified', operators: [{ email: body.accountEmail }] });
  });

  const invalid: [string, Record<string, unknown>, number, string][] = [
    ['NIB too short', { nib: '123456789012' }, 400, 'VALIDATION_FAILED'],
    ['NIB with letters', { nib: '91200A1112223' }, 400, 'VALIDATION_FAILED'],
    ['NIB of zeros', { nib: '0000 0000 0000 0' }, 400, 'VALIDATION_FAILED'],
    ['unknown village', { villageCode: '16.72.09.9999' }, 422, 'INVALID_REFERENCE'],
    ['a district, not a village', { villageCode: '16.72.01' }, 400, 'VALIDATION_FAILED'],
    ['a village outside the office area', { villageCode: '31.71.01.1001' }, 422, 'REGION_OUT_OF_SCOPE'],
    ['pin outside Indonesia', { latitude: 48.85, longitude: 2.35 }, 400, 'VALIDATION_FAILED'],
    ['half a pin', { latitude: -4.01 }, 400, 'VALIDATION_FAILED'],
    ['a pin with one side removed', { latitude: -4.01, longitude: null }, 400, 'VALIDATION_FAILED'],
    ['unknown kind', { kind: 'castle' }, 400, 'VALIDATION_FAILED'],
    ['empty name', { name: '  ' }, 400, 'VALIDATION_FAILED'],
    ['markup in the name', { name: '<b>Hotel</b>' }, 400, 'VALIDATION_FAILED'],
    ['control characters', { address: 'Jl. Dempo\u0000 No. 1' }, 400, 'VALIDATION_FAILED'],
    ['bad e-mail', { email: 'not-an-email' }, 400, 'VALIDATION_FAILED'],
    ['bad phone', { phone: 'call me' }, 400, 'VALIDATION_FAILED'],
    ['the status', { status: 'verified' }, 400, 'VALIDATION_FAILED'],
    ['the applicant e-mail', { applicantEmail: 'x@y.example' }, 400, 'VALIDATION_FAILED'],
  ];
  it.each(invalid)('refuses %s → %i %s and changes nothing', async (_name, patch, status, code) => {
    const { id } = await register();
    const before = await stored(id);
    const res = await office.api.patch(`/api/v1/accommodations/${id}/registration`, patch);
    expect([res.statusCode, res.json().code], res.body).toEqual([status, code]);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await stored(id)).toEqual(before);
    expect(await auditRows(id, 'accommodation.update')).toEqual([]);
  });

  it('names the field of a validation error', async () => {
    const { id } = await register();
    const res = await office.api.patch(`/api/v1/accommodations/${id}/registration`, { nib: '12' });
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.nib' })]);
    const village = await office.api.patch(`/api/v1/accommodations/${id}/registration`, {
      villageCode: '16.72.09.9999',
    });
    expect(village.json()).toMatchObject({ code: 'INVALID_REFERENCE', field: 'villageCode' });
  });

  it('refuses a NIB and name that another live property has', async () => {
    const first = await register();
    const second = await register();
    const res = await office.api.patch(`/api/v1/accommodations/${second.id}/registration`, {
      name: first.body.name.toUpperCase(),
      nib: first.body.nib,
    });
    expect([res.statusCode, res.json().code]).toEqual([409, 'ACCOMMODATION_DUPLICATE']);
    // A rejected registration is closed: neither edited nor in the way.
    await office.api.post(`/api/v1/accommodations/${first.id}/reject`, { reason: 'Ganda' });
    const closed = await office.api.patch(`/api/v1/accommodations/${first.id}/registration`, { address: 'Jl. X' });
    expect([closed.statusCode, closed.json().code]).toEqual([409, 'ACCOMMODATION_STATUS_CONFLICT']);
    const now = await office.api.patch(`/api/v1/accommodations/${second.id}/registration`, {
      name: first.body.name,
      nib: first.body.nib,
    });
    expect(now.statusCode).toBe(200);
  });

  it('is closed to other offices, readers, member-agency admins and operators', async () => {
    const { id, body, operator } = await verifiedProperty();
    const outside = await jakartaAdmin.patch(`/api/v1/accommodations/${id}/registration`, { name: 'Hotel Lain' });
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'ACCOMMODATION_NOT_FOUND']);
    const reader = await analyst.patch(`/api/v1/accommodations/${id}/registration`, { name: 'Hotel Lain' });
    expect([reader.statusCode, reader.json().code]).toEqual([403, 'PERMISSION_DENIED']);
    const polres = await buildAgency(env, { name: 'Polres Pagar Alam', regionCode: '16.72' });
    const polresAdmin = (await signInAs(env, 'office_admin', { agencyId: polres.id })).api;
    const member = await polresAdmin.patch(`/api/v1/accommodations/${id}/registration`, { name: 'Hotel Lain' });
    expect([member.statusCode, member.json().code]).toEqual([403, 'PERMISSION_DENIED']);

    // The operator changes the contact of their own property, never its NIB — on either endpoint.
    const own = await operator.patch(`/api/v1/accommodations/${id}/registration`, { nib: '9120001234567' });
    expect([own.statusCode, own.json().code]).toEqual([403, 'PERMISSION_DENIED']);
    const contact = await operator.patch(`/api/v1/accommodations/${id}`, { nib: '9120001234567' });
    expect([contact.statusCode, contact.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await stored(id))?.nib).toBe(body.nib);
    expect(await auditRows(id, 'accommodation.update')).toEqual([]);

    expect((await anonymous().patch(`/api/v1/accommodations/${id}/registration`, { name: 'X' })).statusCode).toBe(401);
  });
});

describe('a second property for an operator', () => {
  function property(over: Record<string, unknown> = {}) {
    const { accountEmail: _e, accountPassword: _p, ...fields } = registration(over);
    return fields;
  }

  it('is registered signed in, pending and linked, and verified onto the same account', async () => {
    const first = await verifiedProperty();
    const body = property({ name: `Villa Tugu Rimau ${unique()}`, kind: 'villa', nib: first.body.nib });
    const res = await first.operator.post('/api/v1/accommodations/me/registrations', body);
    expect(res.statusCode, res.body).toBe(201);
    const second = res.json();
    expect(second).toMatchObject({ name: body.name, kind: 'villa', status: 'pending', nib: first.body.nib });

    // The operator follows it at once; it does not report guests yet.
    const mine = (await first.operator.get('/api/v1/accommodations/me')).json().items;
    expect(mine.map((i: { id: string; status: string }) => [i.id, i.status]).sort()).toEqual(
      [
        [first.id, 'verified'],
        [second.id, 'pending'],
      ].sort(),
    );
    const keys = await first.operator.post(`/api/v1/accommodations/${second.id}/api-keys`, { name: 'PMS' });
    expect(keys.json().code).toBe('ACCOMMODATION_NOT_ACTIVE');
    // Reporting without naming the property still means the one verified property.
    const checkIn = await first.operator.post('/api/v1/stays/check-ins', {
      arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      expectedCheckOut: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      visitPurpose: 'tourism',
      guests: [{ mrz: passportMrz({ documentNumber: `M${randomBytes(4).toString('hex').toUpperCase()}` }) }],
    });
    expect(checkIn.statusCode, checkIn.body).toBe(201);

    // The office sees who filed it; verification links nothing new and opens no account.
    const detail = (await office.api.get(`/api/v1/accommodations/${second.id}`)).json();
    expect(detail).toMatchObject({
      status: 'pending',
      applicantEmail: first.body.accountEmail,
      applicantAccount: 'linked',
      operators: [{ email: first.body.accountEmail }],
    });
    const verified = await office.api.post(`/api/v1/accommodations/${second.id}/verify`);
    expect(verified.json()).toMatchObject({ status: 'verified', operators: [{ email: first.body.accountEmail }] });
    const [verifyAudit] = await auditRows(second.id, 'accommodation.verify');
    expect(verifyAudit?.details).toMatchObject({ operatorAccount: 'linked' });
    const accounts = await env.database.db.select().from(users).where(eq(users.email, first.body.accountEmail));
    expect(accounts).toHaveLength(1);
    const both = (await first.operator.get('/api/v1/accommodations/me')).json().items;
    expect(both.map((i: { status: string }) => i.status)).toEqual(['verified', 'verified']);
    const [registerAudit] = await auditRows(second.id, 'accommodation.register');
    expect(registerAudit?.actor_id).toBe(accounts[0]?.id);
  });

  it('validates like the public registration and takes no account part', async () => {
    const { operator } = await verifiedProperty();
    const before = await count();
    for (const [over, status, code] of [
      [{ nib: '123' }, 400, 'VALIDATION_FAILED'],
      [{ villageCode: '16.72.09.9999' }, 422, 'INVALID_REFERENCE'],
      [{ latitude: 48.85, longitude: 2.35 }, 400, 'VALIDATION_FAILED'],
      [{ accountEmail: 'lain@contoh.example' }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await operator.post('/api/v1/accommodations/me/registrations', { ...property(), ...over });
      expect([res.statusCode, res.json().code], JSON.stringify(over)).toEqual([status, code]);
    }
    const first = property();
    expect((await operator.post('/api/v1/accommodations/me/registrations', first)).statusCode).toBe(201);
    const dup = await operator.post('/api/v1/accommodations/me/registrations', { ...first });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'ACCOMMODATION_DUPLICATE']);
    expect(await count()).toBe(before + 1);
  });

  it('needs a verified property of your own, and an operator account', async () => {
    const property1 = await verifiedProperty();
    await office.api.post(`/api/v1/accommodations/${property1.id}/suspend`, { reason: 'Pemeriksaan' });
    const refused = await property1.operator.post('/api/v1/accommodations/me/registrations', property());
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'ACCOMMODATION_NOT_ACTIVE']);
    const staff = await office.api.post('/api/v1/accommodations/me/registrations', property());
    expect([staff.statusCode, staff.json().code]).toEqual([403, 'PERMISSION_DENIED']);
    expect((await anonymous().post('/api/v1/accommodations/me/registrations', property())).statusCode).toBe(401);
  });

  it("links a public registration with an operator's e-mail to that account at verification", async () => {
    const first = await verifiedProperty();
    // The public answer does not tell that the account exists.
    const { id } = await register({ accountEmail: first.body.accountEmail, accountPassword: 'Kata-Sandi-Lain-2026!' });
    expect((await office.api.get(`/api/v1/accommodations/${id}`)).json()).toMatchObject({
      applicantAccount: 'existing_operator',
      operators: [],
    });
    const verified = await office.api.post(`/api/v1/accommodations/${id}/verify`);
    expect(verified.json()).toMatchObject({ status: 'verified', operators: [{ email: first.body.accountEmail }] });
    const [audit] = await auditRows(id, 'accommodation.verify');
    expect(audit?.details).toMatchObject({ operatorAccount: 'existing_operator' });
    expect(await env.database.db.select().from(users).where(eq(users.email, first.body.accountEmail))).toHaveLength(1);
    // The password typed with the registration opens nothing; the account's own still does.
    const typed = await anonymous().post('/api/v1/auth/login', {
      email: first.body.accountEmail,
      password: 'Kata-Sandi-Lain-2026!',
    });
    expect(typed.json().code).toBe('INVALID_CREDENTIALS');
    const items = (await first.operator.get('/api/v1/accommodations/me')).json().items;
    expect(items.map((i: { id: string }) => i.id).sort()).toEqual([first.id, id].sort());
    // … and is told so in the app (and by e-mail when SMTP is set)
    const notices = (await first.operator.get('/api/v1/notifications')).json().items;
    expect(notices).toContainEqual(
      expect.objectContaining({
        kind: 'accommodation.linked',
        titleKey: 'messages.propertyLinked.title',
        params: { property: expect.any(String) },
        link: '/my-accommodation',
      }),
    );
  });

  it('refuses verification when the e-mail belongs to a disabled operator account', async () => {
    const first = await verifiedProperty();
    await env.database.db.update(users).set({ status: 'disabled' }).where(eq(users.email, first.body.accountEmail));
    const { id } = await register({ accountEmail: first.body.accountEmail });
    expect((await office.api.get(`/api/v1/accommodations/${id}`)).json().applicantAccount).toBe('taken');
    const refused = await office.api.post(`/api/v1/accommodations/${id}/verify`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'EMAIL_TAKEN']);
    expect((await office.api.get(`/api/v1/accommodations/${id}`)).json()).toMatchObject({
      status: 'pending',
      operators: [],
    });
  });
});
