// SQL of the register: persons and their facts, the written-name keys and the search's holder look-ups, the duplicate
// look-ups and the "who viewed it" list (from the audit log). Scope and status rules arrive here as WHERE clauses.
import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { PersonStatusCode } from '../../../contracts/persons';
import { type Queryable, selectPrepared, selectRows } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import {
  addresses,
  identityClaims,
  nameKeys,
  permits,
  personNames,
  persons,
  travelDocuments,
} from '../../db/schema/register';
import { postingTokens } from './person-names';
import { personVisibleSql, type RegisterViewer, withinAreaSql } from './persons.scope';

export type PersonRow = typeof persons.$inferSelect;
export type PersonNameRow = typeof personNames.$inferSelect;
export type DocumentRow = typeof travelDocuments.$inferSelect;
export type PermitRow = typeof permits.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
export type ClaimRow = typeof identityClaims.$inferSelect;

// ─── Persons ─────────────────────────────────────────────────────────────────────────────────────────────────────

export async function findPerson(db: Queryable, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id)).limit(1);
  return row;
}

export async function findPersonsByIds(db: Queryable, ids: readonly string[]): Promise<PersonRow[]> {
  return ids.length === 0
    ? []
    : db
        .select()
        .from(persons)
        .where(inArray(persons.id, [...ids]));
}

export async function insertPerson(db: Queryable, row: typeof persons.$inferInsert): Promise<PersonRow> {
  const [inserted] = await db.insert(persons).values(row).returning();
  return inserted as PersonRow;
}

export async function updatePerson(db: Queryable, id: string, patch: Partial<typeof persons.$inferInsert>) {
  const [updated] = await db.update(persons).set(patch).where(eq(persons.id, id)).returning();
  return updated as PersonRow;
}

// ─── Facts of one person ─────────────────────────────────────────────────────────────────────────────────────────

export const listNames = (db: Queryable, personId: string) =>
  db.select().from(personNames).where(eq(personNames.personId, personId)).orderBy(asc(personNames.createdAt));
export const listDocuments = (db: Queryable, personId: string) =>
  db
    .select()
    .from(travelDocuments)
    .where(eq(travelDocuments.personId, personId))
    .orderBy(desc(travelDocuments.expiryDate), asc(travelDocuments.createdAt));
export const listPermits = (db: Queryable, personId: string) =>
  db
    .select()
    .from(permits)
    .where(eq(permits.personId, personId))
    .orderBy(asc(permits.validFrom), asc(permits.createdAt));
export const listAddresses = (db: Queryable, personId: string) =>
  db
    .select()
    .from(addresses)
    .where(eq(addresses.personId, personId))
    .orderBy(asc(addresses.validFrom), asc(addresses.createdAt));
export const listClaims = (db: Queryable, personId: string) =>
  db
    .select()
    .from(identityClaims)
    .where(eq(identityClaims.personId, personId))
    .orderBy(asc(identityClaims.recordedAt), asc(identityClaims.createdAt));

export async function findName(db: Queryable, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(personNames)
    .where(and(eq(personNames.id, id), eq(personNames.personId, personId)));
  return row;
}
export async function findDocument(db: Queryable, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(travelDocuments)
    .where(and(eq(travelDocuments.id, id), eq(travelDocuments.personId, personId)));
  return row;
}
export async function findPermit(db: Queryable, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(permits)
    .where(and(eq(permits.id, id), eq(permits.personId, personId)));
  return row;
}
export async function findAddress(db: Queryable, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.personId, personId)));
  return row;
}

