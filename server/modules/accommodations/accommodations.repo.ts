// SQL of accommodations, their operators and their API keys.
import { and, asc, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { accommodationApiKeys, accommodationOperators, accommodations } from '../../db/schema/accommodations';
import { users } from '../../db/schema/auth';
import type { Scope } from '../../platform/access';
import { inScopeSql, withinAreaSql } from '../persons/persons.scope';

export type AccommodationRow = typeof accommodations.$inferSelect;
export type ApiKeyRow = typeof accommodationApiKeys.$inferSelect;

export type AccommodationFilter = { q?: string; status?: string; kind?: string; area?: string; scope: Scope };

function matches(filter: AccommodationFilter): SQL | undefined {
  const words = (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  return and(
    inScopeSql(accommodations.villageCode, filter.scope),
    filter.status ? eq(accommodations.status, filter.status) : undefined,
    filter.kind ? eq(accommodations.kind, filter.kind) : undefined,
    filter.area ? withinAreaSql(accommodations.villageCode, filter.area) : undefined,
    ...words.map(
      (w) =>
        sql`(strpos(lower(unaccent(${accommodations.name})), lower(unaccent(${w}::text))) > 0 or ${accommodations.nib} = ${w})`,
    ),
  );
}

export async function listAccommodations(
  db: Queryable,
  filter: AccommodationFilter,
  page: { limit: number; offset: number },
) {
  const where = matches(filter);
  // Pending registrations first: they are the office's work.
  const rows = await db
    .select()
    .from(accommodations)
    .where(where)
    .orderBy(
      sql`case ${accommodations.status} when 'pending' then 0 else 1 end`,
      asc(accommodations.name),
      asc(accommodations.id),
    )
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(accommodations).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** `lock` (inside a transaction that writes it): the row is held until the commit, so two edits or decisions at once
 * apply one after the other and each audits the values it replaced. */
export async function findAccommodation(
  db: Queryable,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<AccommodationRow | undefined> {
  const query = db.select().from(accommodations).where(eq(accommodations.id, id)).limit(1);
  const [row] = opts.lock ? await query.for('update') : await query;
  return row;
}

export async function insertAccommodation(db: Queryable, row: typeof accommodations.$inferInsert) {
  await db.insert(accommodations).values(row);
}

export async function updateAccommodation(
  db: Queryable,
  id: string,
  patch: Partial<typeof accommodations.$inferInsert>,
): Promise<AccommodationRow> {
  const [row] = await db.update(accommodations).set(patch).where(eq(accommodations.id, id)).returning();
  return row as AccommodationRow;
}

/** A live (not rejected) property with this NIB and name, other than `exceptId`. */
export async function findLiveDuplicate(db: Queryable, nib: string, nameKey: string, exceptId?: string) {
  const [row] = await db
    .select({ id: accommodations.id })
    .from(accommodations)
    .where(
      and(
        eq(accommodations.nib, nib),
        eq(accommodations.nameKey, nameKey),
        sql`${accommodations.status} <> 'rejected'`,
        exceptId ? sql`${accommodations.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row;
}

/** The account with this e-mail, if any: what verification decides on (open one, link it, or refuse). */
export async function findAccountByEmail(db: Queryable, email: string) {
  const [row] = await db
    .select({ id: users.id, roles: users.roles, status: users.status })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row;
}

// ─── Operators ───────────────────────────────────────────────────────────────────────────────────────────────────

export async function linkOperator(db: Queryable, accommodationId: string, userId: string, now: Date) {
  await db.insert(accommodationOperators).values({ accommodationId, userId, createdAt: now }).onConflictDoNothing();
}

export async function isOperatorOf(db: Queryable, accommodationId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: accommodationOperators.userId })
    .from(accommodationOperators)
    .where(and(eq(accommodationOperators.accommodationId, accommodationId), eq(accommodationOperators.userId, userId)))
    .limit(1);
  return row !== undefined;
}

export async function listOperatedAccommodations(db: Queryable, userId: string): Promise<AccommodationRow[]> {
  const rows = await db
    .select({ accommodation: accommodations })
    .from(accommodationOperators)
    .innerJoin(accommodations, eq(accommodations.id, accommodationOperators.accommodationId))
    .where(eq(accommodationOperators.userId, userId))
    .orderBy(asc(accommodations.name));
  return rows.map((r) => r.accommodation);
}

export async function listOperators(db: Queryable, accommodationId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(accommodationOperators)
    .innerJoin(users, eq(users.id, accommodationOperators.userId))
    .where(eq(accommodationOperators.accommodationId, accommodationId))
    .orderBy(asc(users.name));
}

// ─── API keys ────────────────────────────────────────────────────────────────────────────────────────────────────

export async function insertApiKey(db: Queryable, row: typeof accommodationApiKeys.$inferInsert) {
  const [inserted] = await db.insert(accommodationApiKeys).values(row).returning();
  return inserted as ApiKeyRow;
}

export async function listApiKeys(db: Queryable, accommodationId: string): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(accommodationApiKeys)
    .where(eq(accommodationApiKeys.accommodationId, accommodationId))
    .orderBy(sql`${accommodationApiKeys.revokedAt} is not null`, desc(accommodationApiKeys.createdAt));
}

export async function findApiKey(db: Queryable, accommodationId: string, keyId: string) {
  const [row] = await db
    .select()
    .from(accommodationApiKeys)
    .where(and(eq(accommodationApiKeys.id, keyId), eq(accommodationApiKeys.accommodationId, accommodationId)))
    .limit(1);
  return row;
}

export async function revokeApiKey(db: Queryable, keyId: string, now: Date, userId: string | null) {
  const [row] = await db
    .update(accommodationApiKeys)
    .set({ revokedAt: now, revokedBy: userId })
    .where(and(eq(accommodationApiKeys.id, keyId), isNull(accommodationApiKeys.revokedAt)))
    .returning();
  return row;
}

/** The key by its token hash, with the status of its property: one indexed look-up per keyed request. */
export type KeyForAuthentication = NonNullable<Awaited<ReturnType<typeof findKeyForAuthentication>>>;

export async function findKeyForAuthentication(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select({
      id: accommodationApiKeys.id,
      name: accommodationApiKeys.name,
      accommodationId: accommodationApiKeys.accommodationId,
      revokedAt: accommodationApiKeys.revokedAt,
      lastUsedAt: accommodationApiKeys.lastUsedAt,
      accommodationName: accommodations.name,
      accommodationStatus: accommodations.status,
      accommodationVillageCode: accommodations.villageCode,
      accommodationAddress: accommodations.address,
    })
    .from(accommodationApiKeys)
    .innerJoin(accommodations, eq(accommodations.id, accommodationApiKeys.accommodationId))
    .where(eq(accommodationApiKeys.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Conditional, so that concurrent requests on several nodes write at most once a minute between them. */
export async function touchApiKey(db: Queryable, keyId: string, now: Date, notBefore: Date) {
  await db
    .update(accommodationApiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(accommodationApiKeys.id, keyId),
        or(isNull(accommodationApiKeys.lastUsedAt), lt(accommodationApiKeys.lastUsedAt, notBefore)),
      ),
    );
}
