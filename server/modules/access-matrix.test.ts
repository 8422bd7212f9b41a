// Role × endpoint: what each role may do, read as a table. Every cell is a real request against the app.
//   Y  allowed (2xx)
//   D  denied: 403 PERMISSION_DENIED (the role lacks the permission)
//   D* refused for the place: 422 REGION_OUT_OF_SCOPE (the role may create, but not in that area)
//   H  hidden: 404 *_NOT_FOUND (the object lies outside the actor's scope; its existence is not revealed)
//   U  unauthenticated: 401 (no session)
// Actors: system_admin and auditor are national; office_admin, analyst and field_officer belong to the Kantor
// Imigrasi Muara Enim (scope: its working area 16.03, 16.04, 16.11, 16.72); agency_member and
// accommodation_operator to agencies in Kota Pagar Alam (16.72). "in" objects lie in Kota Pagar Alam, "out" objects
// in Kota Jakarta Pusat (31.71). Write cells get fresh objects, so no cell depends on another.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/common';
import { users } from '../db/schema/auth';
import { buildAgency, buildOffice, buildUser, createTestEnv, type TestEnv } from '../test/harness';
import { buildAccommodation, JAKARTA_VILLAGE, PAGAR_ALAM_VILLAGE } from './accommodations/accommodations.test-support';
import {
  buildMuaraEnimOffice,
  buildTeam,
  buildTeamMember,
  type Client,
  clientOf,
  signInAs,
} from './orgs/orgs.test-support';
import { mergePersons } from './persons/person-merge.service';
import { buildPerson, passportMrz } from './persons/persons.test-support';
import { buildReceipts } from './receipts/receipts.test-support';
import { buildStay } from './stays/stays.test-support';

type Cell = 'Y' | 'D' | 'D*' | 'H' | 'U';
type Target = { url: string; body?: unknown };
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const columns = [
  'system_admin',
  'office_admin',
  'analyst',
  'agency_member',
  'field_officer',
  'accommodation_operator',
  'auditor',
  'anonymous',
] as const;
type Column = (typeof columns)[number];

type World = {
  env: TestEnv;
  officeId: string;
  pagarAlamAgencyId: string;
  jakartaAgencyId: string;
  inTeamId: string;
  outTeamId: string;
  inUserId: string;
  outUserId: string;
  /** a verified property operated by the accommodation_operator column's user */
  ownAccommodationId: string;
};

const unique = () => randomBytes(3).toString('hex');

// Fresh objects for the cells that change something.
const fresh = {
  office: async (w: World, over = {}) => (await buildOffice(w.env, { name: `Kanim ${unique()}`, ...over })).id,
  agency: async (w: World, regionCode: string, over = {}) => (await buildAgency(w.env, { regionCode, ...over })).id,
  team: async (w: World, regionCode: string, over = {}) =>
    (await buildTeam(w.env, { regionCode, name: `TIM PORA ${unique()}`, ...over })).id,
  member: async (w: World) => {
    const teamId = await fresh.team(w, '16.72');
    const member = await buildTeamMember(w.env, teamId, await fresh.agency(w, '16.72'));
    return { teamId, memberId: member.id };
  },
  user: async (w: World, agencyId: string, over: { totpSecret?: string } = {}) =>
    (await buildUser(w.env, { agencyId, roles: ['field_officer'], ...over })).id,
  accommodation: async (w: World, over: Parameters<typeof buildAccommodation>[1] = {}) =>
    (await buildAccommodation(w.env, over)).id,
  /** two records of one person living in the area, the first to be merged into the second */
  personPair: async (w: World, regionCode: string) => {
    const build = () =>
      buildPerson(w.env, { surname: 'MERGE', givenNames: unique().replace(/\d/g, 'x'), address: { regionCode } });
    return { from: (await build()).id, into: (await build()).id };
  },
  mergedPair: async (w: World) => {
    const pair = await fresh.personPair(w, '16.72');
    await mergePersons(w.env.ctx({ kind: 'system', name: 'test' }), pair.from, { into: pair.into, reason: 'uji' });
    return pair;
  },
};
const archived = { archivedAt: new Date() };
const mergeBody = (into: string) => ({ into, reason: 'orang yang sama' });

