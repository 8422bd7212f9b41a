// Guest stays reported by accommodations: check-ins of one guest or a group (from the passport's MRZ or typed),
// check-out, extension, correction and cancellation as their own reports, batches for property-management systems,
// and the office's views. Row shapes carry no transforms, so that their JSON Schema (docs/schemas/) is exact.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery, regionCodeSchema } from './common';

export const stayStatusCodes = ['open', 'checked_out', 'cancelled'] as const;
export const stayStatus = z.enum(stayStatusCodes);
export type StayStatus = z.infer<typeof stayStatus>;

export const stayReportKindCodes = ['check_in', 'extension', 'check_out', 'correction', 'cancellation'] as const;
export const stayReportKind = z.enum(stayReportKindCodes);
export type StayReportKind = z.infer<typeof stayReportKind>;

/** linked: the document was on file; new: a new register entry; new_flagged: new, but a close candidate exists (an
 * officer should look); new_pending: new, candidates not yet looked for (large batches do it in the background). */
export const personLinkCodes = ['linked', 'new', 'new_flagged', 'new_pending'] as const;
export const personLink = z.enum(personLinkCodes);
export type PersonLink = z.infer<typeof personLink>;

export const stayChannelCodes = ['form', 'api', 'batch', 'upload'] as const;
export const stayChannel = z.enum(stayChannelCodes);
export type StayChannel = z.infer<typeof stayChannel>;

export const batchStatusCodes = ['queued', 'processing', 'accepted', 'partially_rejected', 'rejected'] as const;
export const batchStatus = z.enum(batchStatusCodes);
export type BatchStatus = z.infer<typeof batchStatus>;

/** Visit purposes (code table visit-purposes). */
export const visitPurposeCodes = [
  'tourism',
  'business',
  'work',
  'family',
  'study',
  'government',
  'social_religious',
  'medical',
  'transit',
  'other',
] as const;
export const visitPurpose = z.enum(visitPurposeCodes);
export type VisitPurpose = z.infer<typeof visitPurpose>;

/** An instant with its offset: "2026-11-28T14:05:00+07:00" or "…Z". */
const instant = z.iso.datetime({ offset: true });
const countryCode = z.string().regex(/^[A-Z]{1,3}$/, 'kode negara ICAO (3 huruf)');
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM atau YYYY-MM-DD');
const plain = (max: number) => z.string().max(max);

/** Scanner apps put the MRZ among other text: keep the lines that look like MRZ lines when there are more than 3.
 * (The server reads what this returns; the web form previews the same.) */
export function extractMrzLines(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length <= 3) {
    return lines.join('\n');
  }
  const mrzLike = lines.filter((l) => /^[A-Z0-9< ]{28,}$/i.test(l) && l.includes('<'));
  return (mrzLike.length >= 2 ? mrzLike : lines).join('\n');
}

/**
 * A guest: the passport's MRZ as pasted or as a phone scanner app produces it (2 or 3 lines; the fields are read
 * from it, every check digit must pass), or the typed fields. Typed fields given with an MRZ must agree with it.
 */
export const stayGuest = z
  .object({
    mrz: z.string().max(400).optional().describe('the machine-readable zone, lines separated by line breaks'),
    surname: plain(100).optional(),
    givenNames: plain(100).optional(),
    sex: z.enum(['M', 'F', 'X']).optional(),
    birthDate: partialDate.optional(),
    nationality: countryCode.optional().describe('ICAO 9303 / ISO 3166-1 alpha-3'),
    documentType: z.enum(['P', 'ID', 'V', 'OTHER']).optional().describe('code table travel-document-types'),
    documentNumber: plain(30).optional(),
    documentIssuingState: countryCode.optional(),
    documentExpiryDate: isoDate.optional(),
  })
  .strict();
export type StayGuest = z.infer<typeof stayGuest>;

const stayFields = {
  arrivedAt: instant.describe('when the guest arrived (check-in), with its offset'),
  expectedCheckOut: isoDate.describe('the day the guest is expected to leave'),
  room: plain(40).optional(),
  visitPurpose: visitPurpose.describe('code table visit-purposes'),
};

/** One guest or a group (a family, a tour) arriving together; all accepted or none. */
export const checkInRequest = z
  .object({
    /** needed when an operator runs several properties; an API key reports for its own */
    accommodationId: z.uuid().optional(),
    ...stayFields,
    guests: z
      .array(stayGuest.extend({ room: plain(40).optional() }).strict())
      .min(1)
      .max(50),
  })
  .strict();
export type CheckInRequest = z.infer<typeof checkInRequest>;

/** One row of a batch: one guest's check-in. Rows with the same groupRef are one group. */
export const stayBatchRow = z
  .object({
    /** the sender's own reference for the row (booking number …), echoed in the result */
    ref: plain(100).optional(),
    groupRef: plain(100).optional(),
    ...stayFields,
    guest: stayGuest,
  })
  .strict();
export type StayBatchRow = z.infer<typeof stayBatchRow>;

export const MAX_BATCH_ROWS = 100_000;

/** The batch body as integrators send it (docs/schemas/stay-batch.schema.json is generated from this). */
export const stayBatchBody = z
  .object({
    accommodationId: z.uuid().optional(),
    rows: z.array(stayBatchRow).min(1).max(MAX_BATCH_ROWS),
  })
  .strict();
export type StayBatchBody = z.infer<typeof stayBatchBody>;

/** What the route accepts: rows are checked one by one, so that a bad row is that row's error, not the batch's. */
export const stayBatchEnvelope = z
  .object({
    accommodationId: z.uuid().optional(),
    rows: z.array(z.unknown()).min(1).max(MAX_BATCH_ROWS),
  })
  .strict();

