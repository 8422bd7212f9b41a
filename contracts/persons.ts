// The register of foreigners: persons with their names, travel documents, stay permits, addresses, sponsor, and each
// source's version of the identity. Bodies are strict (unknown fields are refused); PATCH bodies are partial: an
// absent field is left unchanged and null clears an optional one. Dates are ISO 8601; a birth date may be partial.
import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery, regionCodeSchema, requiredText, text } from './common';
import { regionLabelRef, sponsorCreate, sponsorRef } from './sponsors';

// ─── Codes ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const sexCodes = ['M', 'F', 'X'] as const;
/** M, F, or X (unspecified, as the MRZ writes <) */
export const sexSchema = z.enum(sexCodes);

export const documentTypeCodes = ['P', 'ID', 'V', 'OTHER'] as const;
/** P passport, ID identity card (TD1/TD2), V visa, OTHER (e.g. a travel document for refugees) */
export const documentTypeSchema = z.enum(documentTypeCodes);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const permitTypeCodes = ['ITK', 'ITAS', 'ITAP', 'DIPLOMATIC', 'SERVICE'] as const;
/** code table permit-types */
export const permitTypeSchema = z.enum(permitTypeCodes);
export type PermitType = z.infer<typeof permitTypeSchema>;

export const personNameKindCodes = ['primary', 'alias', 'transliteration', 'document'] as const;
export const personNameKind = z.enum(personNameKindCodes);
export type PersonNameKind = z.infer<typeof personNameKind>;

export const personStatusCodes = ['active', 'expiring', 'overstay', 'document_expired', 'exited', 'unknown'] as const;
export const personStatusCode = z.enum(personStatusCodes);
export type PersonStatusCode = z.infer<typeof personStatusCode>;

export const timeZoneCodes = ['WIB', 'WITA', 'WIT'] as const;
export const timeZoneCode = z.enum(timeZoneCodes);
export type TimeZoneCode = z.infer<typeof timeZoneCode>;

export const sourceKindCodes = ['user', 'agency', 'import', 'stay_report'] as const;
export const sourceKind = z.enum(sourceKindCodes);
export type SourceKind = z.infer<typeof sourceKind>;

/** An ICAO 9303 country code as written: three letters (the MRZ's D for Germany is accepted and stored as DEU);
 * the service checks it against the countries code table. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,3}$/, 'kode negara tidak sah');

/** A code of a code table (visa-indexes). */
const visaIndexCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{0,9}$/, 'indeks visa tidak sah');

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) {
    return true;
  }
  if (m < 1 || m > 12) {
    return false;
  }
  if (d === undefined) {
    return true;
  }
  return d >= 1 && d <= new Date(Date.UTC(y ?? 0, m, 0)).getUTCDate();
}

/** A birth date the document may know only partly: YYYY, YYYY-MM or YYYY-MM-DD; a real date, not in the future. */
export const partialDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'tanggal harus YYYY, YYYY-MM atau YYYY-MM-DD')
  .refine(isRealDate, 'tanggal tidak ada')
  .refine((v) => v.slice(0, 4) >= '1900', 'tahun terlalu lampau')
  .refine((v) => v <= new Date().toISOString().slice(0, v.length), 'tanggal di masa depan');

const optionalDate = isoDate.nullish().transform((v) => v ?? null);
const optionalUuid = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null);

/** Names of people: letters of any script, spaces and the punctuation names carry (O'Brien, Al-Farisi, Jr.). */
const PERSON_NAME = /^[\p{L}\p{M} .,'’‘ʼ-]*$/u;
const personNamePart = (max: number) =>
  z.string().trim().max(max).regex(PERSON_NAME, 'nama memuat karakter yang tidak diizinkan');
const optionalPersonName = (max: number) =>
  personNamePart(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A place, a port, a workplace: bounded text without control characters or markup brackets. */
const plainText = (max: number) =>
  optionalText(max).refine((v) => v === null || !/[<>]/.test(v), 'tanda < dan > tidak diizinkan');

const documentNumberText = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 <./-]*$/, 'nomor dokumen tidak sah');