type Row = { endpoint: `${Method} ${string}`; target: (w: World) => Promise<Target> | Target; cells: Cell[] };
const row = (endpoint: Row['endpoint'], target: Row['target'], cells: string): Row => ({
  endpoint,
  target,
  cells: cells.trim().split(/\s+/) as Cell[],
});

// biome-ignore format: the matrix reads as a table
const matrix: Row[] = [
  //   endpoint                                  target                                                                                 SA OA AN AM FO AO AU anon
  row('GET /me',                                 () => ({ url: '/me' }),                                                              'Y  Y  Y  Y  Y  Y  Y  U'),
  row('GET /auth/sessions',                      () => ({ url: '/auth/sessions' }),                                                   'Y  Y  Y  Y  Y  Y  Y  U'),
  row('GET /code-tables',                        () => ({ url: '/code-tables' }),                                                     'Y  Y  Y  Y  Y  Y  Y  Y'),
  row('GET /code-tables/{name}',                 () => ({ url: '/code-tables/agency-kinds' }),                                        'Y  Y  Y  Y  Y  Y  Y  Y'),

  row('GET /offices',                            () => ({ url: '/offices' }),                                                         'Y  Y  Y  Y  Y  D  Y  U'),
  row('GET /offices/{id}',                       (w) => ({ url: `/offices/${w.officeId}` }),                                          'Y  Y  Y  Y  Y  D  Y  U'),
  row('POST /offices',                           () => ({ url: '/offices', body: officeBody() }),                                     'Y  D  D  D  D  D  D  U'),
  row('PATCH /offices/{id}',                     async (w) => ({ url: `/offices/${await fresh.office(w)}`, body: { phone: '0734 1' } }), 'Y  D  D  D  D  D  D  U'),
  row('POST /offices/{id}/archive',              async (w) => ({ url: `/offices/${await fresh.office(w)}/archive` }),                 'Y  D  D  D  D  D  D  U'),
  row('POST /offices/{id}/unarchive',            async (w) => ({ url: `/offices/${await fresh.office(w, archived)}/unarchive` }),     'Y  D  D  D  D  D  D  U'),

  row('GET /agencies',                           () => ({ url: '/agencies' }),                                                        'Y  Y  Y  Y  Y  D  Y  U'),
  row('GET /agencies/{id} in',                   (w) => ({ url: `/agencies/${w.pagarAlamAgencyId}` }),                                'Y  Y  Y  Y  Y  D  Y  U'),
  row('GET /agencies/{id} out',                  (w) => ({ url: `/agencies/${w.jakartaAgencyId}` }),                                  'Y  H  H  H  H  D  Y  U'),
  row('POST /agencies in',                       () => ({ url: '/agencies', body: agencyBody('16.72') }),                             'Y  Y  D  D  D  D  D  U'),
  row('POST /agencies out',                      () => ({ url: '/agencies', body: agencyBody('31.71') }),                             'Y  D* D  D  D  D  D  U'),
  row('PATCH /agencies/{id} in',                 async (w) => ({ url: `/agencies/${await fresh.agency(w, '16.72')}`, body: { phone: '0730 1' } }), 'Y  Y  D  D  D  D  D  U'),
  row('PATCH /agencies/{id} out',                async (w) => ({ url: `/agencies/${await fresh.agency(w, '31.71')}`, body: { phone: '021 1' } }),  'Y  H  D  D  D  D  D  U'),
  row('POST /agencies/{id}/archive in',          async (w) => ({ url: `/agencies/${await fresh.agency(w, '16.72')}/archive` }),       'Y  Y  D  D  D  D  D  U'),
  row('POST /agencies/{id}/archive out',         async (w) => ({ url: `/agencies/${await fresh.agency(w, '31.71')}/archive` }),       'Y  H  D  D  D  D  D  U'),
  row('POST /agencies/{id}/unarchive in',        async (w) => ({ url: `/agencies/${await fresh.agency(w, '16.72', archived)}/unarchive` }), 'Y  Y  D  D  D  D  D  U'),

  row('GET /teams',                              () => ({ url: '/teams' }),                                                           'Y  Y  Y  Y  Y  D  Y  U'),
  row('GET /teams/{id} in',                      (w) => ({ url: `/teams/${w.inTeamId}` }),                                            'Y  Y  Y  Y  Y  D  Y  U'),
  row('GET /teams/{id} out',                     (w) => ({ url: `/teams/${w.outTeamId}` }),                                           'Y  H  H  H  H  D  Y  U'),
  row('POST /teams',                             (w) => ({ url: '/teams', body: teamBody(w) }),                                       'Y  Y  D  D  D  D  D  U'),
  row('PATCH /teams/{id} in',                    async (w) => ({ url: `/teams/${await fresh.team(w, '16.72')}`, body: { chairName: 'Ketua Baru' } }), 'Y  Y  D  D  D  D  D  U'),
  row('PATCH /teams/{id} out',                   async (w) => ({ url: `/teams/${await fresh.team(w, '31.71')}`, body: { chairName: 'Ketua Baru' } }), 'Y  H  D  D  D  D  D  U'),
  row('POST /teams/{id}/archive in',             async (w) => ({ url: `/teams/${await fresh.team(w, '16.72')}/archive` }),            'Y  Y  D  D  D  D  D  U'),
  row('POST /teams/{id}/unarchive in',           async (w) => ({ url: `/teams/${await fresh.team(w, '16.72', archived)}/unarchive` }), 'Y  Y  D  D  D  D  D  U'),
  row('GET /teams/{id}/members in',              (w) => ({ url: `/teams/${w.inTeamId}/members` }),                                    'Y  Y  Y  Y  Y  D  Y  U'),
  row('GET /teams/{id}/members out',             (w) => ({ url: `/teams/${w.outTeamId}/members` }),                                   'Y  H  H  H  H  D  Y  U'),
  row('POST /teams/{id}/members',                async (w) => ({ url: `/teams/${await fresh.team(w, '16.72')}/members`, body: { agencyId: w.pagarAlamAgencyId, role: 'anggota' } }), 'Y  Y  D  D  D  D  D  U'),
  row('PATCH /teams/{id}/members/{memberId}',    async (w) => { const m = await fresh.member(w); return { url: `/teams/${m.teamId}/members/${m.memberId}`, body: { role: 'sekretaris' } }; }, 'Y  Y  D  D  D  D  D  U'),
  row('DELETE /teams/{id}/members/{memberId}',   async (w) => { const m = await fresh.member(w); return { url: `/teams/${m.teamId}/members/${m.memberId}` }; }, 'Y  Y  D  D  D  D  D  U'),

  row('GET /users',                              () => ({ url: '/users' }),                                                           'Y  Y  D  D  D  D  Y  U'),
  row('GET /users/{id} in',                      (w) => ({ url: `/users/${w.inUserId}` }),                                            'Y  Y  D  D  D  D  Y  U'),
  row('GET /users/{id} out',                     (w) => ({ url: `/users/${w.outUserId}` }),                                           'Y  H  D  D  D  D  Y  U'),
  row('POST /users',                             (w) => ({ url: '/users', body: userBody(w) }),                                       'Y  Y  D  D  D  D  D  U'),
  row('PATCH /users/{id} in',                    async (w) => ({ url: `/users/${await fresh.user(w, w.pagarAlamAgencyId)}`, body: { name: 'Nama Baru' } }), 'Y  Y  D  D  D  D  D  U'),
  row('PATCH /users/{id} out',                   async (w) => ({ url: `/users/${await fresh.user(w, w.jakartaAgencyId)}`, body: { name: 'Nama Baru' } }),   'Y  H  D  D  D  D  D  U'),
  row('POST /users/{id}/archive',                async (w) => ({ url: `/users/${await fresh.user(w, w.pagarAlamAgencyId)}/archive` }), 'Y  Y  D  D  D  D  D  U'),
  row('POST /users/{id}/unarchive',              async (w) => { const id = await fresh.user(w, w.pagarAlamAgencyId); await archiveUser(w, id); return { url: `/users/${id}/unarchive` }; }, 'Y  Y  D  D  D  D  D  U'),
  row('POST /users/{id}/reset-password',         async (w) => ({ url: `/users/${await fresh.user(w, w.pagarAlamAgencyId)}/reset-password` }), 'Y  Y  D  D  D  D  D  U'),
  row('POST /users/{id}/reset-totp',             async (w) => ({ url: `/users/${await fresh.user(w, w.pagarAlamAgencyId, { totpSecret: generateSecret() })}/reset-totp` }), 'Y  Y  D  D  D  D  D  U'),

  row('POST /persons/{id}/merge in',             async (w) => { const p = await fresh.personPair(w, '16.72'); return { url: `/persons/${p.from}/merge`, body: mergeBody(p.into) }; }, 'Y  Y  Y  D  Y  D  D  U'),
  row('POST /persons/{id}/merge out',            async (w) => { const p = await fresh.personPair(w, '31.71'); return { url: `/persons/${p.from}/merge`, body: mergeBody(p.into) }; }, 'Y  H  H  D  H  D  D  U'),
  row('POST /persons/{id}/merge/undo in',        async (w) => { const p = await fresh.mergedPair(w); return { url: `/persons/${p.from}/merge/undo`, body: { reason: 'salah' } }; }, 'Y  Y  Y  D  Y  D  D  U'),

  row('GET /persons/export (csv)',               () => ({ url: '/persons/export?format=csv' }),                                       'Y  Y  Y  Y  Y  D  D  U'),
  row('GET /register-imports',                   () => ({ url: '/register-imports' }),                                                'Y  Y  Y  D  Y  D  D  U'),

  row('GET /audit',                              () => ({ url: '/audit' }),                                                           'Y  D  D  D  D  D  Y  U'),
  row('GET /audit/verify',                       () => ({ url: '/audit/verify' }),                                                    'Y  D  D  D  D  D  Y  U'),

  row('POST /accommodations/registrations',      () => ({ url: '/accommodations/registrations', body: registrationBody() }),        'Y  Y  Y  Y  Y  Y  Y  Y'),
  row('GET /accommodations',                     () => ({ url: '/accommodations' }),                                                  'Y  Y  Y  Y  Y  D  D  U'),
  row('GET /accommodations/{id} in',             async (w) => ({ url: `/accommodations/${await fresh.accommodation(w)}` }),          'Y  Y  Y  Y  Y  D  D  U'),
  row('GET /accommodations/{id} out',            async (w) => ({ url: `/accommodations/${await fresh.accommodation(w, { villageCode: JAKARTA_VILLAGE })}` }), 'Y  H  H  H  H  D  D  U'),
  row('POST /accommodations/{id}/verify in',     async (w) => ({ url: `/accommodations/${await fresh.accommodation(w, { status: 'pending' })}/verify` }), 'Y  Y  D  D  D  D  D  U'),
  row('POST /accommodations/{id}/verify out',    async (w) => ({ url: `/accommodations/${await fresh.accommodation(w, { status: 'pending', villageCode: JAKARTA_VILLAGE })}/verify` }), 'Y  H  D  D  D  D  D  U'),
  row('POST /accommodations/{id}/reject',        async (w) => ({ url: `/accommodations/${await fresh.accommodation(w, { status: 'pending' })}/reject`, body: { reason: 'NIB salah' } }), 'Y  Y  D  D  D  D  D  U'),
  row('POST /accommodations/{id}/suspend',       async (w) => ({ url: `/accommodations/${await fresh.accommodation(w)}/suspend`, body: { reason: 'Tutup' } }), 'Y  Y  D  D  D  D  D  U'),
  row('POST /accommodations/{id}/reactivate',    async (w) => ({ url: `/accommodations/${await fresh.accommodation(w, { status: 'suspended' })}/reactivate` }), 'Y  Y  D  D  D  D  D  U'),
  row('GET /accommodations/me',                  () => ({ url: '/accommodations/me' }),                                               'D  D  D  D  D  Y  D  U'),
  row('PATCH /accommodations/{id} own',          (w) => ({ url: `/accommodations/${w.ownAccommodationId}`, body: { phone: '0730 2' } }), 'D  D  D  D  D  Y  D  U'),
  row('PATCH /accommodations/{id} other',        async (w) => ({ url: `/accommodations/${await fresh.accommodation(w)}`, body: { phone: '0730 2' } }), 'D  D  D  D  D  H  D  U'),
  row('GET /accommodations/{id}/api-keys own',   (w) => ({ url: `/accommodations/${w.ownAccommodationId}/api-keys` }),              'D  D  D  D  D  Y  D  U'),
  row('PATCH /accommodations/{id}/registration in',     async (w) => ({ url: `/accommodations/${await fresh.accommodation(w)}/registration`, body: { name: `Hotel Baru ${unique()}` } }), 'Y  Y  D  D  D  D  D  U'),
  row('PATCH /accommodations/{id}/registration out',    async (w) => ({ url: `/accommodations/${await fresh.accommodation(w, { villageCode: JAKARTA_VILLAGE })}/registration`, body: { name: `Hotel Baru ${unique()}` } }), 'Y  H  D  D  D  D  D  U'),
  row('PATCH /accommodations/{id}/registration to out', async (w) => ({ url: `/accommodations/${await fresh.accommodation(w)}/registration`, body: { villageCode: JAKARTA_VILLAGE } }), 'Y  D* D  D  D  D  D  U'),
  row('PATCH /accommodations/{id}/registration own',    (w) => ({ url: `/accommodations/${w.ownAccommodationId}/registration`, body: { picName: 'Penanggung Jawab Baru' } }), 'Y  Y  D  D  D  D  D  U'),
  row('POST /accommodations/me/registrations',   () => ({ url: '/accommodations/me/registrations', body: propertyBody() }),        'D  D  D  D  D  Y  D  U'),
  row('POST /accommodations/{id}/api-keys own',  (w) => ({ url: `/accommodations/${w.ownAccommodationId}/api-keys`, body: { name: 'PMS' } }), 'D  D  D  D  D  Y  D  U'),
  row('POST /accommodations/{id}/api-keys other', async (w) => ({ url: `/accommodations/${await fresh.accommodation(w)}/api-keys`, body: { name: 'PMS' } }), 'D  D  D  D  D  H  D  U'),

  row('POST /stays/check-ins own',               () => ({ url: '/stays/check-ins', body: checkInBody() }),                            'D  D  D  D  D  Y  D  U'),
  row('GET /stays',                              () => ({ url: '/stays' }),                                                           'Y  Y  Y  Y  Y  Y  D  U'),
  row('GET /stays/now/map',                      () => ({ url: '/stays/now/map' }),                                                   'Y  Y  Y  Y  Y  D  D  U'),
  row('GET /stays/{id} in',                      async (w) => ({ url: `/stays/${(await buildStay(w.env)).id}` }),                    'Y  Y  Y  Y  Y  H  D  U'),
  row('GET /stays/{id} out',                     async (w) => ({ url: `/stays/${(await buildStay(w.env, { villageCode: JAKARTA_VILLAGE })).id}` }), 'Y  H  H  H  H  H  D  U'),
  row('GET /stays/{id} own',                     async (w) => ({ url: `/stays/${(await buildStay(w.env, { accommodationId: w.ownAccommodationId })).id}` }), 'Y  Y  Y  Y  Y  Y  D  U'),
  row('POST /stays/{id}/check-out other',        async (w) => ({ url: `/stays/${(await buildStay(w.env)).id}/check-out`, body: { checkedOutAt: new Date().toISOString() } }), 'H  H  H  H  H  H  D  U'),
  row('GET /persons/{id}/stays in',              async (w) => ({ url: `/persons/${(await buildStay(w.env)).personId}/stays` }),       'Y  Y  Y  Y  Y  D  D  U'),

  row('GET /receipts',                           () => ({ url: '/receipts?from=2026-01-01&to=2026-01-31' }),                         'D  D  D  D  D  Y  D  U'),
  row('GET /receipts/{number}.pdf own',          async (w) => ({ url: `/receipts/${(await buildReceipts(w.env, w.ownAccommodationId, 1))[0]?.number}.pdf` }), 'D  D  D  D  D  Y  D  U'),
  row('GET /receipts/{number}.pdf other',        async (w) => ({ url: `/receipts/${(await buildReceipts(w.env, await fresh.accommodation(w), 1))[0]?.number}.pdf` }), 'D  D  D  D  D  H  D  U'),
  row('GET /public/receipts/{number}',           async (w) => ({ url: `/public/receipts/${(await buildReceipts(w.env, await fresh.accommodation(w), 1))[0]?.number}` }), 'Y  Y  Y  Y  Y  Y  Y  Y'),
  row('GET /receipts/public-keys',               () => ({ url: '/receipts/public-keys' }),                                            'Y  Y  Y  Y  Y  Y  Y  Y'),

  row('GET /compliance/properties',              () => ({ url: '/compliance/properties' }),                                           'Y  Y  Y  D  Y  D  D  U'),
  row('GET /compliance/properties/{id} in',      async (w) => ({ url: `/compliance/properties/${await fresh.accommodation(w)}` }),    'Y  Y  Y  D  Y  D  D  U'),
  row('GET /compliance/properties/{id} out',     async (w) => ({ url: `/compliance/properties/${await fresh.accommodation(w, { villageCode: JAKARTA_VILLAGE })}` }), 'Y  H  H  D  H  D  D  U'),
  row('POST /compliance/properties/{id}/reminders in', async (w) => ({ url: `/compliance/properties/${await fresh.accommodation(w)}/reminders` }), 'Y  Y  Y  D  D  D  D  U'),
  row('POST /compliance/properties/{id}/reminders out', async (w) => ({ url: `/compliance/properties/${await fresh.accommodation(w, { villageCode: JAKARTA_VILLAGE })}/reminders` }), 'Y  H  H  D  D  D  D  U'),
  row('GET /compliance/items',                   () => ({ url: '/compliance/items' }),                                                'Y  Y  Y  D  Y  D  D  U'),
  row('GET /compliance/own/overdue-stays',       () => ({ url: '/compliance/own/overdue-stays' }),                                    'D  D  D  D  D  Y  D  U'),
  row('GET /notifications',                      () => ({ url: '/notifications' }),                                                   'Y  Y  Y  Y  Y  Y  Y  U'),
  row('POST /notifications/read-all',            () => ({ url: '/notifications/read-all' }),                                          'Y  Y  Y  Y  Y  Y  Y  U'),
];

