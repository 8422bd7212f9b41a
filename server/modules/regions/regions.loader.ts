// Loads the Kemendagri areas shipped by idn-area-data (provinces, regencies/cities, districts, villages).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { regions } from '../../db/schema/regions';

const require = createRequire(import.meta.url);

type RegionRow = typeof regions.$inferInsert;

export function normaliseForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "KABUPATEN MUARA ENIM" → "Kabupaten Muara Enim"; names already in mixed case are kept. */
export function displayName(name: string): string {
  if (name !== name.toUpperCase()) {
    return name;
  }
  return name.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function dataDir(): string {
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

export function readAreaRows(): RegionRow[] {
  const dir = dataDir();
  const read = (file: string) =>
    parse(readFileSync(path.join(dir, file)), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<
      string,
      string
    >[];
  const rows: RegionRow[] = [];
  const add = (level: number, code: string | undefined, name: string | undefined, parentCode: string | null) => {
    if (!code || !name) {
      return;
    }
    // The source writes some apostrophes as double quotes (Soka"an).
    const shown = displayName(name.trim().replaceAll('"', "'"));
    rows.push({ code, level, name: shown, parentCode, searchName: normaliseForSearch(shown) });
  };
  for (const r of read('provinces.csv')) {
    add(1, r.code, r.name, null);
  }
  for (const r of read('regencies.csv')) {
    add(2, r.code, r.name, r.province_code ?? null);
  }
  for (const r of read('districts.csv')) {
    add(3, r.code, r.name, r.regency_code ?? null);
  }
  for (const r of read('villages.csv')) {
    add(4, r.code, r.name, r.district_code ?? null);
  }
  return rows;
}

/** Inserts missing areas and renames changed ones; idempotent, so it runs at every start. */
export async function loadRegions(db: Queryable): Promise<{ total: number }> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  const rows = readAreaRows();
  if ((existing?.n ?? 0) === rows.length) {
    return { total: rows.length };
  }
  const chunk = 2000;
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insert(regions)
      .values(rows.slice(i, i + chunk))
      .onConflictDoUpdate({
        target: regions.code,
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          searchName: sql`excluded.search_name`,
        },
      });
  }
  // Fresh statistics, or the planner misjudges the trigram index on a newly filled table.
  await db.execute(sql`analyze regions`);
  return { total: rows.length };
}
