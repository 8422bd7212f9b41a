import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReceiptNumber } from '../../../contracts/receipts';
import { selectRows } from '../../db/client';
import { runDueJobs } from '../../platform/jobs';
import { buildUser, createTestEnv, signIn, type TestEnv } from '../../test/harness';
import { buildAccommodation, buildApiKey, JAKARTA_VILLAGE } from '../accommodations/accommodations.test-support';
import { type Client, clientOf, signInAs } from '../orgs/orgs.test-support';
import type { ReceiptGuestSource } from './receipt-pdf';
import { signReceiptsJob } from './receipts.jobs';
import { INLINE_SIGNING_LIMIT, useReceiptGuestSource } from './receipts.service';
import { buildReceipts, pdfPageCount, pdfText } from './receipts.test-support';

let env: TestEnv;
let hotel: { id: string; name: string };
let operator: Client;
let otherHotel: { id: string; name: string };
let otherOperator: Client;
const anonymous = () => clientOf(env);

/** The guests a stay report would hold: the operator's copy of the PDF lists them. */
const guestsByReport = new Map<string, { name: string; documentNumber: string; nationality: string | null }[]>();
const guestSource: ReceiptGuestSource = {
  guestsOfReports: async (_db, reports) =>
    new Map(reports.map((r) => [r.reportId, guestsByReport.get(r.reportId) ?? []])),
};

async function operatorOf(property: { villageCode?: string; name?: string } = {}) {
  const user = await buildUser(env, { roles: ['accommodation_operator'] });
  const built = await buildAccommodation(env, { operatorUserId: user.id, ...property });
  const { cookie } = await signIn(env, user);
  return { property: built, api: clientOf(env, cookie) };
}

beforeAll(async () => {
  env = await createTestEnv();
  useReceiptGuestSource(guestSource);
  ({ property: hotel, api: operator } = await operatorOf({ name: 'Hotel Dempo Indah' }));
  ({ property: otherHotel, api: otherOperator } = await operatorOf());
});
afterAll(async () => {
  await env.close();
});

const publicKeys = async () =>
  (await anonymous().get('/api/v1/receipts/public-keys')).json().keys as {
    kid: string;
    x: string;
    pem: string;
    current: boolean;
  }[];

