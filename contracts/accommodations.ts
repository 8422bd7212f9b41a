// Accommodations that report foreign guests: public self-registration, verification by the office whose working area
// holds the property, the operator's own view, and the property's API keys. Bodies are strict.
import { z } from 'zod';
import { emailSchema, pageOf, pageQuery, regionCodeSchema, requiredText, text } from './common';
import { nameText, optionalPhone } from './orgs';
import { regionLabelRef } from './sponsors';

export const accommodationKindCodes = [
  'hotel',
  'homestay',
  'villa',
  'guest_house',
  'kos',
  'apartment',
  'company_mess',
  'other',
] as const;
/** code table accommodation-kinds */
export const accommodationKind = z.enum(accommodationKindCodes);
export type AccommodationKind = z.infer<typeof accommodationKind>;

export const accommodationStatusCodes = ['pending', 'verified', 'rejected', 'suspended'] as const;
export const accommodationStatus = z.enum(accommodationStatusCodes);
export type AccommodationStatus = z.infer<typeof accommodationStatus>;

/** NIB (Nomor Induk Berusaha) as people type it: 13 digits, spaces, dots and dashes between them are dropped.
 * Returns the 13 digits, or null when it is not a NIB. */
export function parseNib(input: string): string | null {
  if (input.length > 40) {
    return null;
  }
  const digits = input.trim().replace(/[\s.-]/g, '');
  return /^\d{13}$/.test(digits) && !/^0+$/.test(digits) ? digits : null;
}

export const nibSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const nib = parseNib(value);
    if (nib === null) {
      ctx.addIssue({ code: 'custom', message: 'NIB harus 13 angka' });
      return z.NEVER;
    }
    return nib;
  });

/** Indonesia's extent with a margin (Weh island to Merauke, Miangas to Rote/Pamana). */
export const INDONESIA_BOUNDS = { south: -11.2, north: 6.3, west: 94.7, east: 141.1 } as const;
export const latitudeSchema = z.number().min(INDONESIA_BOUNDS.south).max(INDONESIA_BOUNDS.north);
export const longitudeSchema = z.number().min(INDONESIA_BOUNDS.west).max(INDONESIA_BOUNDS.east);

/** A village (desa/kelurahan) code: PP.KK.CC.DDDD. */
export const villageCodeSchema = regionCodeSchema.pipe(
  z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'pilih desa/kelurahan'),
);

const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9(][0-9 ().-]{2,29}$/, 'nomor telepon tidak sah');
const addressText = requiredText(500).refine((v) => !/[<>]/.test(v), 'tanda < dan > tidak diizinkan');

const pinFields = {
  latitude: latitudeSchema.nullish().transform((v) => v ?? null),
  longitude: longitudeSchema.nullish().transform((v) => v ?? null),
};
const pinComplete = (v: { latitude: number | null; longitude: number | null }) =>
  (v.latitude === null) === (v.longitude === null);
const pinMessage = { message: 'isi lintang dan bujur bersama-sama', path: ['longitude'] };

/** What describes a property: the public registration without its account part, and what an operator who already
 * runs a verified property sends to register another one (their account is linked to it). */
const propertyFields = {
  name: nameText(200),
  kind: accommodationKind,
  nib: nibSchema,
  address: addressText,
  villageCode: villageCodeSchema,
  ...pinFields,
  phone: phoneSchema,
  email: emailSchema,
  picName: nameText(200),
  picPhone: optionalPhone,
};

export const accommodationProperty = z.object(propertyFields).strict().refine(pinComplete, pinMessage);
export type AccommodationProperty = z.infer<typeof accommodationProperty>;

export const accommodationRegistration = z
  .object({
    ...propertyFields,
    /** the operator's own account: signs in once the office has verified the property */
    accountEmail: emailSchema,
    accountPassword: z.string().min(1).max(128),
  })
  .strict()
  .refine(pinComplete, pinMessage);
export type AccommodationRegistration = z.infer<typeof accommodationRegistration>;

/** The same answer whatever the e-mail: a registration never reveals whether an account exists. */
export const registrationReceived = z.object({ status: z.literal('pending') });

