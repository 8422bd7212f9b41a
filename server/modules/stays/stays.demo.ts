// Demo guest reports: about three months of check-ins and check-outs at the verified demo properties, by foreigners
// of the demo register (so a person's page shows their movement), generated deterministically. Operators report in
// the evening (21.00 WIB) of the day; some check-ins come days late, a few check-outs never come (compliance items),
// and the guests of the last days are staying now (the office's list and map). Written in bulk — receipts through
// the receipts module, one call per day — because a report at a time through the service would take minutes.

import { sql } from 'drizzle-orm';
import { selectRows, type Tx } from '../../db/client';
import { type GuestSnapshot, stayReports, stays } from '../../db/schema/stays';
import type { Ctx } from '../../platform/context';
import { newId } from '../../platform/ids';
import { demoAccommodations } from '../accommodations/accommodations.demo';
import { issueReceipts } from '../receipts/receipts.service';
import { isLateReport } from './stay-rows';

const DAY = 86_400_000;
const WIB = 7 * 3_600_000;
const DAYS = 92;
/** 21.00, when the demo's operators send the day's reports */
const EVENING = 21 * 3_600_000;
const CHUNK = 1_000;

type Rng = () => number;

/** mulberry32: small, fast and the same on every machine. */
function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** Arrivals a day, on average, by kind of property. */
const arrivalsPerDay: Record<string, number> = {
  hotel: 0.7,
  villa: 0.3,
  homestay: 0.25,
  guest_house: 0.4,
  kos: 0.1,
  company_mess: 0.35,
  apartment: 0.2,
};
const purposesOf: Record<string, readonly string[]> = {
  company_mess: ['work', 'work', 'work', 'business'],
  kos: ['study', 'work'],
};
const defaultPurposes = ['tourism', 'tourism', 'tourism', 'business', 'family', 'social_religious', 'transit'];

type Guest = { personId: string; snapshot: GuestSnapshot; freeFrom: number };
type Report = typeof stayReports.$inferInsert & { happenedAt: Date };

/** Local (WIB) calendar day of an instant, as YYYY-MM-DD. */
const wibDay = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
/** 00:00 WIB of the day `ms` falls on. */
const wibMidnight = (ms: number) => Math.floor((ms + WIB) / DAY) * DAY - WIB;

