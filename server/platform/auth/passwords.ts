// Password hashing (argon2id) and the password policy: long enough, not a commonly used password,
// not built from the account's own e-mail.
import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors';
import { commonPasswords } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// OWASP's argon2id baseline (19 MiB, 2 passes); Algorithm.Argon2id is the library default.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which e-mails exist. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

function normalise(s: string) {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function checkPasswordPolicy(password: string, email?: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw new AppError('PASSWORD_TOO_SHORT', 'password too short', { minLength: PASSWORD_MIN_LENGTH });
  }
  if ([...password].length > PASSWORD_MAX_LENGTH) {
    throw new AppError('VALIDATION_FAILED', 'password too long', {
      errors: [{ path: 'password', code: 'too_big', message: `max ${PASSWORD_MAX_LENGTH}` }],
    });
  }
  const plain = normalise(password);
  // "Password123456" and "indonesia2026!!" are as weak as their stems: strip trailing digits/symbols too.
  const stem = plain.replace(/\d+$/, '');
  if (commonPasswords.has(plain) || commonPasswords.has(stem) || new Set(plain).size <= 3) {
    throw new AppError('PASSWORD_TOO_COMMON');
  }
  const local = email ? normalise(email.split('@')[0] ?? '') : '';
  if (local.length >= 4 && plain.includes(local)) {
    throw new AppError('PASSWORD_CONTAINS_EMAIL');
  }
}

/** A random password for one-time use (first sign-in, admin reset): 20 characters from an unambiguous alphabet. */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
