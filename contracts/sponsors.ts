// Sponsors (penjamin): the company or person responsible for a foreigner's presence and activity in Indonesia.
// Bodies are strict; PATCH bodies are partial (absent: unchanged; null: cleared).
import { z } from 'zod';
import { optionalText, pageOf, pageQuery, regionCodeSchema, text } from './common';
import { nameText, optionalEmail, optionalNameText, optionalPhone, optionalPlainText } from './orgs';

export const sponsorKindCodes = ['company', 'person'] as const;
export const sponsorKind = z.enum(sponsorKindCodes);
export type SponsorKind = z.infer<typeof sponsorKind>;

/** NIB of a company (13 digits) or another registration / identity number as written. */
const registrationNo = z
  .union([
    z.literal(''),
    z
      .string()
      .trim()
      .max(50)
      .regex(/^[\p{L}\p{N} ./-]+$/u, 'nomor registrasi tidak sah'),
  ])
  .nullish()
  .transform((v) => (v ? v : null));

const optionalRegion = z
  .union([z.literal(''), regionCodeSchema])
  .nullish()
  .transform((v) => (v ? v : null));

const sponsorFields = {
  kind: sponsorKind,
  name: nameText(200),
  registrationNo,
  contactPerson: optionalNameText(200),
  phone: optionalPhone,
  email: optionalEmail,
  address: optionalPlainText(500),
  /** area of the sponsor's address (any level) */
  regionCode: optionalRegion,
};
export const sponsorCreate = z.object(sponsorFields).strict();
export const sponsorUpdate = z.object(sponsorFields).partial().strict();
export type SponsorCreate = z.infer<typeof sponsorCreate>;
export type SponsorUpdate = z.infer<typeof sponsorUpdate>;

/** Area as shown: code, name, level and the chain people read ("Desa Muara Siban, Kec. Dempo Utara, …"). */
export const regionLabelRef = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  label: z.string(),
});
export type RegionLabelRef = z.infer<typeof regionLabelRef>;

export const sponsorRef = z.object({ id: z.uuid(), kind: sponsorKind, name: z.string() });
export type SponsorRef = z.infer<typeof sponsorRef>;

export const sponsorItem = z.object({
  id: z.uuid(),
  kind: sponsorKind,
  name: z.string(),
  registrationNo: z.string().nullable(),
  contactPerson: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  region: regionLabelRef.nullable(),
  /** foreigners (visible to the caller) whose current sponsor this is */
  personCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type SponsorItem = z.infer<typeof sponsorItem>;
export const sponsorPage = pageOf(sponsorItem);

export const sponsorListQuery = pageQuery
  .extend({
    /** words of the name, or a registration number */
    q: text(100).optional(),
    kind: sponsorKind.optional(),
    /** sponsors whose area is this one or lies inside it */
    region: regionCodeSchema.optional(),
    includeArchived: z.stringbool().default(false),
    purpose: optionalText(200),
  })
  .strict();
export type SponsorListQuery = z.infer<typeof sponsorListQuery>;
