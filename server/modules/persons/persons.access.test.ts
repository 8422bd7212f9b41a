// Who may see and change which foreigner: permissions by role, scope by the current address (or, without an
// address, the agency that recorded the person), 404 outside scope, and an audit row for every read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/common';
import { buildAgency, createTestEnv, type TestEnv } from '../../test/harness';
import { buildMuaraEnimOffice, type Client, clientOf, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { buildPerson, buildSponsor, PAGAR_ALAM_VILLAGE } from './persons.test-support';

let env: TestEnv;
let office: Awaited<ReturnType<typeof signInMuaraEnimAdmin>>;
let jakartaMember: Awaited<ReturnType<typeof signInAs>>;
let jakartaAgencyId: string;
beforeAll(async () => {
  env = await createTestEnv();
  office = await signInMuaraEnimAdmin(env);
  jakartaAgencyId = (await buildAgency(env, { name: 'Polres Metro Jakarta Pusat', regionCode: '31.71' })).id;
  jakartaMember = await signInAs(env, 'agency_member', { agencyId: jakartaAgencyId });
});
afterAll(async () => {
  await env.close();
});

const inPagarAlam = () =>
  buildPerson(env, {
    surname: 'TAN',
    givenNames: 'KAH WAI',
    nationality: 'MYS',
    address: { regionCode: PAGAR_ALAM_VILLAGE },
  });

describe('scope', () => {
  it('hides a person living in Kota Pagar Alam from an agency in Jakarta: not found, never forbidden', async () => {
    const person = await inPagarAlam();
    const jakartaOfficer = await signInAs(env, 'field_officer', { agencyId: jakartaAgencyId });
    const url = `/api/v1/persons/${person.id}`;
    for (const res of [
      await jakartaMember.api.get(url),
      await jakartaOfficer.api.get(url),
      await jakartaOfficer.api.patch(url, { notes: 'diambil alih' }),
      await jakartaOfficer.api.post(`${url}/names`, { kind: 'alias', surname: 'X' }),
      await jakartaOfficer.api.post(`${url}/permits`, { type: 'ITK' }),
      await jakartaOfficer.api.post(`${url}/addresses`, { regionCode: '31.71' }),
      await jakartaOfficer.api.post(`${url}/claims`, { birthDate: '1990' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('PERSON_NOT_FOUND');
    }
    expect((await jakartaMember.api.get('/api/v1/persons?q=tan%20kah%20wai')).json()).toEqual({
      items: [],
      total: 0,
      capped: false,
    });
    expect((await jakartaMember.api.get('/api/v1/persons')).json().total).toBe(0);
    expect((await office.api.get(url)).json().notes).toBeNull();
  });

  it('shows a person to the agencies whose area holds the current address, at any level', async () => {
    const person = await inPagarAlam();
    const polresPagarAlam = await buildAgency(env, { regionCode: '16.72' });
    const polsek = await buildAgency(env, { regionCode: '16.72.01' });
    const poldaSumsel = await buildAgency(env, { regionCode: '16' });
    const lahat = await buildAgency(env, { regionCode: '16.04' });
    for (const [agencyId, visible] of [
      [polresPagarAlam.id, true],
      [polsek.id, true],
      [poldaSumsel.id, true],
      [lahat.id, false],
    ] as const) {
      const member = await signInAs(env, 'agency_member', { agencyId });
      expect((await member.api.get(`/api/v1/persons/${person.id}`)).statusCode).toBe(visible ? 200 : 404);
    }
  });

  it('shows a person without an address only to the agency that recorded them', async () => {
    const res = await office.api.post('/api/v1/persons', { surname: 'Reyes', givenNames: 'Jose', nationality: 'PHL' });
    expect(res.statusCode).toBe(201);
    expect(res.json().region).toBeNull();
    const colleague = await signInAs(env, 'analyst', { agencyId: office.agency.id });
    expect((await colleague.api.get(`/api/v1/persons/${res.json().id}`)).statusCode).toBe(200);
    const polres = await signInAs(env, 'agency_member', {
      agencyId: (await buildAgency(env, { regionCode: '16.72' })).id,
    });
    expect((await polres.api.get(`/api/v1/persons/${res.json().id}`)).statusCode).toBe(404);
  });

  it('follows a move: the new area sees the person, the old one no longer does', async () => {
    const person = await inPagarAlam();
    const moved = await office.api.post(`/api/v1/persons/${person.id}/addresses`, { regionCode: '31.71.01.1001' });
    expect(moved.statusCode).toBe(201);
    expect(moved.json().status.zone).toBe('WIB');
    expect((await office.api.get(`/api/v1/persons/${person.id}`)).statusCode).toBe(404);
    expect((await jakartaMember.api.get(`/api/v1/persons/${person.id}`)).statusCode).toBe(200);
  });

  it('takes the time zone of the area: a person in Bali is counted in WITA', async () => {
    const person = await buildPerson(env, {
      surname: 'SMITH',
      givenNames: 'JACK',
      nationality: 'AUS',
      address: { regionCode: '51.03.01.1001' },
    });
    const admin = await signInAs(env, 'system_admin');
    expect((await admin.api.get(`/api/v1/persons/${person.id}`)).json().status.zone).toBe('WITA');
  });
});

describe('audit of reads', () => {
  it('records every view with its purpose, lists the viewers, and records searches with what they returned', async () => {
    const person = await inPagarAlam();
    const analyst = await signInAs(env, 'analyst', { agencyId: office.agency.id });
    await analyst.api.get(`/api/v1/persons/${person.id}?purpose=${encodeURIComponent('analisis peta pengawasan')}`);
    const page = await office.api.get(`/api/v1/persons/${person.id}`);
    expect(page.json().viewCount).toBe(2);
    expect(
      page.json().viewers.map((v: { purpose: string | null; agency: { id: string } }) => [v.purpose, v.agency.id]),
    ).toEqual([
      [null, office.agency.id],
      ['analisis peta pengawasan', office.agency.id],
    ]);

    const list = await office.api.get(`/api/v1/persons?q=kah%20wai&purpose=${encodeURIComponent('operasi gabungan')}`);
    const auditor = await signInAs(env, 'auditor');
    const searches = await auditor.api.get('/api/v1/audit?action=person.search&limit=1');
    expect(searches.json().items[0]).toMatchObject({
      purpose: 'operasi gabungan',
      actorId: office.id,
      details: { q: 'kah wai', total: list.json().total },
    });
    expect(searches.json().items[0].details.personIds).toContain(person.id);
    const views = await auditor.api.get(`/api/v1/audit?action=person.view&objectId=${person.id}`);
    expect(views.json().total).toBe(2);
  });

  it('writes no audit row when the read is refused', async () => {
    const person = await inPagarAlam();
    await jakartaMember.api.get(`/api/v1/persons/${person.id}`);
    const auditor = await signInAs(env, 'auditor');
    expect((await auditor.api.get(`/api/v1/audit?action=person.view&objectId=${person.id}`)).json().total).toBe(0);
  });
});

// Role × endpoint, as in server/modules/access-matrix.test.ts: Y allowed, D denied (403), H hidden (404), U 401.
// The office roles belong to Kanim Muara Enim; agency_member and accommodation_operator to an agency in Pagar Alam.
type Cell = 'Y' | 'D' | 'H' | 'U';
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

describe('role × endpoint', () => {
  it('grants the register to the roles that work with it', async () => {
    const { agency: kanim } = await buildMuaraEnimOffice(env);
    const pagarAlam = await buildAgency(env, { regionCode: '16.72' });
    const clients = new Map<string, Client>();
    for (const role of columns) {
      if (role === 'anonymous') {
        clients.set(role, clientOf(env));
        continue;
      }
      const agencyId = ['agency_member', 'accommodation_operator'].includes(role) ? pagarAlam.id : kanim.id;
      clients.set(role, (await signInAs(env, role as Role, { agencyId })).api);
    }
    const sponsor = await buildSponsor(env, { regionCode: '16.72' });
    const newPerson = () => ({
      surname: 'Bakker',
      givenNames: `Jan ${Math.random().toString(36).slice(2, 6)}`.replace(/[0-9]/g, 'x'),
      nationality: 'NLD',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    const rows: [
      string,
      (p: { id: string }) => { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: unknown },
      string,
    ][] = [
      ['GET /persons', () => ({ method: 'GET', url: '/api/v1/persons' }), 'Y Y Y Y Y D D U'],
      ['GET /persons/{id}', (p) => ({ method: 'GET', url: `/api/v1/persons/${p.id}` }), 'Y Y Y Y Y D D U'],
      ['POST /persons', () => ({ method: 'POST', url: '/api/v1/persons', body: newPerson() }), 'Y Y Y D Y D D U'],
      [
        'PATCH /persons/{id}',
        (p) => ({ method: 'PATCH', url: `/api/v1/persons/${p.id}`, body: { notes: 'x' } }),
        'Y Y Y D Y D D U',
      ],
      [
        'POST /persons/{id}/permits',
        (p) => ({ method: 'POST', url: `/api/v1/persons/${p.id}/permits`, body: { type: 'ITK' } }),
        'Y Y Y D Y D D U',
      ],
      ['GET /sponsors', () => ({ method: 'GET', url: '/api/v1/sponsors' }), 'Y Y Y Y Y D D U'],
      ['GET /sponsors/{id}', () => ({ method: 'GET', url: `/api/v1/sponsors/${sponsor.id}` }), 'Y Y Y Y Y D D U'],
      [
        'GET /sponsors/{id}/persons',
        () => ({ method: 'GET', url: `/api/v1/sponsors/${sponsor.id}/persons` }),
        'Y Y Y Y Y D D U',
      ],
      [
        'POST /sponsors',
        () => ({ method: 'POST', url: '/api/v1/sponsors', body: { kind: 'company', name: 'PT Uji Coba' } }),
        'Y Y Y D D D D U',
      ],
      [
        'PATCH /sponsors/{id}',
        () => ({ method: 'PATCH', url: `/api/v1/sponsors/${sponsor.id}`, body: { phone: '0730 1' } }),
        'Y Y Y D D D D U',
      ],
    ];
    const expectedStatus: Record<Cell, number[]> = { Y: [200, 201], D: [403], H: [404], U: [401] };
    const failures: string[] = [];
    for (const [endpoint, target, cells] of rows) {
      for (const [i, cell] of (cells.split(' ') as Cell[]).entries()) {
        const column = columns[i] as string;
        const person = await inPagarAlam();
        const { method, url, body } = target(person);
        const client = clients.get(column) as Client;
        const res =
          method === 'GET'
            ? await client.get(url)
            : method === 'POST'
              ? await client.post(url, body)
              : await client.patch(url, body);
        if (!expectedStatus[cell].includes(res.statusCode)) {
          failures.push(`${endpoint} × ${column}: expected ${cell}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
