// The duplicate guard: a new person who matches one on file (same document, or a strong name match with the same
// nationality and birth date) is answered with the candidates, unless the officer confirms a new person.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { type Client, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { buildPerson, PAGAR_ALAM_VILLAGE, passportMrz } from './persons.test-support';

let env: TestEnv;
let api: Client;
let onFile: Awaited<ReturnType<typeof buildPerson>>;
beforeAll(async () => {
  env = await createTestEnv();
  api = (await signInMuaraEnimAdmin(env)).api;
  onFile = await buildPerson(env, {
    surname: 'ZHANG',
    givenNames: 'WEI',
    nationality: 'CHN',
    birthDate: '1985-03-14',
    document: { mrz: passportMrz({ documentNumber: 'E12345678' }) },
    address: { regionCode: PAGAR_ALAM_VILLAGE },
  });
});
afterAll(async () => {
  await env.close();
});

async function personCount(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from persons`);
  return Number(row?.n);
}

const newcomer = {
  surname: 'Zhang',
  givenNames: 'Wei',
  nationality: 'CHN',
  address: { regionCode: PAGAR_ALAM_VILLAGE },
};

describe('duplicate guard', () => {
  it('answers the same passport with the person on file, and refuses a second record for it even when confirmed', async () => {
    const before = await personCount();
    const res = await api.post('/api/v1/persons', {
      ...newcomer,
      givenNames: 'Wei Dong',
      document: { number: 'e1234 5678', issuingState: 'CHN' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'DUPLICATE_CANDIDATES',
      hiddenCandidates: 0,
      candidates: [
        {
          id: onFile.id,
          surname: 'ZHANG',
          givenNames: 'WEI',
          birthDate: '1985-03-14',
          nationality: 'CHN',
          document: { number: 'E12345678', issuingState: 'CHN' },
          score: 1,
          reasons: ['document'],
        },
      ],
    });
    expect(await personCount()).toBe(before);

    // The same document number and issuing state is the same person: link the facts (or merge), never a second record.
    const again = await api.post('/api/v1/persons', {
      ...newcomer,
      givenNames: 'Wei Dong',
      document: { number: 'E12345678', issuingState: 'CHN' },
      confirmNewPerson: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE_DOCUMENT', candidates: [{ id: onFile.id }] });
    expect(await personCount()).toBe(before);

    // A strong name match alone can be confirmed.
    const confirmed = await api.post('/api/v1/persons', {
      ...newcomer,
      birthDate: '1985-03-14',
      confirmNewPerson: true,
    });
    expect(confirmed.statusCode).toBe(201);
    const auditor = await signInAs(env, 'auditor');
    const created = await auditor.api.get(`/api/v1/audit?objectType=person&objectId=${confirmed.json().id}`);
    expect(created.json().items[0].details.confirmedDespiteCandidates).toEqual([onFile.id]);
    const checks = await auditor.api.get('/api/v1/audit?action=person.duplicate_check');
    expect(checks.json().items[0].details).toMatchObject({ candidateIds: [onFile.id], hiddenCandidates: 0 });
  });

  it('answers a strong name match with the same nationality and birth date, despite spelling and word order', async () => {
    for (const [surname, givenNames, birthDate] of [
      ['Zhang', 'Wei', '1985-03-14'],
      ['WEI', 'ZHNAG', '1985-03'],
      ['Zhang', 'Wei', '1985'],
    ] as const) {
      const res = await api.post('/api/v1/persons', { ...newcomer, surname, givenNames, birthDate });
      expect(res.statusCode, `${surname} ${givenNames} ${birthDate}`).toBe(409);
      expect(res.json().candidates.map((c: { id: string; reasons: string[] }) => [c.id, c.reasons])).toContainEqual([
        onFile.id,
        ['name_birth_nationality'],
      ]);
    }
  });

  it('lets through the same name with another birth date, another nationality, or no birth date', async () => {
    for (const extra of [{ birthDate: '1991-07-01' }, { birthDate: '1985-03-14', nationality: 'TWN' }, {}]) {
      const res = await api.post('/api/v1/persons', { ...newcomer, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(201);
    }
  });

  it("counts a candidate outside the caller's scope without showing it", async () => {
    const jakarta = await buildPerson(env, {
      surname: 'SATO',
      givenNames: 'HIROSHI',
      nationality: 'JPN',
      birthDate: '1970-01-01',
      document: { number: 'TR1234567', issuingState: 'JPN' },
      address: { regionCode: '31.71.01.1001' },
    });
    const res = await api.post('/api/v1/persons', {
      surname: 'Sato',
      givenNames: 'Hiroshi',
      nationality: 'JPN',
      birthDate: '1970-01-01',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ candidates: [], hiddenCandidates: 1 });
    expect(JSON.stringify(res.json())).not.toContain(jakarta.id);
  });

  it('refuses a document that another person holds when it is added to a record', async () => {
    const other = await buildPerson(env, {
      surname: 'LI',
      givenNames: 'NA',
      birthDate: '1992-02-02',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    const res = await api.post(`/api/v1/persons/${other.id}/documents`, { number: 'E12345678', issuingState: 'CHN' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DUPLICATE_CANDIDATES' });
    expect(res.json().candidates.map((c: { id: string }) => c.id)).toContain(onFile.id);
    const twice = await api.post(`/api/v1/persons/${onFile.id}/documents`, {
      number: 'E12345678',
      issuingState: 'CHN',
    });
    expect(twice.json().code).toBe('CONFLICT');
  });
});
