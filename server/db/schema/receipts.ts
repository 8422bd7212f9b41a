// Receipts of accepted stay reports (Surat Tanda Terima) and the public keys that ever signed one. A receipt is
// numbered in the reporting transaction; its Ed25519 signature is made then (small reports) or just after by a job
// (large batches), so `payload`, `key_id` and `signature` are null for a short while on big batches.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accommodations } from './accommodations';

export const receipts = pgTable(
  'receipts',
  {
    id: uuid('id').primaryKey(),
    /** STT-<year>-XXXX-XXXX-XXXX (random, with a check character): see docs/receipts.md */
    number: text('number').notNull(),
    accommodationId: uuid('accommodation_id')
      .notNull()
      .references(() => accommodations.id),
    /** the property's name when the receipt was issued (what the signature certifies) */
    propertyName: text('property_name').notNull(),
    /** WIB | WITA | WIT, from the property's province: how the receipt shows times */
    zone: text('zone').notNull(),
    /** the stay report this receipt acknowledges (owned by the stays module; no foreign key across modules) */
    reportId: uuid('report_id').notNull(),
    /** check_in | check_out | extension | correction | cancellation */
    reportKind: text('report_kind').notNull(),
    guestCount: integer('guest_count').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** the canonical JSON that was signed, byte for byte */
    payload: text('payload'),
    keyId: text('key_id'),
    /** Ed25519 signature of `payload` (UTF-8), base64 */
    signature: text('signature'),
  },
  (t) => [
    uniqueIndex('receipts_number_uq').on(t.number),
    index('receipts_accommodation_issued_idx').on(t.accommodationId, t.issuedAt),
    // Only the few receipts still waiting for their signature (big batches, for a moment).
    index('receipts_unsigned_idx').on(t.issuedAt).where(sql`${t.signature} is null`),
    check(
      'receipts_kind_ck',
      sql`${t.reportKind} in ('check_in', 'check_out', 'extension', 'correction', 'cancellation')`,
    ),
    check('receipts_zone_ck', sql`${t.zone} in ('WIB', 'WITA', 'WIT')`),
    check('receipts_guest_count_ck', sql`${t.guestCount} >= 0`),
    check(
      'receipts_signed_ck',
      sql`(${t.signature} is null) = (${t.payload} is null) and (${t.signature} is null) = (${t.keyId} is null)`,
    ),
  ],
);

/** Every public key that signed a receipt, so that old receipts stay verifiable after a key change. */
export const receiptSigningKeys = pgTable('receipt_signing_keys', {
  /** the first 16 characters of the key's RFC 7638 JWK thumbprint */
  keyId: text('key_id').primaryKey(),
  /** the raw 32-byte Ed25519 public key, base64url (the JWK "x") */
  publicKey: text('public_key').notNull(),
  firstUsedAt: timestamp('first_used_at', { withTimezone: true }).notNull().defaultNow(),
});