function checkInBody() {
  return {
    arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    expectedCheckOut: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    visitPurpose: 'tourism',
    guests: [{ mrz: passportMrz({ documentNumber: `M${randomBytes(4).toString('hex').toUpperCase()}` }) }],
  };
}
function registrationBody() {
  return {
    name: `Homestay ${unique()}`,
    kind: 'homestay',
    nib: `91${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`,
    address: 'Jl. Dempo 1',
    villageCode: PAGAR_ALAM_VILLAGE,
    phone: '0730 1',
    email: 'info@homestay.example',
    picName: 'Siti Aminah',
    accountEmail: `op-${unique()}@homestay.example`,
    accountPassword: 'Homestay-Dempo-2026!',
  };
}
function propertyBody() {
  const { accountEmail: _email, accountPassword: _password, ...property } = registrationBody();
  return property;
}
function officeBody() {
  return { name: `Kanim ${unique()}`, officeClass: 'II_TPI', regionCode: '16.72', workingArea: ['16.72'] };
}
function agencyBody(regionCode: string) {
  return { name: `Dinas ${unique()}`, kind: 'dinkes', regionCode };
}
function teamBody(w: World) {
  return {
    name: `TIM PORA ${unique()}`,
    level: 'kabupaten_kota',
    regionCode: '16.72',
    secretariatOfficeId: w.officeId,
  };
}
function userBody(w: World) {
  return {
    email: `baru-${unique()}@pora.test`,
    name: 'Petugas Baru',
    agencyId: w.pagarAlamAgencyId,
    roles: ['analyst'],
  };
}
async function archiveUser(w: World, id: string) {
  await w.env.database.db.update(users).set({ status: 'archived' }).where(eq(users.id, id));
}

