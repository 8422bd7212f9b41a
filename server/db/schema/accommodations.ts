// Accommodations (hotels, homestays, kos, …) that report their foreign guests: the property with its verification
// status, the users who operate it (a link table: one operator may run several properties), and its API keys.
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { regions } from './regions';

export const accommodations = pgTable(
  'accommodations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** the name lower-cased with spaces collapsed: with the NIB, what makes a registration a duplicate. */
    nameKey: text('name_key').notNull(),
    /** code from the accommodation-kinds table */
    kind: text('kind').notNull(),
    /** Nomor Induk Berusaha: 13 digits (one business may run several properties under one NIB). */
    nib: text('nib').notNull(),
    address: text('address').notNull(),
    /** Kemendagri village (desa/kelurahan) code: decides which office's working area holds the property. */
    villageCode: text('village_code')
      .notNull()
      .references(() => regions.code),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    /** penanggung jawab: the person in charge */
    picName: text('pic_name').notNull(),
    picPhone: text('pic_phone'),
    /** pending | verified | rejected | suspended */
    status: text('status').notNull().default('pending'),
    /** why it was rejected or suspended */
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    statusChangedBy: uuid('status_changed_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** the account asked for at registration; it becomes a user when the office verifies the property. */
    applicantEmail: text('applicant_email').notNull(),
    /** argon2 hash of the applicant's chosen password, kept only while the registration is pending. */
    applicantPasswordHash: text('applicant_password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('accommodations_status_ck', sql`${t.status} in ('pending', 'verified', 'rejected', 'suspended')`),
    check('accommodations_pin_ck', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
    index('accommodations_village_idx').on(t.villageCode),
    index('accommodations_status_idx').on(t.status),
    // A rejected registration may be filed again; a live one only once.
    uniqueIndex('accommodations_nib_name_uq').on(t.nib, t.nameKey).where(sql`${t.status} <> 'rejected'`),
  ],
);

/** Who operates which property. */
export const accommodationOperators = pgTable(
  'accommodation_operators',
  {
    accommodationId: uuid('accommodation_id')
      .notNull()
      .references(() => accommodations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accommodationId, t.userId] }),
    index('accommodation_operators_user_idx').on(t.userId),
  ],
);

/** API keys of a property (for its property-management system). Only a SHA-256 of the token is stored. */
export const accommodationApiKeys = pgTable(
  'accommodation_api_keys',
  {
    id: uuid('id').primaryKey(),
    accommodationId: uuid('accommodation_id')
      .notNull()
      .references(() => accommodations.id),
    name: text('name').notNull(),
    /** sha-256 (hex) of the whole token "pora_ak_…" */
    tokenHash: text('token_hash').notNull(),
    /** the token's first characters, shown in lists so that people can tell keys apart */
    tokenHint: text('token_hint').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** updated at most once a minute */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('accommodation_api_keys_token_uq').on(t.tokenHash),
    index('accommodation_api_keys_accommodation_idx').on(t.accommodationId),
  ],
);
