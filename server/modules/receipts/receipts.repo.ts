// All SQL of the receipts module. Many rows travel as one JSON parameter (jsonb_to_recordset), so a chunk of
// thousands of receipts is one statement with one parameter on both drivers.
import { and, asc, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { type Queryable, selectPrepared, type Tx } from '../../db/client';

import { receiptSigningKeys, receipts } from '../../db/schema/receipts';
import { newId } from '../../platform/ids';

export type ReceiptRow = typeof receipts.$inferSelect;
/** A receipt to insert; the database draws its id. */
export type NewReceipt = {
  number: string;
  accommodationId: string;
  reportId: string;
  reportKind: string;
  guestCount: number;
  reportedAt: Date;
  payload: string | null;
  keyId: string | null;
  signature: string | null;
};

/**
 * A PostgreSQL array literal. Numbers, uuids, codes and ISO instants need no quoting (no spaces, commas, quotes or
 * braces), which keeps 100,000-row batches cheap; free text (payloads) is quoted.
 */
function arrayLiteral(values: readonly (string | number | null)[], quote = false): string {
  const items = values.map((v) =>
    v === null ? 'NULL' : quote ? `"${String(v).replace(/[\\"]/g, '\\$&')}"` : String(v),
  );
  return `{${items.join(',')}}`;
}

/**
 * Inserts the receipts of one chunk in one statement: the varying columns travel as one array parameter each, the
 * properties (name, zone) once. A row whose number is taken is skipped, not an error: the numbers inserted come back
 * with their new ids.
 */
export async function insertReceipts(
  tx: Tx,
  rows: readonly NewReceipt[],
  properties: readonly { id: string; name: string; zone: string }[],
  issuedAt: Date,
  /** the key that signed the rows: published (receipt_signing_keys) by the same statement */
  signingKey?: { keyId: string; x: string },
): Promise<Map<string, string>> {
  const signed = rows.some((r) => r.signature !== null);
  const publishKey = signingKey
    ? sql`with published as (insert into receipt_signing_keys (key_id, public_key, first_used_at)
            values (${signingKey.keyId}, ${signingKey.x}, ${issuedAt.toISOString()}::timestamptz)
            on conflict do nothing) `
    : sql``;
  const inserted = await selectPrepared<{ id: string; number: string }>(
    tx,
    'receipts.insert',
    sql`${publishKey}insert into receipts (id, number, accommodation_id, property_name, zone, report_id, report_kind, guest_count,
                              reported_at, issued_at, payload, key_id, signature)
        select x.id, x.number, x.accommodation_id, p.name, p.zone, x.report_id, x.report_kind,
               x.guest_count, x.reported_at, ${issuedAt.toISOString()}::timestamptz, x.payload, x.key_id, x.signature
        from unnest(${arrayLiteral(rows.map(() => newId()))}::uuid[],
                    ${arrayLiteral(rows.map((r) => r.number))}::text[],
                    ${arrayLiteral(rows.map((r) => r.accommodationId))}::uuid[],
                    ${arrayLiteral(rows.map((r) => r.reportId))}::uuid[],
                    ${arrayLiteral(rows.map((r) => r.reportKind))}::text[],
                    ${arrayLiteral(rows.map((r) => r.guestCount))}::int[],
                    ${arrayLiteral(rows.map((r) => r.reportedAt.toISOString()))}::timestamptz[],
                    ${
                      signed
                        ? arrayLiteral(
                            rows.map((r) => r.payload),
                            true,
                          )
                        : null
                    }::text[],
                    ${signed ? arrayLiteral(rows.map((r) => r.keyId)) : null}::text[],
                    ${signed ? arrayLiteral(rows.map((r) => r.signature)) : null}::text[])
             as x(id, number, accommodation_id, report_id, report_kind, guest_count, reported_at, payload, key_id, signature)
        join jsonb_to_recordset(${JSON.stringify(properties)}::jsonb) as p(id uuid, name text, zone text)
          on p.id = x.accommodation_id
        on conflict (number) do nothing
        returning id, number`,
  );
  return new Map(inserted.map((r) => [r.number, r.id]));
}

export async function recordSigningKey(tx: Queryable, keyId: string, x: string, now: Date) {
  await tx.insert(receiptSigningKeys).values({ keyId, publicKey: x, firstUsedAt: now }).onConflictDoNothing();
}

export async function listSigningKeys(db: Queryable) {
  return db.select().from(receiptSigningKeys).orderBy(asc(receiptSigningKeys.firstUsedAt));
}

export async function findSigningKey(db: Queryable, keyId: string) {
  const [row] = await db.select().from(receiptSigningKeys).where(eq(receiptSigningKeys.keyId, keyId));
  return row;
}

export async function findReceiptByNumber(db: Queryable, number: string): Promise<ReceiptRow | undefined> {
  const [row] = await db.select().from(receipts).where(eq(receipts.number, number));
  return row;
}

/** Receipts still waiting for a signature, locked for this transaction; the job skips rows another signer holds. */
export async function lockUnsigned(
  tx: Tx,
  limit: number,
  opts: { ids?: readonly string[] | undefined; skipLocked: boolean },
): Promise<ReceiptRow[]> {
  return tx
    .select()
    .from(receipts)
    .where(and(sql`${receipts.signature} is null`, opts.ids ? inArray(receipts.id, [...opts.ids]) : undefined))
    .orderBy(asc(receipts.issuedAt))
    .limit(limit)
    .for('update', opts.skipLocked ? { skipLocked: true } : {});
}

export async function findReceiptsByIds(db: Queryable, ids: readonly string[]): Promise<ReceiptRow[]> {
  return ids.length === 0
    ? []
    : db
        .select()
        .from(receipts)
        .where(inArray(receipts.id, [...ids]));
}

export async function storeSignatures(
  tx: Tx,
  items: readonly { id: string; payload: string; keyId: string; signature: string }[],
): Promise<void> {
  if (items.length === 0) {
    return;
  }
  await tx.execute(
    sql`update receipts r set payload = x.payload, key_id = x.key_id, signature = x.signature
        from jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ id: i.id, payload: i.payload, key_id: i.keyId, signature: i.signature })))}::jsonb)
             as x(id uuid, payload text, key_id text, signature text)
        where r.id = x.id and r.signature is null`,
  );
}

/** Per property, the instants [from, to) of the asked days on its clock. */
export type PropertyRange = { accommodationId: string; from: Date; to: Date };

function rangeCondition(ranges: readonly PropertyRange[]): SQL | undefined {
  return or(
    ...ranges.map((r) =>
      and(eq(receipts.accommodationId, r.accommodationId), gte(receipts.issuedAt, r.from), lt(receipts.issuedAt, r.to)),
    ),
  );
}

export async function listReceipts(
  db: Queryable,
  ranges: readonly PropertyRange[],
  page: { limit: number; offset: number },
  /** the operator's list shows the newest first; an archive reads in the order the receipts were issued */
  order: 'newest' | 'oldest' = 'oldest',
): Promise<{ rows: ReceiptRow[]; total: number }> {
  if (ranges.length === 0) {
    return { rows: [], total: 0 };
  }
  const where = rangeCondition(ranges);
  const rows = await db
    .select()
    .from(receipts)
    .where(where)
    .orderBy(
      ...(order === 'newest'
        ? [desc(receipts.issuedAt), desc(receipts.reportedAt), asc(receipts.number)]
        : [asc(receipts.issuedAt), asc(receipts.reportedAt), asc(receipts.number)]),
    )
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(receipts).where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function countReceipts(db: Queryable, ranges: readonly PropertyRange[]): Promise<number> {
  if (ranges.length === 0) {
    return 0;
  }
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(receipts).where(rangeCondition(ranges));
  return count?.n ?? 0;
}
