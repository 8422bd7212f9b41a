// All SQL of compliance: its own tables (items, reminders) and read-only queries over stays, stay reports and
// accommodations (the stays module owns those tables; nothing here writes them).
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Queryable, selectRows, type Tx } from '../../db/client';
import { accommodationOperators, accommodations } from '../../db/schema/accommodations';
import { users } from '../../db/schema/auth';
import { complianceItems, complianceReminders } from '../../db/schema/compliance';
import type { Scope } from '../../platform/access';
import { inScopeSql, withinAreaSql } from '../persons/persons.scope';
import { daysOverdueSql, localMonthSql, overdueSinceSql, zoneOffsetSql } from './deadlines';

const iso = (d: Date) => d.toISOString();
const stayOverdueSince = (alias: string) =>
  overdueSinceSql(sql.raw(`${alias}.expected_check_out`), sql.raw(`${alias}.village_code`));

// ─── The deadline job ────────────────────────────────────────────────────────────────────────────────────────────

/** Items whose stay was checked out, cancelled or given another expected check-out are resolved. */
export async function resolveItems(tx: Tx, now: Date): Promise<number> {
  const rows = await selectRows<{ stay_id: string }>(
    tx,
    sql`update compliance_items ci
        set resolved_at = ${iso(now)}::timestamptz, updated_at = ${iso(now)}::timestamptz,
            resolution = case s.status when 'checked_out' then 'checked_out' when 'cancelled' then 'cancelled'
                                       else 'date_changed' end
        from stays s
        where s.id = ci.stay_id and ci.resolved_at is null
          and (s.status <> 'open' or s.expected_check_out <> ci.expected_check_out)
        returning ci.stay_id`,
  );
  return rows.length;
}

/**
 * One item per open stay past its expected check-out. A stay whose earlier item was resolved by a new expected
 * check-out that has passed too starts over (a new deadline, a new reminder).
 */
export async function openItems(tx: Tx, now: Date, accommodationId?: string): Promise<number> {
  const since = stayOverdueSince('s');
  const rows = await selectRows<{ stay_id: string }>(
    tx,
    sql`insert into compliance_items as ci
          (stay_id, accommodation_id, village_code, expected_check_out, overdue_since, created_at, updated_at)
        select s.id, s.accommodation_id, s.village_code, s.expected_check_out, ${since},
               ${iso(now)}::timestamptz, ${iso(now)}::timestamptz
        from stays s
        where s.status = 'open' ${accommodationId ? sql`and s.accommodation_id = ${accommodationId}` : sql``}
          -- a cheap bound first (no zone is ahead of UTC+9), then the exact instant
          and s.expected_check_out < ((${iso(now)}::timestamptz at time zone 'UTC') + interval '9 hours')::date
          and ${since} <= ${iso(now)}::timestamptz
        on conflict (stay_id) do update
          set expected_check_out = excluded.expected_check_out, overdue_since = excluded.overdue_since,
              reminded_at = null, escalated_at = null, resolved_at = null, resolution = null,
              created_at = excluded.created_at, updated_at = excluded.updated_at
          where ci.resolved_at is not null and ci.expected_check_out <> excluded.expected_check_out
        returning ci.stay_id`,
  );
  return rows.length;
}

/**
 * A property's corrected village on its items too (the stays follow in the same transaction, stays.repo
 * moveStaysToVillage): the overdue guests of a property then belong to the office of where it really is.
 */
export async function moveItemsToVillage(tx: Tx, accommodationId: string, villageCode: string, now: Date) {
  await tx
    .update(complianceItems)
    .set({ villageCode, updatedAt: now })
    .where(
      and(eq(complianceItems.accommodationId, accommodationId), sql`${complianceItems.villageCode} <> ${villageCode}`),
    );
}

export type PropertyToRemind = { accommodationId: string; name: string; count: number };

export async function listPropertiesToRemind(tx: Tx): Promise<PropertyToRemind[]> {
  const rows = await selectRows<{ accommodation_id: string; name: string; n: number }>(
    tx,
    sql`select ci.accommodation_id, a.name, count(*)::int as n
        from compliance_items ci join accommodations a on a.id = ci.accommodation_id
        where ci.resolved_at is null and ci.reminded_at is null
        group by ci.accommodation_id, a.name order by a.name`,
  );
  return rows.map((r) => ({ accommodationId: r.accommodation_id, name: r.name, count: Number(r.n) }));
}

