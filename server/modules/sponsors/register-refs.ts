// Reference data the register shows next to its facts: areas with the label people read, and the names of the
// agencies and users a fact came from. Read-only look-ups of other modules' reference tables, batched per page.
import { inArray } from 'drizzle-orm';
import type { RegionLabelRef } from '../../../contracts/sponsors';
import type { Queryable } from '../../db/client';
import { users } from '../../db/schema/auth';
import { agencies } from '../../db/schema/orgs';
import { regions } from '../../db/schema/regions';
import { ancestorCodes, regionLabel } from '../regions/regions.service';

const unique = (values: readonly (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => typeof v === 'string')),
];

/** Areas by code with their label ("Desa Muara Siban, Kec. Dempo Utara, Kota Pagar Alam, Sumatera Selatan"). */
export async function findRegionLabels(
  db: Queryable,
  codes: readonly (string | null | undefined)[],
): Promise<Map<string, RegionLabelRef>> {
  const wanted = unique(codes);
  if (wanted.length === 0) {
    return new Map();
  }
  const all = unique([...wanted, ...wanted.flatMap(ancestorCodes)]);
  const rows = await db.select().from(regions).where(inArray(regions.code, all));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const result = new Map<string, RegionLabelRef>();
  for (const code of wanted) {
    const row = byCode.get(code);
    if (row) {
      result.set(code, { code, name: row.name, level: row.level, label: regionLabel(row, byCode) });
    }
  }
  return result;
}

/** The codes among `codes` that are not areas. */
export async function unknownRegionCodes(db: Queryable, codes: readonly string[]): Promise<string[]> {
  const wanted = unique(codes);
  if (wanted.length === 0) {
    return [];
  }
  const rows = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, wanted));
  const found = new Set(rows.map((r) => r.code));
  return wanted.filter((c) => !found.has(c));
}

export type IdName = { id: string; name: string };

export async function findAgencyNames(
  db: Queryable,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, IdName>> {
  const wanted = unique(ids);
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findUserNames(
  db: Queryable,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, IdName>> {
  const wanted = unique(ids);
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The agency's area: a person recorded without an address takes the time zone of the agency that recorded them. */
export async function findAgencyRegion(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db
    .select({ regionCode: agencies.regionCode })
    .from(agencies)
    .where(inArray(agencies.id, [id]));
  return row?.regionCode ?? null;
}
