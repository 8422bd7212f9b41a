// Receipts: issuing them for accepted stay reports (inside the stays module's transaction), signing, the operator's
// list, PDFs and archive, the public verification and the published keys. Receipts are the operator's (session or
// the property's API key); anyone holding a number may check it publicly, which shows no personal data.
import type {
  IndonesianZone,
  PublicReceiptVerification,
  ReceiptDetail,
  ReceiptItem,
  ReceiptListQuery,
  ReceiptPublicKeys,
  ReceiptRangeQuery,
  ReceiptReportKind,
} from '../../../contracts/receipts';
import { parseReceiptNumber } from '../../../contracts/receipts';
import type { Database, Queryable, Tx } from '../../db/client';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs';
import { findAccommodation } from '../accommodations/accommodations.repo';
import { listOwnAccommodations } from '../accommodations/accommodations.service';
import { newReceiptNumber, startOfDayIn, yearIn, zoneOfRegion } from './receipt-numbers';
import { type ReceiptDocument, type ReceiptGuestSource, renderReceiptsPdf } from './receipt-pdf';
import {
  payloadText,
  pemOf,
  publicKeyOf,
  type ReceiptPayload,
  type ReceiptSigner,
  receiptSignerFor,
  signText,
  verifyText,
} from './receipt-signing';
import { signReceiptsJob } from './receipts.jobs';
import * as repo from './receipts.repo';

export type IssueReceiptInput = {
  accommodationId: string;
  /** the stay report acknowledged */
  reportId: string;
  reportKind: ReceiptReportKind;
  /** when the reported event happened (arrival, departure, …) */
  reportedAt: Date;
  guestCount: number;
  /** the property's name and village when the caller has just read them (saves reading them again) */
  property?: { name: string; villageCode: string };
};
export type IssuedReceipt = { id: string; number: string };

/** Up to this many receipts are signed in the issuing transaction; a larger batch is signed by a job just after. */
export const INLINE_SIGNING_LIMIT = 500;
/** Rows per INSERT statement. */
const CHUNK = 5_000;
const MAX_NUMBER_ATTEMPTS = 5;
/** One archive PDF holds at most this many receipts. */
export const ARCHIVE_MAX_RECEIPTS = 2_000;
const MAX_RANGE_DAYS = 366;

type SignedFields = Pick<
  repo.ReceiptRow,
  'number' | 'accommodationId' | 'propertyName' | 'reportKind' | 'guestCount' | 'reportedAt' | 'issuedAt'
>;

/** What the signature covers, from a receipt's columns. */
export function payloadOf(row: SignedFields, keyId: string): ReceiptPayload {
  return {
    v: 1,
    number: row.number,
    propertyId: row.accommodationId,
    propertyName: row.propertyName,
    reportKind: row.reportKind as ReceiptReportKind,
    guestCount: row.guestCount,
    reportedAt: row.reportedAt.toISOString(),
    issuedAt: row.issuedAt.toISOString(),
    keyId,
  };
}

function signRow(signer: ReceiptSigner, row: repo.ReceiptRow) {
  const payload = payloadText(payloadOf(row, signer.keyId));
  return { payload, keyId: signer.keyId, signature: signText(signer, payload) };
}

// ─── Issuing (called by the stays module in its transaction) ──────────────────────────────────────────────────────

/** One receipt for one accepted report. */
export async function issueReceipt(tx: Tx, ctx: Ctx, input: IssueReceiptInput): Promise<IssuedReceipt> {
  const [issued] = await issueReceipts(tx, ctx, [input]);
  return issued as IssuedReceipt;
}

/**
 * Receipts for many accepted reports, in the caller's transaction; the answer is in the order of `items`. Numbers
 * are made in memory and written one INSERT per 5,000 rows; a taken number (a 55-bit collision) is skipped by the
 * INSERT and drawn again, so the caller's transaction never fails on it. Batches above INLINE_SIGNING_LIMIT are
 * signed by the `receipts.sign` job enqueued here (it runs once this transaction commits); until then a read of such
 * a receipt signs it on the spot. The caller audits the report; the receipt number belongs in that audit row.
 */
