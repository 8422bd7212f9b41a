// SQL of the register: persons and their facts, the name-token index, the search, the duplicate look-ups and the
// "who viewed it" list (from the audit log). Scope and status rules arrive here as WHERE clauses.
import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { PersonStatusCode } from '../../../contracts/persons';
import { type Queryable, selectRows } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import {
  addresses,
  identityClaims,
  nameKeys,
  nameKeyTokens,
  nameTokens,
  nameTokenVariants,
  permits,
  personNames,
  persons,
  travelDocuments,
} from '../../db/schema/register';
import { deletionVariants, phoneticKey, postingTokens } from './person-names';
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
 * The name_keys ids of these names, creating the keys that are new with their postings (and new distinct tokens
 * with their phonetic key and deletion variants). Batched: a handful of statements for any number of names.
 */
export async function ensureNameKeys(db: Queryable, names: readonly NameParts[]): Promise<number[]> {
  const keyed = names.map(nameKeyOf);
  const byKey = new Map(keyed.map((k) => [k.key, k]));
  const keys = [...byKey.keys()];
  if (keys.length === 0) {
    return [];
  }
  const created = await selectRows<{ id: number; key: string }>(
    db,
    sql`insert into ${nameKeys} (key, token_count)
        select * from unnest(${sql.param(keys)}::text[], ${sql.param(keys.map((k) => byKey.get(k)?.tokenCount ?? 1))}::smallint[])
        on conflict (key) do nothing
        returning id, key`,
  );
  if (created.length > 0) {
    const tokens = [...new Set(created.flatMap((c) => byKey.get(c.key)?.tokens ?? []))];
    const newTokens = await selectRows<{ id: number; token: string }>(
      db,
      sql`insert into ${nameTokens} (token, phonetic)
          select * from unnest(${sql.param(tokens)}::text[], ${sql.param(tokens.map(phoneticKey))}::text[])
          on conflict (token) do nothing
          returning id, token`,
    );
    const variants = newTokens.flatMap((t) => deletionVariants(t.token).map((v) => ({ variant: v, tokenId: t.id })));
    for (let i = 0; i < variants.length; i += 5000) {
      const chunk = variants.slice(i, i + 5000);
      await db.execute(sql`insert into ${nameTokenVariants} (variant, token_id)
        select * from unnest(${sql.param(chunk.map((v) => v.variant))}::text[], ${sql.param(chunk.map((v) => v.tokenId))}::int[])
        on conflict do nothing`);
    }
    const ids = await selectRows<{ id: number; token: string }>(
      db,
      sql`select id, token from ${nameTokens} where token = any(${sql.param(tokens)}::text[])`,
    );
    const tokenId = new Map(ids.map((r) => [r.token, r.id]));
    const postings = created.flatMap((c) =>
      (byKey.get(c.key)?.tokens ?? []).map((t) => [tokenId.get(t) as number, c.id]),
    );
    for (let i = 0; i < postings.length; i += 5000) {
      const chunk = postings.slice(i, i + 5000);
      await db.execute(sql`insert into ${nameKeyTokens} (token_id, name_key_id)
        select * from unnest(${sql.param(chunk.map((p) => p[0]))}::int[], ${sql.param(chunk.map((p) => p[1]))}::int[])
        on conflict do nothing`);
    }
  }
  const rows = await selectRows<{ id: number; key: string }>(
    db,
    sql`select id, key from ${nameKeys} where key = any(${sql.param(keys)}::text[])`,
  );
  const idOf = new Map(rows.map((r) => [r.key, r.id]));
  return keyed.map((k) => idOf.get(k.key) as number);
}

// ─── Search ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Stored tokens that may be a query token: equal, one edit apart (symmetric deletions), same phonetic key,
 * trigram-similar (longer tokens, two or more typos) or starting with it (a name typed partly). Each arm is an index
 * look-up; their union is small and is scored precisely by the caller (person-search.ts). */
export async function findTokenCandidates(
  db: Queryable,
  units: readonly { text: string; phonetic: string | null; variants: readonly string[] }[],
): Promise<{ ui: number; id: number; token: string }[]> {
  const texts = units.map((u) => u.text);
  const variantTexts = units.flatMap((u) => u.variants);
  const variantUnits = units.flatMap((u, i) => u.variants.map(() => i + 1));
  const phonetics = units.flatMap((u) => (u.phonetic ? [u.phonetic] : []));
  const phoneticUnits = units.flatMap((u, i) => (u.phonetic ? [i + 1] : []));
  return selectRows(
    db,
    sql`with u as (select * from unnest(${sql.param(texts)}::text[]) with ordinality as u(txt, ui)),
      v as (select * from unnest(${sql.param(variantTexts)}::text[], ${sql.param(variantUnits)}::int[]) as v(variant, ui)),
      ph as (select * from unnest(${sql.param(phonetics)}::text[], ${sql.param(phoneticUnits)}::int[]) as ph(key, ui))
    select distinct ui::int as ui, id, token from (
      select u.ui, t.id, t.token from u join name_tokens t on t.token = u.txt
      union all select v.ui, t.id, t.token from v join name_tokens t on t.token = v.variant
      union all select u.ui, t.id, t.token from u join name_token_variants d on d.variant = u.txt
        join name_tokens t on t.id = d.token_id
      union all select v.ui, t.id, t.token from v join name_token_variants d on d.variant = v.variant
        join name_tokens t on t.id = d.token_id
      union all select ph.ui, t.id, t.token from ph join name_tokens t on t.phonetic = ph.key
      union all select u.ui, t.id, t.token from u cross join lateral (
        select id, token from name_tokens where token % u.txt order by similarity(token, u.txt) desc limit 30) t
        where char_length(u.txt) >= 5
      union all select u.ui, t.id, t.token from u cross join lateral (
        select id, token from name_tokens where token like u.txt || '%' order by char_length(token) limit 30) t
        where char_length(u.txt) >= 3
    ) c`,
  );
}

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

