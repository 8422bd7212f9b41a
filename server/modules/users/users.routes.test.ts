import { generate, generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, createTestEnv, signIn, type TestEnv } from '../../test/harness';
import { type Client, clientOf, hostileTexts, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { createUser, resetUserTotp } from './users.service';

let env: TestEnv;
let admin: Awaited<ReturnType<typeof signInAs>>;
let muaraEnim: Awaited<ReturnType<typeof signInMuaraEnimAdmin>>;
beforeAll(async () => {
  env = await createTestEnv();
  admin = await signInAs(env, 'system_admin');
  muaraEnim = await signInMuaraEnimAdmin(env);
});
afterAll(async () => {
  await env.close();
});

const login = (email: string, password: string, totp?: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, ...(totp ? { totp } : {}) },
  });

async function auditActions(objectId: string): Promise<string[]> {
  const res = await admin.api.get(`/api/v1/audit?objectType=user&objectId=${objectId}`);
  return res.json().items.map((r: { action: string }) => r.action);
}

describe('users', () => {
  it('creates a user with a one-time password that must be changed at first sign-in', async () => {
    const polres = await buildAgency(env, { name: 'Polres Pagar Alam', regionCode: '16.72' });
    const created = await muaraEnim.api.post('/api/v1/users', {
      email: '  Rudi.Hartono@Polri.go.id ',
      name: 'AKP Rudi Hartono',
      agencyId: polres.id,
      roles: ['agency_member', 'field_officer'],
    });
    expect(created.statusCode).toBe(201);
    const { user, oneTimePassword } = created.json();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(user).toMatchObject({
      email: 'rudi.hartono@polri.go.id',
      name: 'AKP Rudi Hartono',
      agency: { id: polres.id, name: 'Polres Pagar Alam', regionCode: '16.72' },
      roles: ['agency_member', 'field_officer'],
      status: 'active',
      mustChangePassword: true,
      totpEnabled: false,
      lastLoginAt: null,
    });
    expect(created.body).not.toMatch(/argon2|passwordHash/);

    const signedIn = await signIn(env, { email: user.email, password: oneTimePassword });
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: signedIn.cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    // the restricted session reaches the profile only
    const blocked = await clientOf(env, signedIn.cookie).get('/api/v1/agencies');
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const taken = await muaraEnim.api.post('/api/v1/users', {
      email: 'rudi.hartono@polri.go.id',
      name: 'Orang Lain',
      agencyId: polres.id,
      roles: ['analyst'],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('EMAIL_TAKEN');
    expect(await auditActions(user.id)).toEqual(['user.create']);
  });

  it('reads a user and lists users, scoped to the admin and audited', async () => {
    const lahat = await buildAgency(env, { name: 'Kodim 0405 Lahat', kind: 'tni', regionCode: '16.04' });
    const jakarta = await buildAgency(env, { name: 'Polres Jakarta Pusat', regionCode: '31.71' });
    const inside = await buildUser(env, { agencyId: lahat.id, roles: ['field_officer'], email: 'serka.andi@tni.test' });
    const outside = await buildUser(env, { agencyId: jakarta.id, roles: ['analyst'], email: 'analis.jkt@polri.test' });

    const read = await muaraEnim.api.get(`/api/v1/users/${inside.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ email: 'serka.andi@tni.test', agency: { name: 'Kodim 0405 Lahat' } });
    const hidden = await muaraEnim.api.get(`/api/v1/users/${outside.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('USER_NOT_FOUND');

    const list = (await muaraEnim.api.get('/api/v1/users?limit=200')).json();
    const emails = list.items.map((u: { email: string }) => u.email);
    expect(emails).toContain('serka.andi@tni.test');
    expect(emails).not.toContain('analis.jkt@polri.test');
    expect(list.total).toBe(list.items.length);

    const filtered = (await admin.api.get(`/api/v1/users?agencyId=${lahat.id}&role=field_officer&q=andi`)).json();
    expect(filtered.items.map((u: { id: string }) => u.id)).toEqual([inside.id]);
    expect((await admin.api.get('/api/v1/users?role=auditor&q=andi')).json().total).toBe(0);

    expect(await auditActions(inside.id)).toContain('user.read');
    const lists = (await admin.api.get(`/api/v1/audit?action=user.list&actorId=${muaraEnim.id}`)).json();
    expect(lists.items[0].details).toMatchObject({
      total: list.total,
      userIds: list.items.map((u: { id: string }) => u.id),
    });
  });

  it('changes name, roles, agency and status; disabling ends the sessions', async () => {
    const polres = await buildAgency(env, { regionCode: '16.72' });
    const satpol = await buildAgency(env, { kind: 'satpol_pp', regionCode: '16.11' });
    const target = await signInAs(env, 'agency_member', { agencyId: polres.id });
    const changed = await muaraEnim.api.patch(`/api/v1/users/${target.id}`, {
      name: 'Bripka Sari Dewi',
      roles: ['analyst'],
      agencyId: satpol.id,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Bripka Sari Dewi', roles: ['analyst'], agency: { id: satpol.id } });

    const disabled = await muaraEnim.api.patch(`/api/v1/users/${target.id}`, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect((await target.api.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(target.email, target.password)).json().code).toBe('ACCOUNT_DISABLED');
    await muaraEnim.api.patch(`/api/v1/users/${target.id}`, { status: 'active' });
    // the old session stays ended
    expect((await target.api.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(target.email, target.password)).statusCode).toBe(200);

    const update = (await admin.api.get(`/api/v1/audit?action=user.update&objectId=${target.id}`)).json().items;
    expect(update.at(-1).details.changes).toEqual({
      name: { from: expect.any(String), to: 'Bripka Sari Dewi' },
      roles: { from: ['agency_member'], to: ['analyst'] },
      agencyId: { from: polres.id, to: satpol.id },
    });
  });

  it('archives a user (sessions end, sign-in refused) and brings them back disabled', async () => {
    const target = await signInAs(env, 'field_officer', { agencyId: muaraEnim.agency.id });
    const archived = await muaraEnim.api.post(`/api/v1/users/${target.id}/archive`);
    expect(archived.json().status).toBe('archived');
    expect((await target.api.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(target.email, target.password)).json().code).toBe('INVALID_CREDENTIALS');
    const listed = (await muaraEnim.api.get('/api/v1/users?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(listed).not.toContain(target.id);
    const onlyArchived = (await muaraEnim.api.get('/api/v1/users?status=archived')).json();
    expect(onlyArchived.items.map((u: { id: string }) => u.id)).toContain(target.id);
    expect((await muaraEnim.api.patch(`/api/v1/users/${target.id}`, { name: 'Nama Baru' })).json().code).toBe(
      'ARCHIVED',
    );
    const back = await muaraEnim.api.post(`/api/v1/users/${target.id}/unarchive`);
    expect(back.json().status).toBe('disabled');
  });

  it('resets a password: new one-time password, sessions ended, lockout lifted', async () => {
    const target = await signInAs(env, 'analyst', { agencyId: muaraEnim.agency.id });
    for (let i = 0; i < 6; i += 1) {
      await login(target.email, 'salah-sekali-lagi');
    }
    expect((await login(target.email, target.password)).json().code).toBe('ACCOUNT_LOCKED');
    const reset = await muaraEnim.api.post(`/api/v1/users/${target.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const { oneTimePassword, user } = reset.json();
    expect(user.mustChangePassword).toBe(true);
    expect((await target.api.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(target.email, target.password)).json().code).toBe('INVALID_CREDENTIALS');
    expect((await login(target.email, oneTimePassword)).statusCode).toBe(200);
    expect(await auditActions(target.id)).toContain('user.password_reset');
  });

  it('resets the second factor: the user enrols again at next sign-in', async () => {
    const secret = generateSecret();
    const target = await buildUser(env, { agencyId: muaraEnim.agency.id, roles: ['office_admin'], totpSecret: secret });
    const session = await signIn(env, target, await generate({ secret }));
    const reset = await admin.api.post(`/api/v1/users/${target.id}/reset-totp`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().totpEnabled).toBe(false);
    expect((await clientOf(env, session.cookie).get('/api/v1/me')).statusCode).toBe(401);
    const again = await login(target.email, target.password);
    expect(again.statusCode).toBe(200);
    expect(again.json().totpEnrolmentRequired).toBe(true);
    const twice = await admin.api.post(`/api/v1/users/${target.id}/reset-totp`);
    expect(twice.json().code).toBe('TOTP_NOT_ENABLED');
  });

  describe('roles an admin may grant', () => {
    it('lets an office admin grant the secretariat roles but not system_admin or auditor', async () => {
      const agency = await buildAgency(env, { regionCode: '16.03' });
      const body = { email: 'calon@pora.test', name: 'Calon Admin', agencyId: agency.id };
      for (const role of ['system_admin', 'auditor']) {
        const res = await muaraEnim.api.post('/api/v1/users', { ...body, roles: ['analyst', role] });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'ROLE_NOT_GRANTABLE', roles: [role] });
      }
      const ok = await muaraEnim.api.post('/api/v1/users', {
        ...body,
        roles: ['office_admin', 'accommodation_operator'],
      });
      expect(ok.statusCode).toBe(201);
      const promote = await muaraEnim.api.patch(`/api/v1/users/${ok.json().user.id}`, { roles: ['system_admin'] });
      expect(promote.json().code).toBe('ROLE_NOT_GRANTABLE');
    });

    it('keeps an office admin away from accounts holding roles they cannot grant', async () => {
      const auditor = await buildUser(env, { agencyId: muaraEnim.agency.id, roles: ['auditor'] });
      for (const res of [
        await muaraEnim.api.patch(`/api/v1/users/${auditor.id}`, { status: 'disabled' }),
        await muaraEnim.api.post(`/api/v1/users/${auditor.id}/reset-password`),
        await muaraEnim.api.post(`/api/v1/users/${auditor.id}/archive`),
      ]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('ROLE_NOT_GRANTABLE');
      }
      // reading is fine: the auditor's agency is in scope
      expect((await muaraEnim.api.get(`/api/v1/users/${auditor.id}`)).statusCode).toBe(200);
    });

    it('refuses admins changing their own roles, status or password here', async () => {
      for (const res of [
        await muaraEnim.api.patch(`/api/v1/users/${muaraEnim.id}`, { roles: ['office_admin', 'analyst'] }),
        await muaraEnim.api.patch(`/api/v1/users/${muaraEnim.id}`, { status: 'disabled' }),
        await muaraEnim.api.post(`/api/v1/users/${muaraEnim.id}/archive`),
        await muaraEnim.api.post(`/api/v1/users/${muaraEnim.id}/reset-password`),
        await muaraEnim.api.post(`/api/v1/users/${muaraEnim.id}/reset-totp`),
      ]) {
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('SELF_CHANGE_REFUSED');
      }
      const renamed = await muaraEnim.api.patch(`/api/v1/users/${muaraEnim.id}`, { name: 'Admin Kanim Muara Enim' });
      expect(renamed.statusCode).toBe(200);
    });

    it('creates users only in agencies inside the admin scope', async () => {
      const jakarta = await buildAgency(env, { regionCode: '31.71' });
      const res = await muaraEnim.api.post('/api/v1/users', {
        email: 'luar@pora.test',
        name: 'Di Luar',
        agencyId: jakarta.id,
        roles: ['analyst'],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'INVALID_REFERENCE', field: 'agencyId' });
    });
  });

  describe('service calls of the CLI (system actor)', () => {
    const cli = { kind: 'system', name: 'cli' } as const;

    it('creates the first system admin with a given password that passes the policy', async () => {
      const agency = await buildAgency(env, { kind: 'imigrasi', regionCode: '31.71' });
      const input = {
        email: 'admin@imigrasi.test',
        name: 'Admin Pusat',
        agencyId: agency.id,
        roles: ['system_admin' as const],
      };
      await expect(createUser(env.ctx(cli), input, { password: 'password123' })).rejects.toMatchObject({
        code: 'PASSWORD_TOO_SHORT',
      });
      const created = await createUser(env.ctx(cli), input, { password: 'Empat-Lawang-Tebing-Tinggi' });
      expect(created.oneTimePassword).toBeNull();
      expect(created.user).toMatchObject({ roles: ['system_admin'], mustChangePassword: false });
      expect((await login('admin@imigrasi.test', 'Empat-Lawang-Tebing-Tinggi')).json().totpEnrolmentRequired).toBe(
        true,
      );
      const withOtp = await createUser(env.ctx(cli), { ...input, email: 'admin2@imigrasi.test' });
      expect(withOtp.oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
      const log = (await admin.api.get(`/api/v1/audit?objectId=${created.user.id}`)).json().items;
      expect(log.at(-1)).toMatchObject({ actorKind: 'system', actorName: 'cli', action: 'user.create' });
    });

    it('resets a second factor from the CLI', async () => {
      const secret = generateSecret();
      const target = await buildUser(env, { roles: ['system_admin'], totpSecret: secret });
      const user = await resetUserTotp(env.ctx(cli), target.id);
      expect(user.totpEnabled).toBe(false);
    });
  });

  describe('bad input', () => {
    it('refuses hostile names, bad e-mails, unknown roles and fields with 400 and creates nobody', async () => {
      const api: Client = muaraEnim.api;
      const before = (await admin.api.get('/api/v1/users?includeArchived=true')).json().total;
      const body = {
        email: 'baru@pora.test',
        name: 'Pengguna Baru',
        agencyId: muaraEnim.agency.id,
        roles: ['analyst'],
      };
      for (const bad of [
        ...Object.values(hostileTexts).map((name) => ({ ...body, name })),
        { ...body, name: "'; drop table users; --" },
        { ...body, name: '<script>alert(1)</script>' },
        { ...body, email: "x@y.z'; drop table users; --" },
        { ...body, email: 'bukan email' },
        { ...body, roles: ['superuser'] },
        { ...body, roles: [] },
        { ...body, roles: ['analyst', 'analyst'] },
        { ...body, password: 'Kopi-Pagar-Alam-2026' },
        { ...body, status: 'active' },
      ]) {
        const res = await api.post('/api/v1/users', bad);
        expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }
      const archive = await api.patch(`/api/v1/users/${muaraEnim.id}`, { status: 'archived' });
      expect(archive.statusCode).toBe(400);
      expect((await admin.api.get('/api/v1/users?includeArchived=true')).json().total).toBe(before);
    });
  });
});
