// Organisations: immigration offices (Kantor Imigrasi), member agencies (instansi), TIM PORA teams and their members.
// Bodies are strict (unknown fields are refused); PATCH bodies are partial: an absent field is left unchanged and
// null clears an optional one.
import { z } from 'zod';
import { emailSchema, isoDate, optionalText, pageOf, pageQuery, regionCodeSchema, text } from './common';

/** A regency/city code (kabupaten/kota), the unit of an office's working area: PP.KK. */
export const regencyCodeSchema = z.string().regex(/^\d{2}\.\d{2}$/, 'kode kabupaten/kota tidak sah');

/** A code from a code table (agency-kinds, office-classes); the service checks it against the table. */
export const agencyKindCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'kode jenis instansi tidak sah');
export const officeClassCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'kode kelas kantor tidak sah');

export const teamLevelCodes = ['pusat', 'provinsi', 'kabupaten_kota', 'kecamatan'] as const;
export const teamLevelSchema = z.enum(teamLevelCodes);
export type TeamLevel = z.infer<typeof teamLevelSchema>;

export const teamMemberRoleCodes = ['ketua', 'wakil_ketua', 'sekretaris', 'anggota'] as const;
export const teamMemberRoleSchema = z.enum(teamMemberRoleCodes);
export type TeamMemberRole = z.infer<typeof teamMemberRoleSchema>;

/** Names of organisations, teams and people: letters of any script, digits, spaces and the punctuation names use
 * (Soka'an, Kab. Lahat, Polres OKU (Ogan Komering Ulu), Dinas Kependudukan & Pencatatan Sipil, 2025–2027). */
const NAME_PATTERN = /^[\p{L}\p{M}\p{N} .,'’()/&:–-]+$/u;
export const nameText = (max: number) =>
  z.string().trim().min(1).max(max).regex(NAME_PATTERN, 'nama memuat karakter yang tidak diizinkan');
export const optionalNameText = (max: number) =>
  z
    .union([z.literal(''), nameText(max)])
    .nullish()
    .transform((v) => (v ? v : null));

/** Free text such as an address: bounded, no control characters and no markup brackets. */
export const optionalPlainText = (max: number) =>
  optionalText(max).refine((v) => v === null || !/[<>]/.test(v), 'tanda < dan > tidak diizinkan');

/** A decree (SK) number as written: "W6.IMI.GR.01.01-1234/2025". */
const decreeNumberText = z
  .union([
    z.literal(''),
    z
      .string()
      .trim()
      .max(100)
      .regex(/^[\p{L}\p{N} .,/:()&_-]+$/u, 'nomor SK tidak sah'),
  ])
  .nullish()
  .transform((v) => (v ? v : null));

/** Optional contact e-mail: "" and null both mean none. */
export const optionalEmail = z
  .union([z.literal(''), emailSchema])
  .nullish()
  .transform((v) => (v ? v : null));

/** Optional phone number as people write it: digits, spaces, + ( ) - . */
export const optionalPhone = z
  .union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^\+?[0-9(][0-9 ().-]{2,29}$/, 'nomor telepon tidak sah'),
  ])
  .nullish()
  .transform((v) => (v ? v : null));

const optionalUuid = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null);
const optionalDate = isoDate.nullish().transform((v) => v ?? null);

/** Filters every organisation list shares. */
const listFilters = {
  /** words of the name (case- and accent-insensitive) */
  q: text(100).optional(),
  /** only objects whose area is this one or lies inside it */
  region: regionCodeSchema.optional(),
  includeArchived: z.stringbool().default(false),
};

export const regionRef = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export type RegionRef = z.infer<typeof regionRef>;
const officeRef = z.object({ id: z.uuid(), name: z.string() });
const timestamps = { createdAt: z.string(), updatedAt: z.string(), archivedAt: z.string().nullable() };

// ─── Offices ─────────────────────────────────────────────────────────────────────────────────────────────────────

const officeFields = {
  name: nameText(200),
  officeClass: officeClassCode,
  /** where the office sits (any level) */
  regionCode: regionCodeSchema,
  /** the regencies/cities the office covers; duplicates are dropped */
  workingArea: z.array(regencyCodeSchema).min(1).max(600),
  address: optionalPlainText(500),
  phone: optionalPhone,
  email: optionalEmail,
};
export const officeCreate = z.object(officeFields).strict();
export const officeUpdate = z.object(officeFields).partial().strict();
export type OfficeCreate = z.infer<typeof officeCreate>;
export type OfficeUpdate = z.infer<typeof officeUpdate>;

export const officeItem = z.object({
  id: z.uuid(),
  name: z.string(),
  officeClass: z.string(),
  region: regionRef,
  workingArea: z.array(regionRef),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  ...timestamps,
});
export type OfficeItem = z.infer<typeof officeItem>;
export const officePage = pageOf(officeItem);

