import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildOffice, createTestEnv, type TestEnv } from '../../test/harness';
import {
  buildTeam,
  buildTeamMember,
  type Client,
  hostileTexts,
  injectionTexts,
  signInAs,
  signInMuaraEnimAdmin,
} from './orgs.test-support';

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

const teamBody = () => ({
  name: 'TIM PORA Kota Pagar Alam',
  level: 'kabupaten_kota',
  regionCode: '16.72',
  decreeNumber: 'W6.IMI.GR.01.01-1234/2025',
  decreeDate: '2025-01-15',
  chairName: 'Budi Santoso',
  chairTitle: 'Kepala Kantor Imigrasi Kelas II Non TPI Muara Enim',
  secretariatOfficeId: muaraEnim.office.id,
  periodStart: '2025-01-01',
  periodEnd: '2026-12-31',
});

describe('teams', () => {
  it('is visible to a member agency from outside its area, and to nobody else there', async () => {
    const team = await buildTeam(env, {
      name: 'TIM PORA Uji Keanggotaan',
      regionCode: '16.72',
      level: 'kabupaten_kota',
    });
    const jakartaMember = await buildAgency(env, { regionCode: '31.71', kind: 'bin' });
    await buildTeamMember(env, team.id, jakartaMember.id);
    const member = (await signInAs(env, 'agency_member', { agencyId: jakartaMember.id })).api;
    expect((await member.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(200);
    const stranger = (
      await signInAs(env, 'agency_member', { agencyId: (await buildAgency(env, { regionCode: '31.71' })).id })
    ).api;
    expect((await stranger.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(404);
  });

  it('forms a team, takes in member agencies, changes and removes them, archives and brings it back', async () => {
    const api = muaraEnim.api;
    const created = await api.post('/api/v1/teams', teamBody());
    expect(created.statusCode).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({
      name: 'TIM PORA Kota Pagar Alam',
      level: 'kabupaten_kota',
      region: { code: '16.72', name: 'Kota Pagar Alam' },
      decreeDate: '2025-01-15',
      secretariatOffice: { id: muaraEnim.office.id },
      memberCount: 0,
      members: [],
    });

    const polres = await buildAgency(env, { name: 'Polres Pagar Alam', kind: 'polri', regionCode: '16.72' });
    const kodim = await buildAgency(env, { name: 'Kodim 0405 Lahat', kind: 'tni', regionCode: '16.04' });
    const chair = await api.post(`/api/v1/teams/${team.id}/members`, { agencyId: muaraEnim.agency.id, role: 'ketua' });
    expect(chair.statusCode).toBe(201);
    const member = await api.post(`/api/v1/teams/${team.id}/members`, {
      agencyId: polres.id,
      role: 'anggota',
      liaisonName: 'AKP Rudi Hartono',
      liaisonPhone: '0812 7300 1122',
      liaisonEmail: 'rudi@polri.go.id',
    });
    expect(member.statusCode).toBe(201);
    expect(member.json()).toMatchObject({
      teamId: team.id,
      agency: { id: polres.id, name: 'Polres Pagar Alam', region: { code: '16.72' } },
      role: 'anggota',
      liaisonName: 'AKP Rudi Hartono',
    });
    await api.post(`/api/v1/teams/${team.id}/members`, { agencyId: kodim.id, role: 'anggota' });

    const twice = await api.post(`/api/v1/teams/${team.id}/members`, { agencyId: polres.id, role: 'anggota' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('TEAM_MEMBER_EXISTS');

    const changed = await api.patch(`/api/v1/teams/${team.id}/members/${member.json().id}`, {
      role: 'wakil_ketua',
      liaisonPhone: null,
    });
    expect(changed.json()).toMatchObject({ role: 'wakil_ketua', liaisonPhone: null, liaisonName: 'AKP Rudi Hartono' });

    const detail = (await api.get(`/api/v1/teams/${team.id}`)).json();
    expect(detail.memberCount).toBe(3);
    const listed = (await api.get('/api/v1/teams?limit=200'))
      .json()
      .items.find((t: { id: string }) => t.id === team.id);
    expect(listed.memberCount).toBe(3);
    // chair first, then vice chair, then members
    expect(detail.members.map((m: { role: string }) => m.role)).toEqual(['ketua', 'wakil_ketua', 'anggota']);
    const members = (await api.get(`/api/v1/teams/${team.id}/members`)).json();
    expect(members.items).toEqual(detail.members);

    const removed = await api.delete(`/api/v1/teams/${team.id}/members/${member.json().id}`);
    expect(removed.json()).toEqual({ ok: true });
    const gone = await api.delete(`/api/v1/teams/${team.id}/members/${member.json().id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('TEAM_MEMBER_NOT_FOUND');

    const renamed = await api.patch(`/api/v1/teams/${team.id}`, { name: 'TIM PORA Kota Pagar Alam 2025–2026' });
    expect(renamed.json().name).toBe('TIM PORA Kota Pagar Alam 2025–2026');

    const archived = await api.post(`/api/v1/teams/${team.id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    const locked = await api.post(`/api/v1/teams/${team.id}/members`, { agencyId: polres.id, role: 'anggota' });
    expect(locked.json().code).toBe('ARCHIVED');
    expect((await api.get('/api/v1/teams?q=pagar%20alam')).json().items).toHaveLength(0);
    expect((await api.get('/api/v1/teams?q=pagar%20alam&includeArchived=true')).json().total).toBe(1);
    expect((await api.post(`/api/v1/teams/${team.id}/unarchive`)).json().archivedAt).toBeNull();

    const auditor = await signInAs(env, 'auditor');
    const log = (await auditor.api.get(`/api/v1/audit?objectType=team&objectId=${team.id}`)).json();
    expect(log.items.map((r: { action: string }) => r.action)).toEqual([
      'team.unarchive',
      'team.archive',
      'team.update',
      'team.member_remove',
      'team.member_update',
      'team.member_add',
      'team.member_add',
      'team.member_add',
      'team.create',
    ]);
    expect(log.items[3].details.removed).toMatchObject({ agencyId: polres.id, role: 'wakil_ketua' });
  });

  it('checks that the area fits the level and that the period is in order', async () => {
    const district = await muaraEnim.api.post('/api/v1/teams', { ...teamBody(), regionCode: '16.72.01' });
    expect(district.json()).toMatchObject({ status: 422, code: 'INVALID_REFERENCE', expectedLevel: 2 });
    const kecamatan = await muaraEnim.api.post('/api/v1/teams', {
      ...teamBody(),
      name: 'TIM PORA Kecamatan Dempo Utara',
      level: 'kecamatan',
      regionCode: '16.72.01',
    });
    expect(kecamatan.statusCode).toBe(201);
    const reversed = await muaraEnim.api.post('/api/v1/teams', { ...teamBody(), periodEnd: '2024-12-31' });
    expect(reversed.statusCode).toBe(400);
    // the merged period is checked on a change too
    const later = await muaraEnim.api.patch(`/api/v1/teams/${kecamatan.json().id}`, { periodStart: '2027-01-01' });
    expect(later.statusCode).toBe(400);
    expect(later.json().code).toBe('VALIDATION_FAILED');
    const unknownOffice = await muaraEnim.api.post('/api/v1/teams', {
      ...teamBody(),
      secretariatOfficeId: crypto.randomUUID(),
    });
    expect(unknownOffice.json()).toMatchObject({ code: 'INVALID_REFERENCE', field: 'secretariatOfficeId' });
  });

  describe('scope', () => {
    it('hides a team of another area from an office admin: not found for reads and writes', async () => {
      const jakarta = await buildTeam(env, { name: 'TIM PORA Jakarta Pusat', regionCode: '31.71' });
      const api = muaraEnim.api;
      for (const res of [
        await api.get(`/api/v1/teams/${jakarta.id}`),
        await api.get(`/api/v1/teams/${jakarta.id}/members`),
        await api.patch(`/api/v1/teams/${jakarta.id}`, { name: 'Diambil alih' }),
        await api.post(`/api/v1/teams/${jakarta.id}/archive`),
        await api.post(`/api/v1/teams/${jakarta.id}/members`, { agencyId: muaraEnim.agency.id, role: 'anggota' }),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('TEAM_NOT_FOUND');
      }
      expect((await api.get('/api/v1/teams?q=jakarta')).json().total).toBe(0);
    });

    it('shows the provincial and national teams to an office admin without letting them manage them', async () => {
      const province = await buildTeam(env, {
        name: 'TIM PORA Provinsi Sumatera Selatan',
        level: 'provinsi',
        regionCode: '16',
      });
      const national = await buildTeam(env, { name: 'TIM PORA Pusat', level: 'pusat', regionCode: '31.71' });
      for (const team of [province, national]) {
        expect((await muaraEnim.api.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(200);
        const denied = await muaraEnim.api.patch(`/api/v1/teams/${team.id}`, { chairName: 'Siapa Saja' });
        expect(denied.statusCode).toBe(403);
        expect(denied.json().code).toBe('PERMISSION_DENIED');
      }
      expect((await admin.patch(`/api/v1/teams/${national.id}`, { chairName: 'Direktur Jenderal' })).statusCode).toBe(
        200,
      );
      const pusatByOfficeAdmin = await muaraEnim.api.post('/api/v1/teams', {
        ...teamBody(),
        level: 'pusat',
        regionCode: '16.03',
      });
      expect(pusatByOfficeAdmin.json().code).toBe('REGION_OUT_OF_SCOPE');
    });

    it('lets the secretariat office manage its team even outside its working area', async () => {
      const palembang = await buildTeam(env, {
        name: 'TIM PORA Kota Palembang',
        regionCode: '16.71',
        secretariatOfficeId: muaraEnim.office.id,
      });
      const res = await muaraEnim.api.patch(`/api/v1/teams/${palembang.id}`, { chairName: 'Kepala Kanim' });
      expect(res.statusCode).toBe(200);
      // … but cannot hand it away so that it leaves their reach
      const away = await buildOffice(env, {
        name: 'Kantor Imigrasi Palembang',
        regionCode: '16.71',
        workingArea: ['16.71'],
      });
      const handed = await muaraEnim.api.patch(`/api/v1/teams/${palembang.id}`, { secretariatOfficeId: away.id });
      expect(handed.json().code).toBe('REGION_OUT_OF_SCOPE');
    });

    it('shows a team to the agencies that are its members', async () => {
      const lahat = await buildAgency(env, { name: 'Kejaksaan Negeri Lahat', kind: 'kejaksaan', regionCode: '16.04' });
      const team = await buildTeam(env, { name: 'TIM PORA Kota Pagar Alam (anggota)', regionCode: '16.72' });
      const member = await signInAs(env, 'agency_member', { agencyId: lahat.id });
      expect((await member.api.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(404);
      await buildTeamMember(env, team.id, lahat.id);
      expect((await member.api.get(`/api/v1/teams/${team.id}`)).statusCode).toBe(200);
      expect((await member.api.patch(`/api/v1/teams/${team.id}`, { name: 'Baru' })).statusCode).toBe(403);
    });

    it('takes in only active agencies the admin can see', async () => {
      const team = (
        await muaraEnim.api.post('/api/v1/teams', { ...teamBody(), name: 'TIM PORA Lahat', regionCode: '16.04' })
      ).json();
      const jakarta = await buildAgency(env, { name: 'Polres Jakarta Pusat', regionCode: '31.71' });
      const archived = await buildAgency(env, { name: 'Dinas Lama', regionCode: '16.04', archivedAt: new Date() });
      for (const agencyId of [jakarta.id, archived.id, crypto.randomUUID()]) {
        const res = await muaraEnim.api.post(`/api/v1/teams/${team.id}/members`, { agencyId, role: 'anggota' });
        expect(res.statusCode).toBe(422);
        expect(res.json()).toMatchObject({ code: 'INVALID_REFERENCE', field: 'agencyId' });
      }
      const polda = await buildAgency(env, { name: 'Polda Sumatera Selatan', regionCode: '16' });
      const joined = await muaraEnim.api.post(`/api/v1/teams/${team.id}/members`, {
        agencyId: polda.id,
        role: 'anggota',
      });
      expect(joined.statusCode).toBe(201);
    });
  });

  describe('bad input', () => {
    it('refuses hostile text, unknown fields and wrong enums with 400 and changes nothing', async () => {
      const before = (await admin.get('/api/v1/teams?includeArchived=true')).json().total;
      const bodies = [
        ...Object.values(hostileTexts).map((name) => ({ ...teamBody(), name })),
        ...injectionTexts.slice(0, 2).map((chairName) => ({ ...teamBody(), chairName })),
        { ...teamBody(), decreeNumber: "1'; drop table teams; --" },
        { ...teamBody(), level: 'desa' },
        { ...teamBody(), decreeDate: '2025-02-30' },
        { ...teamBody(), members: [] },
        { ...teamBody(), memberCount: 31 },
      ];
      for (const body of bodies) {
        const res = await muaraEnim.api.post('/api/v1/teams', body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }
      expect((await admin.get('/api/v1/teams?includeArchived=true')).json().total).toBe(before);

      const team = await buildTeam(env, { name: 'TIM PORA Empat Lawang', regionCode: '16.11' });
      const agency = await buildAgency(env, { regionCode: '16.11' });
      for (const body of [
        { agencyId: agency.id, role: 'boss' },
        { agencyId: agency.id, role: 'anggota', liaisonName: '<script>alert(1)</script>' },
        { agencyId: agency.id, role: 'anggota', liaisonEmail: 'not-an-email' },
        { agencyId: agency.id, role: 'anggota', teamId: team.id },
        { agencyId: 'x', role: 'anggota' },
      ]) {
        const res = await muaraEnim.api.post(`/api/v1/teams/${team.id}/members`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
      }
      expect((await admin.get(`/api/v1/teams/${team.id}`)).json().memberCount).toBe(0);
    });
  });
});
