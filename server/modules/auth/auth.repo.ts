// SQL of sign-in and sessions.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/common';
import type { Queryable } from '../../db/client';
import { authThrottle, sessions, users } from '../../db/schema/auth';
import { agencies, offices } from '../../db/schema/orgs';

export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserById(db: Queryable, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** The user with what their scope is computed from: agency jurisdiction and, for an office's own agency, its area. */
export async function loadUserProfile(db: Queryable, userId: string) {
  const [row] = await db
    .select({
      user: users,
      agency: { id: agencies.id, name: agencies.name, kind: agencies.kind, regionCode: agencies.regionCode },
      officeId: offices.id,
      workingArea: offices.workingArea,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(offices, eq(offices.id, agencies.officeId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ? { ...row, user: { ...row.user, roles: row.user.roles as Role[] } } : undefined;
}
export type UserProfile = NonNullable<Awaited<ReturnType<typeof loadUserProfile>>>;

export async function findLiveSession(db: Queryable, tokenHash: string, now: Date, idleSince: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
      ),
    )
    .limit(1);
  return row;
}

export async function touchSession(db: Queryable, id: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function insertSession(db: Queryable, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function revokeSession(db: Queryable, id: string, now: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: Queryable, userId: string, now: Date, exceptId?: string) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function listUserSessions(db: Queryable, userId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function updateUser(db: Queryable, id: string, patch: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function getThrottle(db: Queryable, key: string) {
  const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key)).limit(1);
  return row;
}

export async function putThrottle(db: Queryable, row: typeof authThrottle.$inferInsert) {
  await db
    .insert(authThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil ?? null },
    });
}

export async function clearThrottle(db: Queryable, key: string) {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}
