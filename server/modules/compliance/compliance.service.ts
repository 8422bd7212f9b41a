// Reporting compliance of accommodations: the hourly deadline run (remind the operators of stays past their expected
// check-out, hand them to the office after the grace period, resolve them when the property reports), the office's
// statistics per property and its items, reminders sent by an officer, and the operator's own overdue stays.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/common';
import type {
  ComplianceItem,
  ComplianceItemQuery,
  CompliancePropertyDetail,
  CompliancePropertyItem,
  CompliancePropertyQuery,
  OverdueStay,
  OwnOverdueStay,
  ReminderSent,
} from '../../../contracts/compliance';
import type { Queryable, Tx } from '../../db/client';
import { isInScope, requirePermission, requireUser, rolePermissions, scopeOf } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { notifyUsers } from '../notifications/notifications.service';
import { findRegionLabels } from '../sponsors/register-refs';
import * as repo from './compliance.repo';
import { lastMonths } from './deadlines';

/** An officer may send a property one reminder an hour. */
export const MANUAL_REMINDER_INTERVAL_MS = 3_600_000;
const MONTHS = 6;
const DEADLINE_LOCK = 0x434f4d50; // "COMP"

const isoOf = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

// ─── The deadline run ────────────────────────────────────────────────────────────────────────────────────────────

export type DeadlineRun = { resolved: number; opened: number; remindedProperties: number; escalated: number };

/**
 * One pass of the deadline rules, in one transaction under a lock: running it twice sends nothing twice, because an
 * item's reminder and escalation are recorded with the notification that announces them.
 */
