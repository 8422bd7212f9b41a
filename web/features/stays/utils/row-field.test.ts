import { describe, expect, it } from 'vitest';
import enStays from '../../../locales/en/stays.json';
import idStays from '../../../locales/id/stays.json';
import { requestFieldLabel, rowFieldLabel } from './row-field';

/** The catalogue's text at a dotted key, as i18next's t() finds it. */
const from = (catalogue: object) => (key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;

describe('the field of a rejected upload row', () => {
  it('is named in the reader’s language, and an unknown one as the API names it', () => {
    expect(rowFieldLabel('guest.mrz', from(idStays))).toBe('MRZ paspor');
    expect(rowFieldLabel('expectedCheckOut', from(idStays))).toBe('Rencana check-out');
    expect(rowFieldLabel('guest.documentExpiryDate', from(idStays))).toBe('Paspor berlaku sampai');
    expect(rowFieldLabel('guest.mrz', from(enStays))).toBe('Passport MRZ');
    expect(rowFieldLabel('accommodationId', from(idStays))).toBe('accommodationId');
  });

  it('has a label in both languages for every field it knows', () => {
    const fields = [
      'arrivedAt',
      'expectedCheckOut',
      'room',
      'visitPurpose',
      'guest.mrz',
      'guest.surname',
      'guest.givenNames',
      'guest.nationality',
      'guest.sex',
      'guest.birthDate',
      'guest.documentNumber',
      'guest.documentIssuingState',
      'guest.documentExpiryDate',
    ];
    for (const catalogue of [idStays, enStays]) {
      for (const field of fields) {
        const label = rowFieldLabel(field, from(catalogue));
        expect(typeof label === 'string' && label !== field && label.length > 0, field).toBe(true);
      }
    }
  });
});

describe('the field of a refused check-in', () => {
  it('names the guest by its number and the field in the reader’s language', () => {
    const title = (n: number) => `Tamu ${n}`;
    expect(requestFieldLabel('body.guests.0.documentNumber', from(idStays), title)).toBe('Tamu 1 · Nomor paspor');
    expect(requestFieldLabel('body.guests.2.mrz', from(idStays), title)).toBe('Tamu 3 · MRZ paspor');
    expect(requestFieldLabel('body.expectedCheckOut', from(idStays), title)).toBe('Rencana check-out');
    expect(requestFieldLabel('body.accommodationId', from(idStays), title)).toBe('accommodationId');
  });
});
