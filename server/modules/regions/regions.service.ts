// Kemendagri areas: search by name (case-, accent- and typo-tolerant), children of an area, one area with ancestors.
// Areas are public reference data (the self-registration of accommodations needs them before any account exists).
import type { z } from 'zod';
import type { RegionItem, regionDetail, regionListQuery } from '../../../contracts/regions';
import type { Queryable } from '../../db/client';
import { AppError } from '../../platform/errors';
import { normaliseForSearch } from './regions.loader';
import * as repo from './regions.repo';

/** "16.72.01.2001" → ["16", "16.72", "16.72.01"] */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** How officers write an area in a list: "Kec. Dempo Utara", "Desa Muara Siban", "Kel. Pagar Alam". */
export function shortName(row: { level: number; code: string; name: string }): string {
  switch (row.level) {
    case 2:
      return row.name.replace(/^Kabupaten /, 'Kab. ');
    case 3:
      return `Kec. ${row.name}`;
    case 4:
      return `${row.code.split('.')[3]?.startsWith('1') ? 'Kel.' : 'Desa'} ${row.name}`;
    default:
      return row.name;
  }
}

export function regionLabel(row: repo.RegionRow, byCode: ReadonlyMap<string, repo.RegionRow>): string {
  const chain = [
    row,
    ...ancestorCodes(row.code)
      .reverse()
      .map((c) => byCode.get(c))
      .filter((r) => r !== undefined),
  ];
  return chain.map(shortName).join(', ');
}

async function present(db: Queryable, rows: repo.RegionRow[]): Promise<RegionItem[]> {
  const wanted = new Set(rows.flatMap((r) => ancestorCodes(r.code)));
  const ancestors = await repo.findRegions(db, [...wanted]);
  const byCode = new Map(ancestors.map((a) => [a.code, a]));
  return rows.map((r) => ({
    code: r.code,
    level: r.level,
    name: r.name,
    parentCode: r.parentCode,
    label: regionLabel(r, byCode),
  }));
}

const levelWords: Record<string, number> = {
  prov: 1,
  provinsi: 1,
  kab: 2,
  kabupaten: 2,
  kec: 3,
  kecamatan: 3,
  desa: 4,
  kel: 4,
  kelurahan: 4,
};

/** "kec dempo" → level 3, "dempo"; "kab lahat" → level 2, "kabupaten lahat". */
export function parseRegionQuery(q: string): { text: string; level?: number } {
  const words = normaliseForSearch(q).split(' ').filter(Boolean);
  const first = words[0];
  const level = first ? levelWords[first] : undefined;
  if (level === undefined || words.length < 2) {
    return { text: words.join(' ') };
  }
  const rest = words.slice(1).join(' ');
  return level === 2 ? { text: `kabupaten ${rest}`, level } : { text: rest, level };
}

export async function listRegions(db: Queryable, query: z.infer<typeof regionListQuery>): Promise<RegionItem[]> {
  if (query.parent) {
    return present(db, await repo.listChildren(db, query.parent, query.limit));
  }
  if (!query.q) {
    return present(db, await repo.listByLevel(db, query.level ?? 1, query.within, query.limit));
  }
  const parsed = parseRegionQuery(query.q);
  if (!parsed.text) {
    return [];
  }
  const rows = await repo.searchRegions(db, parsed.text, {
    level: query.level ?? parsed.level,
    within: query.within,
    limit: query.limit,
  });
  return present(db, rows);
}

export async function getRegion(db: Queryable, code: string): Promise<z.infer<typeof regionDetail>> {
  const row = await repo.findRegion(db, code);
  if (!row) {
    throw new AppError('REGION_NOT_FOUND', 'no such area', { code });
  }
  const [item] = await present(db, [row]);
  const ancestors = (await repo.findRegions(db, ancestorCodes(code))).sort((a, b) => a.level - b.level);
  return {
    ...(item as RegionItem),
    ancestors: ancestors.map((a) => ({ code: a.code, level: a.level, name: a.name })),
    childCount: await repo.countChildren(db, code),
  };
}

/** Checks that codes exist (for modules that store area codes). Returns the unknown ones. */
export async function unknownRegionCodes(db: Queryable, codes: readonly string[]): Promise<string[]> {
  const found = new Set((await repo.findRegions(db, codes)).map((r) => r.code));
  return codes.filter((c) => !found.has(c));
}
