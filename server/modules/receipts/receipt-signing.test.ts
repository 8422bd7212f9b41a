import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiptReportKinds } from '../../../contracts/receipts';
import { loadConfig } from '../../config';
import {
  canonicalJson,
  derivedPrivateKey,
  keyIdOf,
  parsePrivateKey,
  payloadText,
  publicKeyOf,
  type ReceiptPayload,
  receiptSignerFor,
  signerOf,
  signText,
  verifyText,
} from './receipt-signing';

const signer = signerOf(derivedPrivateKey(randomBytes(32)));
const publicKey = publicKeyOf(signer.x);

const payloadArb: fc.Arbitrary<ReceiptPayload> = fc.record({
  v: fc.constant(1 as const),
  number: fc.string({ minLength: 1, maxLength: 30 }),
  propertyId: fc.uuid(),
  propertyName: fc.string({ maxLength: 80 }),
  reportKind: fc.constantFrom(...receiptReportKinds),
  guestCount: fc.integer({ min: 0, max: 500 }),
  reportedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  issuedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  keyId: fc.constant(signer.keyId),
});

describe('receipt signatures', () => {
  it('verify what was signed, and fail when any field of the payload changes', () => {
    fc.assert(
      fc.property(
        payloadArb,
        fc.constantFrom<keyof ReceiptPayload>(
          'number',
          'propertyId',
          'propertyName',
          'reportKind',
          'guestCount',
          'reportedAt',
          'issuedAt',
          'keyId',
        ),
        fc.oneof(fc.string(), fc.integer()),
        (payload, field, replacement) => {
          const text = payloadText(payload);
          const signature = signText(signer, text);
          expect(verifyText(publicKey, text, signature)).toBe(true);
          fc.pre(replacement !== payload[field]);
          const changed = payloadText({ ...payload, [field]: replacement } as ReceiptPayload);
          expect(verifyText(publicKey, changed, signature)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fail when any single byte of the signed text or of the signature changes', () => {
    fc.assert(
      fc.property(payloadArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (payload, at, delta) => {
        const text = Buffer.from(payloadText(payload));
        const signature = Buffer.from(signText(signer, text.toString()), 'base64');
        const alteredText = Buffer.from(text);
        alteredText[at % text.length] = ((alteredText[at % text.length] as number) + delta) % 256;
        const alteredSignature = Buffer.from(signature);
        alteredSignature[at % 64] = ((alteredSignature[at % 64] as number) + delta) % 256;
        expect(verifyText(publicKey, alteredText.toString('latin1'), signature.toString('base64'))).toBe(false);
        expect(verifyText(publicKey, text.toString(), alteredSignature.toString('base64'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('canonical JSON does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
        expect(JSON.parse(canonicalJson(object))).toEqual(object);
      }),
    );
  });

  it('derives one key per instance secret; a configured PEM or base64 key wins', () => {
    const secret = randomBytes(32).toString('hex');
    const config = { ...loadConfig({}), secretKeyHex: secret };
    const a = receiptSignerFor(config);
    expect(receiptSignerFor({ ...config }).keyId).toBe(a.keyId);
    expect(receiptSignerFor({ ...config, secretKeyHex: randomBytes(32).toString('hex') }).keyId).not.toBe(a.keyId);
    expect(a.keyId).toBe(keyIdOf(a.x));
    expect(a.keyId).toHaveLength(16);

    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const fromPem = receiptSignerFor({ ...config, receiptSigningKey: pem });
    expect(receiptSignerFor({ ...config, receiptSigningKey: der }).keyId).toBe(fromPem.keyId);
    expect(fromPem.keyId).not.toBe(a.keyId);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => parsePrivateKey(String(rsa.export({ type: 'pkcs8', format: 'pem' })))).toThrow(/Ed25519/);
  });
});
