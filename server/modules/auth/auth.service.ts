// Sign-in with password and second factor, sessions, and what a user manages about their own account.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { changePasswordRequest, loginRequest, Me } from '../../../contracts/auth';
import type { Locale } from '../../../contracts/common';
import type { Config } from '../../config';
import type { Database, Tx } from '../../db/client';
import { computeScope, permissionsOf, requireUser, rolesRequiringTotp, type UserActor } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import { checkPasswordPolicy, decoyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { Sealer } from '../../platform/auth/secrets';
import {
  findRecoveryCode,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpEnrolment,
  verifyTotp,
} from '../../platform/auth/totp';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as repo from './auth.repo';

export const SESSION_COOKIE = 'pora_session';

const ACCOUNT_FREE_FAILURES = 5;
const ACCOUNT_BASE_LOCK_MS = 60_000;
const ACCOUNT_MAX_LOCK_MS = 60 * 60_000;
const ADDRESS_WINDOW_MS = 15 * 60_000;
const ADDRESS_MAX_FAILURES = 30;
const ADDRESS_LOCK_MS = 15 * 60_000;

/** For user administration: end every live session of a user (inside the caller's transaction). */
export const revokeAllSessions = (tx: Tx, userId: string, now: Date) => repo.revokeUserSessions(tx, userId, now);

/** For user administration: lift a sign-in lockout after an admin reset. */
export const clearSignInLockout = (tx: Tx, email: string) => repo.clearThrottle(tx, `email:${email}`);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function isTotpRequired(roles: readonly string[]) {
  return roles.some((r) => (rolesRequiringTotp as readonly string[]).includes(r));
}

export function toActor(profile: repo.UserProfile, sessionId: string): UserActor {
  const { user, agency } = profile;
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    email: user.email,
    agencyId: agency.id,
    roles: user.roles,
    permissions: permissionsOf(user.roles),
    scope: computeScope(user.roles, agency.regionCode, profile.workingArea),
    officeId: profile.officeId,
    sessionId,
  };
}

/** A session that must first change the password or enrol a second factor reaches only its own profile. */
export function isRestricted(profile: repo.UserProfile) {
  return profile.user.mustChangePassword || (isTotpRequired(profile.user.roles) && !profile.user.totpEnabledAt);
}

export function presentMe(profile: repo.UserProfile): Me {
  const { user, agency } = profile;
  const actor = toActor(profile, '');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    agency,
    officeId: profile.officeId,
    roles: user.roles,
    permissions: [...actor.permissions],
    scope: actor.scope === 'all' ? 'all' : [...actor.scope],
    locale: user.locale === 'en' ? 'en' : 'id',
    totpEnabled: user.totpEnabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    totpEnrolmentRequired: isTotpRequired(user.roles) && !user.totpEnabledAt,
  };
}

/** Resolves a session cookie to its user; undefined when the token is unknown, revoked, expired or idle. */
export async function authenticateSession(database: Database, config: Config, token: string, now: Date) {
  const tokenHash = hashToken(token);
  const idleSince = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
  const session = await repo.findLiveSession(database.db, tokenHash, now, idleSince);
  if (!session) {
    return undefined;
  }
  const profile = await repo.loadUserProfile(database.db, session.userId);
  if (profile?.user.status !== 'active') {
    return undefined;
  }
  // One write a minute at most, not one per request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(database.db, session.id, now);
  }
  return { actor: toActor(profile, session.id), restricted: isRestricted(profile) };
}

type Throttle = Awaited<ReturnType<typeof repo.getThrottle>>;

function lockedFor(row: Throttle, now: Date): number {
  return row?.lockedUntil && row.lockedUntil > now ? Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000) : 0;
}

async function recordFailure(tx: Tx, ctx: Ctx, email: string, reason: string) {
  const now = ctx.now();
  const emailKey = `email:${email}`;
  const account = await repo.getThrottle(tx, emailKey);
  const failures = (account?.failures ?? 0) + 1;
  const over = failures - ACCOUNT_FREE_FAILURES;
  await repo.putThrottle(tx, {
    key: emailKey,
    failures,
    windowStart: account?.windowStart ?? now,
    lockedUntil:
      over >= 0 ? new Date(now.getTime() + Math.min(ACCOUNT_BASE_LOCK_MS * 2 ** over, ACCOUNT_MAX_LOCK_MS)) : null,
  });
  if (ctx.ip) {
    const ipKey = `ip:${ctx.ip}`;
    const address = await repo.getThrottle(tx, ipKey);
    const fresh = !address || now.getTime() - address.windowStart.getTime() > ADDRESS_WINDOW_MS;
    const count = fresh ? 1 : address.failures + 1;
    await repo.putThrottle(tx, {
      key: ipKey,
      failures: count,
      windowStart: fresh ? now : address.windowStart,
      lockedUntil: count >= ADDRESS_MAX_FAILURES ? new Date(now.getTime() + ADDRESS_LOCK_MS) : null,
    });
  }
  await appendAudit(tx, ctx, { action: 'auth.login_failed', details: { email, reason } });
}

