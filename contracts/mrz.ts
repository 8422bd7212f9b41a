// Reading the machine-readable zone (ICAO Doc 9303) of passports, ID cards and visas. This schema is the one
// definition of the parse result: server/modules/mrz/mrz.ts returns exactly this type.
import { z } from 'zod';

export const mrzParseRequest = z
  .object({
    /** what the officer pasted or the scanner app produced; line breaks separate MRZ lines */
    text: z.string().max(2000),
  })
  .strict();
export type MrzParseRequest = z.infer<typeof mrzParseRequest>;

/** MRVA and MRVB are the two visa sizes (2×44 and 2×36). */
export const mrzFormat = z.enum(['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB']);
export type MrzFormat = z.infer<typeof mrzFormat>;

export const mrzIssueCode = z.enum([
  /** input was changed before reading (spaces, blank lines, lowercase, one merged line): a warning */
  'MRZ_NORMALISED',
  /** a character outside A–Z, 0–9 and < */
  'MRZ_CHARSET',
  /** no MRZ format has this shape */
  'MRZ_UNKNOWN_FORMAT',
  'MRZ_LINE_COUNT',
  'MRZ_LENGTH',
  'MRZ_CHECK_DIGIT',
  /** a date that does not exist (30 February, month 13) or holds something other than digits */
  'MRZ_INVALID_DATE',
  /** a birth date the issuer marked partly or wholly unknown with <: a warning */
  'MRZ_PARTIAL_DATE',
  /** a letter where only digits belong, or a digit where only letters belong, that OCR commonly confuses */
  'MRZ_OCR_SUSPECT',
  /** a field whose content its definition does not allow (document code, sex, a digit in a name, …) */
  'MRZ_INVALID_FIELD',
  /** a well-formed code that is not in the country table: a warning */
  'MRZ_UNKNOWN_COUNTRY',
  /** the name fills its field, so the issuer may have cut it short: a warning */
  'MRZ_NAME_TRUNCATED',
]);
export type MrzIssueCode = z.infer<typeof mrzIssueCode>;

export const mrzField = z.enum([
  'documentCode',
  'issuingState',
  'documentNumber',
  'surname',
  'givenNames',
  'nationality',
  'birthDate',
  'sex',
  'expiryDate',
  'personalNumber',
  'optionalData',
  'optionalData2',
  'composite',
]);
export type MrzField = z.infer<typeof mrzField>;

/** 1-based, counted in the normalised `lines` of the result */
const position = z.int().min(1);

export const mrzIssue = z.object({
  code: mrzIssueCode,
  severity: z.enum(['error', 'warning']),
  field: mrzField.optional(),
  line: position.optional(),
  column: position.optional(),
  /** what the position or field should hold, e.g. "44" for a length or the computed check digit */
  expected: z.string().optional(),
  /** what it holds; for MRZ_NORMALISED, how many characters or lines were changed */
  found: z.string().optional(),
  /** a one-character change that would resolve the issue: OCR's likely reading, or the swap that makes a failing
   * check pass. Never applied by the parser. */
  suggestion: z.object({ line: position, column: position, replacement: z.string().length(1) }).optional(),
  /** English, for logs and developers; people see a translation of the code and the details */
  message: z.string(),
});
export type MrzIssue = z.infer<typeof mrzIssue>;

export const mrzCheck = z.object({
  field: z.enum(['documentNumber', 'birthDate', 'expiryDate', 'personalNumber', 'composite']),
  /** where the check digit sits */
  line: position,
  column: position,
  /** null when the checked characters include some outside the MRZ alphabet */
  expected: z.string().regex(/^\d$/).nullable(),
  found: z.string(),
  valid: z.boolean(),
});
export type MrzCheck = z.infer<typeof mrzCheck>;

/** A birth date the issuer marked partly unknown keeps only what is known: YYYY-MM or YYYY (ISO 8601). */
export const mrzBirthDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const mrzFields = z.object({
  /** P, PD, I, ID, V, … with the trailing filler removed */
  documentCode: z.string(),
  /** alpha-3 code; Germany's D is returned as DEU */
  issuingState: z.string(),
  /** complete, including the part a long TD1/TD2 number carries in the optional data */
  documentNumber: z.string(),
  /** name components separated by single spaces; empty when the document has no primary identifier */
  surname: z.string(),
  givenNames: z.string(),
  /** the name reaches the end of its field, so it may be cut short (ICAO's only signal for truncation) */
  nameTruncated: z.boolean(),
  nationality: z.string(),
  /** null when unreadable or wholly unknown */
  birthDate: mrzBirthDate.nullable(),
  /** the MRZ writes unspecified as <; some issuers write X */
  sex: z.enum(['M', 'F', 'X']).nullable(),
  expiryDate: z.iso.date().nullable(),
  /** TD3 only; as in the MRZ with trailing fillers removed */
  personalNumber: z.string().nullable(),
  /** TD1 line 1 (after any document-number overflow), TD2, MRV-A and MRV-B */
  optionalData: z.string().nullable(),
  /** TD1 line 2 */
  optionalData2: z.string().nullable(),
});
export type MrzFields = z.infer<typeof mrzFields>;

export const mrzParseResponse = z.object({
  /** null when no format fits the shape of the input */
  format: mrzFormat.nullable(),
  /** every check digit passes and no issue is an error */
  valid: z.boolean(),
  /** null when the shape (line count, line lengths) is wrong, because fields are found by position */
  fields: mrzFields.nullable(),
  checks: z.array(mrzCheck),
  issues: z.array(mrzIssue),
  /** the input after normalisation; issue positions refer to these */
  lines: z.array(z.string()),
});
export type MrzParseResponse = z.infer<typeof mrzParseResponse>;
