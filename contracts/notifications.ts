// In-app notifications of the signed-in user. Titles and bodies are message keys in the web app's "notifications"
// catalogue with their parameters, so each reader sees them in their own language.
import { z } from 'zod';
import { pageQuery } from './common';

export const notificationItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  titleKey: z.string(),
  bodyKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** a path in the web app */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationListQuery = pageQuery.extend({
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

/** Unread first, then newest first. */
export const notificationPage = z.object({
  items: z.array(notificationItem),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const unreadCount = z.object({ unread: z.number().int() });
export const readAllResult = z.object({ updated: z.number().int() });
