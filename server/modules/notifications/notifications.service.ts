// Notifications: other modules call notifyUsers inside their transaction (the rows and their mail jobs commit with
// the change that caused them); a user reads and marks only their own notifications.

import type { NotificationItem, NotificationListQuery, NotificationPage } from '../../../contracts/notifications';
import type { Tx } from '../../db/client';
import type { NotificationParams } from '../../db/schema/notifications';
import { requireUser } from '../../platform/access';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { enqueueJob } from '../../platform/jobs';
import { sendNotificationMailJob } from './notifications.jobs';
import * as repo from './notifications.repo';

export type NewNotice = {
  kind: string;
  /** keys in the web app's "notifications" catalogue */
  titleKey: string;
  bodyKey: string;
  params?: NotificationParams;
  link?: string | null;
  /** also by e-mail, when SMTP is configured */
  email?: boolean;
};

/** Notifies the active users among `userIds`; returns how many were notified. */
export async function notifyUsers(tx: Tx, ctx: Ctx, userIds: readonly string[], notice: NewNotice): Promise<number> {
  const recipients = await repo.findActiveUserIds(tx, [...new Set(userIds)]);
  const mail = notice.email === true && ctx.config.smtp !== undefined;
  const now = ctx.now();
  const rows = recipients.map((userId) => ({
    id: newId(),
    userId,
    kind: notice.kind,
    titleKey: notice.titleKey,
    bodyKey: notice.bodyKey,
    params: notice.params ?? {},
    link: notice.link ?? null,
    createdAt: now,
    emailStatus: mail ? 'queued' : 'none',
  }));
  await repo.insertNotifications(tx, rows);
  if (mail) {
    for (const row of rows) {
      await enqueueJob(tx, sendNotificationMailJob, { notificationId: row.id });
    }
  }
  return rows.length;
}

function present(row: repo.NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    titleKey: row.titleKey,
    bodyKey: row.bodyKey,
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function listOwnNotifications(ctx: Ctx, query: NotificationListQuery): Promise<NotificationPage> {
  requireUser(ctx.actor);
  const db = ctx.database.db;
  const { rows, total } = await repo.listForUser(db, ctx.actor.userId, query.unreadOnly ?? false, query);
  return { items: rows.map(present), total, unread: await repo.countUnread(db, ctx.actor.userId) };
}

export async function countOwnUnread(ctx: Ctx) {
  requireUser(ctx.actor);
  return { unread: await repo.countUnread(ctx.database.db, ctx.actor.userId) };
}

/** Another user's notification is not found, like one that does not exist. */
export async function markOwnRead(ctx: Ctx, id: string): Promise<NotificationItem> {
  requireUser(ctx.actor);
  const row = await repo.markRead(ctx.database.db, ctx.actor.userId, id, ctx.now());
  if (!row) {
    throw new AppError('NOTIFICATION_NOT_FOUND');
  }
  return present(row);
}

export async function markAllOwnRead(ctx: Ctx) {
  requireUser(ctx.actor);
  return { updated: await repo.markAllRead(ctx.database.db, ctx.actor.userId, ctx.now()) };
}