export type LoginResult = { token: string; me: Me; expiresAt: Date };

export async function login(ctx: Ctx, input: z.infer<typeof loginRequest>, sealer: Sealer): Promise<LoginResult> {
  const now = ctx.now();
  const { database } = ctx;
  const email = input.email;
  const [account, address] = await Promise.all([
    repo.getThrottle(database.db, `email:${email}`),
    ctx.ip ? repo.getThrottle(database.db, `ip:${ctx.ip}`) : undefined,
  ]);
  const wait = Math.max(lockedFor(account, now), lockedFor(address, now));
  if (wait > 0) {
    throw new AppError('ACCOUNT_LOCKED', 'too many failed sign-ins', { retryAfterSeconds: wait });
  }

  const user = await repo.findUserByEmail(database.db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordOk || user.status === 'archived') {
    await database.transaction((tx) => recordFailure(tx, ctx, email, user ? 'password' : 'unknown_email'));
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    throw new AppError('ACCOUNT_DISABLED');
  }

  let usedRecoveryIndex = -1;
  let totpStep: number | null = null;
  if (user.totpEnabledAt && user.totpSecretSealed) {
    if (input.totp) {
      const result = await verifyTotp(sealer.open(user.totpSecretSealed), input.totp, user.totpLastStep);
      if (!result.valid) {
        await database.transaction((tx) => recordFailure(tx, ctx, email, 'totp'));
        throw new AppError('TOTP_INVALID');
      }
      totpStep = result.timeStep;
    } else if (input.recoveryCode) {
      usedRecoveryIndex = await findRecoveryCode(user.recoveryCodeHashes, input.recoveryCode);
      if (usedRecoveryIndex < 0) {
        await database.transaction((tx) => recordFailure(tx, ctx, email, 'recovery_code'));
        throw new AppError('TOTP_INVALID');
      }
    } else {
      throw new AppError('TOTP_REQUIRED', 'a one-time code is required');
    }
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  const sessionId = randomUUID();
  const profile = await database.transaction(async (tx) => {
    await repo.clearThrottle(tx, `email:${email}`);
    await repo.updateUser(tx, user.id, {
      lastLoginAt: now,
      ...(totpStep !== null ? { totpLastStep: totpStep } : {}),
      ...(usedRecoveryIndex >= 0
        ? { recoveryCodeHashes: user.recoveryCodeHashes.filter((_, i) => i !== usedRecoveryIndex) }
        : {}),
    });
    await repo.insertSession(tx, {
      id: sessionId,
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    const loaded = await repo.loadUserProfile(tx, user.id);
    if (!loaded) {
      throw new AppError('USER_NOT_FOUND');
    }
    await appendAudit(
      tx,
      { ...ctx, actor: toActor(loaded, sessionId) },
      {
        action: 'auth.login',
        objectType: 'session',
        objectId: sessionId,
        details: { secondFactor: totpStep !== null ? 'totp' : usedRecoveryIndex >= 0 ? 'recovery_code' : 'none' },
      },
    );
    return loaded;
  });
  return { token, me: presentMe(profile), expiresAt };
}

async function profileOf(ctx: Ctx) {
  requireUser(ctx.actor);
  const profile = await repo.loadUserProfile(ctx.database.db, ctx.actor.userId);
  if (!profile) {
    throw new AppError('UNAUTHENTICATED');
  }
  return profile;
}

export async function getMe(ctx: Ctx): Promise<Me> {
  return presentMe(await profileOf(ctx));
}

export async function updateMe(ctx: Ctx, input: { locale: Locale }): Promise<Me> {
  requireUser(ctx.actor);
  const actor = ctx.actor;
  await ctx.database.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, { locale: input.locale, updatedAt: ctx.now() });
    await appendAudit(tx, ctx, {
      action: 'user.update_own',
      objectType: 'user',
      objectId: actor.userId,
      details: input,
    });
  });
  return getMe(ctx);
}