export async function insertNames(db: Queryable, rows: (typeof personNames.$inferInsert)[]): Promise<PersonNameRow[]> {
  return rows.length === 0 ? [] : db.insert(personNames).values(rows).returning();
}
export async function updateName(db: Queryable, id: string, patch: Partial<typeof personNames.$inferInsert>) {
  const [row] = await db.update(personNames).set(patch).where(eq(personNames.id, id)).returning();
  return row as PersonNameRow;
}
export async function insertDocument(db: Queryable, row: typeof travelDocuments.$inferInsert) {
  const [inserted] = await db.insert(travelDocuments).values(row).returning();
  return inserted as DocumentRow;
}
export async function updateDocument(db: Queryable, id: string, patch: Partial<typeof travelDocuments.$inferInsert>) {
  const [row] = await db.update(travelDocuments).set(patch).where(eq(travelDocuments.id, id)).returning();
  return row as DocumentRow;
}
export async function insertPermit(db: Queryable, row: typeof permits.$inferInsert) {
  const [inserted] = await db.insert(permits).values(row).returning();
  return inserted as PermitRow;
}
export async function updatePermit(db: Queryable, id: string, patch: Partial<typeof permits.$inferInsert>) {
  const [row] = await db.update(permits).set(patch).where(eq(permits.id, id)).returning();
  return row as PermitRow;
}
export async function insertAddress(db: Queryable, row: typeof addresses.$inferInsert) {
  const [inserted] = await db.insert(addresses).values(row).returning();
  return inserted as AddressRow;
}
export async function updateAddress(db: Queryable, id: string, patch: Partial<typeof addresses.$inferInsert>) {
  const [row] = await db.update(addresses).set(patch).where(eq(addresses.id, id)).returning();
  return row as AddressRow;
}
export async function insertClaim(db: Queryable, row: typeof identityClaims.$inferInsert) {
  const [inserted] = await db.insert(identityClaims).values(row).returning();
  return inserted as ClaimRow;
}
export async function supersedeClaims(db: Queryable, ids: readonly string[], at: Date) {
  if (ids.length > 0) {
    await db
      .update(identityClaims)
      .set({ supersededAt: at })
      .where(inArray(identityClaims.id, [...ids]));
  }
}

/** Marks the person's other current documents of the same type and issuing state that expire earlier as replaced. */
export async function supersedeOlderDocuments(db: Queryable, doc: DocumentRow, at: Date): Promise<string[]> {
  if (doc.expiryDate === null) {
    return [];
  }
  const rows = await db
    .update(travelDocuments)
    .set({ supersededAt: at, updatedAt: at })
    .where(
      and(
        eq(travelDocuments.personId, doc.personId),
        ne(travelDocuments.id, doc.id),
        eq(travelDocuments.type, doc.type),
        eq(travelDocuments.issuingState, doc.issuingState),
        isNull(travelDocuments.supersededAt),
        sql`${travelDocuments.expiryDate} < ${doc.expiryDate}`,
      ),
    )
    .returning({ id: travelDocuments.id });
  return rows.map((r) => r.id);
}

// ─── Name index ──────────────────────────────────────────────────────────────────────────────────────────────────

type NameParts = Pick<PersonNameRow, 'surname' | 'givenNames' | 'fullName'>;

/** The tokens a name is found by: its surname and given names, and the name as written (another script, or words
 * such as "bin" that the split leaves out), as one key string. */
export function nameKeyOf(name: NameParts): { key: string; tokens: string[]; tokenCount: number } {
  const split = postingTokens(name.surname, name.givenNames);
  const written = postingTokens(name.fullName ?? '', '');
  const tokens = [...new Set([...split.tokens, ...written.tokens])];
  return {
    key: tokens.join(' '),
    tokens,
    tokenCount: Math.max(split.tokenCount > 0 ? split.tokenCount : written.tokenCount, 1),
  };
}

/**
 * The name_keys ids of these names, creating the keys that are new. Batched: one statement for any number of names
 * (a second only when another transaction created one of the keys meanwhile). Only keys not yet stored are offered
 * to the insert: ON CONFLICT alone would take an id from the sequence for every existing key, and each node's
 * in-memory index catches up by id (person-search.repo.ts), so ids should leave few gaps.
 */
