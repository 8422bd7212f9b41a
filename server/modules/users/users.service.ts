// Administration of user accounts. A user's record is personal data: reading it needs users.read, is limited to
// users of agencies inside the actor's scope and is audited. An admin grants only the roles they may grant
// (grantableRoles) and manages only users whose every role they could grant. The CLI calls createUser and
// resetUserTotp with a system actor.
import { randomUUID } from 'node:crypto';
import { type Role, roleCodes } from '../../../contracts/common';
import type { UserCreate, UserItem, UserListQuery, UserUpdate } from '../../../contracts/users';
import type { Queryable, Tx } from '../../db/client';
import { type Actor, requirePermission, scopeOf } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import { checkPasswordPolicy, generateOneTimePassword, hashPassword } from '../../platform/auth/passwords';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { clearSignInLockout, revokeAllSessions } from '../auth/auth.service';
import { findAgencyForReference } from '../orgs/agencies.service';
import { changedFields, hasChanges } from '../orgs/field-changes';
import { canManageArea } from '../orgs/orgs.scope';
import * as repo from './users.repo';

/** What an office admin (TIM PORA secretariat) may hand out: everything but system_admin and auditor. */
const officeAdminGrantable: readonly Role[] = [
  'office_admin',
  'analyst',
  'agency_member',
  'field_officer',
  'accommodation_operator',
];

/** Roles the actor may grant: all for system admins and the system; the secretariat's list for office admins;
 * otherwise only roles the actor holds. */
export function grantableRoles(actor: Actor): ReadonlySet<Role> {
  if (actor.kind === 'system' || (actor.kind === 'user' && actor.roles.includes('system_admin'))) {
    return new Set(roleCodes);
  }
  if (actor.kind !== 'user') {
    return new Set();
  }
  return new Set(actor.roles.includes('office_admin') ? officeAdminGrantable : actor.roles);
}

function requireGrantable(actor: Actor, roles: readonly Role[]) {
  const grantable = grantableRoles(actor);
  const refused = roles.filter((r) => !grantable.has(r));
  if (refused.length > 0) {
    throw new AppError('ROLE_NOT_GRANTABLE', 'you may not grant these roles', { roles: refused });
  }
}

export function presentUser({ user, agency }: repo.UserWithAgency): UserItem {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    agency,
    roles: user.roles,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabledAt !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** The user if the actor's scope holds the user's agency; otherwise not found. */
async function findVisibleUser(db: Queryable, actor: Actor, where: { id: string } | { email: string }) {
  const row = await repo.findUser(db, where);
  if (!row || !canManageArea(actor, row.agency.regionCode)) {
    throw new AppError('USER_NOT_FOUND');
  }
  return row;
}

/** A user the actor may administer: visible, holding only roles the actor could grant, and not the actor
 * (an admin does not lock themselves out; their own account is managed under /me). */
async function findManageableUser(db: Queryable, actor: Actor, id: string, opts: { self: 'allowed' | 'refused' }) {
  const row = await findVisibleUser(db, actor, { id });
  requireGrantable(actor, row.user.roles);
  if (opts.self === 'refused' && actor.kind === 'user' && actor.userId === id) {
    throw new AppError('SELF_CHANGE_REFUSED', 'manage your own account from your profile');
  }
  return row;
}

async function reload(db: Queryable, id: string): Promise<UserItem> {
  const row = await repo.findUser(db, { id });
  if (!row) {
    throw new AppError('USER_NOT_FOUND');
  }
  return presentUser(row);
}

export async function listUsers(ctx: Ctx, query: UserListQuery) {
  requirePermission(ctx.actor, 'users.read');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const { rows, total } = await repo.listUsers(tx, { ...query, scope: scopeOf(actor) }, query);
    const { limit, offset, ...filters } = query;
    await appendAudit(tx, ctx, {
      action: 'user.list',
      objectType: 'user',
      details: { filters, limit, offset, total, userIds: rows.map((r) => r.user.id) },
    });
    return { items: rows.map(presentUser), total };
  });
}

