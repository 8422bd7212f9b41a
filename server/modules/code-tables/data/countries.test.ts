import { states } from 'mrz';
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../mrz/mrz';
import { countries, countryCodes, mrzAliases } from './countries';

const icaoSpecialCodes = [
  'EUE',
  'GBD',
  'GBN',
  'GBO',
  'GBP',
  'GBS',
  'RKS',
  'UNA',
  'UNK',
  'UNO',
  'XBA',
  'XCC',
  'XCE',
  'XCO',
  'XDC',
  'XEC',
  'XES',
  'XIM',
  'XOM',
  'XPO',
  'XXA',
  'XXB',
  'XXC',
  'XXX',
];

describe('country table', () => {
  it('lists every code once, as three uppercase letters', () => {
    const codes = countries.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(countryCodes.size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('lists every alpha-2 code once, as two uppercase letters', () => {
    const alpha2 = countries.flatMap((country) => (country.alpha2 === null ? [] : [country.alpha2]));
    expect(new Set(alpha2).size).toBe(alpha2.length);
    for (const code of alpha2) {
      expect(code).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('holds all 249 ISO 3166-1 countries and territories', () => {
    // Kosovo carries the user-assigned XK, which is not an ISO 3166-1 assignment.
    const iso = countries.filter((country) => country.alpha2 !== null && country.code !== 'RKS');
    expect(iso).toHaveLength(249);
  });

  it('holds the ICAO codes for people and issuers outside ISO 3166-1', () => {
    for (const code of icaoSpecialCodes) {
      expect(countryCodes.has(code), code).toBe(true);
    }
  });

  it('knows Germany by ICAO’s MRZ code D but stores it as DEU', () => {
    expect(countryCodes.has('D')).toBe(false);
    expect([...mrzAliases]).toEqual([['D', 'DEU']]);
  });

  it('labels every entry in Bahasa Indonesia and English', () => {
    for (const { code, label } of countries) {
      expect(label.id.trim(), code).not.toBe('');
      expect(label.en.trim(), code).not.toBe('');
      expect(label.id, code).toBe(label.id.trim());
    }
  });

  it('names countries the way Indonesians write them', () => {
    const indonesian = (code: string) => countries.find((country) => country.code === code)?.label.id;
    expect(indonesian('CHN')).toBe('Tiongkok');
    expect(indonesian('DEU')).toBe('Jerman');
    expect(indonesian('GBR')).toBe('Inggris (Britania Raya)');
    expect(indonesian('KOR')).toBe('Korea Selatan');
    expect(indonesian('NLD')).toBe('Belanda');
    expect(indonesian('USA')).toBe('Amerika Serikat');
    expect(indonesian('TLS')).toBe('Timor Leste');
    expect(indonesian('CIV')).toBe('Pantai Gading');
    expect(indonesian('PSE')).toBe('Palestina');
    expect(indonesian('XXA')).toBe('Tanpa kewarganegaraan');
  });

  it('covers the ICAO code list the mrz package ships, except codes no longer issued', () => {
    const notIssued = new Map([
      ['ANT', 'Netherlands Antilles, dissolved 2010 (ISO 3166-3)'],
      ['NTZ', 'Neutral Zone, withdrawn 1993 (ISO 3166-3)'],
      ['XXK', 'not an ICAO code; Kosovo issues RKS'],
    ]);
    for (const code of Object.keys(states)) {
      const stored = mrzAliases.get(code) ?? code;
      expect(countryCodes.has(stored) || notIssued.has(code), code).toBe(true);
    }
  });

  it('contains every code the MRZ reader accepts as a nationality, and the reader accepts every code it contains', () => {
    // Nationality is outside every TD3 check digit, so each candidate can be tried on the ICAO specimen unchanged.
    const line1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
    const line2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ<';
    const accepted = new Set<string>();
    for (const a of alphabet) {
      for (const b of alphabet) {
        for (const c of alphabet) {
          const result = parseMrz(`${line1}\n${line2.slice(0, 10)}${a}${b}${c}${line2.slice(13)}`);
          const nationalityIssues = result.issues.filter((i) => i.field === 'nationality');
          if (nationalityIssues.length === 0 && result.fields !== null) {
            accepted.add(result.fields.nationality);
          }
        }
      }
    }
    expect([...accepted].sort()).toEqual([...countryCodes].sort());
  });
});
