// The two strings PORA takes from outside about an accommodation: a NIB as people type it, and an API key as a
// client presents it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApiKeyToken, parseNib } from '../../../contracts/accommodations';
import { hashApiKey, newApiKeyToken, presentedApiKey } from './api-keys.service';

const digit = fc.constantFrom(...'0123456789'.split(''));
const thirteenDigits = fc
  .array(digit, { minLength: 13, maxLength: 13 })
  .map((d) => d.join(''))
  .filter((s) => !/^0+$/.test(s));
const separator = fc.constantFrom('', ' ', '.', '-', '  ');

describe('parseNib', () => {
  it('reads 13 digits with any spaces, dots or dashes between them', () => {
    fc.assert(
      fc.property(thirteenDigits, fc.array(separator, { minLength: 13, maxLength: 13 }), (nib, seps) => {
        const typed = nib
          .split('')
          .map((d, i) => `${d}${seps[i]}`)
          .join('');
        expect(parseNib(` ${typed} `)).toBe(nib);
      }),
    );
  });

  it('refuses anything that is not 13 digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        const result = parseNib(input);
        if (result !== null) {
          expect(result).toMatch(/^\d{13}$/);
          expect(input.replace(/[\s.-]/g, '')).toBe(result);
        }
      }),
    );
    for (const bad of [
      '',
      '123456789012',
      '12345678901234',
      '91200A1112223',
      '0000000000000',
      '９１２０００１１１２２２３',
    ]) {
      expect(parseNib(bad), bad).toBeNull();
    }
  });
});

describe('API key tokens', () => {
  it('accepts every token PORA makes, and hashes it the same way every time', () => {
    for (let i = 0; i < 200; i++) {
      const token = newApiKeyToken();
      expect(parseApiKeyToken(token)).toBe(token);
      expect(hashApiKey(token)).toBe(hashApiKey(token));
      expect(hashApiKey(token)).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('refuses anything else without looking it up', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (input) => {
        const parsed = parseApiKeyToken(input);
        if (parsed !== null) {
          expect(parsed).toMatch(/^pora_ak_[A-Za-z0-9_-]{43}$/);
        }
      }),
    );
    const token = newApiKeyToken();
    for (const bad of [
      token.slice(0, -1),
      `${token}A`,
      token.replace('pora_ak_', 'pora_xx_'),
      `${token.slice(0, -1)}=`,
    ]) {
      expect(parseApiKeyToken(bad), bad).toBeNull();
    }
  });

  it('is read from a Bearer authorization or an X-API-Key header', () => {
    expect(presentedApiKey({ authorization: 'Bearer abc' })).toBe('abc');
    expect(presentedApiKey({ authorization: 'bearer   abc' })).toBe('abc');
    expect(presentedApiKey({ authorization: 'Bearer' })).toBe('');
    // Another scheme belongs to whatever stands in front of PORA (a proxy's Basic authentication).
    expect(presentedApiKey({ authorization: 'Basic abc' })).toBeUndefined();
    expect(presentedApiKey({ authorization: 'Basic abc', 'x-api-key': 'k' })).toBe('k');
    expect(presentedApiKey({ 'x-api-key': 'abc' })).toBe('abc');
    expect(presentedApiKey({})).toBeUndefined();
  });
});