// ─── Sources ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Where typed-in facts come from: the officer's own agency (user), or another agency whose data the officer
 * records (agency, with that agency's id). Imports and stay reports set their own source. */
export const sourceInput = z
  .object({
    kind: z.enum(['user', 'agency']).default('user'),
    agencyId: z.uuid().optional(),
    /** a letter number, a report reference… */
    reference: plainText(200),
  })
  .strict()
  .refine((s) => s.kind === 'user' || s.agencyId !== undefined, {
    message: 'sumber instansi memerlukan agencyId',
    path: ['agencyId'],
  });
export type SourceInput = z.infer<typeof sourceInput>;

const idName = z.object({ id: z.uuid(), name: z.string() });

export const factSource = z.object({
  kind: sourceKind,
  agency: idName.nullable(),
  user: idName.nullable(),
  reference: z.string().nullable(),
  recordedAt: z.string(),
});
export type FactSource = z.infer<typeof factSource>;

// ─── Identity ────────────────────────────────────────────────────────────────────────────────────────────────────

const identityFields = {
  surname: personNamePart(100).default(''),
  givenNames: personNamePart(150).default(''),
  /** the name as written in the document, when it reads differently (any script) */
  fullName: optionalPersonName(250),
  sex: sexSchema.nullish().transform((v) => v ?? null),
  birthDate: partialDateSchema.nullish().transform((v) => v ?? null),
  birthPlace: plainText(150),
  nationality: countryCode,
};
const hasAName = (v: { surname?: string | undefined; givenNames?: string | undefined }) =>
  (v.surname ?? '') !== '' || (v.givenNames ?? '') !== '';
const nameRequired = { message: 'isi nama keluarga atau nama depan', path: ['surname'] };

// ─── Names ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const personNameCreate = z
  .object({
    kind: z.enum(['alias', 'transliteration', 'document']),
    surname: personNamePart(100).default(''),
    givenNames: personNamePart(150).default(''),
    fullName: optionalPersonName(250),
    source: sourceInput.optional(),
  })
  .strict()
  .refine((v) => hasAName(v) || v.fullName !== null, nameRequired);
export type PersonNameCreate = z.infer<typeof personNameCreate>;

export const personNameUpdate = z
  .object({
    kind: z.enum(['alias', 'transliteration', 'document']),
    surname: personNamePart(100),
    givenNames: personNamePart(150),
    fullName: optionalPersonName(250),
  })
  .partial()
  .strict();
export type PersonNameUpdate = z.infer<typeof personNameUpdate>;

export const personNameItem = z.object({
  id: z.uuid(),
  kind: personNameKind,
  surname: z.string(),
  givenNames: z.string(),
  fullName: z.string().nullable(),
  documentId: z.uuid().nullable(),
  source: factSource,
});
export type PersonNameItem = z.infer<typeof personNameItem>;

// ─── Travel documents ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A travel document typed in, or read from its MRZ (`mrz`: the lines as pasted). With an MRZ, every check digit must
 * pass, missing fields are taken from it, and fields given as well must agree with it (MRZ_MISMATCH otherwise).
 */
export const travelDocumentCreate = z
  .object({
    type: documentTypeSchema.optional(),
    documentCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z<]?$/, 'kode dokumen tidak sah')
      .optional(),
    number: documentNumberText.optional(),
    issuingState: countryCode.optional(),
    issueDate: optionalDate,
    expiryDate: optionalDate,
    mrz: z.string().max(300).optional(),
    source: sourceInput.optional(),
  })
  .strict()
  .refine((d) => d.mrz !== undefined || (d.number !== undefined && d.issuingState !== undefined), {
    message: 'isi nomor dan negara penerbit, atau MRZ',
    path: ['number'],
  });
export type TravelDocumentCreate = z.infer<typeof travelDocumentCreate>;

export const travelDocumentUpdate = z
  .object({
    type: documentTypeSchema,
    number: documentNumberText,
    issuingState: countryCode,
    issueDate: optionalDate,
    expiryDate: optionalDate,
    /** true: replaced by a newer document; false: current again */
    superseded: z.boolean(),
  })
  .partial()
  .strict();
export type TravelDocumentUpdate = z.infer<typeof travelDocumentUpdate>;

