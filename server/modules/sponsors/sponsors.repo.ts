// SQL of sponsors. A sponsor is visible where its area lies in the viewer's scope, to the agency that recorded it, and
// wherever a person it sponsors is visible; the last needs the persons table, which the register shares.
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Queryable, selectRows } from '../../db/client';
import { persons, sponsors } from '../../db/schema/register';
import { normaliseName } from '../persons/person-names';
import { inScopeSql, personVisibleSql, type RegisterViewer, withinAreaSql } from '../persons/persons.scope';

export type SponsorRow = typeof sponsors.$inferSelect;

function sponsorVisibleSql(viewer: RegisterViewer): SQL | undefined {
  if (viewer.scope === 'all') {
    return undefined;
  }
  return or(
    inScopeSql(sponsors.regionCode, viewer.scope),
    viewer.agencyId ? eq(sponsors.recordedByAgencyId, viewer.agencyId) : undefined,
    sql`exists (select 1 from ${persons} where ${persons.sponsorId} = ${sponsors.id}
      and ${persons.mergedInto} is null and ${personVisibleSql(viewer) ?? sql`true`})`,
  );
}

/** Every word of q occurs in the normalised name, or q is the registration number. */
function matchesQuery(q: string | undefined): SQL | undefined {
  if (!q) {
    return undefined;
  }
  const words = normaliseName(q).split(' ').filter(Boolean).slice(0, 10);
  const byName =
    words.length > 0 ? and(...words.map((w) => sql`strpos(${sponsors.searchName}, ${w}::text) > 0`)) : undefined;
  return or(byName, eq(sponsors.registrationNo, q.trim()));
}

export type SponsorFilter = {
  q?: string | undefined;
  kind?: string | undefined;
  region?: string | undefined;
  includeArchived: boolean;
  viewer: RegisterViewer;
};

export async function listSponsors(db: Queryable, filter: SponsorFilter, page: { limit: number; offset: number }) {
  const where = and(
    sponsorVisibleSql(filter.viewer),
    matchesQuery(filter.q),
    filter.kind ? eq(sponsors.kind, filter.kind) : undefined,
    filter.region ? withinAreaSql(sponsors.regionCode, filter.region) : undefined,
    filter.includeArchived ? undefined : isNull(sponsors.archivedAt),
  );
  const rows = await db
    .select()
    .from(sponsors)
    .where(where)
    .orderBy(asc(sponsors.searchName), asc(sponsors.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(sponsors).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findSponsor(db: Queryable, id: string): Promise<SponsorRow | undefined> {
  const [row] = await db.select().from(sponsors).where(eq(sponsors.id, id)).limit(1);
  return row;
}

export async function isSponsorVisible(db: Queryable, id: string, viewer: RegisterViewer): Promise<boolean> {
  const [row] = await db
    .select({ id: sponsors.id })
    .from(sponsors)
    .where(and(eq(sponsors.id, id), sponsorVisibleSql(viewer)))
    .limit(1);
  return row !== undefined;
}

export async function findSponsorsByIds(db: Queryable, ids: readonly string[]): Promise<SponsorRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db
    .select()
    .from(sponsors)
    .where(inArray(sponsors.id, [...new Set(ids)]));
}

/** Sponsors by exact normalised name (not archived), oldest first: the import reuses a sponsor rather than adding a
 * second one with the same name. */
export async function findSponsorIdsByName(db: Queryable, names: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.map(normaliseName).filter(Boolean))];
  const found = new Map<string, string>();
  if (wanted.length === 0) {
    return found;
  }
  const rows = await selectRows<{ id: string; search_name: string }>(
    db,
    sql`select distinct on (search_name) id, search_name from ${sponsors}
        where archived_at is null and search_name = any(${sql.param(wanted)}::text[])
        order by search_name, created_at, id`,
  );
  for (const r of rows) {
    found.set(r.search_name, r.id);
  }
  return found;
}

export async function insertSponsor(db: Queryable, row: typeof sponsors.$inferInsert): Promise<SponsorRow> {
  const [inserted] = await db.insert(sponsors).values(row).returning();
  return inserted as SponsorRow;
}

export async function updateSponsor(db: Queryable, id: string, patch: Partial<typeof sponsors.$inferInsert>) {
  const [updated] = await db.update(sponsors).set(patch).where(eq(sponsors.id, id)).returning();
  return updated as SponsorRow;
}

/** Persons the viewer sees, per sponsor (their current sponsor). */
export async function countVisiblePersons(
  db: Queryable,
  sponsorIds: readonly string[],
  viewer: RegisterViewer,
): Promise<Map<string, number>> {
  if (sponsorIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ sponsorId: persons.sponsorId, n: sql<number>`count(*)::int` })
    .from(persons)
    .where(and(inArray(persons.sponsorId, [...sponsorIds]), isNull(persons.mergedInto), personVisibleSql(viewer)))
    .groupBy(persons.sponsorId);
  return new Map(rows.map((r) => [r.sponsorId as string, Number(r.n)]));
}
