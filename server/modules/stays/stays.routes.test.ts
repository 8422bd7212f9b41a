import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { selectRows } from '../../db/client';
import { jobDefinitions, jobSchedules } from '../../jobs';
import { enqueueJob, enqueueScheduled, runDueJobs } from '../../platform/jobs';
import { buildAgency, buildOffice, buildUser, createTestEnv, signIn, type TestEnv } from '../../test/harness';
import { buildAccommodation, buildApiKey, PAGAR_ALAM_VILLAGE } from '../accommodations/accommodations.test-support';
import { type Client, clientOf, signInAs, signInMuaraEnimAdmin } from '../orgs/orgs.test-support';
import { buildPerson, passportMrz } from '../persons/persons.test-support';
import { reviewPendingGuests, sweepIdempotencyKeysJob } from './stays.jobs';
import { moveStaysToVillage } from './stays.repo';

let env: TestEnv;
let operator: Client;
let operatorCookie = '';
let property: { id: string; name: string };
let key: string;
let office: Client;
let jakartaOffice: Client;

beforeAll(async () => {
  env = await createTestEnv();
  const user = await buildUser(env, { roles: ['accommodation_operator'] });
  operatorCookie = (await signIn(env, user)).cookie;
  operator = clientOf(env, operatorCookie);
  property = await buildAccommodation(env, { operatorUserId: user.id });
  key = (await buildApiKey(env, property.id)).token;
  office = (await signInMuaraEnimAdmin(env)).api;
  const jakarta = await buildOffice(env, { name: 'Kanim Jakarta', regionCode: '31.71', workingArea: ['31.71'] });
  const agency = await buildAgency(env, { kind: 'imigrasi', regionCode: '31.71', officeId: jakarta.id });
  jakartaOffice = (await signInAs(env, 'office_admin', { agencyId: agency.id })).api;
});
afterAll(async () => {
  await env.close();
});

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
let documentSeq = 0;
/** A fresh document number per guest, so that tests do not meet each other's guests. */
const docNo = () => `X${String(Date.now() % 1e6).padStart(6, '0')}${documentSeq++}`.slice(0, 9);

