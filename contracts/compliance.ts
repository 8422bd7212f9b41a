// Reporting compliance of accommodations: per-property statistics for the office (reports per month, late check-ins,
// missing check-outs, last report), the office's items (stays overdue past the grace period), reminders, and the
// operator's own stays that still need a check-out report.
import { z } from 'zod';
import { accommodationKind, accommodationStatus } from './accommodations';
import { pageOf, pageQuery, regionCodeSchema } from './common';
import { regionLabelRef } from './sponsors';

export const complianceSortCodes = ['name', 'lateRate', 'missingCheckOuts', 'lastReportAt', 'reports'] as const;
/** any: every property; missing_check_outs: with open stays past their expected check-out; items: with office items */
export const complianceFilterCodes = ['any', 'missing_check_outs', 'items', 'late'] as const;

export const compliancePropertyQuery = pageQuery.extend({
  area: regionCodeSchema.optional(),
  kind: accommodationKind.optional(),
  status: accommodationStatus.optional(),
  compliance: z.enum(complianceFilterCodes).default('any'),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(complianceSortCodes).default('missingCheckOuts'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CompliancePropertyQuery = z.infer<typeof compliancePropertyQuery>;

export const monthCount = z.object({ month: z.string().describe('YYYY-MM in the property zone'), reports: z.number() });

export const compliancePropertyItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: accommodationKind,
  status: accommodationStatus,
  village: regionLabelRef,
  /** the last six months, oldest first, the current month last */
  reportsPerMonth: z.array(monthCount),
  /** all reports of the six months */
  reports: z.number().int(),
  checkIns: z.number().int(),
  lateCheckIns: z.number().int(),
  /** late check-ins / check-ins of the six months; null without check-ins */
  lateRate: z.number().nullable(),
  /** open stays past their expected check-out, now */
  missingCheckOuts: z.number().int(),
  /** office items not yet resolved */
  openItems: z.number().int(),
  lastReportAt: z.string().nullable(),
  lastReminderAt: z.string().nullable(),
});
export type CompliancePropertyItem = z.infer<typeof compliancePropertyItem>;
export const compliancePropertyPage = pageOf(compliancePropertyItem);

export const itemStageCodes = ['overdue', 'reminded', 'escalated', 'resolved'] as const;

/** A stay past its expected check-out, without guest identity details (the stay's page has them). */
export const overdueStay = z.object({
  stayId: z.uuid(),
  accommodationId: z.uuid(),
  accommodationName: z.string(),
  nationality: z.string(),
  /** guests reported with it in one group (a family, a tour), itself included */
  groupSize: z.number().int(),
  arrivedAt: z.string(),
  expectedCheckOut: z.string(),
  daysOverdue: z.number().int(),
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
});
export type OverdueStay = z.infer<typeof overdueStay>;

export const reminderItem = z.object({
  id: z.uuid(),
  kind: z.enum(['automatic', 'manual']),
  sentAt: z.string(),
  sentBy: z.string().nullable(),
  overdueCount: z.number().int(),
  recipientCount: z.number().int(),
});

export const compliancePropertyDetail = compliancePropertyItem.extend({
  overdueStays: z.array(overdueStay),
  reminders: z.array(reminderItem),
  /** when the next reminder may be sent (once an hour per property) */
  nextReminderAt: z.string().nullable(),
});
export type CompliancePropertyDetail = z.infer<typeof compliancePropertyDetail>;

export const reminderSent = z.object({
  sentAt: z.string(),
  recipientCount: z.number().int(),
  overdueCount: z.number().int(),
  nextReminderAt: z.string(),
});
export type ReminderSent = z.infer<typeof reminderSent>;

export const complianceItemQuery = pageQuery.extend({
  area: regionCodeSchema.optional(),
  accommodationId: z.uuid().optional(),
  status: z.enum(['open', 'resolved']).default('open'),
});
export type ComplianceItemQuery = z.infer<typeof complianceItemQuery>;

export const complianceItem = overdueStay.extend({
  village: regionLabelRef,
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['checked_out', 'cancelled', 'date_changed']).nullable(),
});
export type ComplianceItem = z.infer<typeof complianceItem>;
export const complianceItemPage = pageOf(complianceItem);

/** The operator's own stays past their expected check-out: they know their guests, so names are shown. */
export const ownOverdueStay = overdueStay.extend({
  guestName: z.string(),
  room: z.string().nullable(),
});
export type OwnOverdueStay = z.infer<typeof ownOverdueStay>;
export const ownOverdueList = z.object({ items: z.array(ownOverdueStay) });