export async function markReminded(tx: Tx, accommodationId: string, now: Date) {
  await tx.execute(
    sql`update compliance_items set reminded_at = ${iso(now)}::timestamptz, updated_at = ${iso(now)}::timestamptz
        where accommodation_id = ${accommodationId} and resolved_at is null and reminded_at is null`,
  );
}

/** Items reminded and still open after the grace period become the office's; returns their stay ids. */
export async function escalateItems(tx: Tx, now: Date, graceDays: number): Promise<string[]> {
  const rows = await selectRows<{ stay_id: string }>(
    tx,
    sql`update compliance_items set escalated_at = ${iso(now)}::timestamptz, updated_at = ${iso(now)}::timestamptz
        where resolved_at is null and escalated_at is null and reminded_at is not null
          and overdue_since + make_interval(days => ${graceDays}) <= ${iso(now)}::timestamptz
        returning stay_id`,
  );
  return rows.map((r) => r.stay_id);
}

/**
 * The staff of the immigration offices whose working area holds these items' properties (users of the office's own
 * agency with one of `roles`), each with how many of the items are theirs.
 */
export async function findOfficeStaffFor(tx: Tx, stayIds: readonly string[], roles: readonly string[]) {
  if (stayIds.length === 0 || roles.length === 0) {
    return [];
  }
  const rows = await selectRows<{ user_id: string; n: number }>(
    tx,
    sql`select u.id as user_id, count(distinct ci.stay_id)::int as n
        from compliance_items ci
        join offices o on exists (select 1 from unnest(o.working_area) w
                                  where ci.village_code = w or ci.village_code like w || '.%')
        join agencies ag on ag.office_id = o.id
        join users u on u.agency_id = ag.id
        where ci.stay_id in (${sql.join(
          stayIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and u.status = 'active' and u.roles && ${sql.param([...roles])}::text[]
        group by u.id`,
  );
  return rows.map((r) => ({ userId: r.user_id, count: Number(r.n) }));
}

export async function findOperatorIds(db: Queryable, accommodationId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: accommodationOperators.userId })
    .from(accommodationOperators)
    .where(eq(accommodationOperators.accommodationId, accommodationId));
  return rows.map((r) => r.userId);
}

export async function findOwnAccommodationIds(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: accommodationOperators.accommodationId })
    .from(accommodationOperators)
    .where(eq(accommodationOperators.userId, userId));
  return rows.map((r) => r.id);
}

export async function insertReminder(tx: Tx, row: typeof complianceReminders.$inferInsert) {
  await tx.insert(complianceReminders).values(row);
}

export async function findLastManualReminder(db: Queryable, accommodationId: string) {
  const [row] = await db
    .select({ sentAt: complianceReminders.sentAt })
    .from(complianceReminders)
    .where(and(eq(complianceReminders.accommodationId, accommodationId), eq(complianceReminders.kind, 'manual')))
    .orderBy(desc(complianceReminders.sentAt))
    .limit(1);
  return row?.sentAt ?? null;
}

