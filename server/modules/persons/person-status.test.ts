import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  localDate,
  type PermitFacts,
  type StatusSummary,
  statusOf,
  summariseStatus,
  timeZoneOfRegion,
} from './person-status';

const permit = (over: Partial<PermitFacts> = {}): PermitFacts => ({
  id: 'p1',
  type: 'ITAS',
  validFrom: '2025-03-11',
  validUntil: '2026-03-10',
  cancelledAt: null,
  exitDate: null,
  ...over,
});

const summary = (over: Partial<StatusSummary> = {}): StatusSummary => ({
  permitId: 'p1',
  permitType: 'ITAS',
  permitValidUntil: '2026-03-10',
  exitedOn: null,
  documentExpiry: '2030-01-01',
  ...over,
});

/** 09:00 in Pagar Alam (WIB) on the given day. */
const morningWib = (day: string) => new Date(`${day}T02:00:00Z`);
const wib = (s: StatusSummary, day: string, expiringDays = 30) =>
  statusOf(s, { now: morningWib(day), zone: 'WIB', expiringDays });

describe('time zone of an area', () => {
  it('follows the province code: WIB west, WITA centre, WIT east', () => {
    expect(timeZoneOfRegion('16.72.01.1005')).toBe('WIB');
    expect(timeZoneOfRegion('31.71')).toBe('WIB');
    expect(timeZoneOfRegion('61')).toBe('WIB');
    expect(timeZoneOfRegion('62.01')).toBe('WIB');
    expect(timeZoneOfRegion('51.03.01.1001')).toBe('WITA');
    expect(timeZoneOfRegion('63')).toBe('WITA');
    expect(timeZoneOfRegion('65')).toBe('WITA');
    expect(timeZoneOfRegion('73.71')).toBe('WITA');
    expect(timeZoneOfRegion('76')).toBe('WITA');
    expect(timeZoneOfRegion('81')).toBe('WIT');
    expect(timeZoneOfRegion('82')).toBe('WIT');
    expect(timeZoneOfRegion('91.03.01.1001')).toBe('WIT');
    expect(timeZoneOfRegion('96')).toBe('WIT');
    expect(timeZoneOfRegion(null)).toBeNull();
    expect(timeZoneOfRegion('99')).toBeNull();
    expect(timeZoneOfRegion('ab')).toBeNull();
  });

  it('knows a zone for every province in the Kemendagri data', () => {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data', 'provinces.csv');
    const codes = readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0])
      .filter((c): c is string => Boolean(c));
    expect(codes).toHaveLength(38);
    for (const code of codes) {
      expect(timeZoneOfRegion(code), code).not.toBeNull();
    }
  });

  it('gives the calendar day of an instant in the zone', () => {
    const instant = new Date('2026-03-10T16:30:00Z');
    expect(localDate(instant, 'WIB')).toBe('2026-03-10'); // 23:30 WIB
    expect(localDate(instant, 'WITA')).toBe('2026-03-11'); // 00:30 WITA
    expect(localDate(instant, 'WIT')).toBe('2026-03-11'); // 01:30 WIT
    expect(localDate(new Date('2026-03-10T17:00:00Z'), 'WIB')).toBe('2026-03-11');
  });

  it('counts calendar days across months and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('status', () => {
  it('is active with the days left, and expiring within 30 days, on the last day too', () => {
    expect(wib(summary(), '2026-01-01')).toMatchObject({ code: 'active', daysLeft: 68, overstayDays: null });
    expect(wib(summary(), '2026-02-07')).toMatchObject({ code: 'active', daysLeft: 31 });
    expect(wib(summary(), '2026-02-08')).toMatchObject({ code: 'expiring', daysLeft: 30 });
    expect(wib(summary(), '2026-03-10')).toMatchObject({ code: 'expiring', daysLeft: 0, asOf: '2026-03-10' });
  });

  it('takes the expiring window from configuration', () => {
    expect(wib(summary(), '2026-03-01', 7)).toMatchObject({ code: 'active', daysLeft: 9 });
    expect(wib(summary(), '2026-03-03', 7)).toMatchObject({ code: 'expiring', daysLeft: 7 });
  });

  it('is overstay from the day after the last valid day, counting that day as one', () => {
    expect(wib(summary(), '2026-03-11')).toMatchObject({ code: 'overstay', overstayDays: 1, daysLeft: null });
    expect(wib(summary(), '2026-04-10')).toMatchObject({ code: 'overstay', overstayDays: 31 });
  });

  it('decides the day in the area zone, not in UTC: 23:30 WIB is still the last valid day', () => {
    const s = summary();
    const lateEvening = new Date('2026-03-10T16:30:00Z');
    expect(statusOf(s, { now: lateEvening, zone: 'WIB', expiringDays: 30 })).toMatchObject({
      code: 'expiring',
      daysLeft: 0,
    });
    expect(statusOf(s, { now: lateEvening, zone: 'WITA', expiringDays: 30 })).toMatchObject({
      code: 'overstay',
      overstayDays: 1,
      asOf: '2026-03-11',
      zone: 'WITA',
    });
    expect(statusOf(s, { now: lateEvening, zone: 'WIT', expiringDays: 30 })).toMatchObject({ code: 'overstay' });
    // The UTC day of that instant is still 10 March: using it would have called the person in Bali legal.
    expect(lateEvening.toISOString().slice(0, 10)).toBe('2026-03-10');
    expect(statusOf(s, { now: new Date('2026-03-10T17:00:00Z'), zone: 'WIB', expiringDays: 30 }).code).toBe('overstay');
    expect(statusOf(s, { now: new Date('2026-03-10T16:59:59Z'), zone: 'WIB', expiringDays: 30 }).code).toBe('expiring');
  });

  it('is exited once a departure is recorded, whatever the dates', () => {
    expect(wib(summary({ exitedOn: '2026-02-01' }), '2026-05-01')).toMatchObject({ code: 'exited' });
  });

  it('is document expired when the passport has expired and the permit still runs', () => {
    expect(wib(summary({ documentExpiry: '2025-12-31' }), '2026-01-01')).toMatchObject({
      code: 'document_expired',
      daysLeft: 68,
    });
    // without a permit on file, an expired passport is still the thing to act on
    expect(
      wib(
        summary({ permitId: null, permitType: null, permitValidUntil: null, documentExpiry: '2025-12-31' }),
        '2026-01-01',
      ).code,
    ).toBe('document_expired');
  });

  it('ranks overstay above an expired document', () => {
    expect(wib(summary({ documentExpiry: '2026-01-01' }), '2026-04-01')).toMatchObject({
      code: 'overstay',
      overstayDays: 22,
    });
  });

  it('is unknown without a permit, and active for an open-ended permit', () => {
    expect(wib(summary({ permitId: null, permitType: null, permitValidUntil: null }), '2026-01-01').code).toBe(
      'unknown',
    );
    expect(wib(summary({ permitType: 'ITAP', permitValidUntil: null }), '2026-01-01')).toMatchObject({
      code: 'active',
      daysLeft: null,
    });
  });
});