export const dryRunQuery = z
  .object({
    dryRun: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  })
  .strict();

export const rowError = z.object({ field: z.string(), code: z.string(), message: z.string() });
export type RowError = z.infer<typeof rowError>;

export const checkedInGuest = z.object({
  stayId: z.uuid().nullable().describe('null in a dry run'),
  personId: z.uuid().nullable().describe('the register entry; null in a dry run for a new person'),
  personLink,
  receiptNumber: z.string().nullable(),
  isLate: z.boolean(),
});
export type CheckedInGuest = z.infer<typeof checkedInGuest>;

export const checkInResult = z.object({
  dryRun: z.boolean(),
  accommodationId: z.uuid(),
  groupId: z.uuid().nullable(),
  guests: z.array(checkedInGuest),
});
export type CheckInResult = z.infer<typeof checkInResult>;

export const batchRowResult = z.object({
  index: z.number().int(),
  ref: z.string().nullable(),
  status: z.enum(['accepted', 'rejected']),
  stayId: z.uuid().nullable(),
  receiptNumber: z.string().nullable(),
  personLink: personLink.nullable(),
  isLate: z.boolean().nullable(),
  errors: z.array(rowError),
});
export type BatchRowResult = z.infer<typeof batchRowResult>;

export const batchAccepted = z.object({ batchId: z.uuid(), status: batchStatus, rowCount: z.number().int() });

export const batchDetail = z.object({
  id: z.uuid(),
  accommodationId: z.uuid(),
  status: batchStatus,
  dryRun: z.boolean(),
  rowCount: z.number().int(),
  acceptedCount: z.number().int(),
  rejectedCount: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** every row's result once the batch is done (empty while queued or processing) */
  rows: z.array(batchRowResult),
});
export type BatchDetail = z.infer<typeof batchDetail>;

export const stayReportItem = z.object({
  id: z.uuid(),
  stayId: z.uuid(),
  kind: stayReportKind,
  reportedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  isLate: z.boolean(),
  receiptNumber: z.string(),
  channel: stayChannel,
  guestName: z.string(),
});
export type StayReportItem = z.infer<typeof stayReportItem>;

export const stayGuestSnapshot = z.object({
  surname: z.string(),
  givenNames: z.string(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  nationality: z.string(),
  document: z.object({
    type: z.string(),
    number: z.string(),
    issuingState: z.string(),
    expiryDate: z.string().nullable(),
  }),
});

export const stayListItem = z.object({
  id: z.uuid(),
  accommodation: z.object({ id: z.uuid(), name: z.string(), villageCode: z.string() }),
  villageLabel: z.string(),
  personId: z.uuid(),
  personLink,
  guest: stayGuestSnapshot,
  groupId: z.uuid().nullable(),
  status: stayStatus,
  arrivedAt: z.string(),
  expectedCheckOut: z.string(),
  checkedOutAt: z.string().nullable(),
  room: z.string().nullable(),
  visitPurpose: z.string(),
  isLate: z.boolean(),
  channel: stayChannel,
  receiptNumber: z.string(),
});
export type StayListItem = z.infer<typeof stayListItem>;

export const stayDetail = stayListItem.extend({
  reviewCandidateIds: z.array(z.uuid()),
  reports: z.array(stayReportItem),
});
export type StayDetail = z.infer<typeof stayDetail>;

export const stayPage = pageOf(stayListItem);
export const stayReportPage = pageOf(stayReportItem);

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const stayListQuery = pageQuery
  .extend({
    accommodationId: z.uuid().optional(),
    status: stayStatus.optional(),
    /** arrivals from this day (inclusive) */
    from: isoDate.optional(),
    /** arrivals up to this day (inclusive) */
    to: isoDate.optional(),
    /** an area (any level): properties inside it */
    area: regionCodeSchema.optional(),
    nationality: countryCode.optional(),
    late: boolQuery.optional(),
    /** only guests whose new register entry has a close candidate */
    review: boolQuery.optional(),
    /** surname, given names or document number */
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type StayListQuery = z.infer<typeof stayListQuery>;

export const stayReportListQuery = pageQuery
  .extend({ accommodationId: z.uuid().optional(), kind: stayReportKind.optional() })
  .strict();
export type StayReportListQuery = z.infer<typeof stayReportListQuery>;

const reason = z.string().trim().min(1).max(500);

export const checkOutRequest = z.object({ checkedOutAt: instant }).strict();
export const extensionRequest = z.object({ expectedCheckOut: isoDate, reason: reason.optional() }).strict();
export const correctionRequest = z
  .object({
    reason,
    arrivedAt: instant.optional(),
    expectedCheckOut: isoDate.optional(),
    room: plain(40).nullable().optional(),
    visitPurpose: visitPurpose.optional(),
  })
  .strict();
export const cancellationRequest = z.object({ reason }).strict();
export type CheckOutRequest = z.infer<typeof checkOutRequest>;
export type ExtensionRequest = z.infer<typeof extensionRequest>;
export type CorrectionRequest = z.infer<typeof correctionRequest>;
export type CancellationRequest = z.infer<typeof cancellationRequest>;

export const stayReportResult = z.object({
  report: stayReportItem,
  stay: stayDetail,
});
export type StayReportResult = z.infer<typeof stayReportResult>;

/** Idempotency-Key: 1–200 visible ASCII characters (a UUID is a good choice). */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key tidak sah');

export const stayIdParams = z.object({ id: z.uuid() }).strict();