export const travelDocumentItem = z.object({
  id: z.uuid(),
  type: documentTypeSchema,
  documentCode: z.string().nullable(),
  number: z.string(),
  issuingState: z.string(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  mrzLines: z.array(z.string()).nullable(),
  supersededAt: z.string().nullable(),
  source: factSource,
});
export type TravelDocumentItem = z.infer<typeof travelDocumentItem>;

// ─── Permits ─────────────────────────────────────────────────────────────────────────────────────────────────────

const permitFields = {
  type: permitTypeSchema,
  visaIndex: visaIndexCode.nullish().transform((v) => v ?? null),
  number: documentNumberText.nullish().transform((v) => v ?? null),
  validFrom: optionalDate,
  /** last valid day; null: open-ended (ITAP) */
  validUntil: optionalDate,
  entryDate: optionalDate,
  /** the immigration checkpoint (TPI) of entry */
  entryPort: plainText(150),
  /** departure: the foreigner left Indonesia, ending the stay this permit covers */
  exitDate: optionalDate,
  exitPort: plainText(150),
  sponsorId: optionalUuid,
};
export const permitCreate = z.object({ ...permitFields, source: sourceInput.optional() }).strict();
export type PermitCreate = z.infer<typeof permitCreate>;

export const permitUpdate = z
  .object({
    ...permitFields,
    /** true cancels the permit (it stops counting that day); false lifts a cancellation */
    cancelled: z.boolean(),
    cancelReason: plainText(500),
  })
  .partial()
  .strict();
export type PermitUpdate = z.infer<typeof permitUpdate>;

export const permitItem = z.object({
  id: z.uuid(),
  type: permitTypeSchema,
  visaIndex: z.string().nullable(),
  number: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  entryDate: z.string().nullable(),
  entryPort: z.string().nullable(),
  exitDate: z.string().nullable(),
  exitPort: z.string().nullable(),
  sponsor: sponsorRef.nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** current: the permit the status is derived from */
  current: z.boolean(),
  source: factSource,
});
export type PermitItem = z.infer<typeof permitItem>;

// ─── Addresses ───────────────────────────────────────────────────────────────────────────────────────────────────

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const addressFields = {
  /** any level; a village (desa/kelurahan) when known */
  regionCode: regionCodeSchema,
  text: plainText(500),
  latitude: latitude.nullish().transform((v) => v ?? null),
  longitude: longitude.nullish().transform((v) => v ?? null),
  validFrom: optionalDate,
};
const bothOrNoCoordinates = {
  message: 'isi lintang dan bujur bersama-sama',
  path: ['latitude'],
};
/** A new current address: the previous current address ends the day before this one starts. */
export const addressCreate = z
  .object({ ...addressFields, source: sourceInput.optional() })
  .strict()
  .refine((a) => (a.latitude === null) === (a.longitude === null), bothOrNoCoordinates);
export type AddressCreate = z.infer<typeof addressCreate>;

export const addressUpdate = z
  .object({ ...addressFields, validTo: optionalDate })
  .partial()
  .strict();
export type AddressUpdate = z.infer<typeof addressUpdate>;

export const addressItem = z.object({
  id: z.uuid(),
  region: regionLabelRef,
  text: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  current: z.boolean(),
  source: factSource,
});
export type AddressItem = z.infer<typeof addressItem>;

// ─── Identity claims ─────────────────────────────────────────────────────────────────────────────────────────────

export const identityFieldNames = [
  'surname',
  'givenNames',
  'fullName',
  'sex',
  'birthDate',
  'birthPlace',
  'nationality',
] as const;
export const identityFieldName = z.enum(identityFieldNames);
export type IdentityFieldName = z.infer<typeof identityFieldName>;

/** A source's version of the identity. `adopt: true` also makes it the person's chosen identity; otherwise it is
 * kept beside the others and disagreements are shown. A source's newer claim supersedes its older one. */
export const identityClaimCreate = z
  .object({
    surname: personNamePart(100).optional(),
    givenNames: personNamePart(150).optional(),
    fullName: optionalPersonName(250),
    sex: sexSchema.nullish().transform((v) => v ?? null),
    birthDate: partialDateSchema.nullish().transform((v) => v ?? null),
    birthPlace: plainText(150),
    nationality: countryCode.optional(),
    source: sourceInput.optional(),
    adopt: z.boolean().default(false),
  })
  .strict();
export type IdentityClaimCreate = z.infer<typeof identityClaimCreate>;

export const identityClaimItem = z.object({
  id: z.uuid(),
  surname: z.string().nullable(),
  givenNames: z.string().nullable(),
  fullName: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthPlace: z.string().nullable(),
  nationality: z.string().nullable(),
  supersededAt: z.string().nullable(),
  /** fields where this claim differs from the chosen identity */
  differsFrom: z.array(identityFieldName),
  source: factSource,
});
export type IdentityClaimItem = z.infer<typeof identityClaimItem>;

/** A field on which current claims disagree: each distinct value with the claims that assert it. */
export const identityDisagreement = z.object({
  field: identityFieldName,
  values: z.array(z.object({ value: z.string().nullable(), claimIds: z.array(z.uuid()) })),
});
export type IdentityDisagreement = z.infer<typeof identityDisagreement>;

// ─── Status ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const personStatus = z.object({
  code: personStatusCode,
  /** the calendar day (in the area's zone) the status holds for */
  asOf: z.string(),
  zone: timeZoneCode,
  permitValidUntil: z.string().nullable(),
  documentExpiry: z.string().nullable(),
  /** days until the permit's last day (0 on that day) */
  daysLeft: z.number().int().nullable(),
  /** overstay: days since the permit's last day (1 on the day after) */
  overstayDays: z.number().int().nullable(),
});
export type PersonStatus = z.infer<typeof personStatus>;

