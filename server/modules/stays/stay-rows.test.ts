import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMrzLines, stayBatchRow } from '../../../contracts/stays';
import { passportMrz } from '../persons/persons.test-support';
import { findDuplicateGuests, type PreparedRow, prepareRow } from './stay-rows';

const VILLAGE = '16.72.01.1005';
const now = new Date('2026-11-28T03:00:00Z');
const row = (over: Record<string, unknown> = {}) => ({
  arrivedAt: '2026-11-27T14:00:00+07:00',
  expectedCheckOut: '2026-11-30',
  visitPurpose: 'tourism',
  guest: { mrz: passportMrz() },
  ...over,
});
const codes = (o: ReturnType<typeof prepareRow>) => (o.ok ? [] : o.errors.map((e) => `${e.field}:${e.code}`));

describe('guest rows', () => {
  it('reads the guest from the MRZ, also inside a scanner app’s text', () => {
    const text = `Scanned with MRZ app\n${passportMrz()}\nconfidence 98%`;
    expect(extractMrzLines(text)).toBe(passportMrz());
    const o = prepareRow(0, row({ guest: { mrz: text } }), VILLAGE, now, stayBatchRow);
    expect(o.ok && o.row.guest).toMatchObject({
      surname: 'ZHANG',
      nationality: 'CHN',
      document: { number: 'E12345678' },
    });
  });

  it('refuses typed fields that disagree with the MRZ', () => {
    const o = prepareRow(0, row({ guest: { mrz: passportMrz(), nationality: 'JPN' } }), VILLAGE, now, stayBatchRow);
    expect(codes(o)).toContain('guest.nationality:MRZ_MISMATCH');
  });

  it('checks the dates: late after 24 h, future beyond the skew, check-out before arrival', () => {
    const late = prepareRow(0, row({ arrivedAt: '2026-11-27T02:59:00Z' }), VILLAGE, now, stayBatchRow);
    expect(late.ok && late.row.isLate).toBe(true);
    const onTime = prepareRow(0, row({ arrivedAt: '2026-11-27T03:01:00Z' }), VILLAGE, now, stayBatchRow);
    expect(onTime.ok && onTime.row.isLate).toBe(false);
    expect(codes(prepareRow(0, row({ arrivedAt: '2026-11-28T03:09:00Z' }), VILLAGE, now, stayBatchRow))).toEqual([]);
    expect(codes(prepareRow(0, row({ arrivedAt: '2026-11-28T03:11:00Z' }), VILLAGE, now, stayBatchRow))).toEqual([
      'arrivedAt:STAY_TIME_IN_FUTURE',
    ]);
    // 23:30 WIB on the 27th is the 27th in Pagar Alam, though the 27th 16:30 UTC
    expect(
      codes(
        prepareRow(
          0,
          row({ arrivedAt: '2026-11-27T23:30:00+07:00', expectedCheckOut: '2026-11-26' }),
          VILLAGE,
          now,
          stayBatchRow,
        ),
      ),
    ).toEqual(['expectedCheckOut:STAY_CHECK_OUT_BEFORE_CHECK_IN']);
  });

  it('never throws on any input, and answers every row either way', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const o = prepareRow(3, raw, VILLAGE, now, stayBatchRow);
        expect(o.ok || o.errors.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (mrz) => {
        const o = prepareRow(0, row({ guest: { mrz } }), VILLAGE, now, stayBatchRow);
        expect(o.ok || o.errors.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('flags the same document twice in one batch, keeping the first', () => {
    const a = prepareRow(0, row(), VILLAGE, now, stayBatchRow);
    const b = prepareRow(1, row({ room: '2' }), VILLAGE, now, stayBatchRow);
    const rows = [a, b].flatMap((o) => (o.ok ? [o.row] : [])) as PreparedRow[];
    expect([...findDuplicateGuests(rows).keys()]).toEqual([1]);
  });
});
