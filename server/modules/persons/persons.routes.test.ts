import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { personNames, persons } from '../../db/schema/register';
import { buildAgency, createTestEnv, type TestEnv } from '../../test/harness';
import { type Client, injectionTexts, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { searchNameOf } from './person-names';
import { ensureNameKeys } from './persons.repo';
import { buildPerson, buildSponsor, PAGAR_ALAM_VILLAGE, passportMrz } from './persons.test-support';

let env: TestEnv;
let officer: Awaited<ReturnType<typeof signInMuaraEnimAdmin>>;
let api: Client;
beforeAll(async () => {
  env = await createTestEnv();
  officer = await signInMuaraEnimAdmin(env);
  api = officer.api;
});
afterAll(async () => {
  await env.close();
});

async function count(table: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(env.database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row?.n);
}

async function counts() {
  return {
    persons: await count('persons'),
    names: await count('person_names'),
    documents: await count('travel_documents'),
    permits: await count('permits'),
    addresses: await count('addresses'),
    claims: await count('identity_claims'),
    sponsors: await count('sponsors'),
  };
}

// Dates as the persons' zone counts them (Sumatra: WIB, UTC+7): from 17:00 UTC on, the UTC date is a day behind.
const inDays = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const today = inDays(0);

describe('recording a foreigner', () => {
  it('records a person from a passport MRZ with permit, address and a new sponsor, and shows the person page', async () => {
    const created = await api.post('/api/v1/persons', {
      surname: 'Zhang',
      givenNames: 'Wei',
      nationality: 'CHN',
      birthPlace: 'Hubei',
      workplace: 'PLTU Enim',
      document: { mrz: passportMrz({ documentNumber: 'E55501234' }), issueDate: '2021-07-01' },
      permit: {
        type: 'ITAS',
        visaIndex: 'E23',
        number: '2C21AB1234-XY',
        validFrom: inDays(-300),
        validUntil: inDays(65),
        entryDate: inDays(-310),
        entryPort: 'Bandara Internasional Sultan Mahmud Badaruddin II',
      },
      address: { regionCode: PAGAR_ALAM_VILLAGE, text: 'Mess karyawan PLTU', latitude: -4.02, longitude: 103.25 },
      sponsor: {
        kind: 'company',
        name: 'PT Sumsel Energi Pembangkit',
        regionCode: '16.03',
        registrationNo: '9120001234567',
      },
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({
      surname: 'Zhang',
      givenNames: 'Wei',
      // taken from the MRZ because the form left them empty
      sex: 'M',
      birthDate: '1985-03-14',
      nationality: 'CHN',
      workplace: 'PLTU Enim',
      region: { code: PAGAR_ALAM_VILLAGE, level: 4, label: expect.stringContaining('Kota Pagar Alam') },
      sponsor: { kind: 'company', name: 'PT Sumsel Energi Pembangkit' },
      status: { code: 'active', zone: 'WIB', daysLeft: 65, documentExpiry: '2031-06-30' },
      recordedBy: { id: officer.agency.id },
      mergedInto: null,
    });
    expect(person.documents).toEqual([
      expect.objectContaining({
        type: 'P',
        documentCode: 'P',
        number: 'E55501234',
        issuingState: 'CHN',
        issueDate: '2021-07-01',
        expiryDate: '2031-06-30',
        supersededAt: null,
        mrzLines: [expect.stringMatching(/^P<CHNZHANG<<WEI/), expect.stringMatching(/^E55501234/)],
      }),
    ]);
    expect(person.permits).toEqual([
      expect.objectContaining({ type: 'ITAS', visaIndex: 'E23', current: true, sponsor: person.sponsor }),
    ]);
    expect(person.names.map((n: { kind: string }) => n.kind)).toEqual(['primary']);
    expect(person.claims).toHaveLength(1);
    expect(person.claims[0]).toMatchObject({
      surname: 'Zhang',
      birthDate: '1985-03-14',
      differsFrom: [],
      source: { kind: 'user', agency: { id: officer.agency.id }, user: { id: officer.id } },
    });
    expect(person.disagreements).toEqual([]);
    expect(person.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'document_issued',
      'entry',
      'permit_start',
      'permit_end',
      'document_expiry',
    ]);

    const page = await api.get(
      `/api/v1/persons/${person.id}?purpose=${encodeURIComponent('pemeriksaan izin tinggal')}`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.json().viewers[0]).toMatchObject({
      purpose: 'pemeriksaan izin tinggal',
      agency: { id: officer.agency.id },
      actorName: expect.any(String),
    });
    expect(page.json().viewCount).toBe(1);

    const auditor = await signInAs(env, 'auditor');
    const log = await auditor.api.get(`/api/v1/audit?objectType=person&objectId=${person.id}`);
    expect(log.json().items.map((r: { action: string }) => r.action)).toEqual(['person.view', 'person.create']);
    expect(log.json().items[1].details).toMatchObject({ fromMrz: true, withPermit: true, withAddress: true });
  });

  it('changes the chosen identity: the change is a claim of the officer and the old spelling stays findable', async () => {
    const person = await buildPerson(env, {
      surname: 'MOHAMED',
      givenNames: 'ALI',
      nationality: 'MYS',
      birthDate: '1979-02-03',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    const changed = await api.patch(`/api/v1/persons/${person.id}`, {
      surname: 'Muhammad',
      notes: 'Ejaan sesuai paspor baru',
      source: { reference: 'Paspor A12345678' },
    });
    expect(changed.statusCode).toBe(200);
    const body = changed.json();
    expect(body).toMatchObject({ surname: 'Muhammad', givenNames: 'ALI', notes: 'Ejaan sesuai paspor baru' });
    expect(body.names.map((n: { kind: string; surname: string }) => [n.kind, n.surname])).toEqual([
      ['alias', 'MOHAMED'],
      ['primary', 'Muhammad'],
    ]);
    const claims = body.claims as {
      surname: string;
      supersededAt: string | null;
      source: { kind: string; reference: string };
    }[];
    expect(claims.map((c) => [c.surname, c.source.kind, c.supersededAt === null])).toEqual([
      ['MOHAMED', 'import', true],
      ['Muhammad', 'user', true],
    ]);
    expect(claims[1]?.source.reference).toBe('Paspor A12345678');
    // the import's version now disagrees with the officer's, and both are shown
    expect(body.disagreements).toEqual([
      {
        field: 'surname',
        values: [
          { value: 'MOHAMED', claimIds: [expect.any(String)] },
          { value: 'Muhammad', claimIds: [expect.any(String)] },
        ],
      },
    ]);
    const found = await api.get('/api/v1/persons?q=mohamed%20ali');
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(person.id);

    // a second change by the same office supersedes its earlier claim
    const again = await api.patch(`/api/v1/persons/${person.id}`, { birthDate: '1979-02' });
    const userClaims = (again.json().claims as { source: { kind: string }; supersededAt: string | null }[]).filter(
      (c) => c.source.kind === 'user',
    );
    expect(userClaims.map((c) => c.supersededAt === null)).toEqual([false, true]);

    const auditor = await signInAs(env, 'auditor');
    const log = await auditor.api.get(`/api/v1/audit?objectType=person&objectId=${person.id}&action=person.update`);
    expect(log.json().items[1].details).toEqual({
      changes: {
        surname: { from: 'MOHAMED', to: 'Muhammad' },
        notes: { from: null, to: 'Ejaan sesuai paspor baru' },
      },
    });
  });

  it('keeps the history of documents, permits and addresses', async () => {
    const person = await buildPerson(env, {
      surname: 'Kim',
      givenNames: 'Minjun',
      nationality: 'KOR',
      birthDate: '1990-01-20',
      sex: 'M',
      document: { number: 'M11112222', issuingState: 'KOR', expiryDate: inDays(20) },
      permit: { type: 'ITAS', visaIndex: 'E23', validFrom: inDays(-400), validUntil: inDays(-35) },
      address: { regionCode: '16.04', validFrom: inDays(-400) },
    });
    const url = `/api/v1/persons/${person.id}`;
    expect((await api.get(url)).json().status).toMatchObject({ code: 'overstay', overstayDays: 35 });

    // a renewed passport supersedes the old one; the old number still finds the person
    const renewed = await api.post(`${url}/documents`, {
      mrz: passportMrz({
        issuingState: 'KOR',
        nationality: 'KOR',
        documentNumber: 'M99998888',
        surname: 'KIM',
        givenNames: 'MINJUN',
        birthDate: '1990-01-20',
        expiryDate: '2034-01-31',
      }),
    });
    expect(renewed.statusCode).toBe(201);
    const docs = renewed.json().documents as { number: string; supersededAt: string | null }[];
    expect(docs.map((d) => [d.number, d.supersededAt === null])).toEqual([
      ['M99998888', true],
      ['M11112222', false],
    ]);
    const byOld = await api.get('/api/v1/persons?q=M11112222');
    expect(byOld.json().items[0]).toMatchObject({ id: person.id, match: { via: 'document', text: 'M11112222' } });

    // a new permit ends the overstay
    const permit = await api.post(`${url}/permits`, {
      type: 'ITAS',
      visaIndex: 'E23',
      number: '2C31KR0001-AA',
      validFrom: inDays(-2),
      validUntil: inDays(363),
    });
    expect(permit.statusCode).toBe(201);
    expect(permit.json().status).toMatchObject({ code: 'active', daysLeft: 363 });
    const current = (permit.json().permits as { id: string; current: boolean; number: string | null }[]).find(
      (p) => p.current,
    );
    expect(current?.number).toBe('2C31KR0001-AA');

    // cancelling it: the permit ends today, overstay from tomorrow
    const cancelled = await api.patch(`${url}/permits/${current?.id}`, {
      cancelled: true,
      cancelReason: 'TAK Pasal 75',
    });
    expect(cancelled.json().status).toMatchObject({ code: 'expiring', daysLeft: 0, permitValidUntil: today });
    expect(cancelled.json().timeline.map((e: { kind: string }) => e.kind)).toContain('permit_cancelled');

    // departure recorded: exited
    const left = await api.patch(`${url}/permits/${current?.id}`, { exitDate: today, exitPort: 'Bandara SMB II' });
    expect(left.json().status.code).toBe('exited');

    // moving: the previous address ends the day before
    const moved = await api.post(`${url}/addresses`, { regionCode: PAGAR_ALAM_VILLAGE, validFrom: inDays(-1) });
    expect(moved.statusCode).toBe(201);
    const addresses = moved.json().addresses as {
      region: { code: string };
      validTo: string | null;
      current: boolean;
    }[];
    expect(addresses.map((a) => [a.region.code, a.validTo, a.current])).toEqual([
      ['16.04', inDays(-2), false],
      [PAGAR_ALAM_VILLAGE, null, true],
    ]);
    expect(moved.json().region.code).toBe(PAGAR_ALAM_VILLAGE);

    // an alias and a correction of it
    const alias = await api.post(`${url}/names`, { kind: 'alias', surname: 'Kim', givenNames: 'Michael' });
    const aliasId = (alias.json().names as { id: string; givenNames: string }[]).find(
      (n) => n.givenNames === 'Michael',
    )?.id;
    const fixed = await api.patch(`${url}/names/${aliasId}`, { givenNames: 'Mike' });
    expect(fixed.statusCode).toBe(200);
    expect((await api.get('/api/v1/persons?q=mike%20kim')).json().items[0]?.id).toBe(person.id);
    const primaryId = (fixed.json().names as { id: string; kind: string }[]).find((n) => n.kind === 'primary')?.id;
    expect((await api.patch(`${url}/names/${primaryId}`, { givenNames: 'X' })).json().code).toBe('CONFLICT');
  });

  it('shows the claims of two sources side by side where they disagree, and adopts one when asked', async () => {
    const person = await buildPerson(env, {
      surname: 'KUMAR',
      givenNames: 'RAJESH',
      nationality: 'IND',
      birthDate: '1980-05-02',
      sex: 'M',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    const disnaker = await buildAgency(env, {
      name: 'Dinas Tenaga Kerja Kota Pagar Alam',
      kind: 'disnaker',
      regionCode: '16.72',
    });
    const disnakerOfficer = await signInAs(env, 'field_officer', { agencyId: disnaker.id });
    const claimed = await disnakerOfficer.api.post(`/api/v1/persons/${person.id}/claims`, {
      surname: 'KUMAAR',
      givenNames: 'RAJESH',
      birthDate: '1981-05-02',
      sex: 'M',
      nationality: 'IND',
      source: { reference: 'Data RPTKA 2025.xlsx' },
    });
    expect(claimed.statusCode).toBe(201);
    const body = claimed.json();
    // the chosen identity is untouched
    expect(body).toMatchObject({ surname: 'KUMAR', birthDate: '1980-05-02' });
    const [fromImport, fromDisnaker] = body.claims;
    expect(fromDisnaker).toMatchObject({
      surname: 'KUMAAR',
      birthDate: '1981-05-02',
      differsFrom: ['surname', 'birthDate'],
      source: {
        kind: 'user',
        agency: { name: 'Dinas Tenaga Kerja Kota Pagar Alam' },
        reference: 'Data RPTKA 2025.xlsx',
      },
    });
    expect(fromImport).toMatchObject({ differsFrom: [], source: { kind: 'import', reference: 'test' } });
    expect(body.disagreements).toEqual([
      {
        field: 'surname',
        values: [
          { value: 'KUMAR', claimIds: [fromImport.id] },
          { value: 'KUMAAR', claimIds: [fromDisnaker.id] },
        ],
      },
      {
        field: 'birthDate',
        values: [
          { value: '1980-05-02', claimIds: [fromImport.id] },
          { value: '1981-05-02', claimIds: [fromDisnaker.id] },
        ],
      },
    ]);
    // Disnaker's spelling is a name the person is now found by, with Disnaker as its source
    const alias = (body.names as { kind: string; surname: string; source: { agency: { id: string } | null } }[]).find(
      (n) => n.surname === 'KUMAAR',
    );
    expect(alias).toMatchObject({ kind: 'alias', source: { agency: { id: disnaker.id } } });

    // the office records the Disnaker letter as the agency's data, and adopts the birth date after checking
    const adopted = await api.post(`/api/v1/persons/${person.id}/claims`, {
      birthDate: '1981-05-02',
      adopt: true,
      source: { kind: 'agency', agencyId: disnaker.id, reference: 'Surat Disnaker 12/2026' },
    });
    expect(adopted.json()).toMatchObject({ surname: 'KUMAR', birthDate: '1981-05-02' });
    const agencyClaim = (adopted.json().claims as { source: { kind: string; user: { id: string } } }[]).at(-1);
    expect(agencyClaim?.source).toMatchObject({ kind: 'agency', user: { id: officer.id } });
  });
});

describe('MRZ on document input', () => {
  it('refuses an MRZ with a failing check digit, naming it, and stores nothing', async () => {
    const before = await counts();
    const lines = passportMrz({ documentNumber: 'E77700011' }).split('\n');
    const broken = `${lines[0]}\n${lines[1]?.replace('E77700011', 'E77700012')}`;
    const res = await api.post('/api/v1/persons', {
      surname: 'Li',
      givenNames: 'Na',
      nationality: 'CHN',
      document: { mrz: broken },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'MRZ_INVALID', field: 'document.mrz' });
    expect(res.json().checks.map((c: { field: string }) => c.field)).toContain('documentNumber');
    expect(await counts()).toEqual(before);
  });

  it('refuses an MRZ that disagrees with the form, naming every field', async () => {
    const before = await counts();
    const res = await api.post('/api/v1/persons', {
      surname: 'Li',
      givenNames: 'Na',
      nationality: 'MYS',
      sex: 'F',
      birthDate: '1990-01-01',
      document: { mrz: passportMrz({ documentNumber: 'E77700022' }), number: 'E77700099' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('MRZ_MISMATCH');
    expect(res.json().mismatches.map((m: { field: string }) => m.field)).toEqual(['document.number']);
    const identity = await api.post('/api/v1/persons', {
      surname: 'Li',
      givenNames: 'Na',
      nationality: 'MYS',
      sex: 'F',
      birthDate: '1990-01-01',
      document: { mrz: passportMrz({ documentNumber: 'E77700022' }) },
    });
    expect(identity.json().mismatches.map((m: { field: string }) => m.field)).toEqual([
      'name',
      'nationality',
      'birthDate',
      'sex',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('agrees with an MRZ that writes the name the ICAO way (Müller → MUELLER), with D for Germany', async () => {
    const mrz = passportMrz({
      issuingState: 'DEU',
      nationality: 'DEU',
      documentNumber: 'C01X00T47',
      surname: 'Müller',
      givenNames: 'Jürgen',
      birthDate: '1970-08-12',
    });
    expect(mrz.split('\n')[0]).toMatch(/^P<D<<MUELLER<<JUERGEN/);
    const res = await api.post('/api/v1/persons', {
      surname: 'Müller',
      givenNames: 'Jürgen',
      nationality: 'D',
      document: { mrz },
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ nationality: 'DEU', documents: [{ issuingState: 'DEU' }] });
    // the MRZ spelling is kept as the document's name, so it is searchable
    expect(res.json().names.map((n: { kind: string; surname: string }) => [n.kind, n.surname])).toEqual([
      ['primary', 'Müller'],
      ['document', 'MUELLER'],
    ]);
    expect((await api.get('/api/v1/persons?q=juergen%20mueller')).json().items[0]?.id).toBe(res.json().id);
  });
});

describe('bad input', () => {
  const valid = {
    surname: 'Tan',
    givenNames: 'Mei Ling',
    nationality: 'SGP',
    address: { regionCode: PAGAR_ALAM_VILLAGE },
  };

  it('refuses impossible dates, unknown codes, unknown fields and hostile names with problem+json, changing nothing', async () => {
    const before = await counts();
    const cases: [unknown, number, string][] = [
      [{ ...valid, birthDate: '1990-02-30' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, birthDate: '1990-13' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, birthDate: '2999-01-01' }, 400, 'VALIDATION_FAILED'],
      [
        { ...valid, document: { number: 'K1234567Z', issuingState: 'SGP', expiryDate: '2030-02-29' } },
        400,
        'VALIDATION_FAILED',
      ],
      [{ ...valid, nationality: 'XYZ' }, 422, 'INVALID_REFERENCE'],
      [{ ...valid, nationality: 'sg' }, 422, 'INVALID_REFERENCE'],
      [{ ...valid, nationality: 'SGP1' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, sex: 'male' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, favouriteColour: 'blue' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, permit: { type: 'ITAS', extra: 1 } }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, permit: { type: 'KITAS' } }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, permit: { type: 'ITAS', visaIndex: 'Z99' } }, 422, 'INVALID_REFERENCE'],
      [
        { ...valid, permit: { type: 'ITAS', validFrom: '2026-05-01', validUntil: '2026-04-01' } },
        422,
        'DATE_ORDER_INVALID',
      ],
      [
        {
          ...valid,
          document: { number: 'K1', issuingState: 'SGP', issueDate: '2030-01-01', expiryDate: '2020-01-01' },
        },
        422,
        'DATE_ORDER_INVALID',
      ],
      [{ ...valid, address: { regionCode: '16.72.99.9999' } }, 422, 'INVALID_REFERENCE'],
      [{ ...valid, address: { regionCode: '31.71.01.1001' } }, 422, 'REGION_OUT_OF_SCOPE'],
      [{ ...valid, address: { regionCode: '16.72', latitude: -4 } }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, sponsorId: '00000000-0000-4000-8000-000000000000' }, 422, 'INVALID_REFERENCE'],
      [{ ...valid, surname: '', givenNames: '' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, surname: 'A'.repeat(5000) }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, notes: 'baris\u0000rusak' }, 400, 'VALIDATION_FAILED'],
      ...injectionTexts.map((t): [unknown, number, string] => [{ ...valid, surname: t }, 400, 'VALIDATION_FAILED']),
    ];
    for (const [body, status, code] of cases) {
      const res = await api.post('/api/v1/persons', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 120)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it('stores odd but legitimate free text exactly and never executes it', async () => {
    for (const notes of injectionTexts) {
      const res = await api.post('/api/v1/persons', {
        ...valid,
        givenNames: 'Hui Ling',
        notes,
        confirmNewPerson: true,
      });
      expect(res.statusCode).toBe(201);
      expect((await api.get(`/api/v1/persons/${res.json().id}`)).json().notes).toBe(notes);
    }
    const search = await api.get(`/api/v1/persons?q=${encodeURIComponent("'; drop table persons; --")}`);
    expect(search.statusCode).toBe(200);
    expect(await count('persons')).toBeGreaterThan(0);
  });

  it('refuses bad writes to an existing person and leaves it as it was', async () => {
    const person = await buildPerson(env, {
      surname: 'SANTOS',
      givenNames: 'MARIA',
      nationality: 'PHL',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    const url = `/api/v1/persons/${person.id}`;
    const before = (await api.get(url)).json();
    const cases: [string, string, unknown, number, string][] = [
      ['PATCH', url, { nationality: 'ZZZ' }, 422, 'INVALID_REFERENCE'],
      ['PATCH', url, { surname: '', givenNames: '' }, 400, 'VALIDATION_FAILED'],
      ['PATCH', url, { id: person.id }, 400, 'VALIDATION_FAILED'],
      ['PATCH', url, { birthDate: '2001-02-29' }, 400, 'VALIDATION_FAILED'],
      [
        'POST',
        `${url}/permits`,
        { type: 'ITK', validFrom: '2026-02-01', validUntil: '2026-01-01' },
        422,
        'DATE_ORDER_INVALID',
      ],
      [
        'POST',
        `${url}/permits`,
        { type: 'ITK', entryDate: '2026-02-01', exitDate: '2026-01-01' },
        422,
        'DATE_ORDER_INVALID',
      ],
      ['POST', `${url}/documents`, { number: 'P1234567A' }, 400, 'VALIDATION_FAILED'],
      ['POST', `${url}/documents`, { number: 'P1234567A', issuingState: 'QQQ' }, 422, 'INVALID_REFERENCE'],
      ['POST', `${url}/documents`, { mrz: 'P<PHLSANTOS<<MARIA' }, 422, 'MRZ_INVALID'],
      ['POST', `${url}/addresses`, { regionCode: '99.99' }, 422, 'INVALID_REFERENCE'],
      ['POST', `${url}/claims`, {}, 400, 'VALIDATION_FAILED'],
      ['POST', `${url}/claims`, { source: { kind: 'agency' }, birthDate: '1990' }, 400, 'VALIDATION_FAILED'],
      ['POST', `${url}/names`, { kind: 'primary', surname: 'X' }, 400, 'VALIDATION_FAILED'],
      ['PATCH', `${url}/permits/00000000-0000-4000-8000-000000000000`, { number: 'X1' }, 404, 'PERMIT_NOT_FOUND'],
      ['GET', '/api/v1/persons/00000000-0000-4000-8000-000000000000', undefined, 404, 'PERSON_NOT_FOUND'],
      ['GET', '/api/v1/persons/not-a-uuid', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/persons?status=lost', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/persons?limit=100000', undefined, 400, 'VALIDATION_FAILED'],
    ];
    for (const [method, target, body, status, code] of cases) {
      const res =
        method === 'GET'
          ? await api.get(target)
          : method === 'POST'
            ? await api.post(target, body)
            : await api.patch(target, body);
      expect(res.statusCode, `${method} ${target} ${JSON.stringify(body)}`).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const after = (await api.get(url)).json();
    expect({ ...after, viewers: [], viewCount: 0 }).toEqual({ ...before, viewers: [], viewCount: 0 });
  });
});

describe('code tables of the register', () => {
  it('serves permit types and versioned visa indexes with historic ones marked', async () => {
    const types = (await api.get('/api/v1/code-tables/permit-types')).json();
    expect(types.items.map((i: { code: string }) => i.code)).toEqual(['ITK', 'ITAS', 'ITAP', 'DIPLOMATIC', 'SERVICE']);
    const visas = (await api.get('/api/v1/code-tables/visa-indexes')).json();
    const byCode = new Map(
      (visas.items as { code: string; validTo: string | null; permitType: string }[]).map((i) => [i.code, i]),
    );
    expect(byCode.get('E33G')).toMatchObject({ permitType: 'ITAS', validTo: null });
    expect(byCode.get('B211A')?.validTo).not.toBeNull();
    expect(byCode.get('C317')?.validTo).not.toBeNull();
    expect(visas.version).toMatch(/\S/);
    // an old index is still accepted: permits issued on it are on file
    const sponsor = await buildSponsor(env);
    const res = await api.post('/api/v1/persons', {
      ...{ surname: 'de Vries', givenNames: 'Anneke', nationality: 'NLD' },
      permit: {
        type: 'ITAS',
        visaIndex: 'C319',
        validFrom: '2019-01-01',
        validUntil: '2019-12-31',
        sponsorId: sponsor.id,
      },
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toMatchObject({ code: 'overstay' });
  });
});

describe('a search that matches more than the list holds', () => {
  /** Holders of one name, written straight to the tables (fifty through the API would take a while). */
  async function addHolders(surname: string, givenNames: string, nationality: string, n: number) {
    const name = { surname, givenNames, fullName: null };
    const [keyId] = await ensureNameKeys(env.database.db, [name]);
    const ids = Array.from({ length: n }, () => randomUUID());
    await env.database.db
      .insert(persons)
      .values(ids.map((id) => ({ id, surname, givenNames, nationality, regionCode: PAGAR_ALAM_VILLAGE })));
    await env.database.db.insert(personNames).values(
      ids.map((personId) => ({
        id: randomUUID(),
        personId,
        kind: 'primary' as const,
        surname,
        givenNames,
        searchName: searchNameOf(surname, givenNames),
        nameKeyId: keyId as number,
        sourceKind: 'import' as const,
      })),
    );
  }

  it('says the list is capped when one name has more holders than it lists, and not once a filter narrows them', async () => {
    await addHolders('OKONKWO', 'CHIAMAKA', 'MYS', 40);
    await addHolders('OKONKWO', 'CHIAMAKA', 'CHN', 20);
    const all = (await api.get(`/api/v1/persons?q=${encodeURIComponent('okonkwo chiamaka')}&limit=10`)).json();
    expect(all).toMatchObject({ total: 50, capped: true });
    expect(all.items).toHaveLength(10);
    const narrowed = (
      await api.get(`/api/v1/persons?q=${encodeURIComponent('okonkwo chiamaka')}&nationality=CHN&limit=10`)
    ).json();
    expect(narrowed).toMatchObject({ total: 20, capped: false });
    const one = await buildPerson(env, {
      surname: 'ADEBAYO',
      givenNames: 'TEMITOPE',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    const single = (await api.get(`/api/v1/persons?q=${encodeURIComponent('adebayo temitope')}`)).json();
    expect(single).toMatchObject({ total: 1, capped: false });
    expect(single.items[0].id).toBe(one.id);
    // a list without a search counts every person: no flag
    expect((await api.get('/api/v1/persons?limit=1')).json()).not.toHaveProperty('capped');
  });
});