// ─── Persons ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A new person with what is known: identity, aliases, a travel document (optionally from its MRZ), a permit, an
 * address, and a sponsor (an existing one by id, or a new one). When the person seems to be on file already, the
 * answer is 409 DUPLICATE_CANDIDATES with the candidates; send again with `confirmNewPerson: true` to create anyway,
 * or add the new facts to the existing person. The same document number and issuing state is the same person:
 * confirming then answers 409 DUPLICATE_DOCUMENT, never a second record.
 */
export const personCreate = z
  .object({
    ...identityFields,
    workplace: plainText(200),
    notes: optionalText(2000),
    names: z.array(personNameCreate).max(20).default([]),
    document: travelDocumentCreate.optional(),
    permit: permitCreate.omit({ source: true }).strict().optional(),
    address: addressCreate.optional(),
    sponsorId: z.uuid().optional(),
    sponsor: sponsorCreate.optional(),
    source: sourceInput.optional(),
    confirmNewPerson: z.boolean().default(false),
  })
  .strict()
  .refine(hasAName, nameRequired)
  .refine((p) => p.sponsorId === undefined || p.sponsor === undefined, {
    message: 'pilih penjamin yang ada atau buat yang baru, tidak keduanya',
    path: ['sponsor'],
  });
export type PersonCreate = z.input<typeof personCreate>;
export type PersonCreateParsed = z.infer<typeof personCreate>;

/** Changes to the chosen identity are recorded as a claim of the caller's source; the other fields are plain. */
export const personUpdate = z
  .object({
    surname: personNamePart(100),
    givenNames: personNamePart(150),
    fullName: optionalPersonName(250),
    sex: sexSchema.nullish().transform((v) => v ?? null),
    birthDate: partialDateSchema.nullish().transform((v) => v ?? null),
    birthPlace: plainText(150),
    nationality: countryCode,
    workplace: plainText(200),
    notes: optionalText(2000),
    sponsorId: optionalUuid,
    source: sourceInput,
  })
  .partial()
  .strict();
export type PersonUpdate = z.infer<typeof personUpdate>;

export const personListQuery = pageQuery
  .extend({
    /** a name (typos, word order, spacing, accents and transliteration tolerated), a travel document number (old
     * ones too) or a permit number */
    q: text(200).optional(),
    /** persons whose current address lies in this area (any level) */
    region: regionCodeSchema.optional(),
    nationality: countryCode.optional(),
    permitType: permitTypeSchema.optional(),
    status: personStatusCode.optional(),
    sponsorId: z.uuid().optional(),
    /** why the list is read (recorded in the audit log) */
    purpose: optionalText(200),
  })
  .strict();
export type PersonListQuery = z.infer<typeof personListQuery>;

export const personViewQuery = z.object({ purpose: optionalText(200) }).strict();

export const personSubParams = z.object({ id: z.uuid(), itemId: z.uuid() }).strict();

const documentRef = z.object({
  id: z.uuid(),
  type: documentTypeSchema,
  number: z.string(),
  issuingState: z.string(),
  expiryDate: z.string().nullable(),
});

export const personMatch = z.object({
  /** how the person was found */
  via: z.enum(['name', 'document', 'permit']),
  /** the name, document number or permit number that matched */
  text: z.string(),
  /** 0–1 for names (1: every word matches exactly); 2 for an exact number */
  score: z.number(),
});

export const personListItem = z.object({
  id: z.uuid(),
  surname: z.string(),
  givenNames: z.string(),
  fullName: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  nationality: z.string(),
  region: regionLabelRef.nullable(),
  sponsor: sponsorRef.nullable(),
  permit: z.object({ id: z.uuid(), type: permitTypeSchema, validUntil: z.string().nullable() }).nullable(),
  document: documentRef.nullable(),
  status: personStatus,
  /** set when the list was searched with q */
  match: personMatch.nullable(),
  updatedAt: z.string(),
});
export type PersonListItem = z.infer<typeof personListItem>;
export const personPage = pageOf(personListItem).extend({
  capped: z
    .boolean()
    .optional()
    .describe(
      'set when the list was searched with q: true when more persons match than the list holds (at most 500, and at most 50 holders of one identical name), so total is a lower bound — narrow the search with filters',
    ),
});