export async function ensureNameKeys(db: Queryable, names: readonly NameParts[]): Promise<number[]> {
  const keyed = names.map(nameKeyOf);
  const byKey = new Map(keyed.map((k) => [k.key, k.tokenCount]));
  const keys = [...byKey.keys()];
  if (keys.length === 0) {
    return [];
  }
  const wanted = sql`select * from unnest(${sql.param(keys)}::text[], ${sql.param(keys.map((k) => byKey.get(k) ?? 1))}::smallint[])
    as w(key, token_count)`;
  const rows = await selectPrepared<{ id: number; key: string }>(
    db,
    'persons.name_keys',
    sql`with wanted as (${wanted}),
      inserted as (
        insert into ${nameKeys} (key, token_count)
        select w.key, w.token_count from wanted w where not exists (select 1 from ${nameKeys} k where k.key = w.key)
        on conflict (key) do nothing
        returning id, key
      )
      select id, key from inserted
      union all select k.id, k.key from ${nameKeys} k join wanted w on w.key = k.key`,
  );
  const idOf = new Map(rows.map((r) => [r.key, r.id]));
  const missing = keys.filter((k) => !idOf.has(k));
  if (missing.length > 0) {
    const late = await selectRows<{ id: number; key: string }>(
      db,
      sql`select id, key from ${nameKeys} where key = any(${sql.param(missing)}::text[])`,
    );
    for (const r of late) {
      idOf.set(r.key, r.id);
    }
  }
  return keyed.map((k) => idOf.get(k.key) as number);
}

// ─── Search ──────────────────────────────────────────────────────────────────────────────────────────────────────

export type TodayByZone = { WIB: string; WITA: string; WIT: string };

export type PersonFilter = {
  region?: string | undefined;
  nationality?: string | undefined;
  permitType?: string | undefined;
  status?: PersonStatusCode | undefined;
  sponsorId?: string | undefined;
  /** status filters need the current day per zone and the expiring window */
  today: TodayByZone;
  expiringDays: number;
  /** null: the whole register (duplicate guard) */
  viewer: RegisterViewer | null;
};

function todayOf(today: TodayByZone): SQL {
  return sql`(case ${persons.timeZone} when 'WITA' then ${today.WITA}::date when 'WIT' then ${today.WIT}::date else ${today.WIB}::date end)`;
}

/** The status rule of person-status.ts (statusOf) over the kept columns, in the same order of precedence. */
function statusSql(status: PersonStatusCode, today: TodayByZone, expiringDays: number): SQL {
  const day = todayOf(today);
  const notExited = sql`${persons.exitedOn} is null`;
  const documentValid = sql`(${persons.documentExpiry} is null or ${persons.documentExpiry} >= ${day})`;
  const notOverstaying = sql`(${persons.permitValidUntil} is null or ${persons.permitValidUntil} >= ${day})`;
  switch (status) {
    case 'exited':
      return sql`${persons.exitedOn} is not null`;
    case 'overstay':
      return sql`${notExited} and ${persons.permitValidUntil} < ${day}`;
    case 'document_expired':
      return sql`${notExited} and ${notOverstaying} and ${persons.documentExpiry} < ${day}`;
    case 'expiring':
      return sql`${notExited} and ${documentValid} and ${persons.permitValidUntil} >= ${day}
        and ${persons.permitValidUntil} <= ${day} + ${expiringDays}::int`;
    case 'active':
      return sql`${notExited} and ${documentValid} and ${persons.permitType} is not null
        and (${persons.permitValidUntil} is null or ${persons.permitValidUntil} > ${day} + ${expiringDays}::int)`;
    case 'unknown':
      return sql`${notExited} and ${documentValid} and ${persons.permitType} is null`;
  }
}

function personWhere(filter: PersonFilter): SQL | undefined {
  return and(
    isNull(persons.mergedInto),
    filter.viewer ? personVisibleSql(filter.viewer) : undefined,
    filter.region ? withinAreaSql(persons.regionCode, filter.region) : undefined,
    filter.nationality ? eq(persons.nationality, filter.nationality) : undefined,
    filter.permitType ? eq(persons.permitType, filter.permitType) : undefined,
    filter.sponsorId ? eq(persons.sponsorId, filter.sponsorId) : undefined,
    filter.status ? statusSql(filter.status, filter.today, filter.expiringDays) : undefined,
  );
}

export type Page = { limit: number; offset: number };