export async function issueReceipts(tx: Tx, ctx: Ctx, items: readonly IssueReceiptInput[]): Promise<IssuedReceipt[]> {
  if (items.length === 0) {
    return [];
  }
  const issuedAt = ctx.now();
  const properties = new Map<string, { id: string; name: string; zone: IndonesianZone; year: number }>();
  for (const item of items) {
    const id = item.accommodationId;
    if (properties.has(id)) {
      continue;
    }
    const row = item.property ?? (await findAccommodation(tx, id));
    if (!row) {
      throw new AppError('ACCOMMODATION_NOT_FOUND');
    }
    const zone = zoneOfRegion(row.villageCode);
    properties.set(id, { id, name: row.name, zone, year: yearIn(zone, issuedAt) });
  }
  const propertyList = [...properties.values()].map(({ id, name, zone }) => ({ id, name, zone }));
  const signer = items.length <= INLINE_SIGNING_LIMIT ? receiptSignerFor(ctx.config) : undefined;
  const result: IssuedReceipt[] = new Array(items.length);
  for (let start = 0; start < items.length; start += CHUNK) {
    let pending = items.slice(start, start + CHUNK).map((item, i) => ({ index: start + i, item, number: '' }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_NUMBER_ATTEMPTS) {
        throw new Error('could not draw free receipt numbers');
      }
      const drawn = new Set<string>();
      const rows = pending.map((p): repo.NewReceipt => {
        const property = properties.get(p.item.accommodationId) as { name: string; year: number };
        do {
          p.number = newReceiptNumber(property.year);
        } while (drawn.has(p.number));
        drawn.add(p.number);
        const row = {
          number: p.number,
          accommodationId: p.item.accommodationId,
          reportId: p.item.reportId,
          reportKind: p.item.reportKind,
          guestCount: p.item.guestCount,
          reportedAt: p.item.reportedAt,
        };
        if (!signer) {
          return { ...row, payload: null, keyId: null, signature: null };
        }
        const payload = payloadText(payloadOf({ ...row, propertyName: property.name, issuedAt }, signer.keyId));
        return { ...row, payload, keyId: signer.keyId, signature: signText(signer, payload) };
      });
      const inserted = await repo.insertReceipts(tx, rows, propertyList, issuedAt, signer);
      for (const p of pending) {
        const id = inserted.get(p.number);
        if (id) {
          result[p.index] = { id, number: p.number };
        }
      }
      pending = pending.filter((p) => !inserted.has(p.number));
    }
  }
  if (!signer) {
    await enqueueJob(tx, signReceiptsJob, {});
  }
  return result;
}

// ─── Signing what a big batch left unsigned ───────────────────────────────────────────────────────────────────────

/** Signs up to `limit` unsigned receipts (all of `ids` when given) in `tx`; returns how many it signed. */
export async function signPendingReceipts(
  tx: Tx,
  ctx: Ctx,
  opts: { limit: number; ids?: readonly string[] },
): Promise<number> {
  const rows = await repo.lockUnsigned(tx, opts.limit, { ids: opts.ids, skipLocked: opts.ids === undefined });
  if (rows.length === 0) {
    return 0;
  }
  const signer = receiptSignerFor(ctx.config);
  await repo.recordSigningKey(tx, signer.keyId, signer.x, ctx.now());
  await repo.storeSignatures(
    tx,
    rows.map((row) => ({ id: row.id, ...signRow(signer, row) })),
  );
  return rows.length;
}

/** The rows, with any still unsigned signed now (and read again). */
async function withSignatures(tx: Tx, ctx: Ctx, rows: repo.ReceiptRow[]): Promise<repo.ReceiptRow[]> {
  const unsigned = rows.filter((r) => r.signature === null).map((r) => r.id);
  if (unsigned.length === 0) {
    return rows;
  }
  await signPendingReceipts(tx, ctx, { limit: unsigned.length, ids: unsigned });
  const fresh = new Map((await repo.findReceiptsByIds(tx, unsigned)).map((r) => [r.id, r]));
  return rows.map((r) => fresh.get(r.id) ?? r);
}

// ─── Verification ─────────────────────────────────────────────────────────────────────────────────────────────────