export const personViewer = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  agency: idName.nullable(),
  purpose: z.string().nullable(),
});

/** An event on the person's timeline, oldest first: entries, permits starting and ending, exits, documents. */
export const timelineEvent = z.object({
  date: z.string(),
  kind: z.enum([
    'entry',
    'permit_start',
    'permit_end',
    'permit_cancelled',
    'exit',
    'document_issued',
    'document_expiry',
    'address_from',
  ]),
  /** the permit, document or address the event belongs to */
  refId: z.uuid(),
});

// ─── Merging two records of one person ───────────────────────────────────────────────────────────────────────────

/** Merge the record in the path into `into`: its facts move there with their sources, it is marked merged, and the
 * merge can be undone (POST /persons/{id}/merge/undo on the merged-away record). */
export const personMergeCreate = z
  .object({
    /** the surviving record */
    into: z.uuid(),
    /** why the two records are one person (recorded with the merge and in the audit log) */
    reason: requiredText(500),
  })
  .strict();
export type PersonMergeCreate = z.infer<typeof personMergeCreate>;

export const personMergeUndo = z.object({ reason: requiredText(500) }).strict();
export type PersonMergeUndo = z.infer<typeof personMergeUndo>;

/** A person in a merge record; the name only when the reader may see that person. */
const mergePersonRef = z.object({ id: z.uuid(), name: z.string().nullable() });

export const personMergeItem = z.object({
  id: z.uuid(),
  /** the merged-away record */
  source: mergePersonRef,
  /** the surviving record */
  target: mergePersonRef,
  reason: z.string(),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  undoReason: z.string().nullable(),
  /** how many facts moved: names, documents, permits, addresses, identity claims */
  moved: z.object({
    names: z.number().int(),
    documents: z.number().int(),
    permits: z.number().int(),
    addresses: z.number().int(),
    claims: z.number().int(),
  }),
});
export type PersonMergeItem = z.infer<typeof personMergeItem>;

export const personDetail = z.object({
  id: z.uuid(),
  surname: z.string(),
  givenNames: z.string(),
  fullName: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthPlace: z.string().nullable(),
  nationality: z.string(),
  workplace: z.string().nullable(),
  notes: z.string().nullable(),
  region: regionLabelRef.nullable(),
  sponsor: sponsorRef.nullable(),
  status: personStatus,
  names: z.array(personNameItem),
  documents: z.array(travelDocumentItem),
  permits: z.array(permitItem),
  addresses: z.array(addressItem),
  timeline: z.array(timelineEvent),
  claims: z.array(identityClaimItem),
  disagreements: z.array(identityDisagreement),
  /** the latest views of this record (audit log), newest first */
  viewers: z.array(personViewer),
  viewCount: z.number().int(),
  recordedBy: idName.nullable(),
  /** set when this record was merged into another: the record it went into */
  mergedInto: z.uuid().nullable(),
  /** the end of the chain when the record it went into was merged again (else the same as mergedInto) */
  mergedIntoLatest: z.uuid().nullable(),
  /** merges this record took part in (as merged-away or surviving record), newest first, undone ones included */
  merges: z.array(personMergeItem),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDetail = z.infer<typeof personDetail>;

// ─── Duplicate guard ─────────────────────────────────────────────────────────────────────────────────────────────

export const duplicateReason = z.enum(['document', 'name_birth_nationality']);

/** One person on file that the new one may be. Part of the 409 DUPLICATE_CANDIDATES problem. */
export const duplicateCandidate = z.object({
  id: z.uuid(),
  surname: z.string(),
  givenNames: z.string(),
  fullName: z.string().nullable(),
  birthDate: z.string().nullable(),
  nationality: z.string(),
  document: z.object({ number: z.string(), issuingState: z.string() }).nullable(),
  score: z.number(),
  reasons: z.array(duplicateReason),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

/** Extra members of the problem+json body of DUPLICATE_CANDIDATES. Candidates outside the caller's scope are only
 * counted. */
export const duplicateCandidatesProblem = z.object({
  code: z.literal('DUPLICATE_CANDIDATES'),
  candidates: z.array(duplicateCandidate),
  hiddenCandidates: z.number().int(),
});
