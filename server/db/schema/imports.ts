// Spreadsheet imports of the register: the uploaded file (kept until the import is done with, so that the dry run,
// the commit and the rejected-rows file all read the same bytes), its column mapping, the outcome and the row errors.
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ImportCounts, ImportField, ImportRowError } from '../../../contracts/register-import';

export type ImportActor = {
  userId: string;
  name: string;
  email: string;
  agencyId: string;
  roles: string[];
  scope: 'all' | string[];
  officeId: string | null;
};

import { users } from './auth';
import { agencies } from './orgs';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const registerImports = pgTable(
  'register_imports',
  {
    id: uuid('id').primaryKey(),
    fileName: text('file_name').notNull(),
    /** csv | xlsx */
    format: text('format').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 of the bytes, hex: the same file imported twice by one agency changes nothing */
    fileHash: text('file_hash').notNull(),
    content: bytea('content').notNull(),
    /** uploaded | checked | queued | running | committed | failed */
    status: text('status').notNull(),
    headerRow: integer('header_row').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    detectedMapping: jsonb('detected_mapping').$type<(ImportField | null)[]>().notNull(),
    mapping: jsonb('mapping').$type<(ImportField | null)[]>().notNull(),
    dataRows: integer('data_rows').notNull(),
    /** the CSV separator, so that the rejected rows come back the same way */
    delimiter: text('delimiter').notNull().default(','),
    counts: jsonb('counts').$type<ImportCounts>(),
    errors: jsonb('errors').$type<ImportRowError[]>().notNull().default(sql`'[]'::jsonb`),
    processedRows: integer('processed_rows').notNull().default(0),
    failure: text('failure'),
    /** who imports: their user and agency are the source of every fact; their scope (taken at commit) limits rows */
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** the importer as they were when they committed (roles, scope): a background commit acts with it */
    actor: jsonb('actor').$type<ImportActor>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('register_imports_format_ck', sql`${t.format} in ('csv', 'xlsx')`),
    check(
      'register_imports_status_ck',
      sql`${t.status} in ('uploaded', 'checked', 'queued', 'running', 'committed', 'failed')`,
    ),
    index('register_imports_hash_idx').on(t.agencyId, t.fileHash),
    index('register_imports_agency_idx').on(t.agencyId, t.createdAt),
  ],
);
