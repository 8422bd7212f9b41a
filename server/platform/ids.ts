// Row ids of the tables that grow fastest (the register's facts, stays, their reports, receipts): time-ordered UUIDs
// (RFC 9562 version 7) instead of random ones. Rows written together get neighbouring keys, so a batch of 100,000
// appends to the right-hand pages of each primary-key and person_id index instead of touching a random page per row
// (ARCHITECTURE D19, measured there). The 74 bits after the millisecond stay random: ids remain unguessable.
import { randomUUID } from 'node:crypto';

let prefixMs = -1;
let prefix = '';

/** A new time-ordered UUID (version 7): 48 bits of Unix milliseconds, then the random bits of a version 4 UUID made
 * by node:crypto (its variant bits are already those of RFC 9562). */
export function newId(now: number = Date.now()): string {
  if (now !== prefixMs) {
    // 48-bit big-endian milliseconds as 12 hex digits, "tttttttt-tttt-7"
    const hex = now.toString(16).padStart(12, '0');
    prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7`;
    prefixMs = now;
  }
  // a version 4 UUID is "xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx": keep what follows its version digit
  return prefix + randomUUID().slice(15);
}