/** Serialises reminders of one property across nodes (the hourly limit reads, then writes). */
export async function lockPropertyReminders(tx: Tx, accommodationId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`compliance.remind:${accommodationId}`}, 0))`);
}

export async function listReminders(db: Queryable, accommodationId: string, limit: number) {
  return db
    .select({ reminder: complianceReminders, sentByName: users.name })
    .from(complianceReminders)
    .leftJoin(users, eq(users.id, complianceReminders.sentBy))
    .where(eq(complianceReminders.accommodationId, accommodationId))
    .orderBy(desc(complianceReminders.sentAt))
    .limit(limit);
}

export async function findAccommodation(db: Queryable, id: string) {
  const [row] = await db
    .select({ id: accommodations.id, name: accommodations.name, villageCode: accommodations.villageCode })
    .from(accommodations)
    .where(eq(accommodations.id, id));
  return row;
}

// ─── Statistics per property ─────────────────────────────────────────────────────────────────────────────────────

export type PropertyStatsFilter = {
  scope: Scope;
  ids?: readonly string[];
  area?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  compliance: 'any' | 'missing_check_outs' | 'items' | 'late';
  sort: 'name' | 'lateRate' | 'missingCheckOuts' | 'lastReportAt' | 'reports';
  order: 'asc' | 'desc';
};

export type PropertyStatsRow = {
  id: string;
  name: string;
  kind: string;
  status: string;
  village_code: string;
  months: Record<string, number> | string;
  reports: number;
  check_ins: number;
  late_check_ins: number;
  late_rate: number | null;
  missing: number;
  open_items: number;
  last_report_at: Date | string | null;
  last_reminder_at: Date | string | null;
  total: number;
};

const sortColumns: Record<PropertyStatsFilter['sort'], string> = {
  name: 'name',
  lateRate: 'late_rate',
  missingCheckOuts: 'missing',
  lastReportAt: 'last_report_at',
  reports: 'reports',
};

const complianceWhere: Record<PropertyStatsFilter['compliance'], string> = {
  any: 'true',
  missing_check_outs: 'missing > 0',
  items: 'open_items > 0',
  late: 'late_check_ins > 0',
};

/**
 * Every property in the filter with its numbers over the window starting `firstMonth` (YYYY-MM-01, midnight in the
 * property's zone) and its missing check-outs at `now`.
 */
export async function listPropertyStats(
  db: Queryable,
  f: PropertyStatsFilter,
  firstMonth: string,
  now: Date,
  page: { limit: number; offset: number },
) {
  const q = f.q?.trim();
  const where: SQL | undefined = and(
    inScopeSql(accommodations.villageCode, f.scope),
    f.ids ? inArray(accommodations.id, [...f.ids]) : undefined,
    f.area ? withinAreaSql(accommodations.villageCode, f.area) : undefined,
    f.kind ? eq(accommodations.kind, f.kind) : undefined,
    f.status ? eq(accommodations.status, f.status) : undefined,
    q ? sql`${accommodations.nameKey} like ${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
  );
  const village = sql.raw('p.village_code');
  const since = sql`((${firstMonth}::date::timestamp - make_interval(hours => ${zoneOffsetSql(village)})) at time zone 'UTC')`;
  const nowSql = sql`${iso(now)}::timestamptz`;
  const direction = sql.raw(f.order === 'asc' ? 'asc' : 'desc');
  return selectRows<PropertyStatsRow>(
    db,
    sql`with props as (
          select ${accommodations.id} as id, ${accommodations.name} as name, ${accommodations.kind} as kind,
                 ${accommodations.status} as status, ${accommodations.villageCode} as village_code
          from ${accommodations} ${where ? sql`where ${where}` : sql``}
        ),
        stats as (
          select p.*,
            (select coalesce(jsonb_object_agg(m.month, m.n), '{}'::jsonb) from (
               select ${localMonthSql(sql.raw('r.reported_at'), village)} as month, count(*)::int as n
               from stay_reports r where r.accommodation_id = p.id and r.reported_at >= ${since} group by 1) m
            ) as months,
            (select count(*)::int from stay_reports r where r.accommodation_id = p.id and r.reported_at >= ${since})
              as reports,
            (select max(r.reported_at) from stay_reports r where r.accommodation_id = p.id) as last_report_at,
            c.check_ins, c.late_check_ins,
            (select count(*)::int from stays s where s.accommodation_id = p.id and s.status = 'open'
               and ${stayOverdueSince('s')} <= ${nowSql}) as missing,
            (select count(*)::int from compliance_items ci where ci.accommodation_id = p.id
               and ci.resolved_at is null and ci.escalated_at is not null) as open_items,
            (select max(cr.sent_at) from compliance_reminders cr where cr.accommodation_id = p.id) as last_reminder_at
          from props p
          left join lateral (
            select count(*)::int as check_ins, (count(*) filter (where s.is_late))::int as late_check_ins
            from stays s where s.accommodation_id = p.id and s.status <> 'cancelled' and s.check_in_reported_at >= ${since}
          ) c on true
        )
        select *, case when check_ins > 0 then late_check_ins::float8 / check_ins end as late_rate,
               (count(*) over ())::int as total
        from stats where ${sql.raw(complianceWhere[f.compliance])}
        order by ${sql.raw(sortColumns[f.sort])} ${direction} nulls last, name, id
        limit ${page.limit} offset ${page.offset}`,
  );
}