export type TokenMatch = { tokenId: number; unit: number; score: number };

/** Distinct written names ranked before their holders are looked up: beyond this many, the list is cut. */
const maxRankedNames = 500;

export type SearchHit = {
  personId: string;
  score: number;
  via: 'name' | 'document' | 'permit';
  personNameId: string | null;
  numberText: string | null;
  total: number;
};

/**
 * Ranks distinct written names by how well they cover the query — for each query position the best token match,
 * summed and divided by the number of positions, less a little for every extra word of the name; a pair unit (two
 * query words joined) covers both positions — and lists the persons holding the best 500 of them, each with their
 * best name. An exact document number (current or old) or permit number scores 2. The total counts what was ranked.
 */
export async function searchPersons(
  db: Queryable,
  query: {
    matches: readonly TokenMatch[];
    /** the positions each unit covers: [from, to] */
    units: readonly (readonly [number, number])[];
    positions: number;
    number: string | null;
    minScore: number;
  },
  filter: PersonFilter,
  page: Page,
): Promise<SearchHit[]> {
  const m = query.matches;
  const n = query.positions;
  const nameArm =
    m.length > 0 && n > 0
      ? sql`select pn.person_id, pn.id as person_name_id, keys.score, 'name'::text as via, null::text as number_text
          from (
            select scored.name_key_id, scored.score from (
              select b.name_key_id, sum(b.s) / ${n}::float8 - 0.03 * greatest(k.token_count - ${n}::int, 0) as score
              from (
                select h.name_key_id, x.pos, max(h.s) as s
                from (
                  select nkt.name_key_id, m.ui, max(m.s) as s
                  from unnest(${sql.param(m.map((x) => x.tokenId))}::int[], ${sql.param(m.map((x) => x.unit))}::int[],
                    ${sql.param(m.map((x) => x.score))}::float8[]) as m(token_id, ui, s)
                  join ${nameKeyTokens} nkt on nkt.token_id = m.token_id
                  group by 1, 2
                ) h
                join unnest(${sql.param(query.units.map((u) => u[0]))}::int[], ${sql.param(query.units.map((u) => u[1]))}::int[])
                  with ordinality as u(pa, pb, ui) on u.ui = h.ui
                cross join lateral (values (u.pa), (u.pb)) as x(pos)
                group by 1, 2
              ) b
              join ${nameKeys} k on k.id = b.name_key_id
              group by b.name_key_id, k.token_count
            ) scored
            where scored.score >= ${query.minScore}
            order by scored.score desc
            limit ${maxRankedNames}
          ) keys
          join ${personNames} pn on pn.name_key_id = keys.name_key_id`
      : undefined;
  const numberArm = query.number
    ? sql`select d.person_id, null::uuid as person_name_id, 2.0::float8 as score, 'document'::text as via,
          d.number as number_text
        from ${travelDocuments} d where d.number_norm = ${query.number}
        union all
        select pm.person_id, null::uuid, 2.0::float8, 'permit'::text, pm.number
        from ${permits} pm where pm.number_norm = ${query.number}`
    : undefined;
  const arms = [nameArm, numberArm].filter((a): a is SQL => a !== undefined);
  if (arms.length === 0) {
    return [];
  }
  const where = personWhere(filter);
  const rows = await selectRows<{
    person_id: string;
    person_name_id: string | null;
    score: number;
    via: SearchHit['via'];
    number_text: string | null;
    total: number;
  }>(
    db,
    sql`with hits as (${sql.join(arms, sql` union all `)}),
      best as (
        select distinct on (person_id) person_id, person_name_id, score, via, number_text from hits
        order by person_id, score desc
      )
      select best.*, count(*) over ()::int as total
      from best join ${persons} on ${persons.id} = best.person_id
      where ${where ?? sql`true`}
      order by best.score desc, ${persons.surname}, ${persons.givenNames}, ${persons.id}
      limit ${page.limit} offset ${page.offset}`,
  );
  return rows.map((r) => ({
    personId: r.person_id,
    score: Number(r.score),
    via: r.via,
    personNameId: r.person_name_id,
    numberText: r.number_text,
    total: Number(r.total),
  }));
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

export async function listViews(db: Queryable, personId: string, limit: number) {
  const where = and(
    eq(auditLog.objectType, 'person'),
    eq(auditLog.objectId, personId),
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
