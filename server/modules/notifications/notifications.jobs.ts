// The mail job: one notification's e-mail, retried with backoff while the mail server refuses.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs';
import { sendNotificationMail } from './notification-mail';

export const sendNotificationMailJob = defineJob({
  name: 'notifications.send-mail',
  version: 1,
  payload: z.object({ notificationId: z.uuid() }),
  maxAttempts: 8,
  run: (ctx, { notificationId }) => sendNotificationMail(ctx, notificationId),
});
