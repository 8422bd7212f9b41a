// TOTP second factor (RFC 6238, 30 s, 6 digits) and single-use recovery codes.
import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { hashPassword, verifyPassword } from './passwords';

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, email: string, issuer: string) {
  const uri = generateURI({ issuer, label: email, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { secret, uri, qrDataUrl };
}

/** Accepts the current code and the one before it; returns the time step so it cannot be used twice. */
export async function verifyTotp(
  secret: string,
  token: string,
  afterTimeStep: number | null,
): Promise<{ valid: true; timeStep: number } | { valid: false }> {
  if (!/^\d{6}$/.test(token)) {
    return { valid: false };
  }
  const result = await verify({
    secret,
    token,
    epochTolerance: [30, 0],
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  });
  return result.valid && 'timeStep' in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like "k7pq-2mzx-a9cd"; only their hashes are stored. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 }, () =>
      Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join(''),
    ).join('-'),
  );
}

export function normaliseRecoveryCode(code: string): string {
  const plain = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
}

export const hashRecoveryCode = (code: string) => hashPassword(normaliseRecoveryCode(code));

/** Index of the matching hash, or -1. */
export async function findRecoveryCode(hashes: readonly string[], code: string): Promise<number> {
  const normalised = normaliseRecoveryCode(code);
  for (const [i, h] of hashes.entries()) {
    if (await verifyPassword(h, normalised)) {
      return i;
    }
  }
  return -1;
}
