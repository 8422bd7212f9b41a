import { describe, expect, it } from 'vitest';
import { formatPartialDate, toIsoPartialDate, toLocalPartialDate } from './partial-date';

describe('partial birth dates', () => {
  it('reads the ways officers type a date', () => {
    expect(toIsoPartialDate('12-03-1985')).toBe('1985-03-12');
    expect(toIsoPartialDate('1/3/1985')).toBe('1985-03-01');
    expect(toIsoPartialDate('03/1985')).toBe('1985-03');
    expect(toIsoPartialDate(' 1985 ')).toBe('1985');
    expect(toIsoPartialDate('1985-03-12')).toBe('1985-03-12');
  });

  it('leaves what it cannot read for the validation to name', () => {
    expect(toIsoPartialDate('kemarin')).toBe('kemarin');
  });

  it('shows a stored date the way it is typed', () => {
    expect(toLocalPartialDate('1985-03-12')).toBe('12-03-1985');
    expect(toLocalPartialDate('1985-03')).toBe('03-1985');
    expect(toLocalPartialDate('1985')).toBe('1985');
  });

  it('writes only what is known', () => {
    expect(formatPartialDate('1985', 'id')).toBe('1985');
    expect(formatPartialDate('1985-03', 'en')).toBe('March 1985');
    expect(formatPartialDate('1985-03-12', 'en')).toBe('12 Mar 1985');
  });
});