let world: World;
const clients = new Map<Column, Client>();

beforeAll(async () => {
  const env = await createTestEnv();
  const { office, agency: kanim } = await buildMuaraEnimOffice(env);
  const pagarAlam = await buildAgency(env, { name: 'Polres Pagar Alam', regionCode: '16.72' });
  const hotel = await buildAgency(env, { name: 'Hotel Dempo (operator)', kind: 'other', regionCode: '16.72' });
  const jakarta = await buildAgency(env, { name: 'Polres Metro Jakarta Pusat', regionCode: '31.71' });
  world = {
    env,
    officeId: office.id,
    pagarAlamAgencyId: pagarAlam.id,
    jakartaAgencyId: jakarta.id,
    inTeamId: await fresh.team({ env } as World, '16.72'),
    outTeamId: await fresh.team({ env } as World, '31.71'),
    inUserId: (await buildUser(env, { agencyId: pagarAlam.id })).id,
    outUserId: (await buildUser(env, { agencyId: jakarta.id })).id,
    ownAccommodationId: '',
  };
  const agencyOf: Record<Role, string> = {
    system_admin: kanim.id,
    office_admin: kanim.id,
    analyst: kanim.id,
    field_officer: kanim.id,
    agency_member: pagarAlam.id,
    accommodation_operator: hotel.id,
    auditor: jakarta.id,
  };
  for (const column of columns) {
    if (column === 'anonymous') {
      clients.set(column, clientOf(env));
      continue;
    }
    const signedIn = await signInAs(env, column, { agencyId: agencyOf[column] });
    clients.set(column, signedIn.api);
    if (column === 'accommodation_operator') {
      world.ownAccommodationId = (await buildAccommodation(env, { operatorUserId: signedIn.id })).id;
    }
  }
});
afterAll(async () => {
  await world.env.close();
});

