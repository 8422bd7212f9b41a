// Reporting deadlines of accommodations: one item per stay that passed its expected check-out without a check-out
// report (reminded to the operators, escalated to the office after the grace period, resolved by a check-out,
// extension or cancellation), and the reminders sent to a property (automatic or by an officer).
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accommodations } from './accommodations';
import { users } from './auth';
import { stays } from './stays';

export const complianceItems = pgTable(
  'compliance_items',
  {
    stayId: uuid('stay_id')
      .primaryKey()
      .references(() => stays.id),
    accommodationId: uuid('accommodation_id')
      .notNull()
      .references(() => accommodations.id),
    /** the property's village, copied so that the office's list filters by scope without a join */
    villageCode: text('village_code').notNull(),
    /** the expected check-out this item is about (an extension starts a new deadline) */
    expectedCheckOut: date('expected_check_out').notNull(),
    /** the end of the expected check-out day in the property's zone */
    overdueSince: timestamp('overdue_since', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** when it became an item for the office (grace period over) */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** checked_out | cancelled | date_changed */
    resolution: text('resolution'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'compliance_items_resolution_ck',
      sql`${t.resolution} is null or ${t.resolution} in ('checked_out', 'cancelled', 'date_changed')`,
    ),
    index('compliance_items_open_idx').on(t.accommodationId).where(sql`${t.resolvedAt} is null`),
    index('compliance_items_village_idx').using('btree', t.villageCode.op('text_pattern_ops')),
  ],
);

export const complianceReminders = pgTable(
  'compliance_reminders',
  {
    id: uuid('id').primaryKey(),
    accommodationId: uuid('accommodation_id')
      .notNull()
      .references(() => accommodations.id),
    /** automatic (the deadline job) | manual (an officer's "Kirim pengingat") */
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by').references(() => users.id),
    /** overdue stays named in the reminder */
    overdueCount: integer('overdue_count').notNull(),
    recipientCount: integer('recipient_count').notNull(),
  },
  (t) => [
    check('compliance_reminders_kind_ck', sql`${t.kind} in ('automatic', 'manual')`),
    index('compliance_reminders_accommodation_idx').on(t.accommodationId, t.sentAt),
  ],
);