/** Without a query: the filtered register in name order. */
export async function listPersons(db: Queryable, filter: PersonFilter, page: Page) {
  const where = personWhere(filter);
  const rows = await db
    .select()
    .from(persons)
    .where(where)
    .orderBy(asc(persons.surname), asc(persons.givenNames), asc(persons.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(persons).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

export type SearchHit = {
  personId: string;
  score: number;
  via: 'name' | 'document' | 'permit';
  personNameId: string | null;
  numberText: string | null;
  total: number;
};

/** Persons in the filter holding this travel document number (current or old) or permit number. */
export async function findNumberHolders(db: Queryable, number: string, filter: PersonFilter) {
  return selectRows<{ person_id: string; via: 'document' | 'permit'; number_text: string }>(
    db,
    sql`select h.person_id, h.via, h.number_text from (
        select d.person_id, 'document'::text as via, d.number as number_text
        from ${travelDocuments} d where d.number_norm = ${number}
        union all
        select pm.person_id, 'permit'::text, pm.number from ${permits} pm where pm.number_norm = ${number}
      ) h join ${persons} on ${persons.id} = h.person_id
      where ${personWhere(filter) ?? sql`true`}
      order by h.via, h.person_id`,
  );
}

/**
 * For each written name (name_keys id, in the order given), the first `perName` persons in the filter who bear it,
 * in person order — read from the (name_key_id, person_id) index, so a name borne by thousands costs `perName` rows.
 */
export async function findNameHolders(db: Queryable, keyIds: readonly number[], filter: PersonFilter, perName: number) {
  if (keyIds.length === 0) {
    return [];
  }
  return selectRows<{ ord: number; person_id: string; person_name_id: string }>(
    db,
    sql`select k.ord::int as ord, h.person_id, h.person_name_id
      from unnest(${sql.param(keyIds)}::int[]) with ordinality as k(name_key_id, ord)
      cross join lateral (
        select pn.person_id, pn.id as person_name_id
        from ${personNames} pn join ${persons} on ${persons.id} = pn.person_id
        where pn.name_key_id = k.name_key_id and ${personWhere(filter) ?? sql`true`}
        order by pn.person_id
        limit ${perName}
      ) h`,
  );
}

export async function findNamesByIds(db: Queryable, ids: readonly string[]): Promise<PersonNameRow[]> {
  return ids.length === 0
    ? []
    : db
        .select()
        .from(personNames)
        .where(inArray(personNames.id, [...ids]));
}

/** The current travel document shown in lists: a current passport (else identity document) expiring last. */
export async function findCurrentDocuments(db: Queryable, personIds: readonly string[]) {
  if (personIds.length === 0) {
    return new Map<string, DocumentRow>();
  }
  const rows = await db
    .select()
    .from(travelDocuments)
    .where(
      and(
        inArray(travelDocuments.personId, [...personIds]),
        isNull(travelDocuments.supersededAt),
        ne(travelDocuments.type, 'V'),
      ),
    )
    .orderBy(
      sql`(${travelDocuments.type} = 'P') desc`,
      sql`${travelDocuments.expiryDate} desc nulls last`,
      desc(travelDocuments.createdAt),
    );
  const byPerson = new Map<string, DocumentRow>();
  for (const row of rows) {
    if (!byPerson.has(row.personId)) {
      byPerson.set(row.personId, row);
    }
  }
  return byPerson;
}

// ─── Duplicate look-ups ──────────────────────────────────────────────────────────────────────────────────────────

/** Persons (not merged away) holding this document number from this state, current or old. */
export async function findDocumentHolders(db: Queryable, numberNorm: string, issuingState: string) {
  return db
    .selectDistinctOn([persons.id], { person: persons, number: travelDocuments.number })
    .from(travelDocuments)
    .innerJoin(persons, eq(persons.id, travelDocuments.personId))
    .where(
      and(
        eq(travelDocuments.numberNorm, numberNorm),
        eq(travelDocuments.issuingState, issuingState),
        isNull(persons.mergedInto),
      ),
    )
    .orderBy(persons.id);
}

// ─── Who viewed a person ─────────────────────────────────────────────────────────────────────────────────────────

/** Views of these records (a person and the records merged into them), newest first. */
export async function listViews(db: Queryable, personIds: readonly string[], limit: number) {
  const where = and(
    eq(auditLog.objectType, 'person'),
    inArray(auditLog.objectId, [...personIds]),
    eq(auditLog.action, 'person.view'),
  );
  const rows = await db
    .select({
      at: auditLog.at,
      actorName: auditLog.actorName,
      agencyId: auditLog.agencyId,
      purpose: auditLog.purpose,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}
