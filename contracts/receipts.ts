// Receipts (Surat Tanda Terima Pelaporan Orang Asing): the operator's list and downloads, the public verification
// answer (no personal data) and the published signing keys.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from './common';

export const receiptReportKinds = ['check_in', 'check_out', 'extension', 'correction', 'cancellation'] as const;
export const receiptReportKind = z.enum(receiptReportKinds);
export type ReceiptReportKind = z.infer<typeof receiptReportKind>;

/** The zone a property's clock shows: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9). */
export const indonesianZones = ['WIB', 'WITA', 'WIT'] as const;
export const indonesianZone = z.enum(indonesianZones);
export type IndonesianZone = z.infer<typeof indonesianZone>;

/** Crockford base32 without I, L, O, U: what a receipt number's random part is written in. */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** STT-<year>-XXXX-XXXX-XXXX: 11 random characters and one check character (Luhn mod 32). */
export const RECEIPT_NUMBER_PATTERN = /^STT-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Luhn mod N over the alphabet: catches every single wrong character and most swaps of neighbours. */
export function receiptCheckCharacter(body: string): string {
  const n = RECEIPT_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const code = RECEIPT_ALPHABET.indexOf(body[i] as string);
    if (code < 0) {
      throw new Error(`not a receipt character: ${body[i]}`);
    }
    const addend = factor * code;
    sum += Math.floor(addend / n) + (addend % n);
    factor = factor === 2 ? 1 : 2;
  }
  return RECEIPT_ALPHABET[(n - (sum % n)) % n] as string;
}

/**
 * A receipt number as people type it (lower case, spaces or no dashes, O for 0, I/L for 1) in its canonical form,
 * or null when it cannot be one (wrong length or a failed check character — a typo).
 */
export function parseReceiptNumber(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/^STT/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const match = /^(\d{4})([0-9A-HJKMNP-TV-Z]{12})$/.exec(compact);
  if (!match) {
    return null;
  }
  const body = match[2] as string;
  if (receiptCheckCharacter(body.slice(0, 11)) !== body[11]) {
    return null;
  }
  return `STT-${match[1]}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
}

export const receiptNumberParams = z.object({ number: z.string().min(1).max(40) }).strict();

export const receiptRangeQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    /** one of the operator's properties; without it, all of them */
    accommodationId: z.uuid().optional(),
  })
  .strict();
export type ReceiptRangeQuery = z.infer<typeof receiptRangeQuery>;

export const receiptListQuery = receiptRangeQuery.extend(pageQuery.shape).strict();
export type ReceiptListQuery = z.infer<typeof receiptListQuery>;

export const receiptItem = z.object({
  id: z.uuid(),
  number: z.string(),
  accommodation: z.object({ id: z.uuid(), name: z.string() }),
  reportId: z.uuid(),
  reportKind: receiptReportKind,
  guestCount: z.number().int(),
  reportedAt: z.string(),
  issuedAt: z.string(),
  zone: indonesianZone,
});
export type ReceiptItem = z.infer<typeof receiptItem>;
export const receiptPage = pageOf(receiptItem);

/** One receipt with what an offline verifier needs: the exact signed bytes (UTF-8 JSON), the signature, the key. */
export const receiptDetail = receiptItem.extend({
  payload: z.string(),
  signature: z.string(),
  keyId: z.string(),
});
export type ReceiptDetail = z.infer<typeof receiptDetail>;

/** The public answer: only validity, dates, the property's name and the kind of report. */
export const publicReceiptVerification = z.object({
  number: z.string(),
  valid: z.boolean(),
  issuedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  zone: indonesianZone.nullable(),
  propertyName: z.string().nullable(),
  reportKind: receiptReportKind.nullable(),
});
export type PublicReceiptVerification = z.infer<typeof publicReceiptVerification>;

/** Ed25519 public keys as JWK (RFC 8037), with the key id receipts name and a PEM for openssl. */
export const receiptPublicKey = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
  pem: z.string(),
  firstUsedAt: z.string().nullable(),
  current: z.boolean(),
});
export type ReceiptPublicKey = z.infer<typeof receiptPublicKey>;
export const receiptPublicKeys = z.object({ keys: z.array(receiptPublicKey) });
export type ReceiptPublicKeys = z.infer<typeof receiptPublicKeys>;