function apiAs(token: string, headers: Record<string, string> = {}) {
  return (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    env.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

const checkInBody = (guests: object[], over: Record<string, unknown> = {}) => ({
  arrivedAt: hoursAgo(2),
  expectedCheckOut: inDays(3),
  visitPurpose: 'tourism',
  room: '101',
  guests,
  ...over,
});

/** The MRZ with the document number's check digit (line 2, position 10) changed. */
function breakCheckDigit(mrz: string) {
  const [l1, l2 = ''] = mrz.split('\n');
  const digit = String((Number(l2.charAt(9)) + 1) % 10);
  return `${l1}\n${l2.slice(0, 9)}${digit}${l2.slice(10)}`;
}

async function countStays(where = sql`true`) {
  const [row] = await selectRows<{ n: number }>(
    env.database.db,
    sql`select count(*)::int as n from stays where ${where}`,
  );
  return Number(row?.n);
}

async function runJobs() {
  const ctx = env.ctx({ kind: 'system', name: 'test' });
  await enqueueScheduled(env.database.db, jobSchedules, new Date());
  await runDueJobs({ database: env.database, config: ctx.config, log: ctx.log, definitions: jobDefinitions });
}

describe('check-in', () => {
  it('links a guest from a pasted MRZ to the person on file with that document, at the property as address', async () => {
    const number = docNo();
    const person = await buildPerson(env, {
      surname: 'LI',
      givenNames: 'NA',
      nationality: 'CHN',
      document: { number, issuingState: 'CHN' },
    } as never);
    const mrz = passportMrz({ documentNumber: number, surname: 'LI', givenNames: 'NA' });
    const res = await operator.post('/api/v1/stays/check-ins', checkInBody([{ mrz: `scanned text\n${mrz}\nend` }]));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.guests[0]).toMatchObject({ personId: person.id, personLink: 'linked', isLate: false });
    expect(body.guests[0].receiptNumber).toMatch(/^STT-/);
    const [addr] = await selectRows<{ region_code: string; source_kind: string }>(
      env.database.db,
      sql`select region_code, source_kind from addresses where person_id = ${person.id} and valid_to is null`,
    );
    expect(addr).toEqual({ region_code: PAGAR_ALAM_VILLAGE, source_kind: 'stay_report' });
    const again = await operator.post('/api/v1/stays/check-ins', checkInBody([{ mrz }]));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('STAY_ALREADY_CHECKED_IN');
  });

  it('creates a new person from typed fields and flags them when a close candidate is on file', async () => {
    await buildPerson(env, {
      surname: 'MUELLER',
      givenNames: 'HANS PETER',
      nationality: 'DEU',
      birthDate: '1980-02-01',
    });
    const res = await apiAs(key)(
      'POST',
      '/api/v1/stays/check-ins',
      checkInBody([
        {
          surname: 'MUELLER',
          givenNames: 'HANS PETER',
          nationality: 'DEU',
          birthDate: '1980-02-01',
          documentNumber: docNo(),
          documentIssuingState: 'DEU',
        },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const guest = res.json().guests[0];
    // an API report is checked for close candidates by the job (the web form checks at once)
    expect(guest.personLink).toBe('new_pending');
    await runJobs();
    const [src] = await selectRows<{ source_kind: string; source_ref: string }>(
      env.database.db,
      sql`select source_kind, source_ref from travel_documents where person_id = ${guest.personId}`,
    );
    expect(src).toEqual({ source_kind: 'stay_report', source_ref: `accommodation:${property.id}` });
    const detail = await office.get(`/api/v1/stays/${guest.stayId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().personLink).toBe('new_flagged');
    expect(detail.json().reviewCandidateIds).toHaveLength(1);
    const viaForm = await operator.post(
      '/api/v1/stays/check-ins',
      checkInBody([
        {
          surname: 'MUELLER',
          givenNames: 'HANS PETER',
          nationality: 'DEU',
          documentNumber: docNo(),
          documentIssuingState: 'DEU',
        },
      ]),
    );
    expect(viaForm.json().guests[0].personLink).toBe('new_flagged');
    expect(detail.json().channel).toBe('api');
  });

  it('reviews waiting guests in bounded runs: what is left waits for the next run', async () => {
    const ctx = env.ctx({ kind: 'system', name: 'test' });
    await reviewPendingGuests(ctx);
    const res = await apiAs(key)(
      'POST',
      '/api/v1/stays/check-ins',
      checkInBody(
        ['SATU', 'DUA', 'TIGA'].map((givenNames) => ({
          mrz: passportMrz({ documentNumber: docNo(), surname: 'ANTRIAN', givenNames }),
        })),
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const pending = async () => {
      const [row] = await selectRows<{ n: number }>(
        env.database.db,
        sql`select count(*)::int as n from stays where person_link = 'new_pending'`,
      );
      return row?.n;
    };
    expect(await pending()).toBe(3);
    // out of time after its first chunk of two
    expect(await reviewPendingGuests(ctx, { maxMs: 0, chunk: 2 })).toBe(2);
    expect(await pending()).toBe(1);
    expect(await reviewPendingGuests(ctx, { maxMs: 0, chunk: 2 })).toBe(1);
    expect(await pending()).toBe(0);
  });

  it('marks a check-in reported more than 24 hours after arrival as late', async () => {
    const res = await operator.post(
      '/api/v1/stays/check-ins',
      checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'LATE', givenNames: 'GUEST' }) }], {
        arrivedAt: hoursAgo(30),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().guests[0].isLate).toBe(true);
  });

  it('refuses impossible dates, bad MRZ, and the same guest twice in one group, saving nothing', async () => {
    const before = await countStays();
    const guest = { mrz: passportMrz({ documentNumber: docNo() }) };
    const cases: [object, string, string][] = [
      [
        checkInBody([guest], { expectedCheckOut: '2020-01-01', arrivedAt: hoursAgo(1) }),
        'STAY_CHECK_OUT_BEFORE_CHECK_IN',
        'body.expectedCheckOut',
      ],
      [
        checkInBody([guest], { arrivedAt: new Date(Date.now() + 3_600_000).toISOString() }),
        'STAY_TIME_IN_FUTURE',
        'body.arrivedAt',
      ],
      [
        checkInBody([guest], { arrivedAt: hoursAgo(24 * 800), expectedCheckOut: inDays(1) }),
        'STAY_ARRIVAL_TOO_OLD',
        'body.arrivedAt',
      ],
      [checkInBody([guest, guest]), 'STAY_GUEST_DUPLICATE', 'body.guests.1.documentNumber'],
      [checkInBody([{ mrz: breakCheckDigit(guest.mrz) }]), 'MRZ_INVALID', 'body.guests.0.mrz'],
      [checkInBody([{ surname: 'X' }]), 'STAY_GUEST_INCOMPLETE', 'body.guests.0.nationality'],
    ];
    for (const [body, code, path] of cases) {
      const res = await operator.post('/api/v1/stays/check-ins', body);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe(code);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await countStays()).toBe(before);
  });

  it('accepts a group with one group id, and a dry run saves nothing', async () => {
    const before = await countStays();
    const guests = [
      { mrz: passportMrz({ documentNumber: docNo() }) },
      { mrz: passportMrz({ documentNumber: docNo(), givenNames: 'MEI' }) },
    ];
    const dry = await operator.post('/api/v1/stays/check-ins?dryRun=true', checkInBody(guests));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, groupId: null });
    expect(dry.json().guests.every((g: { stayId: unknown }) => g.stayId === null)).toBe(true);
    expect(await countStays()).toBe(before);
    const res = await operator.post('/api/v1/stays/check-ins', checkInBody(guests));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().groupId).toEqual(expect.any(String));
    expect(await countStays(sql`group_id = ${res.json().groupId}`)).toBe(2);
  });

  it('refuses a revoked key and a property that is not verified', async () => {
    const revoked = (await buildApiKey(env, property.id, { revoked: true })).token;
    const body = checkInBody([{ mrz: passportMrz({ documentNumber: docNo() }) }]);
    const r1 = await apiAs(revoked)('POST', '/api/v1/stays/check-ins', body);
    expect(r1.statusCode).toBe(401);
    expect(r1.json().code).toBe('API_KEY_REVOKED');
    const user = await buildUser(env, { roles: ['accommodation_operator'] });
    await buildAccommodation(env, { status: 'pending', operatorUserId: user.id });
    const pendingOperator = clientOf(env, (await signIn(env, user)).cookie);
    const r2 = await pendingOperator.post('/api/v1/stays/check-ins', body);
    expect(r2.statusCode).toBe(403);
    expect(r2.json().code).toBe('ACCOMMODATION_NOT_ACTIVE');
    const other = await buildAccommodation(env);
    const r3 = await operator.post('/api/v1/stays/check-ins', { ...body, accommodationId: other.id });
    expect(r3.statusCode).toBe(404);
  });

  it('answers a retry with the same Idempotency-Key with the first result and creates one stay', async () => {
    const idem = randomUUID();
    const body = checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'RETRY' }) }]);
    const api = apiAs(key, { 'idempotency-key': idem });
    const first = await api('POST', '/api/v1/stays/check-ins', body);
    const second = await api('POST', '/api/v1/stays/check-ins', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await countStays(sql`id = ${first.json().guests[0].stayId}`)).toBe(1);
    expect(await countStays(sql`guest->>'surname' = 'RETRY'`)).toBe(1);
    // two attempts at once (the first answer was slow): one stay, the same answer twice
    const racing = checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'RACE' }) }]);
    const raceApi = apiAs(key, { 'idempotency-key': randomUUID() });
    const [a, b] = await Promise.all([
      raceApi('POST', '/api/v1/stays/check-ins', racing),
      raceApi('POST', '/api/v1/stays/check-ins', racing),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json()).toEqual(a.json());
    expect(await countStays(sql`guest->>'surname' = 'RACE'`)).toBe(1);
    const other = await api('POST', '/api/v1/stays/check-ins', { ...body, room: '999' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('Idempotency-Key retention', () => {
  const expire = (idem: string) =>
    env.database.db.execute(
      sql`update stay_idempotency_keys set created_at = created_at - interval '7 days 1 minute' where key = ${idem}`,
    );
  const storedKeys = async (keys: string[]) =>
    (
      await selectRows<{ key: string }>(
        env.database.db,
        sql`select key from stay_idempotency_keys where key = any(${sql.param(keys)}::text[]) order by key`,
      )
    ).map((r) => r.key);
  async function runSweep() {
    const ctx = env.ctx({ kind: 'system', name: 'test' });
    await enqueueJob(env.database.db, sweepIdempotencyKeysJob, {});
    await runDueJobs({ database: env.database, config: ctx.config, log: ctx.log, definitions: jobDefinitions });
  }

  it('sweeps a key past its 7 days, after which the same key makes a new report; a fresh key still replays', async () => {
    const oldKey = randomUUID();
    const freshKey = randomUUID();
    const oldBody = checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'EXPIRED' }) }]);
    const freshBody = checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'FRESH' }) }]);
    const first = await apiAs(key, { 'idempotency-key': oldKey })('POST', '/api/v1/stays/check-ins', oldBody);
    const fresh = await apiAs(key, { 'idempotency-key': freshKey })('POST', '/api/v1/stays/check-ins', freshBody);
    expect([first.statusCode, fresh.statusCode], first.body + fresh.body).toEqual([201, 201]);
    // the guest leaves, so that the same check-in can be made again
    const firstStay = first.json().guests[0].stayId as string;
    expect(
      (await apiAs(key)('POST', `/api/v1/stays/${firstStay}/check-out`, { checkedOutAt: hoursAgo(1) })).statusCode,
    ).toBe(200);
    await expire(oldKey);

    await runSweep();
    expect(await storedKeys([oldKey, freshKey])).toEqual([freshKey]);
    const [audit] = await selectRows<{ details: { keysDeleted: number } }>(
      env.database.db,
      sql`select details from audit_log where action = 'stay.idempotency_sweep' order by seq desc limit 1`,
    );
    expect(audit?.details.keysDeleted).toBeGreaterThanOrEqual(1);

    const again = await apiAs(key, { 'idempotency-key': oldKey })('POST', '/api/v1/stays/check-ins', oldBody);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().guests[0].stayId).not.toBe(firstStay);
    expect(await countStays(sql`guest->>'surname' = 'EXPIRED'`)).toBe(2);
    // the new answer is what the key replays now
    const replayOfNew = await apiAs(key, { 'idempotency-key': oldKey })('POST', '/api/v1/stays/check-ins', oldBody);
    expect(replayOfNew.json()).toEqual(again.json());

    const replay = await apiAs(key, { 'idempotency-key': freshKey })('POST', '/api/v1/stays/check-ins', freshBody);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(fresh.json());
    expect(await countStays(sql`guest->>'surname' = 'FRESH'`)).toBe(1);
  });

  it('treats a key past its retention as new before the sweep reaches it, also with another request', async () => {
    const idem = randomUUID();
    const api = apiAs(key, { 'idempotency-key': idem });
    const first = await api(
      'POST',
      '/api/v1/stays/check-ins',
      checkInBody([{ mrz: passportMrz({ documentNumber: docNo() }) }]),
    );
    expect(first.statusCode, first.body).toBe(201);
    await expire(idem);
    const other = checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'REUSED' }) }]);
    const second = await api('POST', '/api/v1/stays/check-ins', other);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().guests[0].stayId).not.toBe(first.json().guests[0].stayId);
    const retry = await api('POST', '/api/v1/stays/check-ins', other);
    expect(retry.json()).toEqual(second.json());
    expect(await countStays(sql`guest->>'surname' = 'REUSED'`)).toBe(1);
    expect(await storedKeys([idem])).toEqual([idem]);
  });

  it('deletes expired keys in chunks until none is left, and keeps the fresh ones', async () => {
    await env.database.db.execute(
      sql`insert into stay_idempotency_keys (accommodation_id, key, operation, request_hash, status_code, response, created_at)
          select ${property.id}::uuid, 'bulk-' || i, 'check-ins', 'x', 201, '{}'::jsonb,
                 now() - interval '8 days' - i * interval '1 second'
          from generate_series(1, 2500) as i`,
    );
    const keep = randomUUID();
    await apiAs(key, { 'idempotency-key': keep })(
      'POST',
      '/api/v1/stays/check-ins',
      checkInBody([{ mrz: passportMrz({ documentNumber: docNo() }) }]),
    );
    await runSweep();
    const [left] = await selectRows<{ expired: number; kept: number }>(
      env.database.db,
      sql`select count(*) filter (where created_at <= now() - interval '7 days')::int as expired,
                 count(*) filter (where key = ${keep})::int as kept
          from stay_idempotency_keys`,
    );
    expect(left).toEqual({ expired: 0, kept: 1 });
  });
});

describe('follow-up reports', () => {
  it('keeps every report: extension, correction, check-out; refuses a check-out before arrival', async () => {
    const res = await operator.post(
      '/api/v1/stays/check-ins',
      checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'FOLLOW' }) }], { arrivedAt: hoursAgo(5) }),
    );
    const stayId = res.json().guests[0].stayId as string;
    const early = await operator.post(`/api/v1/stays/${stayId}/check-out`, { checkedOutAt: hoursAgo(6) });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('STAY_CHECK_OUT_BEFORE_CHECK_IN');
    const ext = await apiAs(key)('POST', `/api/v1/stays/${stayId}/extension`, { expectedCheckOut: inDays(10) });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().stay.expectedCheckOut).toBe(inDays(10));
    const fix = await operator.post(`/api/v1/stays/${stayId}/correction`, { reason: 'salah kamar', room: '202' });
    expect(fix.statusCode, fix.body).toBe(200);
    const out = await operator.post(`/api/v1/stays/${stayId}/check-out`, { checkedOutAt: hoursAgo(1) });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().stay.status).toBe('checked_out');
    expect(out.json().stay.reports.map((r: { kind: string }) => r.kind)).toEqual([
      'check_in',
      'extension',
      'correction',
      'check_out',
    ]);
    expect(out.json().stay.reports[2].data.changes.room).toEqual({ from: '101', to: '202' });
    const twice = await operator.post(`/api/v1/stays/${stayId}/check-out`, { checkedOutAt: hoursAgo(1) });
    expect(twice.statusCode).toBe(409);
    const cancel = await operator.post(`/api/v1/stays/${stayId}/cancellation`, { reason: 'tamu salah input' });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().stay.status).toBe('cancelled');
    const office404 = await office.post(`/api/v1/stays/${stayId}/correction`, { reason: 'x', room: '1' });
    expect(office404.statusCode).toBe(404);
    const history = await operator.get('/api/v1/stays/reports?limit=5');
    expect(history.statusCode).toBe(200);
    expect(history.json().items[0].kind).toBe('cancellation');
  });
});

describe('batches', () => {
  it('saves the good rows, lists the errors of the bad ones, and answers retries with the same batch', async () => {
    const good = (n: number) => ({
      ref: `B-${n}`,
      arrivedAt: hoursAgo(3),
      expectedCheckOut: inDays(2),
      visitPurpose: 'business',
      guest: { mrz: passportMrz({ documentNumber: docNo(), surname: `BATCH${'ABCDEFGH'[n]}` }) },
    });
    const dupe = good(0);
    const rows = [
      dupe,
      good(1),
      { ...good(2), expectedCheckOut: '2000-01-01' },
      dupe,
      { ...good(3), visitPurpose: 'smuggling' },
      { nonsense: true },
      good(4),
    ];
    const idem = randomUUID();
    const api = apiAs(key, { 'idempotency-key': idem });
    const dry = await apiAs(key)('POST', '/api/v1/stays/batches?dryRun=true', { rows });
    expect(dry.statusCode, dry.body).toBe(202);
    const sent = await api('POST', '/api/v1/stays/batches', { rows });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toMatchObject({ status: 'queued', rowCount: 7 });
    const retry = await api('POST', '/api/v1/stays/batches', { rows });
    expect(retry.json().batchId).toBe(sent.json().batchId);
    const queued = await apiAs(key)('GET', `/api/v1/stays/batches/${sent.json().batchId}`);
    expect(queued.json().status).toBe('queued');
    const before = await countStays();
    await runJobs();
    const dryDone = await apiAs(key)('GET', `/api/v1/stays/batches/${dry.json().batchId}`);
    expect(dryDone.json()).toMatchObject({ status: 'partially_rejected', dryRun: true, acceptedCount: 3 });
    const done = await apiAs(key)('GET', `/api/v1/stays/batches/${sent.json().batchId}`);
    expect(done.statusCode).toBe(200);
    const batch = done.json();
    expect(batch).toMatchObject({ status: 'partially_rejected', acceptedCount: 3, rejectedCount: 4 });
    expect(batch.rows.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ]);
    expect(batch.rows[2].errors[0]).toMatchObject({
      field: 'expectedCheckOut',
      code: 'STAY_CHECK_OUT_BEFORE_CHECK_IN',
    });
    expect(batch.rows[3].errors[0].code).toBe('STAY_GUEST_DUPLICATE');
    expect(batch.rows[4].errors[0]).toMatchObject({ field: 'visitPurpose' });
    expect(batch.rows[5].errors.length).toBeGreaterThan(0);
    expect(batch.rows[0]).toMatchObject({ ref: 'B-0', receiptNumber: expect.stringMatching(/^STT-/) });
    // the dry run saved nothing; the real batch saved exactly its three good rows
    expect(await countStays()).toBe(before + 3);
    expect(await countStays(sql`batch_id = ${batch.id}`)).toBe(3);
    await runJobs();
    expect(await countStays()).toBe(before + 3);
    const other = await apiAs(jakartaKeyHolder())('GET', `/api/v1/stays/batches/${batch.id}`);
    expect(other.statusCode).toBe(404);
  });
});

let otherKey = '';
const jakartaKeyHolder = () => otherKey;
beforeAll(async () => {
  const other = await buildAccommodation(env);
  otherKey = (await buildApiKey(env, other.id)).token;
});

describe('office views', () => {
  it('shows stays in its area by filters, hides them elsewhere, and lists a person’s stays', async () => {
    const number = docNo();
    const res = await operator.post(
      '/api/v1/stays/check-ins',
      checkInBody([
        { mrz: passportMrz({ documentNumber: number, surname: 'VIEW', nationality: 'JPN', issuingState: 'JPN' }) },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { stayId, personId } = res.json().guests[0];
    const list = await office.get('/api/v1/stays?status=open&nationality=JPN&area=16.72');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(stayId);
    const far = await jakartaOffice.get('/api/v1/stays?status=open');
    expect(far.json().total).toBe(0);
    expect((await jakartaOffice.get(`/api/v1/stays/${stayId}`)).statusCode).toBe(404);
    const moves = await office.get(`/api/v1/persons/${personId}/stays`);
    expect(moves.statusCode, moves.body).toBe(200);
    expect(moves.json().items[0]).toMatchObject({ id: stayId, accommodation: { id: property.id } });
    const own = await apiAs(key)('GET', '/api/v1/stays?status=open');
    expect(own.json().items.map((s: { id: string }) => s.id)).toContain(stayId);
    const otherOwn = await apiAs(otherKey)('GET', '/api/v1/stays');
    expect(otherOwn.json().total).toBe(0);
  });
});

describe('a corrected village', () => {
  const LAHAT_VILLAGE = '16.04.01.2001';
  /** An immigration office whose working area is this one area only. */
  async function officeOf(area: string) {
    const kanim = await buildOffice(env, { name: `Kanim ${area}`, regionCode: area, workingArea: [area] });
    const agency = await buildAgency(env, { kind: 'imigrasi', regionCode: area, officeId: kanim.id });
    return (await signInAs(env, 'office_admin', { agencyId: agency.id })).api;
  }
  const listed = async (client: Client, url: string) =>
    ((await client.get(url)).json().items as { id: string; accommodation: { villageCode: string } }[]).map((s) => s.id);
  const mapped = async (client: Client) =>
    ((await client.get('/api/v1/stays/now/map')).json().properties as { id: string; guestCount: number }[]).map((p) => [
      p.id,
      p.guestCount,
    ]);

  it('moves all the property’s stays to the new village: the office sees the guests under the new area only', async () => {
    const pagarAlamOffice = await officeOf('16.72');
    const lahatOffice = await officeOf('16.04');
    const moved = await buildAccommodation(env, { villageCode: PAGAR_ALAM_VILLAGE });
    const movedKey = (await buildApiKey(env, moved.id)).token;
    const stayIn = async (surname: string) => {
      const res = await apiAs(movedKey)(
        'POST',
        '/api/v1/stays/check-ins',
        checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname }) }]),
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.json().guests[0].stayId as string;
    };
    const open = await stayIn('MOVEDOPEN');
    const left = await stayIn('MOVEDLEFT');
    await apiAs(movedKey)('POST', `/api/v1/stays/${left}/check-out`, { checkedOutAt: hoursAgo(1) });
    // a neighbour in the old village stays where it is
    const neighbour = await buildAccommodation(env, { villageCode: PAGAR_ALAM_VILLAGE });
    const neighbourKey = (await buildApiKey(env, neighbour.id)).token;
    const stay = await apiAs(neighbourKey)(
      'POST',
      '/api/v1/stays/check-ins',
      checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'NEIGHBOUR' }) }]),
    );
    const neighbourStay = stay.json().guests[0].stayId as string;

    expect(await listed(pagarAlamOffice, '/api/v1/stays?limit=200')).toEqual(
      expect.arrayContaining([open, left, neighbourStay]),
    );
    expect(await mapped(pagarAlamOffice)).toContainEqual([moved.id, 1]);

    const fix = await office.patch(`/api/v1/accommodations/${moved.id}/registration`, { villageCode: LAHAT_VILLAGE });
    expect(fix.statusCode, fix.body).toBe(200);

    // the new area's office: both stays (the open one on its map), under the new village
    const lahatList = (await lahatOffice.get('/api/v1/stays?limit=200')).json();
    expect(lahatList.items.map((s: { id: string }) => s.id).sort()).toEqual([open, left].sort());
    expect(lahatList.items[0]).toMatchObject({
      accommodation: { id: moved.id, villageCode: LAHAT_VILLAGE },
      villageLabel: expect.stringContaining('Lahat'),
    });
    expect(await mapped(lahatOffice)).toEqual([[moved.id, 1]]);
    expect((await lahatOffice.get(`/api/v1/stays/${open}`)).statusCode).toBe(200);
    // the old area's office: neither, in the list, on the map or opened; the neighbour stays
    const oldList = await listed(pagarAlamOffice, '/api/v1/stays?limit=200');
    expect(oldList).toContain(neighbourStay);
    expect(oldList).not.toContain(open);
    expect(oldList).not.toContain(left);
    expect((await mapped(pagarAlamOffice)).map(([id]) => id)).not.toContain(moved.id);
    expect((await pagarAlamOffice.get(`/api/v1/stays/${open}`)).statusCode).toBe(404);
    // an office covering both filters by area
    expect(await listed(office, '/api/v1/stays?area=16.04&limit=200')).toEqual(expect.arrayContaining([open, left]));
    expect(await listed(office, '/api/v1/stays?area=16.72&limit=200')).not.toContain(open);
    // a guest checked in after the correction is filed under the new village too
    const later = await stayIn('MOVEDLATER');
    expect(await listed(lahatOffice, '/api/v1/stays?status=open')).toContain(later);
  });

  it.skipIf(!inject('serverTemplate'))(
    'files a check-in that overlaps the correction under the new village (PostgreSQL: two connections)',
    async () => {
      const place = await buildAccommodation(env, { villageCode: PAGAR_ALAM_VILLAGE });
      const placeKey = (await buildApiKey(env, place.id)).token;
      let pending: ReturnType<ReturnType<typeof apiAs>> | undefined;
      // The office's correction, held open: the check-in reads the property (old village) and waits for its row.
      await env.database.transaction(async (tx) => {
        await tx.execute(sql`select id from accommodations where id = ${place.id} for update`);
        await tx.execute(sql`update accommodations set village_code = ${LAHAT_VILLAGE} where id = ${place.id}`);
        await moveStaysToVillage(tx, place.id, LAHAT_VILLAGE, new Date());
        pending = apiAs(placeKey)(
          'POST',
          '/api/v1/stays/check-ins',
          checkInBody([{ mrz: passportMrz({ documentNumber: docNo(), surname: 'OVERLAP' }) }]),
        );
        let waiting = 0;
        for (let i = 0; i < 200 && waiting === 0; i++) {
          await new Promise((r) => setTimeout(r, 50));
          const [row] = await selectRows<{ n: number }>(
            env.database.db,
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
          );
          waiting = Number(row?.n);
        }
        expect(waiting, 'the check-in waited for the correction').toBeGreaterThan(0);
      });
      const res = await pending;
      expect(res?.statusCode, res?.body).toBe(201);
      const [row] = await selectRows<{ village_code: string }>(
        env.database.db,
        sql`select village_code from stays where id = ${res?.json().guests[0].stayId}`,
      );
      expect(row?.village_code).toBe(LAHAT_VILLAGE);
    },
  );
});

describe('spreadsheet upload', () => {
  const multipart = (name: string, content: string) => {
    const boundary = `----pora${randomUUID()}`;
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    );
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  };

  it('reads the published template (Indonesian headers), checks every row and reports the sheet’s row numbers', async () => {
    const template = await env.app.inject({ method: 'GET', url: '/api/v1/stays/uploads/template?lang=id' });
    expect(template.statusCode).toBe(200);
    const header = template.body.replace(/^\ufeff/, '').split('\r\n')[0] as string;
    expect(header).toContain('Tanggal datang');
    const day = (d: number) => {
      const t = new Date(Date.now() + d * 86_400_000);
      return `${String(t.getUTCDate()).padStart(2, '0')}/${String(t.getUTCMonth() + 1).padStart(2, '0')}/${t.getUTCFullYear()}`;
    };
    const n1 = docNo();
    const n2 = docNo();
    const csv = [
      header,
      `;;${day(-1)};09:30;${day(2)};7;Wisata;;SATO;KENJI;L;12/03/1985;Jepang;${n1};JPN;`,
      `;;${day(-1)};09:30;${day(-3)};8;Bisnis;;SATO;YUKI;P;1987;JPN;${n2};JPN;`,
      `;;${day(-1)};25:99;${day(2)};9;wisata;;;;;;;;;`,
    ].join('\r\n');
    const { payload, headers } = multipart('tamu.csv', csv);
    const dry = await env.app.inject({
      method: 'POST',
      url: '/api/v1/stays/uploads?dryRun=true',
      headers: { ...headers, authorization: `Bearer ${key}` },
      payload,
    });
    expect(dry.statusCode, dry.body).toBe(202);
    const before = await countStays();
    await runJobs();
    expect(await countStays()).toBe(before);
    const result = (await apiAs(key)('GET', `/api/v1/stays/batches/${dry.json().batchId}`)).json();
    expect(result).toMatchObject({ status: 'partially_rejected', dryRun: true, acceptedCount: 1, rejectedCount: 2 });
    expect(result.rows[0]).toMatchObject({ ref: 'row 2', status: 'accepted' });
    expect(result.rows[1]).toMatchObject({ ref: 'row 3', status: 'rejected' });
    expect(result.rows[1].errors[0]).toMatchObject({
      field: 'expectedCheckOut',
      code: 'STAY_CHECK_OUT_BEFORE_CHECK_IN',
    });
    expect(result.rows[2].errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['arrivedAt', 'guest.surname']),
    );
    const real = await operator.post('/api/v1/stays/uploads', undefined);
    expect(real.statusCode).toBe(415);
    const sent = await env.app.inject({
      method: 'POST',
      url: '/api/v1/stays/uploads',
      headers: { ...headers, cookie: operatorCookie },
      payload,
    });
    expect(sent.statusCode, sent.body).toBe(202);
    await runJobs();
    expect(await countStays(sql`batch_id = ${sent.json().batchId} and channel = 'upload'`)).toBe(1);
  });

  it('reads a sheet of MRZs and dates alone (no name columns), and names the guest columns a sheet lacks', async () => {
    const upload = (csv: string) => {
      const { payload, headers } = multipart('tamu.csv', csv);
      return env.app.inject({
        method: 'POST',
        url: '/api/v1/stays/uploads?dryRun=true',
        headers: { ...headers, authorization: `Bearer ${key}` },
        payload,
      });
    };
    const today = new Date().toISOString().slice(0, 10);
    const line = (surname: string) =>
      passportMrz({ documentNumber: docNo(), surname, givenNames: 'EVA' }).replace('\n', ' ');
    const mrzOnly = await upload(
      [
        'Reference,Arrival date,Arrival time,Expected check-out,MRZ',
        `A1,${today},00:01,${inDays(2)},"${line('BAKKER')}"`,
        `A2,${today},00:02,${inDays(2)},"${line('JANSEN')}"`,
      ].join('\n'),
    );
    expect(mrzOnly.statusCode, mrzOnly.body).toBe(202);
    await runJobs();
    const result = (await apiAs(key)('GET', `/api/v1/stays/batches/${mrzOnly.json().batchId}`)).json();
    expect(result).toMatchObject({ status: 'accepted', acceptedCount: 2 });
    expect(result.rows.map((r: { ref: string }) => r.ref)).toEqual(['A1', 'A2']);

    const noDate = await upload(`MRZ,Kamar\n"${line('SMIT')}",7`);
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json()).toMatchObject({
      code: 'STAY_UPLOAD_COLUMNS_MISSING',
      missing: ['arrivalDate', 'expectedCheckOut'],
    });
    const notASheet = await upload('Daftar tamu bulan ini\nlihat lampiran');
    expect(notASheet.statusCode).toBe(422);
    expect(notASheet.json()).toMatchObject({
      code: 'STAY_UPLOAD_COLUMNS_MISSING',
      missing: ['arrivalDate', 'expectedCheckOut', 'documentNumber'],
    });
  });
});