describe('current permit and document', () => {
  it('takes the permit that ends last, so a renewal ends an overstay', () => {
    const old = permit({ id: 'old', validFrom: '2024-03-11', validUntil: '2025-03-10' });
    const renewed = permit({ id: 'new', validFrom: '2025-03-11', validUntil: '2026-03-10' });
    expect(summariseStatus([renewed, old], [], 'WIB')).toMatchObject({
      permitId: 'new',
      permitValidUntil: '2026-03-10',
    });
    expect(summariseStatus([old], [], 'WIB')).toMatchObject({ permitId: 'old', permitValidUntil: '2025-03-10' });
  });

  it('ends a cancelled permit on the day of cancellation in the zone', () => {
    const cancelled = permit({ cancelledAt: new Date('2025-06-30T18:00:00Z') });
    expect(summariseStatus([cancelled], [], 'WIB').permitValidUntil).toBe('2025-07-01');
    expect(summariseStatus([cancelled], [], 'WIB').permitId).toBe('p1');
    const after = permit({
      validUntil: '2025-05-01',
      validFrom: '2025-01-01',
      cancelledAt: new Date('2025-06-30T00:00:00Z'),
    });
    expect(summariseStatus([after], [], 'WIB').permitValidUntil).toBe('2025-05-01');
  });

  it('prefers an open-ended permit, and the later start among equals', () => {
    const itap = permit({ id: 'itap', type: 'ITAP', validUntil: null, validFrom: '2020-01-01' });
    const itas = permit({ id: 'itas', validUntil: '2030-01-01' });
    expect(summariseStatus([itap, itas], [], 'WIB')).toMatchObject({ permitId: 'itap', permitValidUntil: null });
    const a = permit({ id: 'a', validFrom: '2025-01-01' });
    const b = permit({ id: 'b', validFrom: '2025-02-01' });
    expect(summariseStatus([a, b], [], 'WIB').permitId).toBe('b');
  });

  it('carries the departure of the current permit only', () => {
    const left = permit({ id: 'left', validFrom: '2024-01-01', validUntil: '2024-12-31', exitDate: '2024-06-01' });
    const back = permit({ id: 'back', validFrom: '2025-01-01', validUntil: '2025-12-31' });
    expect(summariseStatus([left, back], [], 'WIB').exitedOn).toBeNull();
    expect(summariseStatus([left], [], 'WIB').exitedOn).toBe('2024-06-01');
  });

  it('takes the latest expiry of current passports and identity cards, not of visas or replaced documents', () => {
    const docs = [
      { type: 'P', expiryDate: '2027-01-01', supersededAt: null },
      { type: 'P', expiryDate: '2035-01-01', supersededAt: new Date() },
      { type: 'V', expiryDate: '2040-01-01', supersededAt: null },
      { type: 'ID', expiryDate: '2028-05-01', supersededAt: null },
    ];
    expect(summariseStatus([], docs, 'WIB')).toMatchObject({ documentExpiry: '2028-05-01', permitId: null });
  });
});