export const officeListQuery = pageQuery.extend({ ...listFilters, officeClass: officeClassCode.optional() }).strict();
export type OfficeListQuery = z.infer<typeof officeListQuery>;

// ─── Agencies ────────────────────────────────────────────────────────────────────────────────────────────────────

const agencyFields = {
  name: nameText(200),
  kind: agencyKindCode,
  /** jurisdiction: any level of area */
  regionCode: regionCodeSchema,
  /** only for an immigration office's own agency (kind imigrasi): its users then work in the office's area */
  officeId: optionalUuid,
  address: optionalPlainText(500),
  phone: optionalPhone,
  email: optionalEmail,
};
export const agencyCreate = z.object(agencyFields).strict();
export const agencyUpdate = z.object(agencyFields).partial().strict();
export type AgencyCreate = z.infer<typeof agencyCreate>;
export type AgencyUpdate = z.infer<typeof agencyUpdate>;

export const agencyItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  region: regionRef,
  office: officeRef.nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  ...timestamps,
});
export type AgencyItem = z.infer<typeof agencyItem>;
export const agencyPage = pageOf(agencyItem);

export const agencyListQuery = pageQuery
  .extend({ ...listFilters, kind: agencyKindCode.optional(), officeId: z.uuid().optional() })
  .strict();
export type AgencyListQuery = z.infer<typeof agencyListQuery>;

// ─── Teams ───────────────────────────────────────────────────────────────────────────────────────────────────────

const teamFields = {
  name: nameText(200),
  level: teamLevelSchema,
  /** the team's area: a province for provinsi, a regency/city for kabupaten_kota, a district for kecamatan;
   * for pusat the seat (the team covers the whole country) */
  regionCode: regionCodeSchema,
  /** the decree (SK) forming the team */
  decreeNumber: decreeNumberText,
  decreeDate: optionalDate,
  chairName: optionalNameText(200),
  chairTitle: optionalNameText(200),
  secretariatOfficeId: optionalUuid,
  periodStart: optionalDate,
  periodEnd: optionalDate,
};

const periodInOrder = (t: { periodStart?: string | null; periodEnd?: string | null }) =>
  !t.periodStart || !t.periodEnd || t.periodStart <= t.periodEnd;
const periodMessage = { message: 'periode berakhir sebelum dimulai', path: ['periodEnd'] };

export const teamCreate = z.object(teamFields).strict().refine(periodInOrder, periodMessage);
export const teamUpdate = z.object(teamFields).partial().strict().refine(periodInOrder, periodMessage);
export type TeamCreate = z.infer<typeof teamCreate>;
export type TeamUpdate = z.infer<typeof teamUpdate>;

export const teamItem = z.object({
  id: z.uuid(),
  name: z.string(),
  level: teamLevelSchema,
  region: regionRef,
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  chairName: z.string().nullable(),
  chairTitle: z.string().nullable(),
  secretariatOffice: officeRef.nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  memberCount: z.number().int(),
  ...timestamps,
});
export type TeamItem = z.infer<typeof teamItem>;
export const teamPage = pageOf(teamItem);

export const teamListQuery = pageQuery
  .extend({ ...listFilters, level: teamLevelSchema.optional(), secretariatOfficeId: z.uuid().optional() })
  .strict();
export type TeamListQuery = z.infer<typeof teamListQuery>;

// ─── Team members ────────────────────────────────────────────────────────────────────────────────────────────────

const teamMemberFields = {
  role: teamMemberRoleSchema,
  /** the agency's liaison officer (narahubung) */
  liaisonName: optionalNameText(200),
  liaisonPhone: optionalPhone,
  liaisonEmail: optionalEmail,
};
export const teamMemberCreate = z.object({ agencyId: z.uuid(), ...teamMemberFields }).strict();
/** The agency of a membership does not change: remove it and add the other agency. */
export const teamMemberUpdate = z.object(teamMemberFields).partial().strict();
export type TeamMemberCreate = z.infer<typeof teamMemberCreate>;
export type TeamMemberUpdate = z.infer<typeof teamMemberUpdate>;

export const teamMemberItem = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  agency: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    region: regionRef,
    archivedAt: z.string().nullable(),
  }),
  role: teamMemberRoleSchema,
  liaisonName: z.string().nullable(),
  liaisonPhone: z.string().nullable(),
  liaisonEmail: z.string().nullable(),
  createdAt: z.string(),
});
export type TeamMemberItem = z.infer<typeof teamMemberItem>;
export const teamMemberList = z.object({ items: z.array(teamMemberItem) });

export const teamDetail = teamItem.extend({ members: z.array(teamMemberItem) });
export type TeamDetail = z.infer<typeof teamDetail>;

export const teamMemberParams = z.object({ id: z.uuid(), memberId: z.uuid() }).strict();
