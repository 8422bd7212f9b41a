// Row ids of the tables that grow fastest (the register's facts, stays, their reports, receipts): time-ordered UUIDs
// (RFC 9562 version 7) instead of random ones. Rows written together get neighbouring keys, so a batch of 100,000
// appends to the right-hand pages of each primary-key and person_id index instead of touching a random page per row
// (ARCHITECTURE D19, measured there). The 74 bits after the millisecond stay random: ids remain unguessable.
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const POOL_SIZE = 16 * 256;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** A new time-ordered UUID (version 7): 48 bits of Unix milliseconds, then random bits. */
export function newId(now: number = Date.now()): string {
  if (offset + 16 > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const b = pool;
  const o = offset;
  offset += 16;
  // 48-bit big-endian milliseconds (exact in a double until the year 10889)
  const high = Math.floor(now / 0x1000000);
  const low = now % 0x1000000;
  const h = (byte: number) => HEX[byte] as string;
  const at = (i: number) => h(b[o + i] as number);
  return `${h((high >>> 16) & 0xff)}${h((high >>> 8) & 0xff)}${h(high & 0xff)}${h((low >>> 16) & 0xff)}-${h((low >>> 8) & 0xff)}${h(low & 0xff)}-${h(0x70 | ((b[o + 6] as number) & 0x0f))}${at(7)}-${h(0x80 | ((b[o + 8] as number) & 0x3f))}${at(9)}-${at(10)}${at(11)}${at(12)}${at(13)}${at(14)}${at(15)}`;
}
