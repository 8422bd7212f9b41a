// Spreadsheet import of the register (CSV or XLSX as offices keep them): upload → detected column mapping (editable)
// → dry run with row-level errors → commit (small files at once, larger ones as a background job) → the rejected
// rows as a file of the same format with an error column. Export of the filtered register as CSV or XLSX.
import { z } from 'zod';
import { personListQuery } from './persons';

/** What a column of the file can hold. */
export const importFieldCodes = [
  'fullName',
  'surname',
  'givenNames',
  'sex',
  'birthDate',
  'birthPlace',
  'nationality',
  'documentNumber',
  'documentType',
  'issuingState',
  'documentIssueDate',
  'documentExpiryDate',
  'permitType',
  'permitNumber',
  'visaIndex',
  'permitValidFrom',
  'permitValidUntil',
  'entryDate',
  'entryPort',
  'addressText',
  'region',
  'sponsorName',
  'workplace',
  'notes',
] as const;
export const importField = z.enum(importFieldCodes);
export type ImportField = z.infer<typeof importField>;

/** Row-level problems: each names the row (as the spreadsheet numbers it), the column and a stable code. */
export const importRowErrorCodes = [
  'REQUIRED',
  'INVALID_NAME',
  'INVALID_DATE',
  'DATE_IN_FUTURE',
  'DATE_ORDER',
  'INVALID_SEX',
  'UNKNOWN_COUNTRY',
  'INVALID_DOCUMENT_NUMBER',
  'INVALID_DOCUMENT_TYPE',
  'UNKNOWN_PERMIT_TYPE',
  'UNKNOWN_VISA_INDEX',
  'UNKNOWN_AREA',
  'AMBIGUOUS_AREA',
  'AREA_OUT_OF_SCOPE',
  'PERSON_OUT_OF_SCOPE',
  'DUPLICATE_IN_FILE',
  'FORMULA_WITHOUT_VALUE',
  'CELL_ERROR',
  'CELL_TOO_LONG',
  'INVALID_TEXT',
  'SPONSOR_NOT_ALLOWED',
  'NOT_STORED',
] as const;
export const importRowErrorCode = z.enum(importRowErrorCodes);
export type ImportRowErrorCode = z.infer<typeof importRowErrorCode>;

export const importRowError = z.object({
  /** the row number as the spreadsheet shows it (1 = first line of the file) */
  row: z.number().int(),
  /** the column's header as written in the file; null for a problem of the whole row */
  column: z.string().nullable(),
  field: importField.nullable(),
  code: importRowErrorCode,
  /** Bahasa Indonesia; the web app translates the code */
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importStatusCodes = ['uploaded', 'checked', 'queued', 'running', 'committed', 'failed'] as const;
export const importStatus = z.enum(importStatusCodes);
export type ImportStatus = z.infer<typeof importStatus>;

export const importColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  /** the field this column fills; null: ignored */
  field: importField.nullable(),
  /** the field the header was recognised as (before edits) */
  detected: importField.nullable(),
});

export const importCounts = z.object({
  totalRows: z.number().int(),
  okRows: z.number().int(),
  rejectedRows: z.number().int(),
  /** rows that add a new person */
  newPersons: z.number().int(),
  /** rows that add facts to a person on file (same document number and issuing state) */
  updatedPersons: z.number().int(),
  /** rows whose facts are all on file already */
  unchangedRows: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const registerImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sizeBytes: z.number().int(),
  /** SHA-256 of the file */
  fileHash: z.string(),
  status: importStatus,
  /** the row holding the headers (1-based) */
  headerRow: z.number().int(),
  dataRows: z.number().int(),
  columns: z.array(importColumn),
  /** a committed import of the same file by the same agency: committing this one changes nothing */
  duplicateOf: z.object({ id: z.uuid(), committedAt: z.string() }).nullable(),
  /** of the last dry run, or of the commit once done */
  counts: importCounts.nullable(),
  /** the first row errors (all of them are in the rejected-rows file) */
  errors: z.array(importRowError),
  errorCount: z.number().int(),
  /** rows done by a running commit */
  processedRows: z.number().int(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type RegisterImport = z.infer<typeof registerImport>;

/** The mapping as a list aligned with the columns: the field of each column, or null to ignore it. */
export const importMappingBody = z
  .object({ mapping: z.array(importField.nullable()).max(500).optional() })
  .strict()
  .refine(
    (b) => {
      const used = (b.mapping ?? []).filter((f) => f !== null);
      return new Set(used).size === used.length;
    },
    { message: 'satu kolom untuk setiap isian', path: ['mapping'] },
  );
export type ImportMappingBody = z.infer<typeof importMappingBody>;

export const importListItem = registerImport.pick({
  id: true,
  fileName: true,
  format: true,
  status: true,
  dataRows: true,
  counts: true,
  createdAt: true,
  committedAt: true,
});
export const importList = z.object({ items: z.array(importListItem) });

export const exportFormat = z.enum(['csv', 'xlsx']);
export const personExportQuery = personListQuery
  .omit({ limit: true, offset: true })
  .extend({ format: exportFormat.default('csv') })
  .strict();
export type PersonExportQuery = z.infer<typeof personExportQuery>;
