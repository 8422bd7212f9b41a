// One spreadsheet row → the facts of one person (identity, travel document, stay permit, address, sponsor), or the
// row's errors, each naming the column. Pure: the database checks (areas, scope, persons on file) come later.

import { nameText } from '../../../contracts/orgs';
import type { ImportField, ImportRowError, ImportRowErrorCode } from '../../../contracts/register-import';
import { isKnownCode } from '../code-tables/code-tables.service';
import { normaliseDocumentNumber } from '../persons/person-names';
import {
  type Cell,
  cellText,
  type DateKind,
  type Parsed,
  parseCountry,
  parseDate,
  parseDocumentNumber,
  parseDocumentType,
  parseName,
  parsePermitType,
  parsePlainText,
  parseSex,
} from './import-cells';
import type { DataRow } from './import-file';

const sponsorNameSchema = nameText(200);

function parseSponsorName(cell: Cell): Parsed<string | null> {
  const text = parsePlainText(cell, 200);
  if (!text.ok || text.value === null || sponsorNameSchema.safeParse(text.value).success) {
    return text;
  }
  return { ok: false, code: 'INVALID_TEXT', message: 'nama penjamin memuat karakter yang tidak diizinkan' };
}

/** The sponsor a row names, if it is a valid name (the rest of the row is not read). */
export function readSponsorName(cell: Cell): string | null {
  const parsed = parseSponsorName(cell);
  return parsed.ok ? parsed.value : null;
}

export type ImportRecord = {
  row: number;
  surname: string;
  givenNames: string;
  fullName: string | null;
  sex: 'M' | 'F' | 'X' | null;
  birthDate: string | null;
  birthPlace: string | null;
  nationality: string;
  document: {
    type: 'P' | 'ID' | 'V' | 'OTHER';
    number: string;
    numberNorm: string;
    issuingState: string;
    issueDate: string | null;
    expiryDate: string | null;
  };
  permit: {
    type: 'ITK' | 'ITAS' | 'ITAP' | 'DIPLOMATIC' | 'SERVICE';
    number: string | null;
    numberNorm: string | null;
    visaIndex: string | null;
    validFrom: string | null;
    validUntil: string | null;
    entryDate: string | null;
    entryPort: string | null;
  } | null;
  /** the area as written: a code (16.72.01.1005) or a village name, resolved against the areas later */
  region: string | null;
  addressText: string | null;
  sponsorName: string | null;
  workplace: string | null;
  notes: string | null;
};

export type RowOutcome = { ok: true; record: ImportRecord } | { ok: false; errors: ImportRowError[] };