type KeyLookup = (keyId: string) => Promise<string | undefined>;

/** Valid when the stored payload is exactly what the row says, signed by a published key. */
async function isAuthentic(row: repo.ReceiptRow, keyX: KeyLookup): Promise<boolean> {
  if (!row.payload || !row.signature || !row.keyId) {
    return false;
  }
  if (payloadText(payloadOf(row, row.keyId)) !== row.payload) {
    return false;
  }
  const x = await keyX(row.keyId);
  return x !== undefined && verifyText(publicKeyOf(x), row.payload, row.signature);
}

const keyLookupOf = (db: Queryable): KeyLookup => {
  const cache = new Map<string, string | undefined>();
  return async (keyId) => {
    if (!cache.has(keyId)) {
      cache.set(keyId, (await repo.findSigningKey(db, keyId))?.publicKey);
    }
    return cache.get(keyId);
  };
};

const notFound = () => new AppError('RECEIPT_NOT_FOUND', 'no such receipt');

/**
 * The public check of a receipt number (no sign-in): valid or not, when, which property, which kind of report.
 * A malformed and an unknown number answer the same 404.
 */
export async function verifyReceiptPublicly(ctx: Ctx, typed: string): Promise<PublicReceiptVerification> {
  const number = parseReceiptNumber(typed);
  if (!number) {
    throw notFound();
  }
  return ctx.database.transaction(async (tx) => {
    const found = await repo.findReceiptByNumber(tx, number);
    if (!found) {
      throw notFound();
    }
    const [row] = await withSignatures(tx, ctx, [found]);
    const receipt = row as repo.ReceiptRow;
    if (!(await isAuthentic(receipt, keyLookupOf(tx)))) {
      return {
        number,
        valid: false,
        issuedAt: null,
        reportedAt: null,
        zone: null,
        propertyName: null,
        reportKind: null,
      };
    }
    return {
      number,
      valid: true,
      issuedAt: receipt.issuedAt.toISOString(),
      reportedAt: receipt.reportedAt.toISOString(),
      zone: receipt.zone as IndonesianZone,
      propertyName: receipt.propertyName,
      reportKind: receipt.reportKind as ReceiptReportKind,
    };
  });
}

/** Every key that ever signed a receipt, and the current one (even before its first receipt). */
export async function listPublicKeys(ctx: Ctx): Promise<ReceiptPublicKeys> {
  const current = receiptSignerFor(ctx.config);
  const keys: { keyId: string; x: string; firstUsedAt: string | null }[] = (
    await repo.listSigningKeys(ctx.database.db)
  ).map((r) => ({ keyId: r.keyId, x: r.publicKey, firstUsedAt: r.firstUsedAt.toISOString() }));
  if (!keys.some((k) => k.keyId === current.keyId)) {
    keys.push({ keyId: current.keyId, x: current.x, firstUsedAt: null });
  }
  return {
    keys: keys.map((k) => ({
      kty: 'OKP' as const,
      crv: 'Ed25519' as const,
      x: k.x,
      kid: k.keyId,
      alg: 'EdDSA' as const,
      use: 'sig' as const,
      pem: pemOf(publicKeyOf(k.x)),
      firstUsedAt: k.firstUsedAt,
      current: k.keyId === current.keyId,
    })),
  };
}

// ─── The operator's receipts ──────────────────────────────────────────────────────────────────────────────────────

type OwnProperty = { id: string; name: string; address: string; zone: IndonesianZone };

/** The properties the actor operates (or the key's one); officers have no receipts of their own. */
async function ownProperties(ctx: Ctx): Promise<Map<string, OwnProperty>> {
  const { items } = await listOwnAccommodations(ctx);
  return new Map(
    items.map((p) => [p.id, { id: p.id, name: p.name, address: p.address, zone: zoneOfRegion(p.village.code) }]),
  );
}

