import { describe, expect, it } from 'vitest';
import { endOfDay, formatDate, formatDateTime, startOfDay, zoneOfRegion } from './format';

describe('time zone of an area', () => {
  it('puts Sumatra and Java in WIB, Bali and Sulawesi in WITA, Maluku and Papua in WIT', () => {
    expect(zoneOfRegion('16.72').abbr).toBe('WIB');
    expect(zoneOfRegion('61.71').abbr).toBe('WIB');
    expect(zoneOfRegion('51.71').abbr).toBe('WITA');
    expect(zoneOfRegion('73.71.01').abbr).toBe('WITA');
    expect(zoneOfRegion('81').abbr).toBe('WIT');
    expect(zoneOfRegion('94.01').abbr).toBe('WIT');
    expect(zoneOfRegion(null).abbr).toBe('WIB');
  });
});

describe('formatting', () => {
  it('shows a document date as the calendar date, whatever the zone', () => {
    expect(formatDate('2026-01-15', 'id')).toBe('15 Jan 2026');
    expect(formatDate('2026-08-17', 'en')).toBe('17 Aug 2026');
  });

  it('shows an instant in the area zone with its abbreviation', () => {
    const at = '2026-01-15T17:30:00Z';
    expect(formatDateTime(at, 'id', zoneOfRegion('16.72'))).toBe('16 Jan 2026, 00.30 WIB');
    expect(formatDateTime(at, 'id', zoneOfRegion('91.71'))).toBe('16 Jan 2026, 02.30 WIT');
  });

  it('turns a day in a zone into an instant range with the zone offset', () => {
    const wita = zoneOfRegion('51.71');
    expect(startOfDay('2026-01-31', wita)).toBe('2026-01-31T00:00:00+08:00');
    expect(endOfDay('2026-01-31', wita)).toBe('2026-02-01T00:00:00+08:00');
    expect(endOfDay('2024-12-31', zoneOfRegion('16'))).toBe('2025-01-01T00:00:00+07:00');
  });
});
