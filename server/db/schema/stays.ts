// Guest stays at accommodations and the reports that make them: a stay is the current state of one guest's visit
// (kept by the service), every report (check-in, extension, check-out, correction, cancellation) is its own row that
// is never changed. Batches of a property-management system and the idempotency keys of retried requests live here
// too.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accommodationApiKeys, accommodations } from './accommodations';
import { users } from './auth';
import { persons } from './register';

/** The guest as the property reported them (the register holds the chosen identity; this is the report's word). */
export type GuestSnapshot = {
  surname: string;
  givenNames: string;
  sex: string | null;
  birthDate: string | null;
  nationality: string;
  document: { type: string; number: string; issuingState: string; expiryDate: string | null };
  mrzLines: string[] | null;
};

export const stays = pgTable(
  'stays',
  {
    id: uuid('id').primaryKey(),
    accommodationId: uuid('accommodation_id')
      .notNull()
      .references(() => accommodations.id),
    /** the property's village, copied so that office views filter by area without a join */
    villageCode: text('village_code').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** guests reported together (a family, a tour) share a group id */
    groupId: uuid('group_id'),
    /** open | checked_out | cancelled */
    status: text('status').notNull().default('open'),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    expectedCheckOut: date('expected_check_out').notNull(),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    room: text('room'),
    /** code from the visit-purposes table */
    visitPurpose: text('visit_purpose').notNull(),
    guest: jsonb('guest').$type<GuestSnapshot>().notNull(),
    nationality: text('nationality').notNull(),
    /** the check-in was reported more than 1×24 h after arrival (UU 6/2011 Pasal 72) */
    isLate: boolean('is_late').notNull(),
    checkInReportedAt: timestamp('check_in_reported_at', { withTimezone: true }).notNull(),
    /** linked | new | new_flagged (a close candidate exists: an officer should look) | new_pending (not yet checked) */
    personLink: text('person_link').notNull(),
    reviewCandidateIds: jsonb('review_candidate_ids').$type<string[]>(),
    /** form | api | batch | upload */
    channel: text('channel').notNull(),
    batchId: uuid('batch_id'),
    receiptNumber: text('receipt_number').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('stays_status_ck', sql`${t.status} in ('open', 'checked_out', 'cancelled')`),
    check('stays_person_link_ck', sql`${t.personLink} in ('linked', 'new', 'new_flagged', 'new_pending')`),
    check('stays_channel_ck', sql`${t.channel} in ('form', 'api', 'batch', 'upload')`),
    // One open stay per person and property: the second check-in of a guest already in is refused.
    uniqueIndex('stays_open_person_uq').on(t.accommodationId, t.personId).where(sql`${t.status} = 'open'`),
    index('stays_accommodation_idx').on(t.accommodationId, t.status),
    index('stays_village_idx').using('btree', t.villageCode.op('text_pattern_ops')),
    index('stays_person_idx').on(t.personId),
    index('stays_arrived_idx').on(t.arrivedAt),
    index('stays_review_idx').on(t.personLink).where(sql`${t.personLink} = 'new_pending'`),
  ],
);

export const stayReports = pgTable(
  'stay_reports',
  {
    id: uuid('id').primaryKey(),
    stayId: uuid('stay_id')
      .notNull()
      .references(() => stays.id),
    /** the stay's property, copied for the property's report list; no foreign key: the stay's own one covers it
     * (ARCHITECTURE D18) */
    accommodationId: uuid('accommodation_id').notNull(),
    /** check_in | extension | check_out | correction | cancellation */
    kind: text('kind').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** what the report says: the new expected check-out, the check-out time, the corrected fields (with before) */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    reason: text('reason'),
    isLate: boolean('is_late').notNull().default(false),
    receiptNumber: text('receipt_number').notNull(),
    channel: text('channel').notNull(),
    batchId: uuid('batch_id'),
    reportedByUserId: uuid('reported_by_user_id').references(() => users.id),
    reportedByKeyId: uuid('reported_by_key_id').references(() => accommodationApiKeys.id),
  },
  (t) => [
    check(
      'stay_reports_kind_ck',
      sql`${t.kind} in ('check_in', 'extension', 'check_out', 'correction', 'cancellation')`,
    ),
    index('stay_reports_stay_idx').on(t.stayId, t.reportedAt),
    index('stay_reports_accommodation_idx').on(t.accommodationId, t.reportedAt),
    uniqueIndex('stay_reports_receipt_uq').on(t.accommodationId, t.receiptNumber),
  ],
);

/** A batch sent by a property-management system (or a spreadsheet upload), processed by the job queue. */
export const stayBatches = pgTable(
  'stay_batches',
  {
    id: uuid('id').primaryKey(),
    accommodationId: uuid('accommodation_id')
      .notNull()
      .references(() => accommodations.id),
    /** queued | processing | accepted | partially_rejected | rejected */
    status: text('status').notNull().default('queued'),
    dryRun: boolean('dry_run').notNull().default(false),
    channel: text('channel').notNull(),
    rowCount: integer('row_count').notNull(),
    acceptedCount: integer('accepted_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    /** the rows as sent; cleared once the batch is done. `json`, not `jsonb`: stored and read whole, never queried
     * inside, and PostgreSQL takes 23 MB of `json` in a tenth of the time it needs to build `jsonb` (ARCHITECTURE D21) */
    rows: json('rows').$type<unknown[]>(),
    /** one result per row, in row order, once done (`json` for the same reason) */
    results: json('results').$type<unknown[]>(),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    submittedByKeyId: uuid('submitted_by_key_id').references(() => accommodationApiKeys.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'stay_batches_status_ck',
      sql`${t.status} in ('queued', 'processing', 'accepted', 'partially_rejected', 'rejected')`,
    ),
    index('stay_batches_accommodation_idx').on(t.accommodationId, t.createdAt),
  ],
);

/**
 * A request's Idempotency-Key, per property: a retry with the same key and body gets the stored answer. Kept for a
 * retention period (stays.service.ts), then swept by a job; the created_at index finds the old ones.
 */
export const stayIdempotencyKeys = pgTable(
  'stay_idempotency_keys',
  {
    accommodationId: uuid('accommodation_id')
      .notNull()
      .references(() => accommodations.id),
    key: text('key').notNull(),
    /** which endpoint (check-ins, batches, check-out …) */
    operation: text('operation').notNull(),
    /** sha-256 of the canonical request body and query */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').$type<unknown>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accommodationId, t.key] }),
    index('stay_idempotency_keys_created_idx').on(t.createdAt),
  ],
);
