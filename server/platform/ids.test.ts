import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('is a version 7 UUID whose first 48 bits are the millisecond it was made', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (ms) => {
        const id = newId(ms);
        expect(id).toMatch(UUID_V7);
        expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(ms);
      }),
    );
  });

  it('sorts ids of later milliseconds after earlier ones, as text and as PostgreSQL compares uuids', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 2 }), fc.integer({ min: 1, max: 10 ** 9 }), (ms, later) => {
        const t2 = Math.min(ms + later, 2 ** 48 - 1);
        expect(newId(ms) < newId(t2)).toBe(true);
      }),
    );
  });

  it('stays unguessable: 100,000 ids made in the same millisecond are all different', () => {
    const ms = Date.UTC(2026, 10, 28);
    const ids = new Set(Array.from({ length: 100_000 }, () => newId(ms)));
    expect(ids.size).toBe(100_000);
  });
});