/** What an operator may change about their property; name, NIB and place are changed through the office. */
export const accommodationContactUpdate = z
  .object({
    phone: phoneSchema,
    email: emailSchema,
    picName: nameText(200),
    picPhone: optionalPhone,
  })
  .partial()
  .strict();
export type AccommodationContactUpdate = z.infer<typeof accommodationContactUpdate>;

export const statusReason = z.object({ reason: requiredText(500) }).strict();

/**
 * What the office changes about a property in its working area (any of the registered fields; absent = unchanged).
 * The map pin changes as a pair: both given (two numbers, or two nulls to remove it) or neither.
 */
export const accommodationUpdate = z
  .object({ ...propertyFields, latitude: latitudeSchema.nullable(), longitude: longitudeSchema.nullable() })
  .partial()
  .strict()
  .refine(
    (v) =>
      (v.latitude === undefined) === (v.longitude === undefined) && (v.latitude === null) === (v.longitude === null),
    pinMessage,
  );
export type AccommodationUpdate = z.infer<typeof accommodationUpdate>;

export const accommodationListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: accommodationKind,
  nib: z.string(),
  village: regionLabelRef,
  status: accommodationStatus,
  statusChangedAt: z.string(),
  createdAt: z.string(),
});
export type AccommodationListItem = z.infer<typeof accommodationListItem>;
export const accommodationPage = pageOf(accommodationListItem);

export const accommodationDetail = accommodationListItem.extend({
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string(),
  email: z.string(),
  picName: z.string(),
  picPhone: z.string().nullable(),
  statusReason: z.string().nullable(),
  statusChangedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  verifiedAt: z.string().nullable(),
  /** the account asked for at registration (shown to the office, which verifies it) */
  applicantEmail: z.string(),
  /** pending only (null otherwise), what verification will do about the operator's account: open a new one, link
   * the existing operator account with the applicant's e-mail, nothing (the registration was filed by a signed-in
   * operator, already linked), or refuse (the e-mail belongs to an account that is not an active operator) */
  applicantAccount: z.enum(['new', 'existing_operator', 'linked', 'taken']).nullable(),
  operators: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string() })),
  updatedAt: z.string(),
});
export type AccommodationDetail = z.infer<typeof accommodationDetail>;

/** The operator's (or the API key's) own properties. */
export const ownAccommodationItem = accommodationListItem.extend({
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string(),
  email: z.string(),
  picName: z.string(),
  picPhone: z.string().nullable(),
  statusReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type OwnAccommodationItem = z.infer<typeof ownAccommodationItem>;
export const ownAccommodationList = z.object({ items: z.array(ownAccommodationItem) });

export const accommodationListQuery = pageQuery
  .extend({
    /** words of the name or the NIB */
    q: text(100).optional(),
    status: accommodationStatus.optional(),
    kind: accommodationKind.optional(),
    /** only properties in this area (any level) */
    area: regionCodeSchema.optional(),
  })
  .strict();
export type AccommodationListQuery = z.infer<typeof accommodationListQuery>;

// ─── API keys ────────────────────────────────────────────────────────────────────────────────────────────────────

export const API_KEY_PREFIX = 'pora_ak_';
/** pora_ak_ + 32 random bytes in base64url (43 characters). */
const API_KEY_PATTERN = /^pora_ak_[A-Za-z0-9_-]{43}$/;

/** A presented key as it must look; null for anything else (checked before any database look-up). */
export function parseApiKeyToken(input: string): string | null {
  const token = input.trim();
  return token.length === API_KEY_PREFIX.length + 43 && API_KEY_PATTERN.test(token) ? token : null;
}

export const apiKeyCreate = z.object({ name: requiredText(100) }).strict();
export const apiKeyItem = z.object({
  id: z.uuid(),
  name: z.string(),
  /** the key's first characters, e.g. "pora_ak_x3Fq" */
  hint: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyItem = z.infer<typeof apiKeyItem>;
export const apiKeyList = z.object({ items: z.array(apiKeyItem) });
/** Returned once, when the key is created: the secret is never shown again. */
export const apiKeyCreated = apiKeyItem.extend({ secret: z.string() });
export const apiKeyParams = z.object({ id: z.uuid(), keyId: z.uuid() }).strict();
