import { describe, expect, it } from 'vitest';
import { daysOverdue, lastMonths, overdueSince } from './deadlines';

describe('check-out deadlines', () => {
  it('makes a stay overdue at the midnight that ends its expected check-out day, in the property zone', () => {
    expect(overdueSince('2026-03-10', '16.72.01.1005').toISOString()).toBe('2026-03-10T17:00:00.000Z'); // WIB
    expect(overdueSince('2026-03-10', '51.71.01.1001').toISOString()).toBe('2026-03-10T16:00:00.000Z'); // WITA
    expect(overdueSince('2026-03-10', '94.71.01.1001').toISOString()).toBe('2026-03-10T15:00:00.000Z'); // WIT
  });

  it('counts days overdue from 1 on the first day after the expected check-out', () => {
    const since = overdueSince('2026-03-10', '16.72.01.1005');
    expect(daysOverdue(since, new Date('2026-03-10T16:59:00Z'))).toBe(0);
    expect(daysOverdue(since, new Date('2026-03-10T17:00:00Z'))).toBe(1);
    expect(daysOverdue(since, new Date('2026-03-11T16:59:00Z'))).toBe(1);
    expect(daysOverdue(since, new Date('2026-03-13T18:00:00Z'))).toBe(4);
  });

  it('lists the last six months ending with the current one in WIB', () => {
    expect(lastMonths(new Date('2026-03-31T18:00:00Z'), 6)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(lastMonths(new Date('2026-01-15T00:00:00Z'), 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
