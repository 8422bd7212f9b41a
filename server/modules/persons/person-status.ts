// A foreigner's status, derived from permits and documents: active, expiring, overstay (with days), document
// expired, exited, unknown. Days are calendar days in the zone of the person's area (WIB, WITA, WIT), never UTC
// days by accident: at 23:30 WIB a permit ending today is still valid in Pagar Alam while it ended an hour and a half
// ago in Jayapura (WIT). Pure: the clock and the zone are inputs.
import type { PersonStatus, PersonStatusCode, TimeZoneCode } from '../../../contracts/persons';

/** Indonesia keeps no daylight saving time: each zone is a fixed offset from UTC. */
const zoneOffsetHours: Record<TimeZoneCode, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** Provinces by Kemendagri code (idn-area-data): WIB is Sumatra, Java, West and Central Kalimantan; WITA Bali,
 * Nusa Tenggara, South/East/North Kalimantan and Sulawesi; WIT Maluku and Papua. */
export function timeZoneOfRegion(code: string | null | undefined): TimeZoneCode | null {
  const province = Number(code?.slice(0, 2));
  if (!Number.isInteger(province) || province < 11) {
    return null;
  }
  if ((province >= 11 && province <= 21) || (province >= 31 && province <= 36) || province === 61 || province === 62) {
    return 'WIB';
  }
  if ((province >= 51 && province <= 53) || (province >= 63 && province <= 65) || (province >= 71 && province <= 76)) {
    return 'WITA';
  }
  if (province === 81 || province === 82 || (province >= 91 && province <= 97)) {
    return 'WIT';
  }
  return null;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in the zone. */
export function localDate(instant: Date, zone: TimeZoneCode): string {
  return new Date(instant.getTime() + zoneOffsetHours[zone] * 3_600_000).toISOString().slice(0, 10);
}

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

export type PermitFacts = {
  id: string;
  type: string;
  validFrom: string | null;
  /** null: open-ended */
  validUntil: string | null;
  cancelledAt: Date | null;
  exitDate: string | null;
};

export type DocumentFacts = { type: string; expiryDate: string | null; supersededAt: Date | null };

/** What the status needs, kept on the person row so that lists filter by status with an index. */
export type StatusSummary = {
  permitId: string | null;
  permitType: string | null;
  /** the current permit's last valid day; null with a permit: open-ended */
  permitValidUntil: string | null;
  exitedOn: string | null;
  documentExpiry: string | null;
};

/** The day a permit stops counting: its end, or the day it was cancelled if earlier. Null: open-ended. */
export function effectiveEnd(permit: PermitFacts, zone: TimeZoneCode): string | null {
  const cancelled = permit.cancelledAt ? localDate(permit.cancelledAt, zone) : null;
  if (cancelled === null) {
    return permit.validUntil;
  }
  return permit.validUntil !== null && permit.validUntil < cancelled ? permit.validUntil : cancelled;
}

/**
 * The current permit is the one that ends last ("no later permit"); ties go to the one that started last. The
 * document expiry is the latest among current passports and identity documents (a visa is not the travel document).
 */
export function summariseStatus(
  permits: readonly PermitFacts[],
  documents: readonly DocumentFacts[],
  zone: TimeZoneCode,
): StatusSummary {
  let current: { permit: PermitFacts; end: string | null } | null = null;
  for (const permit of permits) {
    const end = effectiveEnd(permit, zone);
    if (current === null) {
      current = { permit, end };
      continue;
    }
    const later =
      current.end !== null && (end === null || end > current.end)
        ? true
        : end === current.end && (permit.validFrom ?? '') > (current.permit.validFrom ?? '');
    if (later) {
      current = { permit, end };
    }
  }
  const expiries = documents
    .filter((d) => d.type !== 'V' && d.supersededAt === null && d.expiryDate !== null)
    .map((d) => d.expiryDate as string)
    .sort();
  return {
    permitId: current?.permit.id ?? null,
    permitType: current?.permit.type ?? null,
    permitValidUntil: current?.end ?? null,
    exitedOn: current?.permit.exitDate ?? null,
    documentExpiry: expiries.at(-1) ?? null,
  };
}

/**
 * Status on the zone's current day. Order of precedence: exited, overstay, document expired, expiring, active,
 * unknown (no permit on file). A permit is valid through its last day: overstay starts the day after, and that day
 * counts as one day of overstay.
 */
export function statusOf(
  summary: StatusSummary,
  opts: { now: Date; zone: TimeZoneCode; expiringDays: number },
): PersonStatus {
  const today = localDate(opts.now, opts.zone);
  const base = {
    asOf: today,
    zone: opts.zone,
    permitValidUntil: summary.permitValidUntil,
    documentExpiry: summary.documentExpiry,
    daysLeft: null as number | null,
    overstayDays: null as number | null,
  };
  const result = (code: PersonStatusCode, extra: Partial<typeof base> = {}): PersonStatus => ({
    ...base,
    ...extra,
    code,
  });
  const hasPermit = summary.permitType !== null;
  const end = summary.permitValidUntil;
  if (hasPermit && summary.exitedOn !== null) {
    return result('exited');
  }
  if (hasPermit && end !== null && end < today) {
    return result('overstay', { overstayDays: daysBetween(end, today) });
  }
  if (summary.documentExpiry !== null && summary.documentExpiry < today) {
    return result('document_expired', end === null ? {} : { daysLeft: daysBetween(today, end) });
  }
  if (!hasPermit) {
    return result('unknown');
  }
  if (end === null) {
    return result('active');
  }
  const daysLeft = daysBetween(today, end);
  return result(daysLeft <= opts.expiringDays ? 'expiring' : 'active', { daysLeft });
}