describe('issue → verify publicly → verify offline → tamper', () => {
  it('a receipt verifies on the public page and with the published key; personal data never leaves', async () => {
    const [receipt] = await buildReceipts(env, hotel.id, 1, { reportKind: 'check_in', guestCount: 2 });
    if (!receipt) {
      throw new Error('no receipt');
    }
    expect(receipt.number).toMatch(/^STT-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(parseReceiptNumber(receipt.number)).toBe(receipt.number);
    guestsByReport.set(receipt.reportId, [
      { name: 'ERIKSSON, ANNA MARIA', documentNumber: 'L898902C3', nationality: 'UTO' },
    ]);

    const res = await anonymous().get(`/api/v1/public/receipts/${receipt.number}`);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer).toEqual({
      number: receipt.number,
      valid: true,
      issuedAt: expect.any(String),
      reportedAt: receipt.reportedAt.toISOString(),
      zone: 'WIB',
      propertyName: 'Hotel Dempo Indah',
      reportKind: 'check_in',
    });
    expect(res.body).not.toContain('ERIKSSON');
    expect(res.body).not.toContain('L898902C3');
    // Typed loosely (lower case, no dashes, O for 0) it is the same receipt.
    const loose = receipt.number.toLowerCase().replaceAll('-', '').replaceAll('0', 'o');
    expect((await anonymous().get(`/api/v1/public/receipts/${loose}`)).json().valid).toBe(true);

    // Offline: the operator's copy of the signed payload, checked with the published key by node:crypto alone.
    const detail = (await operator.get(`/api/v1/receipts/${receipt.number}`)).json();
    const payload = JSON.parse(detail.payload);
    expect(payload).toEqual({
      v: 1,
      number: receipt.number,
      propertyId: hotel.id,
      propertyName: 'Hotel Dempo Indah',
      reportKind: 'check_in',
      guestCount: 2,
      reportedAt: receipt.reportedAt.toISOString(),
      issuedAt: answer.issuedAt,
      keyId: detail.keyId,
    });
    const key = (await publicKeys()).find((k) => k.kid === detail.keyId);
    expect(key?.current).toBe(true);
    const jwk = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key?.x as string }, format: 'jwk' });
    const signature = Buffer.from(detail.signature, 'base64');
    expect(verify(null, Buffer.from(detail.payload), jwk, signature)).toBe(true);
    expect(verify(null, Buffer.from(detail.payload), createPublicKey(key?.pem as string), signature)).toBe(true);
    expect(verify(null, Buffer.from(detail.payload.replace('"guestCount":2', '"guestCount":3')), jwk, signature)).toBe(
      false,
    );

    // Someone with database access changes the row: the receipt is no longer valid, and says nothing else.
    await env.database.db.execute(sql`update receipts set guest_count = 5 where number = ${receipt.number}`);
    const tampered = (await anonymous().get(`/api/v1/public/receipts/${receipt.number}`)).json();
    expect(tampered).toEqual({
      number: receipt.number,
      valid: false,
      issuedAt: null,
      reportedAt: null,
      zone: null,
      propertyName: null,
      reportKind: null,
    });
  });

  it('a rewritten payload or signature is invalid too', async () => {
    const [a, b] = await buildReceipts(env, hotel.id, 2);
    await env.database.db.execute(
      sql`update receipts set payload = replace(payload, 'check_in', 'check_out'), report_kind = 'check_out'
          where number = ${a?.number}`,
    );
    const [other] = await selectRows<{ signature: string }>(
      env.database.db,
      sql`select signature from receipts where number = ${a?.number}`,
    );
    await env.database.db.execute(sql`update receipts set signature = ${other?.signature} where number = ${b?.number}`);
    for (const r of [a, b]) {
      expect((await anonymous().get(`/api/v1/public/receipts/${r?.number}`)).json().valid).toBe(false);
    }
  });

  it('keeps quotes, backslashes and non-Latin letters of a property name intact in what is signed', async () => {
    const name = 'Penginapan "Dempo" \\ Ñusa 日本';
    const { property, api } = await operatorOf({ name });
    for (const count of [1, INLINE_SIGNING_LIMIT + 1]) {
      const [receipt] = await buildReceipts(env, property.id, count);
      const answer = (await anonymous().get(`/api/v1/public/receipts/${receipt?.number}`)).json();
      expect(answer).toMatchObject({ valid: true, propertyName: name });
      expect(JSON.parse((await api.get(`/api/v1/receipts/${receipt?.number}`)).json().payload).propertyName).toBe(name);
      expect((await api.get(`/api/v1/receipts/${receipt?.number}.pdf`)).statusCode).toBe(200);
    }
  });

  it('an unknown or mistyped number is a plain 404 problem', async () => {
    const [receipt] = await buildReceipts(env, hotel.id, 1);
    const number = receipt?.number as string;
    // A well-formed number (right check character) that was never issued.
    const body = number.replaceAll('-', '').slice(7, 18);
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    const { receiptCheckCharacter } = await import('../../../contracts/receipts');
    const unknown = `STT-${number.slice(4, 8)}-${flipped.slice(0, 4)}-${flipped.slice(4, 8)}-${flipped.slice(8)}${receiptCheckCharacter(flipped)}`;
    expect(parseReceiptNumber(unknown)).toBe(unknown);
    // One wrong character fails the check character: the same answer as an unknown number.
    const typo = `${number.slice(0, -2)}${number.at(-2) === 'A' ? 'B' : 'A'}${number.at(-1)}`;
    for (const n of [unknown, typo, 'STT-2026-XXXX', 'nothing']) {
      const res = await anonymous().get(`/api/v1/public/receipts/${n}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('RECEIPT_NOT_FOUND');
    }
  });
});

describe("the operator's receipts", () => {
  it("gives the PDF to the property's operator and key only", async () => {
    const [receipt] = await buildReceipts(env, hotel.id, 1, { guestCount: 2 });
    const number = receipt?.number as string;
    guestsByReport.set(receipt?.reportId as string, [
      { name: 'ERIKSSON, ANNA MARIA', documentNumber: 'L898902C3', nationality: 'UTO' },
      { name: 'NGUYEN, VAN AN', documentNumber: 'C1234567', nationality: 'VNM' },
    ]);
    const res = await operator.get(`/api/v1/receipts/${number}.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    for (const expected of [
      'SURAT TANDA TERIMA PELAPORAN ORANG ASING',
      number,
      'Hotel Dempo Indah',
      'Kedatangan tamu (check-in)',
      '2 orang',
      'WIB',
      'ERIKSSON, ANNA MARIA',
      'L898902C3',
      'NGUYEN, VAN AN',
      `http://localhost:80/verifikasi/${number}`,
    ]) {
      expect(text).toContain(expected);
    }
    const detail = (await operator.get(`/api/v1/receipts/${number}`)).json();
    expect(text.replace(/\n/g, '')).toContain(detail.signature);
    expect(text).toContain(detail.keyId);

    // The operator of another property, an officer, a stranger: not theirs.
    expect((await otherOperator.get(`/api/v1/receipts/${number}.pdf`)).json().code).toBe('RECEIPT_NOT_FOUND');
    expect((await otherOperator.get(`/api/v1/receipts/${number}`)).statusCode).toBe(404);
    const officer = (await signInAs(env, 'analyst')).api;
    expect((await officer.get(`/api/v1/receipts/${number}.pdf`)).json().code).toBe('PERMISSION_DENIED');
    expect((await anonymous().get(`/api/v1/receipts/${number}.pdf`)).statusCode).toBe(401);

    // The property's API key may fetch it; another property's key may not.
    const key = await buildApiKey(env, hotel.id);
    const otherKey = await buildApiKey(env, otherHotel.id);
    const withKey = (token: string) =>
      env.app.inject({
        method: 'GET',
        url: `/api/v1/receipts/${number}.pdf`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await withKey(key.token)).statusCode).toBe(200);
    expect((await withKey(otherKey.token)).statusCode).toBe(404);

    // Downloading the operator's copy (guests' data) is audited.
    const audit = await selectRows<{ action: string }>(
      env.database.db,
      sql`select action from audit_log where action = 'receipt.pdf' and details->>'number' = ${number}`,
    );
    expect(audit.length).toBe(2);
  });

  it('lists and archives exactly the receipts of a date range, on the property clock', async () => {
    const { property, api } = await operatorOf();
    // 16:59 and 17:00 UTC on 9 March are 23:59 on the 9th and 00:00 on the 10th in WIB.
    const before = await buildReceipts(env, property.id, 1, { now: new Date('2026-03-09T16:59:00Z') });
    const inside = [
      ...(await buildReceipts(env, property.id, 2, { now: new Date('2026-03-09T17:00:00Z') })),
      ...(await buildReceipts(env, property.id, 1, { now: new Date('2026-03-12T10:00:00Z'), reportKind: 'check_out' })),
    ];
    const after = await buildReceipts(env, property.id, 1, { now: new Date('2026-03-12T17:00:00Z') });

    const list = (await api.get(`/api/v1/receipts?from=2026-03-10&to=2026-03-12`)).json();
    expect(list.total).toBe(3);
    expect(list.items.map((r: { number: string }) => r.number).sort()).toEqual(inside.map((r) => r.number).sort());
    // The newest first: the check-out of the 12th heads the list.
    expect(list.items[0]).toMatchObject({ reportKind: 'check_out', zone: 'WIB', accommodation: { id: property.id } });

    const res = await api.get('/api/v1/receipts/archive?from=2026-03-10&to=2026-03-12');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-disposition']).toContain('tanda-terima-2026-03-10-sd-2026-03-12.pdf');
    const pdf = res.rawPayload;
    expect(pdfPageCount(pdf)).toBe(3);
    const text = pdfText(pdf);
    for (const r of inside) {
      expect(text).toContain(r.number);
    }
    for (const r of [...before, ...after]) {
      expect(text).not.toContain(r.number);
    }
    // Nothing of another property, even in the same range.
    await buildReceipts(env, hotel.id, 1, { now: new Date('2026-03-11T03:00:00Z') });
    expect((await api.get('/api/v1/receipts?from=2026-03-10&to=2026-03-12')).json().total).toBe(3);
    expect(
      (await api.get(`/api/v1/receipts?from=2026-03-10&to=2026-03-12&accommodationId=${hotel.id}`)).json().code,
    ).toBe('ACCOMMODATION_NOT_FOUND');
    expect((await api.get('/api/v1/receipts?from=2026-03-12&to=2026-03-10')).json().code).toBe('DATE_ORDER_INVALID');
  });

  it('shows times in WITA or WIT by the property area', async () => {
    const { property, api } = await operatorOf({ villageCode: '51.71.01.1001' });
    const [receipt] = await buildReceipts(env, property.id, 1, { now: new Date('2026-03-09T16:30:00Z') });
    expect((await anonymous().get(`/api/v1/public/receipts/${receipt?.number}`)).json().zone).toBe('WITA');
    const text = pdfText((await api.get(`/api/v1/receipts/${receipt?.number}.pdf`)).rawPayload);
    expect(text).toContain('10 Maret 2026 pukul 00.30 WITA');
    const jakarta = await buildAccommodation(env, { villageCode: JAKARTA_VILLAGE });
    const [wib] = await buildReceipts(env, jakarta.id, 1);
    expect((await anonymous().get(`/api/v1/public/receipts/${wib?.number}`)).json().zone).toBe('WIB');
  });
});