export async function runDeadlines(ctx: Ctx): Promise<DeadlineRun> {
  const now = ctx.now();
  return ctx.database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEADLINE_LOCK})`);
    const resolved = await repo.resolveItems(tx, now);
    const opened = await repo.openItems(tx, now);
    const toRemind = await repo.listPropertiesToRemind(tx);
    for (const property of toRemind) {
      await remindOperators(tx, ctx, now, property.accommodationId, property.name, property.count, null);
    }
    const escalatedIds = await repo.escalateItems(tx, now, ctx.config.checkoutGraceDays);
    await announceToOffices(tx, ctx, escalatedIds);
    const escalated = escalatedIds.length;
    const run = { resolved, opened, remindedProperties: toRemind.length, escalated };
    if (resolved + opened + toRemind.length + escalated > 0) {
      await appendAudit(tx, ctx, { action: 'compliance.deadlines', details: run });
    }
    return run;
  });
}

/** Roles whose holders see the office's items. */
const officeRoles = (Object.keys(rolePermissions) as Role[]).filter((role) =>
  rolePermissions[role].includes('compliance.read'),
);

/** Tells the office staff covering the properties how many stays just became their items (in the app only). */
async function announceToOffices(tx: Tx, ctx: Ctx, stayIds: readonly string[]) {
  for (const { userId, count } of await repo.findOfficeStaffFor(tx, stayIds, officeRoles)) {
    await notifyUsers(tx, ctx, [userId], {
      kind: 'compliance.items_escalated',
      titleKey: 'messages.itemsEscalated.title',
      bodyKey: 'messages.itemsEscalated.body',
      params: { count },
      link: '/compliance/items',
    });
  }
}

/** Notifies the property's operators (in the app, and by e-mail when SMTP is set) and records the reminder. */
async function remindOperators(
  tx: Tx,
  ctx: Ctx,
  now: Date,
  accommodationId: string,
  propertyName: string,
  overdueCount: number,
  sentBy: string | null,
) {
  const manual = sentBy !== null;
  const message = manual ? (overdueCount > 0 ? 'officeReminder' : 'officeReminderGeneral') : 'checkoutOverdue';
  const recipientCount = await notifyUsers(tx, ctx, await repo.findOperatorIds(tx, accommodationId), {
    kind: manual ? 'compliance.office_reminder' : 'compliance.checkout_overdue',
    titleKey: `messages.${message}.title`,
    bodyKey: `messages.${message}.body`,
    params: { property: propertyName, count: overdueCount },
    link: '/check-outs-due',
    email: true,
  });
  await repo.insertReminder(tx, {
    id: randomUUID(),
    accommodationId,
    kind: manual ? 'manual' : 'automatic',
    sentAt: now,
    sentBy,
    overdueCount,
    recipientCount,
  });
  await repo.markReminded(tx, accommodationId, now);
  return recipientCount;
}

// ─── Office: statistics, items, reminders ────────────────────────────────────────────────────────────────────────

async function presentProperties(db: Queryable, rows: repo.PropertyStatsRow[], now: Date) {
  const villages = await findRegionLabels(
    db,
    rows.map((r) => r.village_code),
  );
  const months = lastMonths(now, MONTHS);
  return rows.map((r): CompliancePropertyItem => {
    const counts = (typeof r.months === 'string' ? JSON.parse(r.months) : r.months) as Record<string, number>;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as CompliancePropertyItem['kind'],
      status: r.status as CompliancePropertyItem['status'],
      village: villages.get(r.village_code) ?? {
        code: r.village_code,
        name: r.village_code,
        level: 4,
        label: r.village_code,
      },
      reportsPerMonth: months.map((month) => ({ month, reports: Number(counts[month] ?? 0) })),
      reports: Number(r.reports),
      checkIns: Number(r.check_ins),
      lateCheckIns: Number(r.late_check_ins),
      lateRate: r.late_rate === null ? null : Number(r.late_rate),
      missingCheckOuts: Number(r.missing),
      openItems: Number(r.open_items),
      lastReportAt: isoOf(r.last_report_at),
      lastReminderAt: isoOf(r.last_reminder_at),
    };
  });
}

export async function listComplianceProperties(ctx: Ctx, query: CompliancePropertyQuery) {
  requirePermission(ctx.actor, 'compliance.read');
  const db = ctx.database.db;
  const now = ctx.now();
  const { limit, offset, ...filter } = query;
  const rows = await repo.listPropertyStats(
    db,
    { ...filter, scope: scopeOf(ctx.actor) },
    `${lastMonths(now, MONTHS)[0]}-01`,
    now,
    { limit, offset },
  );
  return { items: await presentProperties(db, rows, now), total: Number(rows[0]?.total ?? 0) };
}

function presentOverdue(r: repo.OverdueStayRow): OverdueStay {
  return {
    stayId: r.stay_id,
    accommodationId: r.accommodation_id,
    accommodationName: r.accommodation_name,
    nationality: r.nationality,
    groupSize: Number(r.group_size),
    arrivedAt: new Date(r.arrived_at).toISOString(),
    expectedCheckOut: r.expected_check_out,
    daysOverdue: Number(r.days_overdue),
    remindedAt: isoOf(r.reminded_at),
    escalatedAt: isoOf(r.escalated_at),
  };
}

/** The property in the actor's scope, else not found (its existence is not revealed). */
async function findVisibleProperty(db: Queryable, ctx: Ctx, id: string) {
  const property = await repo.findAccommodation(db, id);
  if (!property || !isInScope(scopeOf(ctx.actor), property.villageCode)) {
    throw new AppError('ACCOMMODATION_NOT_FOUND');
  }
  return property;
}

export async function getComplianceProperty(ctx: Ctx, id: string): Promise<CompliancePropertyDetail> {
  requirePermission(ctx.actor, 'compliance.read');
  const db = ctx.database.db;
  const now = ctx.now();
  await findVisibleProperty(db, ctx, id);
  const rows = await repo.listPropertyStats(
    db,
    { scope: scopeOf(ctx.actor), ids: [id], compliance: 'any', sort: 'name', order: 'asc' },
    `${lastMonths(now, MONTHS)[0]}-01`,
    now,
    { limit: 1, offset: 0 },
  );
  const [item] = await presentProperties(db, rows, now);
  if (!item) {
    throw new AppError('ACCOMMODATION_NOT_FOUND');
  }
  const reminders = await repo.listReminders(db, id, 20);
  const lastManual = await repo.findLastManualReminder(db, id);
  const next = lastManual ? new Date(lastManual.getTime() + MANUAL_REMINDER_INTERVAL_MS) : null;
  return {
    ...item,
    overdueStays: (await repo.listOverdueStays(db, [id], now)).map(presentOverdue),
    reminders: reminders.map(({ reminder, sentByName }) => ({
      id: reminder.id,
      kind: reminder.kind as 'automatic' | 'manual',
      sentAt: reminder.sentAt.toISOString(),
      sentBy: sentByName,
      overdueCount: reminder.overdueCount,
      recipientCount: reminder.recipientCount,
    })),
    nextReminderAt: next && next > now ? next.toISOString() : null,
  };
}

/** "Kirim pengingat": at most once an hour per property, whoever sends it; audited. */
export async function sendReminder(ctx: Ctx, id: string): Promise<ReminderSent> {
  requirePermission(ctx.actor, 'compliance.remind');
  requireUser(ctx.actor);
  const actor = ctx.actor;
  // Reminders go out in the immigration office's name: its staff (or national scope), not another agency's.
  if (actor.scope !== 'all' && actor.officeId === null) {
    throw new AppError('PERMISSION_DENIED', 'only an immigration office sends reminders', {
      permission: 'compliance.remind',
    });
  }
  return ctx.database.transaction(async (tx) => {
    const property = await findVisibleProperty(tx, ctx, id);
    await repo.lockPropertyReminders(tx, id);
    const now = ctx.now();
    const last = await repo.findLastManualReminder(tx, id);
    if (last && now.getTime() - last.getTime() < MANUAL_REMINDER_INTERVAL_MS) {
      const next = new Date(last.getTime() + MANUAL_REMINDER_INTERVAL_MS);
      throw new AppError('REMINDER_TOO_SOON', 'a reminder was sent to this property less than an hour ago', {
        nextReminderAt: next.toISOString(),
        retryAfterSeconds: Math.ceil((next.getTime() - now.getTime()) / 1000),
      });
    }
    // Its overdue stays count as reminded, so that the hourly run does not remind them again.
    await repo.openItems(tx, now, id);
    const overdueCount = (await repo.listOverdueStays(tx, [id], now)).length;
    const recipientCount = await remindOperators(tx, ctx, now, id, property.name, overdueCount, actor.userId);
    await appendAudit(tx, ctx, {
      action: 'compliance.remind',
      objectType: 'accommodation',
      objectId: id,
      details: { overdueCount, recipientCount },
    });
    return {
      sentAt: now.toISOString(),
      recipientCount,
      overdueCount,
      nextReminderAt: new Date(now.getTime() + MANUAL_REMINDER_INTERVAL_MS).toISOString(),
    };
  });
}

export async function listComplianceItems(ctx: Ctx, query: ComplianceItemQuery) {
  requirePermission(ctx.actor, 'compliance.read');
  const db = ctx.database.db;
  const { limit, offset, ...filter } = query;
  const rows = await repo.listItems(db, { ...filter, scope: scopeOf(ctx.actor) }, ctx.now(), { limit, offset });
  const villages = await findRegionLabels(
    db,
    rows.map((r) => r.village_code),
  );
  const items = rows.map(
    (r): ComplianceItem => ({
      ...presentOverdue(r),
      village: villages.get(r.village_code) ?? { code: r.village_code, name: r.village_code, level: 4, label: '' },
      resolvedAt: isoOf(r.resolved_at),
      resolution: r.resolution as ComplianceItem['resolution'],
    }),
  );
  return { items, total: Number(rows[0]?.total ?? 0) };
}

// ─── Operator ────────────────────────────────────────────────────────────────────────────────────────────────────

/** The operator's own guests past their expected check-out ("perlu check-out"); names are read, so audited. */
export async function listOwnOverdueStays(ctx: Ctx): Promise<{ items: OwnOverdueStay[] }> {
  requirePermission(ctx.actor, 'accommodations.manage_own');
  requireUser(ctx.actor);
  const userId = ctx.actor.userId;
  return ctx.database.transaction(async (tx) => {
    const rows = await repo.listOverdueStays(tx, await repo.findOwnAccommodationIds(tx, userId), ctx.now());
    if (rows.length > 0) {
      await appendAudit(tx, ctx, {
        action: 'compliance.own_overdue_list',
        details: { stays: rows.length },
      });
    }
    return {
      items: rows.map((r) => ({
        ...presentOverdue(r),
        guestName: `${r.surname} ${r.given_names}`.trim(),
        room: r.room,
      })),
    };
  });
}
