// E-mail for notifications: the text comes from the web app's "notifications" catalogue in the addressee's language
// (one source for the bell and the mail), sent through SMTP by a job so that a slow mail server never holds up a
// request. Without SMTP settings nothing is queued and nothing fails.
import nodemailer, { type Transporter } from 'nodemailer';
import enCatalogue from '../../../web/locales/en/notifications.json';
import idCatalogue from '../../../web/locales/id/notifications.json';
import type { SmtpConfig } from '../../config';
import type { NotificationParams } from '../../db/schema/notifications';
import type { Ctx } from '../../platform/context';
import * as repo from './notifications.repo';

const catalogues: Record<string, unknown> = { id: idCatalogue, en: enCatalogue };

function lookUp(catalogue: unknown, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The message for `key` in `locale` (Indonesian when missing), with i18next-style {{name}} placeholders filled. */
export function translate(locale: string, key: string, params: NotificationParams): string {
  const template = lookUp(catalogues[locale], key) ?? lookUp(catalogues.id, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export type Mail = { to: string; subject: string; text: string };

export function renderMail(
  notification: Pick<repo.NotificationRow, 'titleKey' | 'bodyKey' | 'params' | 'link'>,
  to: string,
  locale: string,
  publicUrl: string | undefined,
): Mail {
  const title = translate(locale, notification.titleKey, notification.params);
  const body = translate(locale, notification.bodyKey, notification.params);
  const link = notification.link && publicUrl ? new URL(notification.link, publicUrl).toString() : null;
  const footer = translate(locale, 'mail.footer', {});
  return { to, subject: `PORA: ${title}`, text: [body, link, '', '--', footer].filter((l) => l !== null).join('\n') };
}

const transports = new WeakMap<SmtpConfig, Transporter>();

/** One transport per SMTP setting, reused by every mail. */
export function transportFor(smtp: SmtpConfig): Transporter {
  let transport = transports.get(smtp);
  if (!transport) {
    transport = smtp.url
      ? nodemailer.createTransport(smtp.url)
      : nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port ?? 587,
          secure: smtp.secure ?? smtp.port === 465,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
        });
    transports.set(smtp, transport);
  }
  return transport;
}

/**
 * Sends the e-mail of one notification. A notification already sent, or addressed to an account that is no longer
 * active, is skipped; an SMTP error is thrown so that the job is retried with backoff.
 */
export async function sendNotificationMail(ctx: Ctx, notificationId: string, transport?: Transporter) {
  const db = ctx.database.db;
  const row = await repo.findForMail(db, notificationId);
  if (row?.notification.emailStatus !== 'queued') {
    return;
  }
  const smtp = ctx.config.smtp;
  if ((!smtp && !transport) || row.userStatus !== 'active') {
    await repo.setEmailStatus(db, notificationId, 'none', ctx.now());
    return;
  }
  const mail = renderMail(row.notification, row.email, row.locale, ctx.config.publicUrl);
  const via = transport ?? transportFor(smtp as SmtpConfig);
  await via.sendMail({ from: smtp?.from ?? 'PORA <pora@localhost>', ...mail });
  await repo.setEmailStatus(db, notificationId, 'sent', ctx.now());
}