// ─── Overdue stays and items ─────────────────────────────────────────────────────────────────────────────────────

export type OverdueStayRow = {
  stay_id: string;
  accommodation_id: string;
  accommodation_name: string;
  village_code: string;
  nationality: string;
  group_size: number;
  arrived_at: Date | string;
  expected_check_out: string;
  days_overdue: number;
  reminded_at: Date | string | null;
  escalated_at: Date | string | null;
  surname: string;
  given_names: string;
  room: string | null;
};

/** Open stays of these properties past their expected check-out at `now`, the longest overdue first. */
export async function listOverdueStays(db: Queryable, accommodationIds: readonly string[], now: Date) {
  if (accommodationIds.length === 0) {
    return [];
  }
  const since = stayOverdueSince('s');
  return selectRows<OverdueStayRow>(
    db,
    sql`select s.id as stay_id, s.accommodation_id, a.name as accommodation_name, s.village_code, s.nationality,
               case when s.group_id is null then 1 else
                 (select count(*)::int from stays g where g.group_id = s.group_id and g.status = 'open') end as group_size,
               s.arrived_at, s.expected_check_out::text as expected_check_out,
               ${daysOverdueSql(since, now)} as days_overdue,
               ci.reminded_at, ci.escalated_at,
               s.guest->>'surname' as surname, s.guest->>'givenNames' as given_names, s.room
        from stays s
        join accommodations a on a.id = s.accommodation_id
        left join compliance_items ci on ci.stay_id = s.id and ci.resolved_at is null
        where s.accommodation_id in (${sql.join(
          accommodationIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and s.status = 'open' and ${since} <= ${iso(now)}::timestamptz
        order by s.expected_check_out, s.arrived_at, s.id
        limit 1000`,
  );
}

export type ItemRow = OverdueStayRow & {
  resolved_at: Date | string | null;
  resolution: string | null;
  total: number;
};

export type ItemFilter = {
  scope: Scope;
  area?: string | undefined;
  accommodationId?: string | undefined;
  status: 'open' | 'resolved';
};

/** The office's items: stays escalated after the grace period, open or resolved. */
export async function listItems(db: Queryable, f: ItemFilter, now: Date, page: { limit: number; offset: number }) {
  const where = and(
    sql`${complianceItems.escalatedAt} is not null`,
    f.status === 'open' ? sql`${complianceItems.resolvedAt} is null` : sql`${complianceItems.resolvedAt} is not null`,
    inScopeSql(complianceItems.villageCode, f.scope),
    f.area ? withinAreaSql(complianceItems.villageCode, f.area) : undefined,
    f.accommodationId ? eq(complianceItems.accommodationId, f.accommodationId) : undefined,
  );
  const at = f.status === 'open' ? sql`${iso(now)}::timestamptz` : sql`compliance_items.resolved_at`;
  return selectRows<ItemRow>(
    db,
    sql`select compliance_items.stay_id, compliance_items.accommodation_id, a.name as accommodation_name,
               compliance_items.village_code, s.nationality,
               case when s.group_id is null then 1 else
                 (select count(*)::int from stays g where g.group_id = s.group_id and g.status = 'open') end as group_size,
               s.arrived_at, compliance_items.expected_check_out::text as expected_check_out,
               (floor(extract(epoch from (${at} - compliance_items.overdue_since)) / 86400)::int + 1) as days_overdue,
               compliance_items.reminded_at, compliance_items.escalated_at,
               compliance_items.resolved_at, compliance_items.resolution,
               '' as surname, '' as given_names, null as room,
               (count(*) over ())::int as total
        from ${complianceItems}
        join stays s on s.id = compliance_items.stay_id
        join accommodations a on a.id = compliance_items.accommodation_id
        where ${where}
        order by ${f.status === 'open' ? sql`compliance_items.overdue_since, compliance_items.stay_id` : sql`compliance_items.resolved_at desc, compliance_items.stay_id`}
        limit ${page.limit} offset ${page.offset}`,
  );
}
