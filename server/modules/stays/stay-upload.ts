// The spreadsheet channel: a CSV or XLSX of guests (the published template, Indonesian or English headers) becomes a
// batch like a PMS would send — the file is read with the register import's reader (readTable) and cells with its
// parsers (dates as offices write them, sex, countries), and every row keeps its spreadsheet row number as `ref`, so
// the batch's row errors point at the sheet's rows. A cell that cannot be read is passed on as written, so the row
// is refused with that field named.
import type { StayBatchRow } from '../../../contracts/stays';
import { AppError } from '../../platform/errors';
import { timeZoneOfRegion } from '../persons/person-status';
import { type Cell, cellText, foldText, parseCountry, parseDate, parseSex } from '../register-import/import-cells';
import { readTable } from '../register-import/import-file';

export type UploadField =
  | 'ref'
  | 'groupRef'
  | 'arrivalDate'
  | 'arrivalTime'
  | 'expectedCheckOut'
  | 'room'
  | 'visitPurpose'
  | 'mrz'
  | 'surname'
  | 'givenNames'
  | 'sex'
  | 'birthDate'
  | 'nationality'
  | 'documentNumber'
  | 'documentIssuingState'
  | 'documentExpiryDate';

/** Header of each field in the published templates, and the other spellings accepted. */
export const uploadHeaders: Record<UploadField, { id: string; en: string; also: readonly string[] }> = {
  ref: { id: 'No. referensi', en: 'Reference', also: ['ref', 'booking', 'no booking', 'nomor pemesanan'] },
  groupRef: { id: 'Rombongan', en: 'Group', also: ['group ref', 'kelompok', 'keluarga'] },
  arrivalDate: { id: 'Tanggal datang', en: 'Arrival date', also: ['tanggal kedatangan', 'check in', 'tgl datang'] },
  arrivalTime: { id: 'Jam datang', en: 'Arrival time', also: ['jam kedatangan', 'waktu datang', 'check in time'] },
  expectedCheckOut: {
    id: 'Rencana keluar',
    en: 'Expected check-out',
    also: ['check out', 'tanggal keluar', 'rencana check out', 'departure'],
  },
  room: { id: 'Kamar', en: 'Room', also: ['no kamar', 'nomor kamar', 'room number'] },
  visitPurpose: { id: 'Tujuan kunjungan', en: 'Purpose of visit', also: ['tujuan', 'purpose'] },
  mrz: { id: 'MRZ', en: 'MRZ', also: ['machine readable zone'] },
  surname: { id: 'Nama keluarga', en: 'Surname', also: ['nama belakang', 'family name', 'last name'] },
  givenNames: { id: 'Nama depan', en: 'Given names', also: ['nama', 'first name', 'given name'] },
  sex: { id: 'Jenis kelamin', en: 'Sex', also: ['gender', 'l/p', 'jk'] },
  birthDate: { id: 'Tanggal lahir', en: 'Date of birth', also: ['tgl lahir', 'birth date', 'dob'] },
  nationality: { id: 'Kewarganegaraan', en: 'Nationality', also: ['negara', 'warga negara', 'citizenship'] },
  documentNumber: {
    id: 'Nomor paspor',
    en: 'Passport number',
    also: ['no paspor', 'paspor', 'passport', 'document number'],
  },
  documentIssuingState: {
    id: 'Negara penerbit paspor',
    en: 'Issuing state',
    also: ['negara penerbit', 'issuing country', 'issued by'],
  },
  documentExpiryDate: {
    id: 'Paspor berlaku sampai',
    en: 'Passport expiry',
    also: ['masa berlaku paspor', 'expiry date', 'passport expiry date'],
  },
};

const fields = Object.keys(uploadHeaders) as UploadField[];
const key = (s: string) =>
  foldText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const headerIndex = new Map<string, UploadField>(
  fields.flatMap((f) => {
    const h = uploadHeaders[f];
    return [h.id, h.en, ...h.also].map((name) => [key(name), f] as const);
  }),
);

/** Visit purposes as people write them in a sheet: the code, or the Indonesian or English label. */
const purposeWords: Record<string, StayBatchRow['visitPurpose']> = {
  wisata: 'tourism',
  liburan: 'tourism',
  tourism: 'tourism',
  holiday: 'tourism',
  bisnis: 'business',
  business: 'business',
  dagang: 'business',
  kerja: 'work',
  bekerja: 'work',
  work: 'work',
  keluarga: 'family',
  family: 'family',
  belajar: 'study',
  sekolah: 'study',
  study: 'study',
  pemerintahan: 'government',
  dinas: 'government',
  government: 'government',
  sosial: 'social_religious',
  keagamaan: 'social_religious',
  religious: 'social_religious',
  berobat: 'medical',
  medical: 'medical',
  transit: 'transit',
  lainnya: 'other',
  other: 'other',
};

export function templateCsv(lang: 'id' | 'en'): string {
  const header = fields.map((f) => uploadHeaders[f][lang]).join(';');
  const example =
    lang === 'id'
      ? 'BK-001;;28/11/2026;14:05;30/11/2026;204;Wisata;;NGUYEN;MINH ANH;P;21/07/1990;AUS;PA1234567;AUS;15/01/2032'
      : 'BK-001;;2026-11-28;14:05;2026-11-30;204;Tourism;;NGUYEN;MINH ANH;F;1990-07-21;AUS;PA1234567;AUS;2032-01-15';
  return `\ufeff${header}\r\n${example}\r\n`;
}