function rangesOf(properties: Map<string, OwnProperty>, query: ReceiptRangeQuery): repo.PropertyRange[] {
  if (query.from > query.to) {
    throw new AppError('DATE_ORDER_INVALID', '"from" is after "to"', { field: 'from' });
  }
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) {
    throw new AppError('VALIDATION_FAILED', `at most ${MAX_RANGE_DAYS} days at once`, {
      errors: [{ path: 'querystring.to', code: 'too_big', message: `paling banyak ${MAX_RANGE_DAYS} hari` }],
    });
  }
  const chosen = query.accommodationId ? [properties.get(query.accommodationId)] : [...properties.values()];
  if (query.accommodationId && !chosen[0]) {
    throw new AppError('ACCOMMODATION_NOT_FOUND');
  }
  const next = new Date(Date.parse(query.to) + 86_400_000).toISOString().slice(0, 10);
  return (chosen as OwnProperty[]).map((p) => ({
    accommodationId: p.id,
    from: startOfDayIn(p.zone, query.from),
    to: startOfDayIn(p.zone, next),
  }));
}

function present(row: repo.ReceiptRow): ReceiptItem {
  return {
    id: row.id,
    number: row.number,
    accommodation: { id: row.accommodationId, name: row.propertyName },
    reportId: row.reportId,
    reportKind: row.reportKind as ReceiptReportKind,
    guestCount: row.guestCount,
    reportedAt: row.reportedAt.toISOString(),
    issuedAt: row.issuedAt.toISOString(),
    zone: row.zone as IndonesianZone,
  };
}

export async function listOwnReceipts(ctx: Ctx, query: ReceiptListQuery) {
  const properties = await ownProperties(ctx);
  const { rows, total } = await repo.listReceipts(ctx.database.db, rangesOf(properties, query), query, 'newest');
  return { items: rows.map(present), total };
}

/** An own receipt by number; another property's (or an unknown) number is not found. */
async function findOwnReceipt(tx: Queryable, properties: Map<string, OwnProperty>, typed: string) {
  const number = parseReceiptNumber(typed);
  const row = number ? await repo.findReceiptByNumber(tx, number) : undefined;
  if (!row || !properties.has(row.accommodationId)) {
    throw notFound();
  }
  return row;
}

/** One receipt with its signed payload, for offline verification (`pora receipt verify`). */
export async function getOwnReceipt(ctx: Ctx, typed: string): Promise<ReceiptDetail> {
  const properties = await ownProperties(ctx);
  return ctx.database.transaction(async (tx) => {
    const [row] = await withSignatures(tx, ctx, [await findOwnReceipt(tx, properties, typed)]);
    const r = row as repo.ReceiptRow;
    return { ...present(r), payload: r.payload as string, signature: r.signature as string, keyId: r.keyId as string };
  });
}

/** Where the QR code and the printed link send people: PORA_PUBLIC_URL, else the address the request came to. */
export function verificationUrl(ctx: Ctx, origin: string, number: string): string {
  return `${(ctx.config.publicUrl ?? origin).replace(/\/+$/, '')}/verifikasi/${number}`;
}

let guestSource: ReceiptGuestSource | undefined;

/** The stays module hands over how to read a report's guests (it owns them); without it, PDFs list no names. */
export function useReceiptGuestSource(source: ReceiptGuestSource) {
  guestSource = source;
}

async function documentsOf(
  tx: Tx,
  ctx: Ctx,
  rows: repo.ReceiptRow[],
  properties: Map<string, OwnProperty>,
  origin: string,
): Promise<ReceiptDocument[]> {
  const signed = await withSignatures(tx, ctx, rows);
  const guests = guestSource
    ? await guestSource.guestsOfReports(
        tx,
        signed.map((r) => ({
          reportId: r.reportId,
          reportKind: r.reportKind as ReceiptReportKind,
          accommodationId: r.accommodationId,
        })),
      )
    : new Map();
  return signed.map((r) => ({
    number: r.number,
    propertyName: r.propertyName,
    propertyAddress: properties.get(r.accommodationId)?.address ?? null,
    zone: r.zone as IndonesianZone,
    reportKind: r.reportKind as ReceiptReportKind,
    guestCount: r.guestCount,
    reportedAt: r.reportedAt,
    issuedAt: r.issuedAt,
    keyId: r.keyId as string,
    signature: r.signature as string,
    verificationUrl: verificationUrl(ctx, origin, r.number),
    guests: guests.get(r.reportId) ?? [],
  }));
}

