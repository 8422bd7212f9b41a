// Kemendagri administrative areas (PP.KK.CC.DDDD), loaded from idn-area-data.
import { sql } from 'drizzle-orm';
import { index, pgTable, smallint, text } from 'drizzle-orm/pg-core';

export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    /** 1 province, 2 regency/city, 3 district, 4 village. */
    level: smallint('level').notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    /** lower-cased, accent-free name used for search (kept by the loader). */
    searchName: text('search_name').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_search_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
  ],
);
