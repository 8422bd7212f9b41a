import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReceiptNumber, RECEIPT_ALPHABET, RECEIPT_NUMBER_PATTERN } from '../../../contracts/receipts';
import { formatInZone, newReceiptNumber, startOfDayIn, yearIn, zoneOfRegion } from './receipt-numbers';

describe('receipt numbers', () => {
  it('are well formed, distinct and read back as themselves', () => {
    const numbers = Array.from({ length: 20_000 }, () => newReceiptNumber(2026));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers.slice(0, 2_000)) {
      expect(n).toMatch(RECEIPT_NUMBER_PATTERN);
      expect(parseReceiptNumber(n)).toBe(n);
    }
  });

  it('catch every single wrong character and every swap of two neighbours but 0↔Z (Luhn mod 32)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 11 }), fc.integer({ min: 1, max: 31 }), (position, shift) => {
        const n = newReceiptNumber(2026);
        const body = n.slice(9).replaceAll('-', '');
        const wrong = [...body];
        wrong[position] = RECEIPT_ALPHABET[
          (RECEIPT_ALPHABET.indexOf(wrong[position] as string) + shift) % 32
        ] as string;
        expect(parseReceiptNumber(`STT2026${wrong.join('')}`)).toBeNull();
        const pair = `${body[position]}${body[position + 1]}`;
        if (position < 11 && body[position] !== body[position + 1] && pair !== '0Z' && pair !== 'Z0') {
          const swapped = [...body];
          [swapped[position], swapped[position + 1]] = [swapped[position + 1] as string, swapped[position] as string];
          expect(parseReceiptNumber(`STT2026${swapped.join('')}`)).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('forgive case, spacing and the letters people confuse with digits', () => {
    const n = newReceiptNumber(2026);
    const typed = ` ${n.toLowerCase().replaceAll('-', ' ').replaceAll('1', 'l').replaceAll('0', 'O')} `;
    expect(parseReceiptNumber(typed)).toBe(n);
    expect(parseReceiptNumber(n.replaceAll('-', ''))).toBe(n);
    expect(parseReceiptNumber('STT-2026-ABCD')).toBeNull();
  });
});

describe('zones', () => {
  it('follow the province', () => {
    expect(zoneOfRegion('16.72.01.1005')).toBe('WIB');
    expect(zoneOfRegion('51.71')).toBe('WITA');
    expect(zoneOfRegion('73.71')).toBe('WITA');
    expect(zoneOfRegion('64')).toBe('WITA');
    expect(zoneOfRegion('62.01')).toBe('WIB');
    expect(zoneOfRegion('81.71')).toBe('WIT');
    expect(zoneOfRegion('96.01')).toBe('WIT');
  });

  it('put days and years on the local clock', () => {
    expect(startOfDayIn('WIB', '2026-03-10').toISOString()).toBe('2026-03-09T17:00:00.000Z');
    expect(startOfDayIn('WIT', '2026-03-10').toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(yearIn('WIB', new Date('2026-12-31T17:30:00Z'))).toBe(2027);
    expect(yearIn('WIB', new Date('2026-12-31T16:30:00Z'))).toBe(2026);
    expect(formatInZone('WITA', new Date('2026-03-09T16:30:00Z'))).toBe('10 Maret 2026 pukul 00.30 WITA');
  });
});