function expectCell(cell: Cell, res: Awaited<ReturnType<Client['get']>>, where: string) {
  // A 2xx may be a file (a receipt PDF): only JSON answers are parsed.
  const body = res.statusCode === 204 || !String(res.headers['content-type']).includes('json') ? {} : res.json();
  switch (cell) {
    case 'Y':
      expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, where).toBeLessThan(300);
      return;
    case 'D':
      expect([res.statusCode, body.code], where).toEqual([403, 'PERMISSION_DENIED']);
      return;
    case 'D*':
      expect([res.statusCode, body.code], where).toEqual([422, 'REGION_OUT_OF_SCOPE']);
      return;
    case 'H':
      expect(res.statusCode, where).toBe(404);
      expect(body.code, where).toMatch(/_NOT_FOUND$/);
      return;
    case 'U':
      expect([res.statusCode, body.code], where).toEqual([401, 'UNAUTHENTICATED']);
      return;
  }
}

describe('role × endpoint', () => {
  it('has a cell for every role and endpoint', () => {
    for (const r of matrix) {
      expect(r.cells, r.endpoint).toHaveLength(columns.length);
    }
  });

  describe.each(matrix)('$endpoint', ({ endpoint, target, cells }) => {
    const [method] = endpoint.split(' ') as [Method];
    it.each(columns.map((column, i) => ({ column, cell: cells[i] as Cell })))(
      '$column → $cell',
      async ({ column, cell }) => {
        const client = clients.get(column) as Client;
        const { url, body } = await target(world);
        const path = `/api/v1${url}`;
        const res =
          method === 'GET'
            ? await client.get(path)
            : method === 'POST'
              ? await client.post(path, body)
              : method === 'PATCH'
                ? await client.patch(path, body)
                : await client.delete(path);
        expectCell(cell, res, `${column} ${endpoint}`);
      },
    );
  });
});
