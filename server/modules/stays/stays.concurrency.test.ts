// Check-ins at one property at the same time: a single check-in locks only its guests' documents (and the property
// shared), so different guests go through side by side; the same guest sent twice at once is checked in once; a batch
// of the property waits for them (it holds the property's lock exclusively).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { verifyAuditChain } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { type AppError, errorStatus } from '../../platform/errors';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { buildAccommodation, buildApiKey, PAGAR_ALAM_VILLAGE } from '../accommodations/accommodations.test-support';
import { passportMrz } from '../persons/persons.test-support';
import { reviewPendingGuests } from './stays.jobs';
import { checkInGroupStats, checkIn as checkInService } from './stays.service';

let env: TestEnv;
let property: { id: string };
let key: string;

beforeAll(async () => {
  env = await createTestEnv();
  property = await buildAccommodation(env, {});
  key = (await buildApiKey(env, property.id)).token;
});
afterAll(async () => {
  await env.close();
});

const docNo = () => `C${randomBytes(4).toString('hex').toUpperCase()}`;
const checkIn = (documentNumber: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/stays/check-ins',
    headers: { authorization: `Bearer ${key}` },
    payload: {
      arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      expectedCheckOut: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
      visitPurpose: 'tourism',
      guests: [{ mrz: passportMrz({ documentNumber }) }],
    },
  });

