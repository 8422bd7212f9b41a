// Administration of user accounts: list, create (with a one-time password), update, archive, and resets of the
// password and of the second factor. A user record is personal data: every read is audited.
import { z } from 'zod';
import { emailSchema, pageOf, pageQuery, roleSchema, text } from './common';
import { nameText } from './orgs';

export const userStatusCodes = ['active', 'disabled', 'archived'] as const;
export const userStatusSchema = z.enum(userStatusCodes);
export type UserStatus = z.infer<typeof userStatusSchema>;

const rolesField = z
  .array(roleSchema)
  .min(1)
  .max(7)
  .refine((roles) => new Set(roles).size === roles.length, 'peran ganda');

export const userCreate = z
  .object({
    email: emailSchema,
    name: nameText(200),
    agencyId: z.uuid(),
    roles: rolesField,
  })
  .strict();
export type UserCreate = z.infer<typeof userCreate>;

/** Archiving has its own endpoint; here a user is switched between active and disabled. */
export const userUpdate = z
  .object({
    name: nameText(200),
    agencyId: z.uuid(),
    roles: rolesField,
    status: z.enum(['active', 'disabled']),
  })
  .partial()
  .strict();
export type UserUpdate = z.infer<typeof userUpdate>;

export const userItem = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  agency: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), regionCode: z.string() }),
  roles: z.array(roleSchema),
  status: userStatusSchema,
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserItem = z.infer<typeof userItem>;
export const userPage = pageOf(userItem);

export const userListQuery = pageQuery
  .extend({
    /** words of the name or e-mail */
    q: text(100).optional(),
    agencyId: z.uuid().optional(),
    role: roleSchema.optional(),
    status: userStatusSchema.optional(),
    /** archived users are listed only when asked for (or with status=archived) */
    includeArchived: z.stringbool().default(false),
  })
  .strict();
export type UserListQuery = z.infer<typeof userListQuery>;

/** Shown once to the admin, who passes it on; it must be changed at first sign-in. */
export const userCreated = z.object({ user: userItem, oneTimePassword: z.string() });
export type UserCreated = z.infer<typeof userCreated>;
export const passwordResetResult = z.object({ user: userItem, oneTimePassword: z.string() });
export type PasswordResetResult = z.infer<typeof passwordResetResult>;
