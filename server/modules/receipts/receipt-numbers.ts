// Receipt numbers and clock zones. A number is STT-<year>-XXXX-XXXX-XXXX: 11 random Crockford-base32 characters
// (55 bits, so another property's receipts cannot be enumerated) and a check character that catches typos before
// any look-up. Numbers are made in memory, many at once; the unique index settles the rare collision.
import { randomBytes } from 'node:crypto';
import { type IndonesianZone, RECEIPT_ALPHABET, receiptCheckCharacter } from '../../../contracts/receipts';

const RANDOM_CHARS = 11;

/** Random bytes drawn in blocks: one randomBytes call serves thousands of numbers. */
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomBody(): string {
  if (poolAt + RANDOM_CHARS > pool.length) {
    pool = randomBytes(RANDOM_CHARS * 4096);
    poolAt = 0;
  }
  let body = '';
  for (let j = 0; j < RANDOM_CHARS; j++) {
    // 256 is a multiple of 32: the low five bits are uniform.
    body += RECEIPT_ALPHABET[(pool[poolAt++] as number) & 31];
  }
  return body + receiptCheckCharacter(body);
}

/** A fresh number of the given year. */
export function newReceiptNumber(year: number): string {
  const body = randomBody();
  return `STT-${year}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
}

const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);

/**
 * The zone of a Kemendagri area by its province: Maluku and Papua (81–96) WIT; Bali, Nusa Tenggara, South/East/North
 * Kalimantan and Sulawesi WITA; the rest (Sumatra, Java, West and Central Kalimantan) WIB.
 */
export function zoneOfRegion(code: string): IndonesianZone {
  const province = code.slice(0, 2);
  if (Number(province) >= 81) {
    return 'WIT';
  }
  return WITA_PROVINCES.has(province) ? 'WITA' : 'WIB';
}

export const zoneOffsetHours: Record<IndonesianZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** The calendar year at that instant on the zone's clock. */
export function yearIn(zone: IndonesianZone, at: Date): number {
  return new Date(at.getTime() + zoneOffsetHours[zone] * 3_600_000).getUTCFullYear();
}

/** The instant a calendar day (YYYY-MM-DD) begins on the zone's clock. */
export function startOfDayIn(zone: IndonesianZone, isoDay: string): Date {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) - zoneOffsetHours[zone] * 3_600_000);
}

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "28 November 2026 pukul 17.05 WIB": Indonesian format on the zone's clock, independent of the server's ICU. */
export function formatInZone(zone: IndonesianZone, at: Date): string {
  const local = new Date(at.getTime() + zoneOffsetHours[zone] * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} pukul ${pad(local.getUTCHours())}.${pad(local.getUTCMinutes())} ${zone}`;
}
