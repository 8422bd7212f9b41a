// SQL of area lookups. Search runs on the trigram index of the normalised name.
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { regions } from '../../db/schema/regions';

export type RegionRow = typeof regions.$inferSelect;

export async function findRegions(db: Queryable, codes: readonly string[]): Promise<RegionRow[]> {
  if (codes.length === 0) {
    return [];
  }
  return db
    .select()
    .from(regions)
    .where(inArray(regions.code, [...codes]));
}

export async function findRegion(db: Queryable, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

export async function countChildren(db: Queryable, code: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions).where(eq(regions.parentCode, code));
  return row?.n ?? 0;
}

export async function listChildren(db: Queryable, parent: string, limit: number): Promise<RegionRow[]> {
  return db.select().from(regions).where(eq(regions.parentCode, parent)).orderBy(asc(regions.name)).limit(limit);
}

export async function listByLevel(db: Queryable, level: number, within: string | undefined, limit: number) {
  return db
    .select()
    .from(regions)
    .where(and(eq(regions.level, level), withinFilter(within)))
    .orderBy(asc(regions.code))
    .limit(limit);
}

function withinFilter(within: string | undefined) {
  return within ? or(eq(regions.code, within), like(regions.code, `${within}.%`)) : undefined;
}

/**
 * Exact (ignoring "Kabupaten"/"Kota" and spaces), then prefix (of the name or of any word in it), then fuzzy word similarity; higher levels first on ties
 * so "lahat" offers Kabupaten Lahat before the villages named Lahat.
 */
export async function searchRegions(
  db: Queryable,
  q: string,
  opts: { level?: number | undefined; within?: string | undefined; limit: number },
): Promise<RegionRow[]> {
  const prefix = `${q}%`;
  const wordPrefix = `% ${q}%`;
  const score = sql<number>`word_similarity(${q}, ${regions.searchName})`;
  // "Kota Pagar Alam" is what people mean by "pagar alam", and "pagaralam" too.
  const core = sql`regexp_replace(${regions.searchName}, '^(kabupaten|kota) ', '')`;
  const compact = q.replaceAll(' ', '');
  return db
    .select({
      code: regions.code,
      level: regions.level,
      name: regions.name,
      parentCode: regions.parentCode,
      searchName: regions.searchName,
    })
    .from(regions)
    .where(
      and(
        // A union keeps each arm on the trigram index; an OR of them makes the planner scan the table.
        sql`${regions.code} in (
          select code from regions where search_name like ${prefix}
          union select code from regions where search_name like ${wordPrefix}
          union select code from regions where ${q} <% search_name)`,
        opts.level ? eq(regions.level, opts.level) : undefined,
        withinFilter(opts.within),
      ),
    )
    .orderBy(
      sql`(${regions.searchName} = ${q} or ${core} = ${q} or replace(${core}, ' ', '') = ${compact}) desc`,
      sql`(${regions.searchName} like ${prefix} or ${regions.searchName} like ${wordPrefix}) desc`,
      sql`round((${score})::numeric, 1) desc`,
      asc(regions.level),
      sql`${score} desc`,
      asc(regions.code),
    )
    .limit(opts.limit);
}