describe('concurrent check-ins at one property', () => {
  it('accepts different guests sent at once, each with its own stay', async () => {
    const docs = Array.from({ length: 8 }, docNo);
    const answers = await Promise.all(docs.map(checkIn));
    expect(answers.map((a) => a.statusCode)).toEqual(docs.map(() => 201));
    const [row] = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from stays where accommodation_id = ${property.id} and status = 'open'`,
    );
    expect(row?.n).toBe(8);
  });

  it('checks the same guest sent three times at once in once', async () => {
    const doc = docNo();
    const answers = await Promise.all([checkIn(doc), checkIn(doc), checkIn(doc)]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) {
      expect(a.json().code).toBe('STAY_ALREADY_CHECKED_IN');
    }
    const [row] = await selectRows<{ stays: number; persons: number }>(
      env.database.db,
      sql`select (select count(*)::int from stays s join travel_documents d on d.person_id = s.person_id
                   where d.number_norm = ${doc} and s.accommodation_id = ${property.id}) as stays,
                 (select count(distinct person_id)::int from travel_documents where number_norm = ${doc}) as persons`,
    );
    expect(row).toEqual({ stays: 1, persons: 1 });
  });
});

describe('check-ins written together (group commit)', () => {
  // Called at the service, with the key's property already read (as the API key's look-up does), so that all requests
  // reach the queue at once on both databases (on PGlite an HTTP request's own look-ups wait for the running write).
  const reportAs = async (propertyId: string) => {
    const apiKey = await buildApiKey(env, propertyId);
    return env.ctx({
      kind: 'accommodation_key',
      keyId: apiKey.id,
      accommodationId: propertyId,
      name: `Kunci ${propertyId.slice(0, 4)}`,
      property: { name: 'Hotel Uji', villageCode: PAGAR_ALAM_VILLAGE, address: 'Jl. Uji No. 1' },
    });
  };
  const arrivedAt = new Date(Date.now() - 3_600_000).toISOString();
  const report = (ctx: Ctx, documentNumbers: string[], idempotencyKey?: string, room?: string) =>
    checkInService(
      ctx,
      {
        arrivedAt,
        expectedCheckOut: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
        visitPurpose: 'tourism',
        ...(room ? { room } : {}),
        guests: documentNumbers.map((documentNumber) => ({ mrz: passportMrz({ documentNumber }) })),
      },
      { dryRun: false, ...(idempotencyKey ? { idempotencyKey } : {}) },
    ).then(
      (answer) => ({ status: answer.statusCode, body: answer.body as unknown }),
      (error: AppError) => ({ status: errorStatus[error.code], body: { code: error.code, ...error.details } }),
    );

  it('answers each request of a group on its own: a refused request costs the others nothing; an audit row each', async () => {
    const ids = [property.id, (await buildAccommodation(env, {})).id, (await buildAccommodation(env, {})).id];
    const ctxs = await Promise.all(ids.map(reportAs));
    const present = docNo();
    expect((await report(ctxs[0] as Ctx, [present])).status).toBe(201);
    const before = { ...checkInGroupStats(env.database) };
    const [auditBefore] = await selectRows<{ n: number }>(
      env.database.db,
      sql`select coalesce(max(seq), 0)::int as n from audit_log`,
    );

    // 12 requests at once over three properties; request 5 holds a guest already checked in at the first property
    // (with a new guest beside them: both refused), request 8 checks that guest in at another property (accepted).
    const docs = Array.from({ length: 12 }, docNo);
    const answers = await Promise.all(
      docs.map((doc, i) =>
        i === 5
          ? report(ctxs[0] as Ctx, [doc, present])
          : i === 8
            ? report(ctxs[1] as Ctx, [present])
            : report(ctxs[i % 3] as Ctx, [doc]),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(docs.map((_, i) => (i === 5 ? 409 : 201)));
    expect(answers[5]?.body).toMatchObject({
      code: 'STAY_ALREADY_CHECKED_IN',
      errors: [{ path: 'body.guests.1.documentNumber', code: 'STAY_ALREADY_CHECKED_IN' }],
    });
    // written in fewer transactions than requests
    const after = { ...checkInGroupStats(env.database) };
    expect((after.items ?? 0) - (before.items ?? 0)).toBe(12);
    expect((after.groups ?? 0) - (before.groups ?? 0)).toBeLessThan(12);
    expect(after.failedGroups).toBe(before.failedGroups ?? 0);

    // the refused request's new guest was not written; the accepted ones were, each at its property
    const [refusedGuest] = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from travel_documents where number_norm = ${docs[5]}`,
    );
    expect(refusedGuest?.n).toBe(0);
    const stays = await selectRows<{ accommodation_id: string; number: string }>(
      env.database.db,
      sql`select s.accommodation_id, s.guest->'document'->>'number' as number from stays s
           where s.guest->'document'->>'number' = any(${sql.param([...docs, present])}::text[])`,
    );
    const at = new Set(stays.map((s) => `${s.number}@${s.accommodation_id}`));
    docs.forEach((doc, i) => {
      if (i !== 5 && i !== 8) {
        expect(at.has(`${doc}@${ids[i % 3]}`)).toBe(true);
      }
    });
    expect([...at].filter((k) => k.startsWith(`${present}@`)).sort()).toEqual(
      [`${present}@${ids[0]}`, `${present}@${ids[1]}`].sort(),
    );

    // one audit row per accepted request, with its own key and property, in a chain that still verifies
    const audits = await selectRows<{ actor_name: string; object_id: string }>(
      env.database.db,
      sql`select actor_name, object_id from audit_log where seq > ${auditBefore?.n ?? 0} and action = 'stay.check_in'`,
    );
    expect(audits).toHaveLength(11);
    expect(new Set(audits.map((a) => `${a.actor_name}@${a.object_id}`)).size).toBe(3);
    expect(new Set(audits.map((a) => a.object_id))).toEqual(new Set(ids));
    expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: true });
  });

  it('writes requests with an Idempotency-Key together too: each once, a retry gets the same answer', async () => {
    const ctxs = await Promise.all([property.id, (await buildAccommodation(env, {})).id].map(reportAs));
    const before = { ...checkInGroupStats(env.database) };
    const docs = Array.from({ length: 8 }, docNo);
    const keyOf = (i: number) => `pms-${docs[i]}`;
    // 8 keyed requests at once, plus the first one's key sent again at the same moment (a client's quick retry)
    const answers = await Promise.all([
      ...docs.map((doc, i) => report(ctxs[i % 2] as Ctx, [doc], keyOf(i))),
      report(ctxs[0] as Ctx, [docs[0] as string], keyOf(0)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([...docs.map(() => 201), 201]);
    expect(answers[8]?.body).toEqual(answers[0]?.body);
    const after = { ...checkInGroupStats(env.database) };
    expect((after.groups ?? 0) - (before.groups ?? 0)).toBeLessThan(9);
    expect(after.failedGroups).toBe(before.failedGroups ?? 0);

    // every guest checked in once; every answer stored under its key
    const [row] = await selectRows<{ stays: number; keys: number }>(
      env.database.db,
      sql`select (select count(*)::int from stays where guest->'document'->>'number' = any(${sql.param(docs)}::text[]))
                   as stays,
                 (select count(*)::int from stay_idempotency_keys
                   where key = any(${sql.param(docs.map((_, i) => keyOf(i)))}::text[])) as keys`,
    );
    expect(row).toEqual({ stays: 8, keys: 8 });

    // retries at once: the stored answers; the same key with another request: refused
    const retries = await Promise.all([
      ...docs.map((doc, i) => report(ctxs[i % 2] as Ctx, [doc], keyOf(i))),
      report(ctxs[1] as Ctx, [docs[1] as string], keyOf(1), 'Kamar 9'),
    ]);
    expect(retries.slice(0, 8).map((a) => a.body)).toEqual(answers.slice(0, 8).map((a) => a.body));
    expect(retries[8]).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });
});

describe('close-candidate review', () => {
  it('two reviewers at once share the waiting guests: each guest is reviewed once', async () => {
    const ctx = env.ctx({ kind: 'system', name: 'test' });
    await reviewPendingGuests(ctx);
    for (let i = 0; i < 6; i++) {
      expect((await checkIn(docNo())).statusCode).toBe(201);
    }
    const opts = { maxMs: 60_000, chunk: 2 };
    const counts = await Promise.all([reviewPendingGuests(ctx, opts), reviewPendingGuests(ctx, opts)]);
    expect(counts[0] + counts[1]).toBe(6);
    const [row] = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from stays where person_link = 'new_pending'`,
    );
    expect(row?.n).toBe(0);
  });
});
