// Sign-in, sessions, the current user, password and second factor.
import { z } from 'zod';
import { emailSchema, localeSchema, permissionSchema, roleSchema } from './common';

export const loginRequest = z
  .object({
    email: emailSchema,
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    recoveryCode: z.string().min(8).max(40).optional(),
  })
  .strict();

export const meResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), regionCode: z.string() }),
  officeId: z.uuid().nullable(),
  roles: z.array(roleSchema),
  permissions: z.array(permissionSchema),
  scope: z.union([z.literal('all'), z.array(z.string())]),
  locale: localeSchema,
  totpEnabled: z.boolean(),
  /** the session only reaches the profile until these are done */
  mustChangePassword: z.boolean(),
  totpEnrolmentRequired: z.boolean(),
});
export type Me = z.infer<typeof meResponse>;

export const updateMeRequest = z.object({ locale: localeSchema }).strict();

export const changePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();

export const totpEnrolmentResponse = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });
export const totpConfirmRequest = z.object({ code: z.string().regex(/^\d{6}$/) }).strict();
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const totpDisableRequest = z.object({ password: z.string().min(1).max(256) }).strict();

export const sessionItem = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const sessionsResponse = z.object({ items: z.array(sessionItem) });
export const okResponse = z.object({ ok: z.literal(true) });