export async function logout(ctx: Ctx) {
  requireUser(ctx.actor);
  const actor = ctx.actor;
  await ctx.database.transaction(async (tx) => {
    await repo.revokeSession(tx, actor.sessionId, ctx.now());
    await appendAudit(tx, ctx, { action: 'auth.logout', objectType: 'session', objectId: actor.sessionId });
  });
}

/** Ends every session of the user, the current one included. */
export async function logoutEverywhere(ctx: Ctx) {
  requireUser(ctx.actor);
  const actor = ctx.actor;
  await ctx.database.transaction(async (tx) => {
    const count = await repo.revokeUserSessions(tx, actor.userId, ctx.now());
    await appendAudit(tx, ctx, {
      action: 'auth.logout_everywhere',
      objectType: 'user',
      objectId: actor.userId,
      details: { sessions: count },
    });
  });
}

export async function listSessions(ctx: Ctx) {
  requireUser(ctx.actor);
  const actor = ctx.actor;
  const rows = await repo.listUserSessions(ctx.database.db, actor.userId, ctx.now());
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }));
}

export async function changePassword(ctx: Ctx, input: z.infer<typeof changePasswordRequest>) {
  const profile = await profileOf(ctx);
  const { user } = profile;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD');
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('PASSWORD_SAME_AS_OLD');
  }
  checkPasswordPolicy(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  const actor = ctx.actor as UserActor;
  await ctx.database.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false, updatedAt: ctx.now() });
    // Other sessions may belong to whoever knew the old password.
    await repo.revokeUserSessions(tx, user.id, ctx.now(), actor.sessionId);
    await appendAudit(tx, ctx, { action: 'user.change_password', objectType: 'user', objectId: user.id });
  });
}

export async function startTotpEnrolment(ctx: Ctx, sealer: Sealer) {
  const { user } = await profileOf(ctx);
  if (user.totpEnabledAt) {
    throw new AppError('TOTP_ALREADY_ENABLED');
  }
  const secret = newTotpSecret();
  await ctx.database.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpPendingSealed: sealer.seal(secret), updatedAt: ctx.now() });
    await appendAudit(tx, ctx, { action: 'user.totp_enrol_start', objectType: 'user', objectId: user.id });
  });
  return totpEnrolment(secret, user.email, 'PORA');
}

export async function confirmTotpEnrolment(ctx: Ctx, sealer: Sealer, code: string) {
  const { user } = await profileOf(ctx);
  if (user.totpEnabledAt) {
    throw new AppError('TOTP_ALREADY_ENABLED');
  }
  if (!user.totpPendingSealed) {
    throw new AppError('TOTP_NOT_PENDING');
  }
  const secret = sealer.open(user.totpPendingSealed);
  const result = await verifyTotp(secret, code, null);
  if (!result.valid) {
    throw new AppError('TOTP_INVALID');
  }
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  await ctx.database.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, {
      totpSecretSealed: user.totpPendingSealed,
      totpPendingSealed: null,
      totpEnabledAt: ctx.now(),
      totpLastStep: result.timeStep,
      recoveryCodeHashes: hashes,
      updatedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, { action: 'user.totp_enable', objectType: 'user', objectId: user.id });
  });
  return { recoveryCodes };
}

export async function regenerateRecoveryCodes(ctx: Ctx, password: string) {
  const { user } = await profileOf(ctx);
  if (!user.totpEnabledAt) {
    throw new AppError('TOTP_NOT_ENABLED');
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('WRONG_PASSWORD');
  }
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  await ctx.database.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { recoveryCodeHashes: hashes, updatedAt: ctx.now() });
    await appendAudit(tx, ctx, { action: 'user.recovery_codes_regenerate', objectType: 'user', objectId: user.id });
  });
  return { recoveryCodes };
}

/** Users whose role requires a second factor cannot switch it off; an admin resets it instead. */
export async function disableTotp(ctx: Ctx, password: string) {
  const { user } = await profileOf(ctx);
  if (!user.totpEnabledAt) {
    throw new AppError('TOTP_NOT_ENABLED');
  }
  if (isTotpRequired(user.roles)) {
    throw new AppError('PERMISSION_DENIED', 'your role requires two-factor sign-in');
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('WRONG_PASSWORD');
  }
  await ctx.database.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, {
      totpSecretSealed: null,
      totpPendingSealed: null,
      totpEnabledAt: null,
      recoveryCodeHashes: [],
      updatedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, { action: 'user.totp_disable', objectType: 'user', objectId: user.id });
  });
}
