// Ed25519 signing of receipts: the key (configured, or derived from the instance secret), key ids (RFC 7638
// thumbprints), the canonical payload that is signed, and verification. Pure functions plus one cache per config.
import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ReceiptReportKind } from '../../../contracts/receipts';
import type { Config } from '../../config';
import { resolveSecretKey } from '../../platform/auth/secrets';

/** What a receipt's signature covers: no personal data, only what the office certifies. */
export type ReceiptPayload = {
  v: 1;
  number: string;
  propertyId: string;
  propertyName: string;
  reportKind: ReceiptReportKind;
  guestCount: number;
  reportedAt: string;
  issuedAt: string;
  keyId: string;
};

/** JSON with keys sorted at every level and no spaces: one text for one value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type ReceiptSigner = {
  keyId: string;
  /** the raw public key, base64url (JWK "x") */
  x: string;
  privateKey: KeyObject;
};

/** PKCS8 DER header of an Ed25519 private key; the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** RFC 7638 thumbprint of the Ed25519 JWK, first 16 characters (96 bits): short enough to print, unique enough. */
export function keyIdOf(x: string): string {
  return createHash('sha256')
    .update(canonicalJson({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url')
    .slice(0, 16);
}

export function publicKeyOf(x: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

export const pemOf = (publicKey: KeyObject) => String(publicKey.export({ type: 'spki', format: 'pem' }));

/** A PKCS8 private key given as PEM or as base64 of its DER; must be Ed25519. */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.includes('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the receipt signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  }
  return key;
}

export function signerOf(privateKey: KeyObject): ReceiptSigner {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const x = String(jwk.x);
  return { keyId: keyIdOf(x), x, privateKey };
}

/** The signing key derived from the instance secret (HKDF-SHA256 with its own label): the same on every node. */
export function derivedPrivateKey(secret: Buffer): KeyObject {
  const seed = Buffer.from(hkdfSync('sha256', secret, 'pora', 'pora/receipt-signing-key/v1', 32));
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

const signers = new WeakMap<Config, ReceiptSigner>();

/**
 * The key that signs receipts now: PORA_RECEIPT_SIGNING_KEY, else PORA_RECEIPT_SIGNING_KEY_FILE, else derived from
 * the instance secret (PORA_SECRET_KEY, or the secret generated into the data directory in embedded mode).
 */
export function receiptSignerFor(config: Config): ReceiptSigner {
  const cached = signers.get(config);
  if (cached) {
    return cached;
  }
  const configured = config.receiptSigningKey ?? readKeyFile(config.receiptSigningKeyFile);
  const signer = signerOf(
    configured !== undefined
      ? parsePrivateKey(configured)
      : derivedPrivateKey(
          resolveSecretKey({
            secretKeyHex: config.secretKeyHex,
            dataDir: config.dataDir,
            embedded: !config.databaseUrl,
          }),
        ),
  );
  signers.set(config, signer);
  return signer;
}

function readKeyFile(file: string | undefined): string | undefined {
  return file === undefined ? undefined : readFileSync(file, 'utf8');
}

export function signText(signer: ReceiptSigner, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), signer.privateKey).toString('base64');
}

export function verifyText(publicKey: KeyObject, text: string, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) {
    return false;
  }
  return verify(null, Buffer.from(text, 'utf8'), publicKey, signature);
}

export function payloadText(payload: ReceiptPayload): string {
  return canonicalJson(payload);
}