export async function seedStaysDemo(tx: Tx, ctx: Ctx, opts: { demoId: (key: string) => string; seed: number }) {
  const rng = rngOf(opts.seed);
  const now = ctx.now().getTime();
  const rows = await selectRows<{
    id: string;
    surname: string;
    given_names: string;
    sex: string | null;
    birth_date: string | null;
    nationality: string;
    type: string;
    number: string;
    issuing_state: string;
    expiry_date: string | null;
  }>(
    tx,
    sql`select distinct on (p.id) p.id, p.surname, p.given_names, p.sex, p.birth_date, p.nationality,
               d.type, d.number, d.issuing_state, d.expiry_date::text as expiry_date
        from persons p join travel_documents d on d.person_id = p.id and d.superseded_at is null
        where p.merged_into is null
        order by p.id, d.created_at desc`,
  );
  const guests: Guest[] = rows
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((r) => ({
      personId: r.id,
      freeFrom: 0,
      snapshot: {
        surname: r.surname,
        givenNames: r.given_names,
        sex: r.sex,
        birthDate: r.birth_date,
        nationality: r.nationality,
        document: { type: r.type, number: r.number, issuingState: r.issuing_state, expiryDate: r.expiry_date },
        mrzLines: null,
      },
    }));
  if (guests.length === 0) {
    return { stays: 0, reports: 0 };
  }

  const newStays: (typeof stays.$inferInsert)[] = [];
  const reports: Report[] = [];
  const firstDay = wibMidnight(now - DAYS * DAY);
  for (const a of demoAccommodations) {
    if ((a.status ?? 'verified') !== 'verified') {
      continue;
    }
    const accommodationId = opts.demoId(`accommodation:${a.key}`);
    const channel = a.kind === 'hotel' || a.kind === 'company_mess' ? 'api' : 'form';
    const rate = arrivalsPerDay[a.kind] ?? 0.3;
    for (let day = firstDay; day <= now; day += DAY) {
      if (rng() >= rate) {
        continue;
      }
      // Arrival between 13.00 and 20.00 WIB; today's only if it has happened.
      const arrivedAt = day + 13 * 3_600_000 + int(rng, 0, 7 * 60) * 60_000;
      if (arrivedAt > now - 3_600_000) {
        continue;
      }
      const size = rng() < 0.7 ? 1 : rng() < 0.7 ? 2 : int(rng, 3, 4);
      const nights = a.kind === 'company_mess' || a.kind === 'kos' ? int(rng, 7, 30) : int(rng, 1, 5);
      const expectedOut = arrivedAt + nights * DAY;
      const late = rng() < 0.08;
      // The evening report of the arrival day, or of a day or three later when late.
      const checkInReportedAt = Math.min(wibMidnight(arrivedAt) + (late ? int(rng, 2, 4) : 0) * DAY + EVENING, now);
      const departs = rng() < 0.85 ? expectedOut : expectedOut + int(rng, -1, 2) * DAY;
      const checkedOutAt = wibMidnight(departs) + 10 * 3_600_000 + int(rng, 0, 120) * 60_000;
      const left = checkedOutAt < now - 3_600_000;
      const forgotten = left && rng() < 0.02;
      const purpose = pick(rng, purposesOf[a.kind] ?? defaultPurposes);
      const room = a.kind === 'homestay' || a.kind === 'villa' ? null : String(int(rng, 1, 3) * 100 + int(rng, 1, 20));
      const groupId = size > 1 ? newId() : null;
      const members: Guest[] = [];
      for (let tries = 0; members.length < size && tries < 30; tries++) {
        const g = pick(rng, guests);
        if (g.freeFrom <= arrivedAt && !members.includes(g)) {
          members.push(g);
        }
      }
      for (const g of members) {
        g.freeFrom = forgotten ? Number.POSITIVE_INFINITY : left ? checkedOutAt + DAY : Number.POSITIVE_INFINITY;
        const stayId = newId();
        const arrived = new Date(arrivedAt);
        const reportedAt = new Date(checkInReportedAt);
        const isLate = isLateReport(arrived, reportedAt);
        newStays.push({
          id: stayId,
          accommodationId,
          villageCode: a.villageCode,
          personId: g.personId,
          groupId,
          status: left && !forgotten ? 'checked_out' : 'open',
          arrivedAt: arrived,
          expectedCheckOut: wibDay(expectedOut),
          checkedOutAt: left && !forgotten ? new Date(checkedOutAt) : null,
          room,
          visitPurpose: purpose,
          guest: g.snapshot,
          nationality: g.snapshot.nationality,
          isLate,
          checkInReportedAt: reportedAt,
          personLink: 'linked',
          channel,
          receiptNumber: '',
          createdAt: reportedAt,
          updatedAt: reportedAt,
        });
        reports.push({
          id: newId(),
          stayId,
          accommodationId,
          kind: 'check_in',
          reportedAt,
          happenedAt: arrived,
          data: {
            arrivedAt: arrived.toISOString(),
            expectedCheckOut: wibDay(expectedOut),
            room,
            visitPurpose: purpose,
          },
          isLate,
          receiptNumber: '',
          channel,
        });
        if (left && !forgotten) {
          const outReportedAt = new Date(Math.min(wibMidnight(checkedOutAt) + EVENING, now));
          const out = new Date(checkedOutAt);
          reports.push({
            id: newId(),
            stayId,
            accommodationId,
            kind: 'check_out',
            reportedAt: outReportedAt,
            happenedAt: out,
            data: { checkedOutAt: out.toISOString() },
            receiptNumber: '',
            channel,
          });
          (newStays.at(-1) as { updatedAt: Date }).updatedAt = outReportedAt;
        }
      }
    }
  }

  // Receipts: one call per reporting evening (they are issued when the report is accepted).
  const byEvening = new Map<number, Report[]>();
  for (const r of reports) {
    const at = (r.reportedAt as Date).getTime();
    byEvening.set(at, [...(byEvening.get(at) ?? []), r]);
  }
  const stayById = new Map(newStays.map((s) => [s.id, s]));
  for (const [at, group] of [...byEvening].sort(([x], [y]) => x - y)) {
    const issued = await issueReceipts(
      tx,
      { ...ctx, now: () => new Date(at) },
      group.map((r) => ({
        accommodationId: r.accommodationId,
        reportId: r.id,
        reportKind: r.kind as 'check_in' | 'check_out',
        reportedAt: r.happenedAt,
        guestCount: 1,
      })),
    );
    group.forEach((r, i) => {
      r.receiptNumber = (issued[i] as { number: string }).number;
      if (r.kind === 'check_in') {
        (stayById.get(r.stayId) as { receiptNumber: string }).receiptNumber = r.receiptNumber;
      }
    });
  }
  for (let i = 0; i < newStays.length; i += CHUNK) {
    await tx.insert(stays).values(newStays.slice(i, i + CHUNK));
  }
  for (let i = 0; i < reports.length; i += CHUNK) {
    await tx.insert(stayReports).values(reports.slice(i, i + CHUNK).map(({ happenedAt: _h, ...r }) => r));
  }
  return {
    stays: newStays.length,
    reports: reports.length,
    staying: newStays.filter((s) => s.status === 'open').length,
  };
}