export async function getUser(ctx: Ctx, id: string): Promise<UserItem> {
  requirePermission(ctx.actor, 'users.read');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const row = await findVisibleUser(tx, actor, { id });
    await appendAudit(tx, ctx, { action: 'user.read', objectType: 'user', objectId: id });
    return presentUser(row);
  });
}

/** For the CLI, which names users by e-mail. Audited like any read of a user. */
export async function findUserByEmail(ctx: Ctx, email: string): Promise<UserItem> {
  requirePermission(ctx.actor, 'users.read');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const row = await findVisibleUser(tx, actor, { email: email.trim().toLowerCase() });
    await appendAudit(tx, ctx, { action: 'user.read', objectType: 'user', objectId: row.user.id });
    return presentUser(row);
  });
}

/**
 * Creates an account. Without a password it gets a one-time password, returned here and never stored in clear, that
 * must be changed at first sign-in; with one (the CLI's --password-stdin) the password must pass the policy.
 */
export async function createUser(ctx: Ctx, input: UserCreate): Promise<{ user: UserItem; oneTimePassword: string }>;
export async function createUser(
  ctx: Ctx,
  input: UserCreate,
  opts: { password?: string },
): Promise<{ user: UserItem; oneTimePassword: string | null }>;
export async function createUser(ctx: Ctx, input: UserCreate, opts: { password?: string } = {}) {
  requirePermission(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  requireGrantable(actor, input.roles);
  if (opts.password !== undefined) {
    checkPasswordPolicy(opts.password, input.email);
  }
  const oneTimePassword = opts.password === undefined ? generateOneTimePassword() : null;
  const passwordHash = await hashPassword(opts.password ?? (oneTimePassword as string));
  const id = randomUUID();
  try {
    const user = await ctx.database.transaction(async (tx) => {
      const agency = await findAgencyForReference(tx, actor, input.agencyId, 'manageable');
      if (!agency) {
        throw new AppError('INVALID_REFERENCE', 'unknown agency', { field: 'agencyId' });
      }
      if (await repo.isEmailTaken(tx, input.email)) {
        throw new AppError('EMAIL_TAKEN');
      }
      const now = ctx.now();
      await repo.insertUser(tx, {
        id,
        ...input,
        status: 'active',
        passwordHash,
        mustChangePassword: oneTimePassword !== null,
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(tx, ctx, {
        action: 'user.create',
        objectType: 'user',
        objectId: id,
        details: { fields: input, password: oneTimePassword !== null ? 'one_time' : 'set' },
      });
      return reload(tx, id);
    });
    return { user, oneTimePassword };
  } catch (error) {
    if (repo.isUniqueViolation(error)) {
      throw new AppError('EMAIL_TAKEN');
    }
    throw error;
  }
}

export async function updateUser(ctx: Ctx, id: string, input: UserUpdate): Promise<UserItem> {
  requirePermission(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findManageableUser(tx, actor, id, { self: 'allowed' });
    if (before.user.status === 'archived') {
      throw new AppError('ARCHIVED', 'unarchive the user first');
    }
    const changes = changedFields({ ...before.user, status: before.user.status as string }, input);
    if (!hasChanges(changes)) {
      return presentUser(before);
    }
    const isSelf = actor.kind === 'user' && actor.userId === id;
    if (isSelf && (changes.roles || changes.status || changes.agencyId)) {
      throw new AppError('SELF_CHANGE_REFUSED', 'another admin changes your roles, status or agency');
    }
    if (changes.roles) {
      requireGrantable(actor, changes.roles.to);
    }
    if (changes.agencyId && !(await findAgencyForReference(tx, actor, changes.agencyId.to, 'manageable'))) {
      throw new AppError('INVALID_REFERENCE', 'unknown agency', { field: 'agencyId' });
    }
    const now = ctx.now();
    await repo.updateUser(tx, id, { ...input, updatedAt: now });
    // A disabled account must not come back with its old sessions when it is enabled again.
    const revokedSessions = changes.status?.to === 'disabled' ? await revokeAllSessions(tx, id, now) : 0;
    await appendAudit(tx, ctx, {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      details: { changes, ...(revokedSessions ? { revokedSessions } : {}) },
    });
    return reload(tx, id);
  });
}

/** Archiving ends the account's sessions and takes it out of lists; unarchiving brings it back disabled, to be
 * enabled on purpose. Idempotent. */
export async function setUserArchived(ctx: Ctx, id: string, archived: boolean): Promise<UserItem> {
  requirePermission(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findManageableUser(tx, actor, id, { self: 'refused' });
    if ((before.user.status === 'archived') === archived) {
      return presentUser(before);
    }
    const now = ctx.now();
    await repo.updateUser(tx, id, { status: archived ? 'archived' : 'disabled', updatedAt: now });
    const revokedSessions = archived ? await revokeAllSessions(tx, id, now) : 0;
    await appendAudit(tx, ctx, {
      action: archived ? 'user.archive' : 'user.unarchive',
      objectType: 'user',
      objectId: id,
      details: archived ? { revokedSessions } : { status: 'disabled' },
    });
    return reload(tx, id);
  });
}

/** A new one-time password, to be changed at the next sign-in; every session ends and a sign-in lockout lifts. */
export async function resetUserPassword(ctx: Ctx, id: string): Promise<{ user: UserItem; oneTimePassword: string }> {
  requirePermission(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await ctx.database.transaction(async (tx) => {
    const target = await findManageableUser(tx, actor, id, { self: 'refused' });
    if (target.user.status === 'archived') {
      throw new AppError('ARCHIVED', 'unarchive the user first');
    }
    const now = ctx.now();
    await repo.updateUser(tx, id, { passwordHash, mustChangePassword: true, updatedAt: now });
    const revokedSessions = await revokeAllSessions(tx, id, now);
    await clearSignInLockout(tx, target.user.email);
    await appendAudit(tx, ctx, {
      action: 'user.password_reset',
      objectType: 'user',
      objectId: id,
      details: { revokedSessions },
    });
    return reload(tx, id);
  });
  return { user, oneTimePassword };
}

/** Clears the user's second factor (lost phone): they enrol again at the next sign-in; every session ends. */
export async function resetUserTotp(ctx: Ctx, userId: string): Promise<UserItem> {
  requirePermission(ctx.actor, 'users.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const target = await findManageableUser(tx, actor, userId, { self: 'refused' });
    if (!target.user.totpEnabledAt && !target.user.totpPending) {
      throw new AppError('TOTP_NOT_ENABLED', 'the user has no second factor');
    }
    const now = ctx.now();
    await repo.updateUser(tx, userId, {
      totpSecretSealed: null,
      totpPendingSealed: null,
      totpEnabledAt: null,
      totpLastStep: null,
      recoveryCodeHashes: [],
      updatedAt: now,
    });
    const revokedSessions = await revokeAllSessions(tx, userId, now);
    await appendAudit(tx, ctx, {
      action: 'user.totp_reset',
      objectType: 'user',
      objectId: userId,
      details: { revokedSessions },
    });
    return reload(tx, userId);
  });
}

/** For modules that open an account on someone's own request (an accommodation's registration, verified by the
 * office): the password was checked against the policy and hashed when the person chose it. Runs in the caller's
 * transaction; the caller has checked its own permission. */
export async function isAccountEmailTaken(db: Queryable, email: string): Promise<boolean> {
  return repo.isEmailTaken(db, email);
}

export async function createAccountWithPasswordHash(
  tx: Tx,
  ctx: Ctx,
  input: { email: string; name: string; agencyId: string; roles: Role[]; passwordHash: string },
): Promise<string> {
  if (await repo.isEmailTaken(tx, input.email)) {
    throw new AppError('EMAIL_TAKEN');
  }
  const id = randomUUID();
  const now = ctx.now();
  const { passwordHash, ...fields } = input;
  await repo.insertUser(tx, {
    id,
    ...fields,
    status: 'active',
    passwordHash,
    mustChangePassword: false,
    createdAt: now,
    updatedAt: now,
  });
  await appendAudit(tx, ctx, {
    action: 'user.create',
    objectType: 'user',
    objectId: id,
    details: { fields, password: 'chosen_at_registration' },
  });
  return id;
}