describe('large batches and key changes', () => {
  it('signs a large batch after it commits (job), or on first read', async () => {
    const { property } = await operatorOf();
    const batch = await buildReceipts(env, property.id, INLINE_SIGNING_LIMIT + 100);
    expect(new Set(batch.map((r) => r.number)).size).toBe(batch.length);
    const unsigned = async () =>
      (
        await selectRows<{ n: number }>(
          env.database.db,
          sql`select count(*)::int as n from receipts where accommodation_id = ${property.id} and signature is null`,
        )
      )[0]?.n;
    expect(await unsigned()).toBe(batch.length);
    // Read before the job ran: signed on the spot.
    expect((await anonymous().get(`/api/v1/public/receipts/${batch[7]?.number}`)).json().valid).toBe(true);
    expect(await unsigned()).toBe(batch.length - 1);
    const ran = await runDueJobs({
      database: env.database,
      config: env.ctx({ kind: 'system', name: 'uji' }).config,
      log: env.app.log,
      definitions: [signReceiptsJob],
    });
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(await unsigned()).toBe(0);
    expect((await anonymous().get(`/api/v1/public/receipts/${batch.at(-1)?.number}`)).json().valid).toBe(true);
  });

  it('keeps old receipts valid after the signing key changes; both keys stay published', async () => {
    const [old] = await buildReceipts(env, hotel.id, 1);
    const oldKeyId = (await operator.get(`/api/v1/receipts/${old?.number}`)).json().keyId;
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const base = env.ctx({ kind: 'system', name: 'uji' });
    const rotated = { ...base, config: { ...base.config, receiptSigningKey: pem } };
    const { issueReceipt } = await import('./receipts.service');
    const fresh = await env.database.transaction((tx) =>
      issueReceipt(tx, rotated, {
        accommodationId: hotel.id,
        reportId: crypto.randomUUID(),
        reportKind: 'extension',
        reportedAt: new Date(),
        guestCount: 1,
      }),
    );
    const freshKeyId = (await operator.get(`/api/v1/receipts/${fresh.number}`)).json().keyId;
    expect(freshKeyId).not.toBe(oldKeyId);
    const kids = (await publicKeys()).map((k) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKeyId, freshKeyId]));
    for (const n of [old?.number, fresh.number]) {
      expect((await anonymous().get(`/api/v1/public/receipts/${n}`)).json().valid).toBe(true);
    }
  });
});