const text = (cell: Cell | undefined): string => {
  const t = cellText(cell ?? null);
  return t.ok ? t.value : '';
};

const zoneOffset = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' } as const;

/** A time cell: "14:05", "14.05", "1405", an Excel time fraction, or a date-time cell. */
function timeOf(cell: Cell | undefined): string | null {
  if (cell instanceof Date) {
    return cell.toISOString().slice(11, 16);
  }
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 24 * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text(cell));
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    return null;
  }
  return `${m[1]?.padStart(2, '0')}:${m[2]}`;
}

export type UploadRows = { rows: unknown[]; columns: Record<string, string | null> };

/** How many guest fields a row's cells name: a header row names two or more, among them the arrival date, the
 * expected check-out, or the MRZ or passport number (a sheet of MRZs and dates alone has no name column). */
export function stayHeaderScore(cells: readonly string[]): number {
  const named = new Set(cells.map((c) => headerIndex.get(key(c))));
  named.delete(undefined);
  const anchored = headerAnchors.some((f) => named.has(f));
  return named.size >= 2 && anchored ? named.size : 0;
}
const headerAnchors: readonly UploadField[] = ['arrivalDate', 'expectedCheckOut', 'mrz', 'documentNumber'];

/** The sheet needs an arrival date, an expected check-out and the MRZ or passport number as columns; refused with
 * the ones it lacks (all of them for a sheet without a header row). */
function requireColumns(columnOf: ReadonlyMap<UploadField, number>) {
  const missing: UploadField[] = (['arrivalDate', 'expectedCheckOut'] as const).filter((f) => !columnOf.has(f));
  if (!(columnOf.has('mrz') || columnOf.has('documentNumber'))) {
    missing.push('documentNumber');
  }
  if (missing.length > 0) {
    throw new AppError(
      'STAY_UPLOAD_COLUMNS_MISSING',
      'the sheet needs an arrival date, an expected check-out and the MRZ or passport number',
      { missing },
    );
  }
}

/** Reads an uploaded sheet into batch rows, for a property in `villageCode` (its zone dates the arrival times). */
export async function readUpload(bytes: Buffer, villageCode: string, today: Date): Promise<UploadRows> {
  const table = await readTable(bytes, { scoreHeader: stayHeaderScore }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'IMPORT_NO_HEADER_ROW') {
      requireColumns(new Map());
    }
    throw error;
  });
  const columnOf = new Map<UploadField, number>();
  table.headers.forEach((h, i) => {
    const field = headerIndex.get(key(h));
    if (field && !columnOf.has(field)) {
      columnOf.set(field, i);
    }
  });
  requireColumns(columnOf);
  const offset = zoneOffset[timeZoneOfRegion(villageCode) ?? 'WIB'];
  const rows = table.rows.map(({ row, cells }) => {
    const cell = (f: UploadField) => {
      const i = columnOf.get(f);
      return i === undefined ? undefined : cells[i];
    };
    const opt = (value: string) => (value === '' ? undefined : value);
    const date = (f: UploadField, kind: 'birth' | 'event') => {
      const c = cell(f);
      if (c === undefined) {
        return undefined;
      }
      const parsed = parseDate(c ?? null, kind, today);
      return parsed.ok ? (parsed.value ?? undefined) : opt(text(c));
    };
    const country = (f: UploadField) => {
      const c = cell(f);
      const parsed = parseCountry(c ?? null);
      return parsed.ok ? (parsed.value ?? undefined) : opt(text(c));
    };
    const arrivalDay = date('arrivalDate', 'event');
    const time = cell('arrivalTime') === undefined ? '12:00' : timeOf(cell('arrivalTime'));
    const purposeText = text(cell('visitPurpose'));
    const purpose = purposeWords[key(purposeText).split(' ')[0] ?? ''] ?? (purposeText || 'other');
    const sex = parseSex(cell('sex') ?? null);
    const guest = {
      mrz: opt(text(cell('mrz')).replace(/ /g, '\n')),
      surname: opt(text(cell('surname'))),
      givenNames: opt(text(cell('givenNames'))),
      sex: sex.ok ? (sex.value ?? undefined) : opt(text(cell('sex'))),
      birthDate: date('birthDate', 'birth'),
      nationality: country('nationality'),
      documentNumber: opt(text(cell('documentNumber')).toUpperCase()),
      documentIssuingState: country('documentIssuingState') ?? country('nationality'),
      documentExpiryDate: date('documentExpiryDate', 'event'),
    };
    return {
      ref: opt(text(cell('ref'))) ?? `row ${row}`,
      groupRef: opt(text(cell('groupRef'))),
      arrivedAt:
        arrivalDay && /^\d{4}-\d{2}-\d{2}$/.test(arrivalDay) && time ? `${arrivalDay}T${time}:00${offset}` : arrivalDay,
      expectedCheckOut: date('expectedCheckOut', 'event'),
      room: opt(text(cell('room'))),
      visitPurpose: purpose,
      guest: Object.fromEntries(Object.entries(guest).filter(([, v]) => v !== undefined)),
    };
  });
  return {
    rows,
    columns: Object.fromEntries(table.headers.map((h) => [h, headerIndex.get(key(h)) ?? null])),
  };
}
