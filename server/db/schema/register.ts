// The register of foreigners: persons (the chosen current identity), their names with the search tokens, travel
// documents, stay permits, addresses, sponsors (penjamin), and each source's own version of the identity (identity
// claims), so that disagreeing sources are shown side by side and nothing is silently overwritten.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { agencies } from './orgs';
import { regions } from './regions';

const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Where a fact comes from. kind: user (typed in by an officer) | agency (an officer recording another agency's data)
 * | import (a spreadsheet; reference = file name and row) | stay_report (an accommodation's guest report).
 * The agency and user ids carry no foreign keys (ARCHITECTURE.md D17): they are the writer's own, taken from the
 * session or checked by the service, agencies and users are archived and never deleted, and a key on every fact row
 * cost a fifth of the server's time in a bulk import. */
const source = () => ({
  sourceKind: text('source_kind').notNull(),
  sourceAgencyId: uuid('source_agency_id'),
  sourceUserId: uuid('source_user_id'),
  sourceRef: text('source_ref'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
const sourceKindCheck = (name: string, column: AnyPgColumn) =>
  check(name, sql`${column} in ('user', 'agency', 'import', 'stay_report')`);

/** YYYY, YYYY-MM or YYYY-MM-DD: documents often know only the year or the month of birth. */
const partialDateCheck = (name: string, column: AnyPgColumn) =>
  check(name, sql`${column} is null or ${column} ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'`);

export const sponsors = pgTable(
  'sponsors',
  {
    id: uuid('id').primaryKey(),
    /** company | person */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** normalised name (lower case, no accents or punctuation) for search */
    searchName: text('search_name').notNull(),
    /** NIB (Nomor Induk Berusaha) of a company, or an identity number of a person */
    registrationNo: text('registration_no'),
    contactPerson: text('contact_person'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    regionCode: text('region_code').references(() => regions.code),
    recordedByAgencyId: uuid('recorded_by_agency_id').references(() => agencies.id),
    ...timestamps(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    check('sponsors_kind_ck', sql`${t.kind} in ('company', 'person')`),
    index('sponsors_region_idx').using('btree', t.regionCode.op('text_pattern_ops')),
    index('sponsors_search_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`).with({ fastupdate: false }),
    index('sponsors_registration_idx').on(t.registrationNo),
  ],
);

export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    /** the chosen current identity; each source's own version is an identity claim */
    surname: text('surname').notNull().default(''),
    givenNames: text('given_names').notNull().default(''),
    /** the name as written in the document, when it reads differently from surname + given names */
    fullName: text('full_name'),
    /** M | F | X (unspecified); null when not known */
    sex: text('sex'),
    birthDate: text('birth_date'),
    birthPlace: text('birth_place'),
    /** ICAO 9303 / ISO 3166-1 alpha-3, checked against the countries code table */
    nationality: text('nationality').notNull(),
    workplace: text('workplace'),
    notes: text('notes'),
    sponsorId: uuid('sponsor_id').references(() => sponsors.id),
    /** the agency whose officer recorded the person: sees them while they have no address */
    recordedByAgencyId: uuid('recorded_by_agency_id').references(() => agencies.id),
    // ─── Kept by the service from addresses, permits and documents, so that scope and status filters are indexable.
    /** area of the current address (any level) */
    regionCode: text('region_code').references(() => regions.code),
    /** WIB | WITA | WIT of the current address (else of the recording agency): deadlines are days in this zone */
    timeZone: text('time_zone').notNull().default('WIB'),
    /** the current permit: the one that ends last (cancellation ends a permit on the day it is cancelled) */
    permitId: uuid('permit_id').references((): AnyPgColumn => permits.id),
    permitType: text('permit_type'),
    /** null with a permit type: open-ended (ITAP without an end date) */
    permitValidUntil: date('permit_valid_until'),
    /** the departure recorded on the current permit */
    exitedOn: date('exited_on'),
    /** latest expiry among the current (not superseded) passports and identity documents */
    documentExpiry: date('document_expiry'),
    /** set when this record was merged into another (the merge keeps both histories) */
    mergedInto: uuid('merged_into').references((): AnyPgColumn => persons.id),
    ...timestamps(),
  },
  (t) => [
    check('persons_sex_ck', sql`${t.sex} is null or ${t.sex} in ('M', 'F', 'X')`),
    partialDateCheck('persons_birth_date_ck', t.birthDate),
    check('persons_nationality_ck', sql`${t.nationality} ~ '^[A-Z]{3}$'`),
    check('persons_name_ck', sql`${t.surname} <> '' or ${t.givenNames} <> ''`),
    check('persons_time_zone_ck', sql`${t.timeZone} in ('WIB', 'WITA', 'WIT')`),
    index('persons_region_idx').using('btree', t.regionCode.op('text_pattern_ops')),
    index('persons_nationality_idx').on(t.nationality),
    // Columns empty for most persons (a guest reported by a hotel has no sponsor, permit or recording agency) are
    // indexed only where set: every query on them asks for a value, and a new person then costs four index entries
    // less (ARCHITECTURE D19).
    index('persons_sponsor_idx').on(t.sponsorId).where(sql`${t.sponsorId} is not null`),
    index('persons_permit_valid_until_idx').on(t.permitValidUntil).where(sql`${t.permitValidUntil} is not null`),
    index('persons_document_expiry_idx').on(t.documentExpiry),
    index('persons_recorded_by_idx').on(t.recordedByAgencyId).where(sql`${t.recordedByAgencyId} is not null`),
    index('persons_merged_into_idx').on(t.mergedInto).where(sql`${t.mergedInto} is not null`),
  ],
);

/** Every name a person is known by: the primary (chosen) name, aliases, transliterations, names as a document
 * writes them. Each points at its distinct written form (name_keys), which search ranks. */
export const personNames = pgTable(
  'person_names',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** primary | alias | transliteration | document */
    kind: text('kind').notNull(),
    surname: text('surname').notNull().default(''),
    givenNames: text('given_names').notNull().default(''),
    /** as written, in any script (张伟, Мухаммед) */
    fullName: text('full_name'),
    /** normalised "surname given names" (lower case, accents and punctuation removed) */
    searchName: text('search_name').notNull(),
    nameKeyId: integer('name_key_id')
      .notNull()
      .references((): AnyPgColumn => nameKeys.id),
    documentId: uuid('document_id').references((): AnyPgColumn => travelDocuments.id),
    ...source(),
    ...timestamps(),
  },
  (t) => [
    check('person_names_kind_ck', sql`${t.kind} in ('primary', 'alias', 'transliteration', 'document')`),
    sourceKindCheck('person_names_source_kind_ck', t.sourceKind),
    index('person_names_person_idx').on(t.personId),
    // with the person: a name's holders in person order, so that search reads only the first ones of a common name
    index('person_names_name_key_idx').on(t.nameKeyId, t.personId),
    uniqueIndex('person_names_one_primary_uq').on(t.personId).where(sql`${t.kind} = 'primary'`),
  ],
);

/** The distinct written forms of names in the whole register: a million persons share far fewer of them (the same
 * "WANG WEI" many times). Search ranks these in memory (person-search.index.ts), then follows person_names to the
 * persons, so a common name costs one row here instead of one per holder. Written once, never changed; a name that
 * changes points at another key. Only ever inserted: the identity id is the change sequence each server node's
 * in-memory index catches up from. */
export const nameKeys = pgTable(
  'name_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the name's search tokens in order (words, then joined neighbours): "abdul rahman ali abdulrahman rahmanali" */
    key: text('key').notNull(),
    /** how many words the name has: longer names rank a little lower */
    tokenCount: smallint('token_count').notNull(),
  },
  (t) => [uniqueIndex('name_keys_key_uq').on(t.key)],
);

export const travelDocuments = pgTable(
  'travel_documents',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** P passport | ID identity card | V visa | OTHER */
    type: text('type').notNull(),
    /** the document code as the MRZ writes it (P, PD, PS, I, ID, AC, V…), when known */
    documentCode: text('document_code'),
    number: text('number').notNull(),
    /** upper case without spaces, dashes or fillers: what lookups compare */
    numberNorm: text('number_norm').notNull(),
    issuingState: text('issuing_state').notNull(),
    issueDate: date('issue_date'),
    expiryDate: date('expiry_date'),
    /** the machine-readable lines as read, when the document was entered from its MRZ */
    mrzLines: text('mrz_lines').array(),
    /** replaced by a newer document (renewal); kept for history and for lookups by old numbers */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    ...source(),
    ...timestamps(),
  },
  (t) => [
    check('travel_documents_type_ck', sql`${t.type} in ('P', 'ID', 'V', 'OTHER')`),
    check('travel_documents_state_ck', sql`${t.issuingState} ~ '^[A-Z]{3}$'`),
    check(
      'travel_documents_dates_ck',
      sql`${t.expiryDate} is null or ${t.issueDate} is null or ${t.expiryDate} >= ${t.issueDate}`,
    ),
    sourceKindCheck('travel_documents_source_kind_ck', t.sourceKind),
    index('travel_documents_number_idx').on(t.numberNorm, t.issuingState),
    index('travel_documents_person_idx').on(t.personId),
  ],
);

export const permits = pgTable(
  'permits',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** ITK | ITAS | ITAP | DIPLOMATIC | SERVICE (code table permit-types) */
    type: text('type').notNull(),
    /** code table visa-indexes */
    visaIndex: text('visa_index'),
    number: text('number'),
    numberNorm: text('number_norm'),
    validFrom: date('valid_from'),
    /** null: open-ended */
    validUntil: date('valid_until'),
    entryDate: date('entry_date'),
    /** the immigration checkpoint (TPI) of entry, as written */
    entryPort: text('entry_port'),
    /** departure: ends the stay this permit covers */
    exitDate: date('exit_date'),
    exitPort: text('exit_port'),
    sponsorId: uuid('sponsor_id').references(() => sponsors.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    ...source(),
    ...timestamps(),
  },
  (t) => [
    check('permits_type_ck', sql`${t.type} in ('ITK', 'ITAS', 'ITAP', 'DIPLOMATIC', 'SERVICE')`),
    check(
      'permits_dates_ck',
      sql`${t.validUntil} is null or ${t.validFrom} is null or ${t.validUntil} >= ${t.validFrom}`,
    ),
    sourceKindCheck('permits_source_kind_ck', t.sourceKind),
    index('permits_number_idx').on(t.numberNorm),
    index('permits_person_idx').on(t.personId),
    index('permits_sponsor_idx').on(t.sponsorId),
  ],
);

export const addresses = pgTable(
  'addresses',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** any level: a village when known, else the district or regency */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    text: text('text'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    validFrom: date('valid_from'),
    /** null: the current address */
    validTo: date('valid_to'),
    ...source(),
    ...timestamps(),
  },
  (t) => [
    check(
      'addresses_coordinates_ck',
      sql`(${t.latitude} is null and ${t.longitude} is null) or (${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180)`,
    ),
    check('addresses_dates_ck', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`),
    sourceKindCheck('addresses_source_kind_ck', t.sourceKind),
    index('addresses_person_idx').on(t.personId),
  ],
);

/** One source's version of a person's identity. A newer claim of the same source supersedes its older one; claims
 * of different sources stand side by side, and the person page marks where they disagree. */
export const identityClaims = pgTable(
  'identity_claims',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    surname: text('surname'),
    givenNames: text('given_names'),
    fullName: text('full_name'),
    sex: text('sex'),
    birthDate: text('birth_date'),
    birthPlace: text('birth_place'),
    nationality: text('nationality'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    ...source(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('identity_claims_sex_ck', sql`${t.sex} is null or ${t.sex} in ('M', 'F', 'X')`),
    partialDateCheck('identity_claims_birth_date_ck', t.birthDate),
    sourceKindCheck('identity_claims_source_kind_ck', t.sourceKind),
    index('identity_claims_person_idx').on(t.personId),
  ],
);

/** What a merge moved from the merged-away record to the surviving one, so that an undo moves exactly these rows
 * back: each row's id with its state at the merge (a row changed since then makes the undo refuse, as it could not be
 * exact), the names that were the primary name, and the surviving record's empty fields the merge filled. */
export type PersonMergeMoved = {
  names: { id: string; updatedAt: string; wasPrimary: boolean }[];
  documents: { id: string; updatedAt: string }[];
  permits: { id: string; updatedAt: string }[];
  addresses: { id: string; updatedAt: string }[];
  claims: { id: string; supersededAt: string | null }[];
  filled: { sponsorId?: string };
};

/** Merges of two records of one person: the source is marked merged into the target and its facts move there (both
 * histories stay, with their sources); undone by moving exactly the recorded rows back. */
export const personMerges = pgTable(
  'person_merges',
  {
    id: uuid('id').primaryKey(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => persons.id),
    targetId: uuid('target_id')
      .notNull()
      .references(() => persons.id),
    reason: text('reason').notNull(),
    moved: jsonb('moved').$type<PersonMergeMoved>().notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
    mergedByUserId: uuid('merged_by_user_id').references(() => users.id),
    mergedByName: text('merged_by_name'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneByUserId: uuid('undone_by_user_id').references(() => users.id),
    undoneByName: text('undone_by_name'),
    undoReason: text('undo_reason'),
  },
  (t) => [
    check('person_merges_distinct_ck', sql`${t.sourceId} <> ${t.targetId}`),
    index('person_merges_source_idx').on(t.sourceId),
    index('person_merges_target_idx').on(t.targetId),
    // A record is merged away at most once at a time.
    uniqueIndex('person_merges_active_source_uq').on(t.sourceId).where(sql`${t.undoneAt} is null`),
  ],
);
