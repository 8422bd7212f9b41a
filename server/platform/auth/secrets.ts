// The instance secret (32 bytes): from PORA_SECRET_KEY, or generated once into the data directory in
// embedded mode. It seals values that must be read back (TOTP secrets) with AES-256-GCM.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Sealer = {
  seal(plain: string): string;
  open(sealed: string): string;
};

export function resolveSecretKey(opts: { secretKeyHex: string | undefined; dataDir: string; embedded: boolean }) {
  if (opts.secretKeyHex) {
    return Buffer.from(opts.secretKeyHex, 'hex');
  }
  if (!opts.embedded) {
    throw new Error('PORA_SECRET_KEY is required with DATABASE_URL (64 hex characters; see docs/operations.md)');
  }
  const file = path.join(opts.dataDir, 'secret.key');
  if (existsSync(file)) {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  return key;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) {
    throw new Error('secret key must be 32 bytes');
  }
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || !body || !tag) {
        throw new Error('unknown sealed format');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
