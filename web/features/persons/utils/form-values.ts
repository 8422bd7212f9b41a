// What the register's forms hold (text as typed, '' for empty) and how it becomes a request body. The body is then
// validated by the contract's own schema, so a form says exactly what the API would refuse; its field names are the
// body's paths ("permit.validUntil"), so the contract's problems land on the right field.
import type { FieldValues } from 'react-hook-form';
import { z } from 'zod';
import type { MrzFields } from '../../../../contracts/mrz';
import type { DocumentType, PermitType } from '../../../../contracts/persons';
import type { SponsorKind } from '../../../../contracts/sponsors';
import { toIsoPartialDate } from './partial-date';

export type IdentityValues = {
  surname: string;
  givenNames: string;
  fullName: string;
  sex: '' | 'M' | 'F' | 'X';
  /** as typed: 12-03-1985, 03-1985, 1985 or ISO */
  birthDate: string;
  birthPlace: string;
  nationality: string;
};

export type DocumentValues = {
  type: DocumentType | '';
  number: string;
  issuingState: string;
  issueDate: string | null;
  expiryDate: string | null;
  /** the MRZ lines the fields were read from; sent only when every check passed */
  mrz: string;
};

export type PermitValues = {
  type: PermitType | '';
  visaIndex: string;
  number: string;
  validFrom: string | null;
  validUntil: string | null;
  entryDate: string | null;
  entryPort: string;
  sponsorId: string;
};

export type AddressValues = { regionCode: string; text: string; validFrom: string | null };

export type SourceValues = { kind: 'user' | 'agency'; agencyId: string; reference: string };

export type SponsorQuickValues = {
  kind: SponsorKind;
  name: string;
  registrationNo: string;
  contactPerson: string;
  phone: string;
  email: string;
};

export const emptyIdentity: IdentityValues = {
  surname: '',
  givenNames: '',
  fullName: '',
  sex: '',
  birthDate: '',
  birthPlace: '',
  nationality: '',
};
export const emptyDocument: DocumentValues = {
  type: '',
  number: '',
  issuingState: '',
  issueDate: null,
  expiryDate: null,
  mrz: '',
};
export const emptyPermit: PermitValues = {
  type: '',
  visaIndex: '',
  number: '',
  validFrom: null,
  validUntil: null,
  entryDate: null,
  entryPort: '',
  sponsorId: '',
};
export const emptyAddress: AddressValues = { regionCode: '', text: '', validFrom: null };
export const emptySource: SourceValues = { kind: 'user', agencyId: '', reference: '' };
export const emptySponsor: SponsorQuickValues = {
  kind: 'company',
  name: '',
  registrationNo: '',
  contactPerson: '',
  phone: '',
  email: '',
};

const orUndefined = (value: string) => (value.trim() === '' ? undefined : value);

export function identityBody(values: IdentityValues) {
  return {
    surname: values.surname,
    givenNames: values.givenNames,
    fullName: values.fullName,
    sex: values.sex === '' ? null : values.sex,
    birthDate: values.birthDate.trim() === '' ? null : toIsoPartialDate(values.birthDate),
    birthPlace: values.birthPlace,
    nationality: values.nationality,
  };
}

/** Nothing typed: no document. */
export function documentBody(values: DocumentValues) {
  if (!values.number.trim() && !values.mrz && !values.issuingState && !values.expiryDate && !values.issueDate) {
    return undefined;
  }
  return {
    type: values.type === '' ? undefined : values.type,
    number: orUndefined(values.number),
    issuingState: orUndefined(values.issuingState),
    issueDate: values.issueDate,
    expiryDate: values.expiryDate,
    mrz: orUndefined(values.mrz),
  };
}

/** Nothing typed: no permit. The type is the one thing a permit cannot do without. */
export function permitBody(values: PermitValues) {
  const typed =
    values.type !== '' ||
    [values.visaIndex, values.number, values.entryPort, values.sponsorId].some((v) => v.trim() !== '') ||
    [values.validFrom, values.validUntil, values.entryDate].some(Boolean);
  if (!typed) {
    return undefined;
  }
  return {
    type: values.type as PermitType,
    visaIndex: values.visaIndex || null,
    number: values.number.trim() || null,
    validFrom: values.validFrom,
    validUntil: values.validUntil,
    entryDate: values.entryDate,
    entryPort: values.entryPort,
    sponsorId: values.sponsorId || null,
  };
}

export function addressBody(values: AddressValues) {
  if (!values.regionCode && !values.text.trim() && !values.validFrom) {
    return undefined;
  }
  return { regionCode: values.regionCode, text: values.text, validFrom: values.validFrom };
}

/** "My agency" without a reference is the API's default: no source at all. */
export function sourceBody(values: SourceValues) {
  if (values.kind === 'user' && !values.reference.trim()) {
    return undefined;
  }
  return {
    kind: values.kind,
    agencyId: values.kind === 'agency' ? orUndefined(values.agencyId) : undefined,
    reference: values.reference,
  };
}

/** A contract schema behind a mapping from form values: validation in the API's own words, on the form's fields. */
export function formSchema<V extends FieldValues, S extends z.ZodType>(
  toBody: (values: V) => z.input<S>,
  schema: S,
): z.ZodType<z.output<S>, V> {
  // The cast only names the input: the values go through toBody before the contract sees them.
  return z.preprocess((values) => toBody(values as V), schema) as unknown as z.ZodType<z.output<S>, V>;
}

/** The document type an MRZ's document code stands for (as the API reads it). */
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

/** The document fields an MRZ fills. */
export function documentFromMrz(fields: MrzFields, lines: string[], valid: boolean): DocumentValues {
  return {
    type: documentTypeOfCode(fields.documentCode),
    number: fields.documentNumber,
    issuingState: fields.issuingState,
    issueDate: null,
    expiryDate: fields.expiryDate,
    mrz: valid ? lines.join('\n') : '',
  };
}
