// Code tables: versioned reference data with Indonesian and English labels (agency kinds, team levels, countries…).
// The API speaks codes; the web app shows the label in the user's language.
import { z } from 'zod';

export const codeTableNames = [
  'agency-kinds',
  'office-classes',
  'team-levels',
  'team-member-roles',
  'roles',
  'countries',
  'permit-types',
  'visa-indexes',
  'accommodation-kinds',
  'visit-purposes',
  'travel-document-types',
] as const;
export type CodeTableName = (typeof codeTableNames)[number];

export const codeLabel = z.object({ id: z.string(), en: z.string() });
export type CodeLabel = z.infer<typeof codeLabel>;

/** A code with its labels; some tables add attributes (a country's alpha2, a team level's area level…). */
export const codeTableItem = z
  .object({ code: z.string(), label: codeLabel })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()), codeLabel]));
export type CodeTableItem = z.infer<typeof codeTableItem>;

export const codeTable = z.object({
  name: z.string(),
  /** changes whenever the table's content changes: clients may cache a table by name and version */
  version: z.string(),
  items: z.array(codeTableItem),
});
export type CodeTable = z.infer<typeof codeTable>;

export const codeTableSummary = z.object({ name: z.string(), version: z.string(), count: z.number().int() });
export const codeTableList = z.object({ items: z.array(codeTableSummary) });

export const codeTableParams = z
  .object({ name: z.string().regex(/^[a-z0-9-]{1,50}$/, 'nama tabel kode tidak sah') })
  .strict();
