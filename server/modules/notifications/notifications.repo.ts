// All SQL of notifications.
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client';
import { users } from '../../db/schema/auth';
import { notifications } from '../../db/schema/notifications';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

export async function insertNotifications(tx: Tx, rows: readonly NewNotification[]) {
  if (rows.length === 0) {
    return;
  }
  await tx.insert(notifications).values([...rows]);
}

export async function listForUser(
  db: Queryable,
  userId: string,
  unreadOnly: boolean,
  page: { limit: number; offset: number },
) {
  const where = and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined);
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    // unread first, newest first
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(notifications).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function countUnread(db: Queryable, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read (keeps the first read time); undefined when it is not theirs. */
export async function markRead(db: Queryable, userId: string, id: string, at: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: Queryable, userId: string, at: Date) {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** A notification with its addressee, for the mail job. */
export async function findForMail(db: Queryable, id: string) {
  const [row] = await db
    .select({ notification: notifications, email: users.email, locale: users.locale, userStatus: users.status })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, id));
  return row;
}

export async function setEmailStatus(db: Queryable, id: string, status: 'none' | 'sent' | 'failed', at: Date) {
  await db
    .update(notifications)
    .set({ emailStatus: status, ...(status === 'sent' ? { emailSentAt: at } : {}) })
    .where(eq(notifications.id, id));
}

/** Active users among the given ids (archived or disabled accounts get nothing). */
export async function findActiveUserIds(db: Queryable, userIds: readonly string[]) {
  if (userIds.length === 0) {
    return [];
  }
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}