export type ReceiptFile = { fileName: string; contentType: string; body: Buffer };

/** The operator's PDF of one receipt, with the guests' names and documents (an audited read of personal data). */
export async function ownReceiptPdf(ctx: Ctx, typed: string, origin: string): Promise<ReceiptFile> {
  const properties = await ownProperties(ctx);
  const documents = await ctx.database.transaction(async (tx) => {
    const row = await findOwnReceipt(tx, properties, typed);
    await appendAudit(tx, ctx, {
      action: 'receipt.pdf',
      objectType: 'receipt',
      objectId: row.id,
      details: { number: row.number },
    });
    return documentsOf(tx, ctx, [row], properties, origin);
  });
  const document = documents[0] as ReceiptDocument;
  return {
    fileName: `${document.number}.pdf`,
    contentType: 'application/pdf',
    body: await renderReceiptsPdf(documents),
  };
}

/** Every receipt of a date range as one PDF (a page or more each), oldest first. */
export async function ownReceiptArchive(ctx: Ctx, query: ReceiptRangeQuery, origin: string): Promise<ReceiptFile> {
  const properties = await ownProperties(ctx);
  const ranges = rangesOf(properties, query);
  const documents = await ctx.database.transaction(async (tx) => {
    const total = await repo.countReceipts(tx, ranges);
    if (total > ARCHIVE_MAX_RECEIPTS) {
      throw new AppError('RECEIPT_ARCHIVE_TOO_LARGE', `more than ${ARCHIVE_MAX_RECEIPTS} receipts in the range`, {
        total,
        max: ARCHIVE_MAX_RECEIPTS,
      });
    }
    const { rows } = await repo.listReceipts(tx, ranges, { limit: ARCHIVE_MAX_RECEIPTS, offset: 0 });
    await appendAudit(tx, ctx, {
      action: 'receipt.archive',
      objectType: 'receipt',
      details: {
        from: query.from,
        to: query.to,
        count: rows.length,
        accommodationIds: ranges.map((r) => r.accommodationId),
      },
    });
    return documentsOf(tx, ctx, rows, properties, origin);
  });
  return {
    fileName: `tanda-terima-${query.from}-sd-${query.to}.pdf`,
    contentType: 'application/pdf',
    body: await renderReceiptsPdf(documents),
  };
}

// ─── Command line ─────────────────────────────────────────────────────────────────────────────────────────────────

export type OfflineCheck = { valid: boolean; number: string | null; keyId: string | null; reason: string | null };

/** Checks a signed payload against public keys (JWK "x" by key id): what `pora receipt verify FILE` does. */
export function verifySignedPayload(
  input: { payload: string; signature: string },
  keys: ReadonlyMap<string, string>,
): OfflineCheck {
  let parsed: Partial<ReceiptPayload>;
  try {
    parsed = JSON.parse(input.payload) as Partial<ReceiptPayload>;
  } catch {
    return { valid: false, number: null, keyId: null, reason: 'payload is not JSON' };
  }
  const keyId = typeof parsed.keyId === 'string' ? parsed.keyId : null;
  const number = typeof parsed.number === 'string' ? parsed.number : null;
  const x = keyId ? keys.get(keyId) : undefined;
  if (!x) {
    return { valid: false, number, keyId, reason: 'unknown key id' };
  }
  const valid = verifyText(publicKeyOf(x), input.payload, input.signature);
  return { valid, number, keyId, reason: valid ? null : 'signature does not match' };
}

/** A stored receipt checked by number, against the keys in the database: `pora receipt verify NUMBER`. */
export async function verifyStoredReceipt(database: Database, typed: string): Promise<OfflineCheck | undefined> {
  const number = parseReceiptNumber(typed);
  const row = number ? await repo.findReceiptByNumber(database.db, number) : undefined;
  if (!row) {
    return undefined;
  }
  if (!row.signature) {
    return { valid: false, number: row.number, keyId: null, reason: 'not signed yet' };
  }
  const valid = await isAuthentic(row, keyLookupOf(database.db));
  return { valid, number: row.number, keyId: row.keyId, reason: valid ? null : 'row and signature do not match' };
}
