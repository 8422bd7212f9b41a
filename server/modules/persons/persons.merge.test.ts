// Merging two records of one person: the surviving record shows both histories (names, documents, permits,
// addresses, identity claims with their disagreements, views), the merged-away record says where it went and takes
// no writes, search finds only the survivor, and an undo restores both records exactly — or refuses with a code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, createTestEnv, type TestEnv } from '../../test/harness';
import { type Client, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { buildPerson, buildSponsor, PAGAR_ALAM_VILLAGE } from './persons.test-support';

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

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
let serial = 0;
/** A document number no other test uses. */
const docNo = (prefix: string) => `${prefix}${String(1_000_000 + ++serial).slice(1)}${serial % 10}`;

/** Two records of one man, as two offices typed him: a different spelling, birth day, passport and permit. */
async function buildPair() {
  const sponsor = await buildSponsor(env, { regionCode: '16.72' });
  const a = await buildPerson(env, {
    surname: 'ZHANG',
    givenNames: 'WEI',
    birthDate: '1985-03-14',
    sex: 'M',
    document: { number: docNo('E'), issuingState: 'CHN', expiryDate: inDays(2000) },
    permit: { type: 'ITAS', visaIndex: 'E23', validFrom: inDays(-200), validUntil: inDays(160), sponsorId: sponsor.id },
    address: { regionCode: PAGAR_ALAM_VILLAGE, text: 'Mess PLTU', validFrom: inDays(-200) },
    sponsorId: sponsor.id,
  });
  const b = await buildPerson(env, {
    surname: 'CHANG',
    givenNames: 'WEI',
    birthDate: '1985-03-15',
    document: { number: docNo('G'), issuingState: 'CHN', expiryDate: inDays(900) },
    permit: { type: 'ITK', validFrom: inDays(-400), validUntil: inDays(-300) },
    address: { regionCode: '16.72.01', text: 'Jl. Kapt. Sanap', validFrom: inDays(-400) },
  });
  return { a, b, sponsor };
}

type Detail = Record<string, unknown> & { names: { id: string }[] };
/** The person page without what changes by reading or by the merge itself. */
function comparable(detail: Detail) {
  const { viewers: _v, viewCount: _c, updatedAt: _u, merges: _m, ...rest } = detail;
  return rest;
}

const merge = (from: string, into: string, reason = 'paspor lama dan baru orang yang sama', client = api) =>
  client.post(`/api/v1/persons/${from}/merge`, { into, reason });
const undo = (id: string, reason = 'salah gabung', client = api) =>
  client.post(`/api/v1/persons/${id}/merge/undo`, { reason });

describe('merging two records', () => {
  it('shows both histories on the surviving record, nothing overwritten, and where the other record went', async () => {
    const { a, b, sponsor } = await buildPair();
    await api.get(`/api/v1/persons/${a.id}?purpose=${encodeURIComponent('cek sebelum gabung')}`);
    const before = {
      a: (await api.get(`/api/v1/persons/${a.id}`)).json(),
      b: (await api.get(`/api/v1/persons/${b.id}`)).json(),
    };

    const res = await merge(a.id, b.id);
    expect(res.statusCode, res.body).toBe(200);
    const survivor = res.json();
    expect(survivor).toMatchObject({ id: b.id, surname: 'CHANG', givenNames: 'WEI', birthDate: '1985-03-15' });
    // Both records' facts, each with its own source.
    expect(survivor.names.map((n: { kind: string; surname: string }) => [n.kind, n.surname]).sort()).toEqual([
      ['alias', 'ZHANG'],
      ['primary', 'CHANG'],
    ]);
    expect(survivor.documents.map((d: { id: string }) => d.id).sort()).toEqual(
      [...before.a.documents, ...before.b.documents].map((d: { id: string }) => d.id).sort(),
    );
    expect(survivor.permits).toHaveLength(2);
    expect(survivor.addresses).toHaveLength(2);
    expect(survivor.claims).toHaveLength(2);
    // The identities disagree: both versions are shown.
    expect(survivor.disagreements).toContainEqual({
      field: 'birthDate',
      values: expect.arrayContaining([
        { value: '1985-03-14', claimIds: [before.a.claims[0].id] },
        { value: '1985-03-15', claimIds: [before.b.claims[0].id] },
      ]),
    });
    // Derived data follows the combined facts: the ITAS from the other record is the current permit.
    expect(survivor.status.code).toBe('active');
    expect(survivor.permits.find((p: { current: boolean }) => p.current).type).toBe('ITAS');
    // The empty sponsor is filled; the views of the merged-away record are shown too.
    expect(survivor.sponsor.id).toBe(sponsor.id);
    expect(survivor.viewers.map((v: { purpose: string | null }) => v.purpose)).toContain('cek sebelum gabung');
    expect(survivor.merges).toEqual([
      expect.objectContaining({
        source: { id: a.id, name: 'ZHANG WEI' },
        target: { id: b.id, name: 'CHANG WEI' },
        reason: 'paspor lama dan baru orang yang sama',
        undoneAt: null,
        moved: { names: 1, documents: 1, permits: 1, addresses: 1, claims: 1 },
      }),
    ]);

    const away = (await api.get(`/api/v1/persons/${a.id}`)).json();
    expect(away).toMatchObject({ id: a.id, mergedInto: b.id, mergedIntoLatest: b.id, names: [], documents: [] });
    expect(away.merges[0]).toMatchObject({ target: { id: b.id, name: 'CHANG WEI' }, mergedBy: expect.any(String) });

    const auditor = await signInAs(env, 'auditor');
    const rows = (await auditor.api.get('/api/v1/audit?action=person.merge')).json().items;
    expect(rows[0]).toMatchObject({
      objectId: a.id,
      actorId: officer.id,
      details: { sourceId: a.id, targetId: b.id, mergeId: survivor.merges[0].id },
    });
  });

  it('refuses writes to the merged-away record and lists only the survivor in search', async () => {
    const { a, b } = await buildPair();
    const aDoc = (await api.get(`/api/v1/persons/${a.id}`)).json().documents[0].number;
    expect((await merge(a.id, b.id)).statusCode).toBe(200);
    for (const res of [
      await api.patch(`/api/v1/persons/${a.id}`, { notes: 'x' }),
      await api.post(`/api/v1/persons/${a.id}/names`, { kind: 'alias', surname: 'ZANG' }),
      await api.post(`/api/v1/persons/${a.id}/permits`, { type: 'ITK' }),
    ]) {
      expect([res.statusCode, res.json().code, res.json().mergedInto]).toEqual([409, 'PERSON_MERGED', b.id]);
    }
    for (const q of ['zhang wei', aDoc]) {
      const ids = (await api.get(`/api/v1/persons?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { id: string }) => i.id);
      expect(ids, q).toContain(b.id);
      expect(ids, q).not.toContain(a.id);
    }
    const list = (await api.get('/api/v1/persons?limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(list).not.toContain(a.id);
  });

  it('undoes exactly: both pages as before, facts added after the merge stay with the survivor', async () => {
    const { a, b } = await buildPair();
    const before = {
      a: (await api.get(`/api/v1/persons/${a.id}`)).json(),
      b: (await api.get(`/api/v1/persons/${b.id}`)).json(),
    };
    expect((await merge(a.id, b.id)).statusCode).toBe(200);
    const added = await api.post(`/api/v1/persons/${b.id}/names`, {
      kind: 'alias',
      surname: 'CHEUNG',
      givenNames: 'WAI',
    });
    expect(added.statusCode).toBe(201);
    const addedName = added.json().names.find((n: { surname: string }) => n.surname === 'CHEUNG');

    const res = await undo(a.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mergedInto).toBeNull();
    const after = {
      a: (await api.get(`/api/v1/persons/${a.id}`)).json(),
      b: (await api.get(`/api/v1/persons/${b.id}`)).json(),
    };
    expect(comparable(after.a)).toEqual(comparable(before.a));
    expect(
      comparable({ ...after.b, names: after.b.names.filter((n: { id: string }) => n.id !== addedName.id) }),
    ).toEqual(comparable(before.b));
    expect(after.b.sponsor).toBeNull();
    expect(after.b.merges[0]).toMatchObject({ undoneAt: expect.any(String), undoReason: 'salah gabung' });
    // Search finds each by their own name again.
    const ids = (await api.get('/api/v1/persons?q=zhang%20wei')).json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(a.id);

    const auditor = await signInAs(env, 'auditor');
    const rows = (await auditor.api.get('/api/v1/audit?action=person.merge.undo')).json().items;
    expect(rows[0]).toMatchObject({
      objectId: a.id,
      details: { sourceId: a.id, targetId: b.id, reason: 'salah gabung' },
    });

    // Merged again after the undo: a second merge record, the first one stays in the history.
    expect(
      (await merge(a.id, b.id)).json().merges.map((m: { undoneAt: string | null }) => m.undoneAt === null),
    ).toEqual([true, false]);
  });

  it('refuses an undo that could not be exact: a moved fact changed since the merge', async () => {
    const { a, b } = await buildPair();
    const merged = (await merge(a.id, b.id)).json();
    const movedPermit = merged.permits.find((p: { type: string }) => p.type === 'ITAS');
    const cancel = await api.patch(`/api/v1/persons/${b.id}/permits/${movedPermit.id}`, {
      cancelled: true,
      cancelReason: 'dicabut',
    });
    expect(cancel.statusCode).toBe(200);
    const res = await undo(a.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'MERGE_UNDO_NOT_EXACT',
      changed: [{ kind: 'permits', id: movedPermit.id }],
    });
    expect((await api.get(`/api/v1/persons/${a.id}`)).json().mergedInto).toBe(b.id);
  });

  it('refuses the same merge or undo twice, and a merge into itself, with codes', async () => {
    const { a, b } = await buildPair();
    expect((await merge(a.id, a.id)).json().code).toBe('MERGE_SAME_PERSON');
    expect((await undo(a.id)).json()).toMatchObject({ code: 'PERSON_NOT_MERGED' });
    expect((await merge(a.id, b.id)).statusCode).toBe(200);
    const again = await merge(a.id, b.id);
    expect([again.statusCode, again.json().code]).toEqual([409, 'PERSON_MERGED']);
    const into = await merge(b.id, a.id);
    expect([into.statusCode, into.json().code, into.json().mergedInto]).toEqual([409, 'PERSON_MERGED', b.id]);
    expect((await undo(a.id)).statusCode).toBe(200);
    const twice = await undo(a.id);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'PERSON_NOT_MERGED']);
    expect((await merge(a.id, b.id, '')).statusCode).toBe(400);
  });

  it('follows chains: A into B, B into C; undone in reverse order only', async () => {
    const { a, b } = await buildPair();
    const c = await buildPerson(env, {
      surname: 'ZHANG',
      givenNames: 'WEI MING',
      birthDate: '1985',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    const before = {
      a: comparable((await api.get(`/api/v1/persons/${a.id}`)).json()),
      b: comparable((await api.get(`/api/v1/persons/${b.id}`)).json()),
      c: comparable((await api.get(`/api/v1/persons/${c.id}`)).json()),
    };
    expect((await merge(a.id, b.id)).statusCode).toBe(200);
    const last = await merge(b.id, c.id);
    expect(last.statusCode).toBe(200);
    expect(last.json().documents).toHaveLength(2);
    expect(last.json().claims).toHaveLength(3);
    expect((await api.get(`/api/v1/persons/${a.id}`)).json()).toMatchObject({
      mergedInto: b.id,
      mergedIntoLatest: c.id,
    });

    const blocked = await undo(a.id);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'MERGE_UNDO_BLOCKED', mergedInto: c.id });
    expect((await undo(b.id)).statusCode).toBe(200);
    expect((await api.get(`/api/v1/persons/${b.id}`)).json().documents).toHaveLength(2);
    expect((await undo(a.id)).statusCode).toBe(200);
    expect(comparable((await api.get(`/api/v1/persons/${a.id}`)).json())).toEqual(before.a);
    expect(comparable((await api.get(`/api/v1/persons/${b.id}`)).json())).toEqual(before.b);
    expect(comparable((await api.get(`/api/v1/persons/${c.id}`)).json())).toEqual(before.c);
  });
});

describe('who may merge', () => {
  it('hides records outside the scope (404) and refuses roles without persons.write (403)', async () => {
    const { a } = await buildPair();
    const jakarta = await buildPerson(env, {
      surname: 'SATO',
      givenNames: 'KEN',
      nationality: 'JPN',
      address: { regionCode: '31.71.01.1001' },
    });
    for (const res of [await merge(a.id, jakarta.id), await merge(jakarta.id, a.id), await undo(jakarta.id)]) {
      expect([res.statusCode, res.json().code]).toEqual([404, 'PERSON_NOT_FOUND']);
    }
    const pagarAlam = await buildAgency(env, { regionCode: '16.72' });
    const member = await signInAs(env, 'agency_member', { agencyId: pagarAlam.id });
    const { a: x, b: y } = await buildPair();
    const denied = await merge(x.id, y.id, 'sama', member.api);
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'PERMISSION_DENIED']);
    expect((await api.get(`/api/v1/persons/${x.id}`)).json().mergedInto).toBeNull();
  });
});

describe('confirming a new person despite candidates', () => {
  it('refuses a second record for a document on file, and still allows a name-only match', async () => {
    const number = docNo('E');
    const onFile = await buildPerson(env, {
      surname: 'LIU',
      givenNames: 'YANG',
      birthDate: '1990-01-01',
      document: { number, issuingState: 'CHN' },
      address: { regionCode: PAGAR_ALAM_VILLAGE },
    });
    const body = {
      surname: 'Liu',
      givenNames: 'Yang',
      nationality: 'CHN',
      birthDate: '1990-01-01',
      address: { regionCode: PAGAR_ALAM_VILLAGE },
      confirmNewPerson: true,
    };
    const refused = await api.post('/api/v1/persons', { ...body, document: { number, issuingState: 'CHN' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'DUPLICATE_DOCUMENT',
      candidates: [{ id: onFile.id, reasons: expect.arrayContaining(['document']) }],
    });
    // Another issuing state is another document.
    expect((await api.post('/api/v1/persons', { ...body, document: { number, issuingState: 'TWN' } })).statusCode).toBe(
      201,
    );
    expect((await api.post('/api/v1/persons', body)).statusCode).toBe(201);
  });
});
