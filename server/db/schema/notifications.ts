// In-app notifications of a user. The text is not stored: a notification carries message keys and parameters that
// the web app (and the mail job) translate into the reader's language.
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

export type NotificationParams = Record<string, string | number>;

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** what it is about, e.g. compliance.checkout_overdue */
    kind: text('kind').notNull(),
    /** message keys in the "notifications" catalogue */
    titleKey: text('title_key').notNull(),
    bodyKey: text('body_key').notNull(),
    params: jsonb('params').$type<NotificationParams>().notNull(),
    /** a path in the web app, e.g. /check-outs-due */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** none (no e-mail wanted or no SMTP) | queued | sent | failed */
    emailStatus: text('email_status').notNull().default('none'),
    emailSentAt: timestamp('email_sent_at', { withTimezone: true }),
  },
  (t) => [
    check('notifications_email_status_ck', sql`${t.emailStatus} in ('none', 'queued', 'sent', 'failed')`),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
