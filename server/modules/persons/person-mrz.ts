// A travel document entered from its machine-readable zone: the MRZ must read cleanly (every check digit passes),
// fills what the form left empty, and must agree with what the form did fill. Names are compared the way the MRZ
// writes them (ICAO transliteration, fillers, truncation), so "Müller" agrees with MUELLER.

import type { MrzFields } from '../../../contracts/mrz';
import type { DocumentType, TravelDocumentCreate } from '../../../contracts/persons';
import { AppError } from '../../platform/errors';
import { parseMrz } from '../mrz/mrz';
import { nameTokens, normaliseDocumentNumber, normaliseName } from './person-names';

export type MrzReading = { fields: MrzFields; lines: string[] };

export type Mismatch = { field: string; given: string | null; mrz: string | null };

/** Reads the MRZ of a document input; MRZ_INVALID (with the parser's errors) when it does not read cleanly. */
export function readMrz(text: string, now: Date): MrzReading {
  const result = parseMrz(text, { now });
  if (!result.valid || result.fields === null) {
    throw new AppError('MRZ_INVALID', 'the MRZ does not read cleanly', {
      field: 'document.mrz',
      format: result.format,
      issues: result.issues.filter((i) => i.severity === 'error'),
      checks: result.checks.filter((c) => !c.valid),
    });
  }
  return { fields: result.fields, lines: result.lines };
}

export function documentTypeOfCode(code: string): DocumentType {
  switch (code.charAt(0)) {
    case 'P':
      return 'P';
    case 'V':
      return 'V';
    case 'I':
    case 'A':
    case 'C':
      return 'ID';
    default:
      return 'OTHER';
  }
}

/** ICAO 9303 Part 3 transliterations that are more than dropping a diacritic. */
const icaoLetters: Readonly<Record<string, string>> = {
  ä: 'ae',
  å: 'aa',
  æ: 'ae',
  ö: 'oe',
  ø: 'oe',
  œ: 'oe',
  ü: 'ue',
  ß: 'ss',
  þ: 'th',
};

/** A name as an MRZ would write it, in search form: "Müller-Lüdenscheidt" → "mueller luedenscheidt". */
export function mrzFormOfName(name: string): string {
  return normaliseName(name.toLowerCase().replace(/[äåæöøœüßþ]/gu, (ch) => icaoLetters[ch] ?? ch));
}

/** True when a typed name and an MRZ name are the same name: equal word for word (in either spelling, in any
 * order), or the MRZ's truncated name is the start of the typed one. */
export function namesAgree(typed: string, mrz: string, truncated: boolean): boolean {
  const target = nameTokens(mrz).join(' ');
  for (const form of [normaliseName(typed), mrzFormOfName(typed)]) {
    if (form === target || [...form.split(' ')].sort().join(' ') === [...target.split(' ')].sort().join(' ')) {
      return true;
    }
    if (truncated && form.replaceAll(' ', '').startsWith(target.replaceAll(' ', ''))) {
      return true;
    }
  }
  return false;
}

/** Partial birth dates agree when one is the start of the other (1980 and 1980-05-02). */
export function birthDatesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * The document as it will be stored: the form's fields completed from the MRZ. Throws MRZ_MISMATCH naming every
 * field where the form and the MRZ disagree.
 */
export function documentFromMrz(
  input: TravelDocumentCreate,
  reading: MrzReading,
  normaliseCountry: (code: string) => string,
): {
  type: DocumentType;
  documentCode: string;
  number: string;
  issuingState: string;
  expiryDate: string | null;
} {
  const { fields } = reading;
  const mismatches: Mismatch[] = [];
  const mrzType = documentTypeOfCode(fields.documentCode);
  if (input.type !== undefined && input.type !== mrzType) {
    mismatches.push({ field: 'document.type', given: input.type, mrz: mrzType });
  }
  if (input.number !== undefined && normaliseDocumentNumber(input.number) !== fields.documentNumber) {
    mismatches.push({ field: 'document.number', given: input.number, mrz: fields.documentNumber });
  }
  if (input.issuingState !== undefined && normaliseCountry(input.issuingState) !== fields.issuingState) {
    mismatches.push({ field: 'document.issuingState', given: input.issuingState, mrz: fields.issuingState });
  }
  if (input.expiryDate && fields.expiryDate && input.expiryDate !== fields.expiryDate) {
    mismatches.push({ field: 'document.expiryDate', given: input.expiryDate, mrz: fields.expiryDate });
  }
  throwMismatches(mismatches);
  return {
    type: mrzType,
    documentCode: fields.documentCode,
    number: input.number ?? fields.documentNumber,
    issuingState: fields.issuingState,
    expiryDate: input.expiryDate ?? fields.expiryDate,
  };
}

export type IdentityForCheck = {
  surname: string;
  givenNames: string;
  sex: string | null;
  birthDate: string | null;
  nationality: string;
};

/** Cross-checks a new person's identity with the MRZ of their document; the MRZ fills sex and birth date when the
 * form left them empty. */
export function identityFromMrz<T extends IdentityForCheck>(identity: T, reading: MrzReading): T {
  const { fields } = reading;
  const mismatches: Mismatch[] = [];
  const typedName = `${identity.surname} ${identity.givenNames}`;
  const mrzName = `${fields.surname} ${fields.givenNames}`;
  if (!namesAgree(typedName, mrzName, fields.nameTruncated)) {
    mismatches.push({ field: 'name', given: typedName.trim(), mrz: mrzName.trim() });
  }
  if (identity.nationality !== fields.nationality) {
    mismatches.push({ field: 'nationality', given: identity.nationality, mrz: fields.nationality });
  }
  if (identity.birthDate && fields.birthDate && !birthDatesAgree(identity.birthDate, fields.birthDate)) {
    mismatches.push({ field: 'birthDate', given: identity.birthDate, mrz: fields.birthDate });
  }
  if (identity.sex && fields.sex && identity.sex !== fields.sex) {
    mismatches.push({ field: 'sex', given: identity.sex, mrz: fields.sex });
  }
  throwMismatches(mismatches);
  return {
    ...identity,
    sex: identity.sex ?? fields.sex,
    birthDate: identity.birthDate ?? fields.birthDate,
  };
}

function throwMismatches(mismatches: Mismatch[]) {
  if (mismatches.length > 0) {
    throw new AppError('MRZ_MISMATCH', 'the MRZ disagrees with the form', { mismatches });
  }
}
