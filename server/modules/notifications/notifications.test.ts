// Notifications: own only (another user's id is not found), unread first, read and read-all; e-mail only with SMTP,
// sent by the job in the addressee's language.
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/auth';
import { jobs } from '../../db/schema/jobs';
import { notifications } from '../../db/schema/notifications';
import type { Ctx } from '../../platform/context';
import { runDueJobs } from '../../platform/jobs';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { signInAs } from '../orgs/orgs.test-support';
import { renderMail, sendNotificationMail } from './notification-mail';
import { sendNotificationMailJob } from './notifications.jobs';
import { type NewNotice, notifyUsers } from './notifications.service';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const notice: NewNotice = {
  kind: 'compliance.checkout_overdue',
  titleKey: 'messages.checkoutOverdue.title',
  bodyKey: 'messages.checkoutOverdue.body',
  params: { property: 'Hotel Dempo', count: 2 },
  link: '/check-outs-due',
  email: true,
};

const smtp = {
  url: 'smtp://mail.invalid:2525',
  host: undefined,
  port: undefined,
  user: undefined,
  pass: undefined,
  secure: undefined,
  from: 'PORA <pora@kanim.example>',
};
const system = (over: Partial<Ctx['config']> = {}): Ctx => {
  const ctx = env.ctx({ kind: 'system', name: 'test' });
  return { ...ctx, config: { ...ctx.config, ...over } };
};
const notify = (userIds: string[], ctx = system(), n = notice) =>
  env.database.transaction((tx) => notifyUsers(tx, ctx, userIds, n));

describe('notifications API', () => {
  it('shows a user only their own notifications, unread first, and marks them read', async () => {
    const alice = await signInAs(env, 'accommodation_operator');
    const bob = await signInAs(env, 'accommodation_operator');
    await notify([alice.id]);
    await notify([alice.id], system(), { ...notice, params: { property: 'Wisma Lahat', count: 1 } });
    await notify([bob.id]);

    const list = await alice.api.get('/api/v1/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 2, unread: 2 });
    const [newest, older] = list.json().items;
    expect(newest).toMatchObject({ titleKey: 'messages.checkoutOverdue.title', params: { property: 'Wisma Lahat' } });

    const bobs = (await bob.api.get('/api/v1/notifications')).json().items[0];
    const foreign = await alice.api.post(`/api/v1/notifications/${bobs.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('NOTIFICATION_NOT_FOUND');

    const read = await alice.api.post(`/api/v1/notifications/${newest.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    // unread first: the older, unread one now leads
    const after = (await alice.api.get('/api/v1/notifications')).json();
    expect(after.items.map((i: { id: string }) => i.id)).toEqual([older.id, newest.id]);
    expect(after.unread).toBe(1);
    expect((await alice.api.get('/api/v1/notifications?unreadOnly=true')).json().total).toBe(1);
    expect((await alice.api.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });

    expect((await alice.api.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await alice.api.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await bob.api.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('does not notify archived or disabled accounts', async () => {
    const carol = await signInAs(env, 'accommodation_operator');
    await env.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, carol.id));
    expect(await notify([carol.id])).toBe(0);
  });
});

describe('notification e-mail', () => {
  it('queues nothing without SMTP, and nothing fails', async () => {
    const user = await signInAs(env, 'accommodation_operator');
    await notify([user.id]);
    const [row] = await env.database.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(row?.emailStatus).toBe('none');
    const queued = await env.database.db.select().from(jobs).where(eq(jobs.name, sendNotificationMailJob.name));
    expect(queued).toHaveLength(0);
  });

  it('with SMTP, queues a mail job that sends the message in the addressee language', async () => {
    const user = await signInAs(env, 'accommodation_operator');
    await env.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, user.id));
    const ctx = system({ smtp, publicUrl: 'https://pora.kanim.example' });
    await notify([user.id], ctx);
    const [row] = await env.database.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(row?.emailStatus).toBe('queued');
    const queued = await env.database.db.select().from(jobs).where(eq(jobs.name, sendNotificationMailJob.name));
    expect(queued.map((j) => j.payload)).toContainEqual({ notificationId: row?.id });

    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: { envelope: { to: string[]; from: string }; message: string }[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: Parameters<typeof original>[0]) => {
      const info = await original(mail);
      sent.push({ envelope: info.envelope as never, message: String(info.message) });
      return info;
    }) as typeof transport.sendMail;
    await sendNotificationMail(ctx, row?.id as string, transport);
    expect(sent).toHaveLength(1);
    const message = JSON.parse(sent[0]?.message as string);
    expect(message.subject).toBe('PORA: Guests past their check-out date');
    expect(message.text).toContain('Hotel Dempo: guests past their expected check-out without a check-out report: 2.');
    expect(message.text).toContain('https://pora.kanim.example/check-outs-due');
    expect(sent[0]?.envelope.to).toEqual([user.email]);
    expect(sent[0]?.envelope.from).toBe('pora@kanim.example');

    const [after] = await env.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, row?.id as string));
    expect(after?.emailStatus).toBe('sent');
    // a second run of the same job sends nothing
    await sendNotificationMail(ctx, row?.id as string, transport);
    expect(sent).toHaveLength(1);
  });

  it('the job completes without sending when SMTP was switched off after queueing', async () => {
    const user = await signInAs(env, 'accommodation_operator');
    await notify([user.id], system({ smtp }));
    const runner = {
      database: env.database,
      config: system().config,
      log: env.app.log,
      definitions: [sendNotificationMailJob],
    };
    await runDueJobs(runner);
    const [row] = await env.database.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(row?.emailStatus).toBe('none');
    const failed = await env.database.db.select().from(jobs).where(eq(jobs.status, 'failed'));
    expect(failed).toHaveLength(0);
  });

  it('renders Indonesian by default', () => {
    const mail = renderMail(
      { titleKey: notice.titleKey, bodyKey: notice.bodyKey, params: { property: 'Hotel Dempo', count: 2 }, link: '/x' },
      'op@hotel.example',
      'id',
      undefined,
    );
    expect(mail.subject).toBe('PORA: Tamu melewati tanggal check-out');
    expect(mail.text).toContain('Hotel Dempo: 2 tamu sudah melewati');
    expect(mail.text).not.toContain('/x');
  });
});
