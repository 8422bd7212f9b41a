// When a stay counts as overdue: its expected check-out is a calendar day in the property's zone (WIB, WITA, WIT;
// Indonesia keeps no daylight saving), so the stay is overdue from the midnight that ends that day. The same rule as
// SQL, so that lists, counts and the deadline job agree.
import { type SQL, sql } from 'drizzle-orm';
import { timeZoneOfRegion } from '../persons/person-status';

const OFFSET_HOURS = { WIB: 7, WITA: 8, WIT: 9 } as const;
const DAY_MS = 86_400_000;

export function zoneOffsetHours(villageCode: string | null | undefined): number {
  return OFFSET_HOURS[timeZoneOfRegion(villageCode) ?? 'WIB'];
}

/** The instant a stay with this expected check-out becomes overdue. */
export function overdueSince(expectedCheckOut: string, villageCode: string): Date {
  return new Date(Date.parse(`${expectedCheckOut}T00:00:00Z`) + DAY_MS - zoneOffsetHours(villageCode) * 3_600_000);
}

/** 1 on the first day after the expected check-out, 2 on the second, …; 0 while not overdue. */
export function daysOverdue(since: Date, now: Date): number {
  const elapsed = now.getTime() - since.getTime();
  return elapsed < 0 ? 0 : Math.floor(elapsed / DAY_MS) + 1;
}

const provincesOf = (zone: keyof typeof OFFSET_HOURS) =>
  Array.from({ length: 89 }, (_, i) => String(i + 11))
    .filter((p) => timeZoneOfRegion(p) === zone)
    .map((p) => `'${p}'`)
    .join(', ');
const WITA = sql.raw(provincesOf('WITA'));
const WIT = sql.raw(provincesOf('WIT'));

/** zoneOffsetHours as SQL over a village-code expression. */
export function zoneOffsetSql(villageCode: SQL): SQL {
  return sql`(case when left(${villageCode}, 2) in (${WITA}) then 8 when left(${villageCode}, 2) in (${WIT}) then 9 else 7 end)`;
}

/** overdueSince as SQL. */
export function overdueSinceSql(expectedCheckOut: SQL, villageCode: SQL): SQL {
  return sql`(((${expectedCheckOut} + 1)::timestamp - make_interval(hours => ${zoneOffsetSql(villageCode)})) at time zone 'UTC')`;
}

/** daysOverdue as SQL (for an instant already past `since`). */
export function daysOverdueSql(since: SQL, now: Date): SQL {
  return sql`(floor(extract(epoch from (${now.toISOString()}::timestamptz - ${since})) / 86400)::int + 1)`;
}

/** The month label (YYYY-MM) of an instant in the property's zone. */
export function localMonthSql(instant: SQL, villageCode: SQL): SQL {
  return sql`to_char((${instant} at time zone 'UTC') + make_interval(hours => ${zoneOffsetSql(villageCode)}), 'YYYY-MM')`;
}

/** The last `count` month labels ending with the current month (in WIB, the office's usual zone), oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const local = new Date(now.getTime() + OFFSET_HOURS.WIB * 3_600_000);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}
