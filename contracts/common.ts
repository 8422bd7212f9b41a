// Shapes shared by every module's contract.
import { z } from 'zod';

export const roleCodes = [
  'system_admin',
  'office_admin',
  'analyst',
  'agency_member',
  'field_officer',
  'accommodation_operator',
  'auditor',
] as const;
export const roleSchema = z.enum(roleCodes);
export type Role = z.infer<typeof roleSchema>;

export const permissionCodes = [
  'regions.read',
  'orgs.read',
  'offices.manage',
  'agencies.manage',
  'teams.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'persons.read',
  'persons.write',
  'sponsors.read',
  'sponsors.write',
  'accommodations.read',
  'accommodations.verify',
  'accommodations.manage_own',
  'stays.read',
  'compliance.read',
  'compliance.remind',
] as const;
export const permissionSchema = z.enum(permissionCodes);
export type Permission = z.infer<typeof permissionSchema>;

export const localeSchema = z.enum(['id', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const uuidSchema = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();

/** Kemendagri area code: PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD. */
export const regionCodeSchema = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'kode wilayah tidak sah');

/** Free text from people: trimmed, bounded, no control characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'karakter kontrol tidak diizinkan');
export const requiredText = (max: number) => text(max).pipe(z.string().min(1));
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));

export const isoDate = z.iso.date();
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .loose();

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