/** Reads rows with a mapping (the field of each column). */
export function makeRowReader(headers: readonly string[], mapping: readonly (ImportField | null)[], today: Date) {
  const columnOf = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (f !== null) {
      columnOf.set(f, i);
    }
  });
  return (data: DataRow): RowOutcome => {
    const errors: ImportRowError[] = [];
    const column = (field: ImportField) => {
      const i = columnOf.get(field);
      return i === undefined ? null : (headers[i] ?? `#${i + 1}`);
    };
    const cell = (field: ImportField): Cell => {
      const i = columnOf.get(field);
      return i === undefined ? null : (data.cells[i] ?? null);
    };
    const error = (field: ImportField | null, code: ImportRowErrorCode, message: string) => {
      errors.push({ row: data.row, column: field ? column(field) : null, field, code, message });
    };
    function read<T>(field: ImportField, parse: (c: Cell) => Parsed<T>): T | null {
      const parsed = parse(cell(field));
      if (!parsed.ok) {
        error(field, parsed.code, parsed.message);
        return null;
      }
      return parsed.value;
    }
    const date = (field: ImportField, kind: DateKind) => read(field, (c) => parseDate(c, kind, today));
    // Cells of columns that are not mapped to a field are not read; mapped ones must each be readable.
    const fullName = read('fullName', (c) => parseName(c));
    let surname = read('surname', (c) => parseName(c, 100));
    let givenNames = read('givenNames', (c) => parseName(c, 100));
    let writtenName = fullName;
    if (!surname && !givenNames && fullName) {
      const comma = fullName.indexOf(',');
      if (comma > 0) {
        surname = fullName.slice(0, comma).trim();
        givenNames = fullName.slice(comma + 1).trim();
      } else {
        givenNames = fullName;
      }
      writtenName = null;
    } else if (fullName && fullName === [surname, givenNames].filter(Boolean).join(' ')) {
      writtenName = null;
    }
    if (
      !surname &&
      !givenNames &&
      !errors.some((e) => e.field === 'fullName' || e.field === 'surname' || e.field === 'givenNames')
    ) {
      error(
        columnOf.has('fullName') ? 'fullName' : columnOf.has('surname') ? 'surname' : 'givenNames',
        'REQUIRED',
        'nama wajib diisi',
      );
    }
    const sex = read('sex', parseSex);
    const birthDate = date('birthDate', 'birth');
    const birthPlace = read('birthPlace', (c) => parsePlainText(c, 100));
    const nationality = read('nationality', parseCountry);
    if (nationality === null && !errors.some((e) => e.field === 'nationality')) {
      error('nationality', 'REQUIRED', 'kewarganegaraan wajib diisi');
    }
    const number = read('documentNumber', parseDocumentNumber);
    if (number === null && !errors.some((e) => e.field === 'documentNumber')) {
      error(
        'documentNumber',
        'REQUIRED',
        'nomor paspor wajib diisi (orang dikenali kembali dari nomor dan negara penerbit)',
      );
    }
    const documentType = read('documentType', parseDocumentType);
    const issuingState = read('issuingState', parseCountry);
    const issueDate = date('documentIssueDate', 'event');
    const expiryDate = date('documentExpiryDate', 'event');
    if (issueDate && expiryDate && expiryDate < issueDate) {
      error('documentExpiryDate', 'DATE_ORDER', 'paspor berakhir sebelum diterbitkan');
    }
    const permitType = read('permitType', parsePermitType);
    const permitNumber = read('permitNumber', parseDocumentNumber);
    const visaIndexText = read('visaIndex', cellText);
    const visaIndex = visaIndexText ? visaIndexText.toUpperCase().replace(/\s+/g, '') : null;
    if (visaIndex && !isKnownCode('visa-indexes', visaIndex)) {
      error('visaIndex', 'UNKNOWN_VISA_INDEX', `indeks visa ${visaIndex.slice(0, 12)} tidak dikenal`);
    }
    const validFrom = date('permitValidFrom', 'event');
    const validUntil = date('permitValidUntil', 'event');
    if (validFrom && validUntil && validUntil < validFrom) {
      error('permitValidUntil', 'DATE_ORDER', 'izin tinggal berakhir sebelum mulai berlaku');
    }
    const entryDate = date('entryDate', 'event');
    const entryPort = read('entryPort', (c) => parsePlainText(c, 200));
    const hasPermitFacts = permitNumber || validFrom || validUntil || visaIndex;
    if (!permitType && hasPermitFacts && !errors.some((e) => e.field === 'permitType')) {
      error('permitType', 'REQUIRED', 'jenis izin tinggal wajib diisi bila ada nomor atau masa berlaku');
    }
    const regionText = read('region', cellText);
    const addressText = read('addressText', (c) => parsePlainText(c, 500));
    const sponsorName = read('sponsorName', parseSponsorName);
    const workplace = read('workplace', (c) => parsePlainText(c, 200));
    const notes = read('notes', (c) => parsePlainText(c, 2000));
    if (addressText && !regionText && !errors.some((e) => e.field === 'region')) {
      error('region', 'REQUIRED', 'alamat memerlukan kode desa/kelurahan');
    }
    if (errors.length > 0 || !nationality || !number) {
      return { ok: false, errors };
    }
    return {
      ok: true,
      record: {
        row: data.row,
        surname: surname ?? '',
        givenNames: givenNames ?? '',
        fullName: writtenName,
        sex,
        birthDate,
        birthPlace,
        nationality,
        document: {
          type: documentType ?? 'P',
          number,
          numberNorm: normaliseDocumentNumber(number),
          issuingState: issuingState ?? nationality,
          issueDate,
          expiryDate,
        },
        permit: permitType
          ? {
              type: permitType,
              number: permitNumber,
              numberNorm: permitNumber ? normaliseDocumentNumber(permitNumber) : null,
              visaIndex,
              validFrom,
              validUntil,
              entryDate,
              entryPort,
            }
          : null,
        region: regionText || null,
        addressText,
        sponsorName,
        workplace,
        notes,
      },
    };
  };
}
