// Reading one spreadsheet cell as offices write it: text hygiene, dates in Indonesian and English forms (dd/mm/yyyy,
// dd-mm-yy, 12 Maret 1985, ISO, Excel serial numbers and Excel date cells), sex, nationality by code or by name,
// permit type and document type. Pure functions: every answer is a value or a row-level error code.
import type { PermitType } from '../../../contracts/persons';
import type { ImportRowErrorCode } from '../../../contracts/register-import';
import { countries, countryCodes, mrzAliases } from '../code-tables/data/countries';

/** A cell as read from the file: text (CSV, or an XLSX string), a number, a date cell, or a problem of the cell. */
export type Cell = string | number | boolean | Date | { problem: 'FORMULA_WITHOUT_VALUE' | 'CELL_ERROR' } | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ImportRowErrorCode; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: ImportRowErrorCode, message: string): Parsed<T> => ({ ok: false, code, message });

export const MAX_CELL_LENGTH = 500;

/**
 * A cell as trimmed text: control characters removed, whitespace collapsed, the protecting apostrophe of an export
 * ('=…) taken off. Numbers are written without exponent or trailing zeros; a date cell as ISO date.
 */
export function cellText(cell: Cell): Parsed<string> {
  if (cell === null || cell === undefined) {
    return ok('');
  }
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    return cell.problem === 'FORMULA_WITHOUT_VALUE'
      ? fail('FORMULA_WITHOUT_VALUE', 'sel berisi rumus tanpa nilai tersimpan; simpan ulang berkas di Excel')
      : fail('CELL_ERROR', 'sel berisi galat Excel (#N/A, #REF!, …)');
  }
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? fail('INVALID_DATE', 'tanggal tidak sah') : ok(isoOf(cell));
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) {
      return fail('INVALID_TEXT', 'angka tidak sah');
    }
    return ok(Number.isInteger(cell) ? cell.toFixed(0) : String(cell));
  }
  if (typeof cell === 'boolean') {
    return ok(cell ? 'TRUE' : 'FALSE');
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  let text = cell.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '');
  text = text.replace(/\s+/g, ' ').trim();
  if (/^'[=+\-@]/.test(text)) {
    text = text.slice(1);
  }
  if (text.length > MAX_CELL_LENGTH) {
    return fail('CELL_TOO_LONG', `isi sel lebih dari ${MAX_CELL_LENGTH} karakter`);
  }
  return ok(text);
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

const monthNames: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  peb: 2,
  pebruari: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  agus: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nop: 11,
  november: 11,
  nopember: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (monthDays[m - 1] ?? 0);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** What kind of date a column holds: a birth date may be partial and two-digit years lie in the past. */
export type DateKind = 'birth' | 'event';

function fullYear(yy: number, kind: DateKind, today: Date): number {
  const thisYear = today.getUTCFullYear();
  if (kind === 'birth') {
    // 85 → 1985, 05 → 2005 (if that is not in the future)
    return 2000 + yy <= thisYear ? 2000 + yy : 1900 + yy;
  }
  // permits and passports: the nearest century around today
  return 2000 + yy <= thisYear + 50 ? 2000 + yy : 1900 + yy;
}

function ymd(y: number, m: number, d: number): Parsed<string> {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return fail('INVALID_DATE', 'tanggal tidak ada di kalender');
  }
  return ok(`${y}-${pad(m)}-${pad(d)}`);
}

/** Excel's day count (1900 system, with its phantom 29 February 1900): 25569 is 1970-01-01. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 110_000) {
    return null;
  }
  const ms = Math.round((Math.floor(serial) - 25569) * 86_400_000);
  return isoOf(new Date(ms));
}

/**
 * A date as ISO (YYYY-MM-DD, or YYYY / YYYY-MM for a partial birth date). Day first as Indonesia writes it;
 * month first only when the day-first reading is impossible (12/31/1985).
 */
export function parseDate(cell: Cell, kind: DateKind, today: Date = new Date()): Parsed<string | null> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) {
      return fail('INVALID_DATE', 'tanggal tidak sah');
    }
    return checkFuture(ymd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()), kind, today);
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2199 && kind === 'birth') {
      return checkFuture(ok(String(cell)), kind, today);
    }
    const iso = excelSerialToIso(cell);
    return iso ? checkFuture(ok(iso), kind, today) : fail('INVALID_DATE', 'angka ini bukan tanggal');
  }
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const s = text.value.toLowerCase().replace(/\s+/g, ' ').trim();
  if (s === '' || s === '-') {
    return ok(null);
  }
  return checkFuture(parseDateText(s, kind, today), kind, today);
}

function checkFuture(parsed: Parsed<string | null>, kind: DateKind, today: Date): Parsed<string | null> {
  if (parsed.ok && parsed.value && kind === 'birth' && parsed.value > isoOf(today).slice(0, parsed.value.length)) {
    return fail('DATE_IN_FUTURE', 'tanggal lahir di masa depan');
  }
  return parsed;
}

function parseDateText(s: string, kind: DateKind, today: Date): Parsed<string | null> {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/.exec(s);
  if (m) {
    return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = (m[3] as string).length === 2 ? fullYear(Number(m[3]), kind, today) : Number(m[3]);
    if (b > 12 && a <= 12) {
      return ymd(y, a, b);
    }
    return ymd(y, b, a);
  }
  m = /^(\d{1,2})[ /.-]?([a-z]+)\.?[ /.-]?(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthNames[m[2] as string];
    if (month === undefined) {
      return fail('INVALID_DATE', 'nama bulan tidak dikenal');
    }
    const y = (m[3] as string).length === 2 ? fullYear(Number(m[3]), kind, today) : Number(m[3]);
    return ymd(y, month, Number(m[1]));
  }
  if (kind === 'birth') {
    m = /^(\d{4})$/.exec(s);
    if (m) {
      const y = Number(m[1]);
      return y >= 1900 && y <= 2199 ? ok(String(y)) : fail('INVALID_DATE', 'tahun tidak sah');
    }
    m = /^(\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{4})-(\d{1,2})$/.exec(s);
    if (m) {
      const [y, mo] = (m[1] as string).length === 4 ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
      return mo >= 1 && mo <= 12 && y >= 1900 ? ok(`${y}-${pad(mo)}`) : fail('INVALID_DATE', 'bulan tidak sah');
    }
  }
  m = /^(\d+(?:\.\d+)?)$/.exec(s);
  if (m) {
    const iso = excelSerialToIso(Number(m[1]));
    if (iso) {
      return ok(iso);
    }
  }
  return fail('INVALID_DATE', 'tanggal tidak dikenali; tulis dd/mm/yyyy');
}

/** Words are compared without case, accents or punctuation. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const sexWords: Record<string, 'M' | 'F' | 'X'> = {
  l: 'M',
  lk: 'M',
  'laki laki': 'M',
  laki: 'M',
  lakilaki: 'M',
  pria: 'M',
  m: 'M',
  male: 'M',
  man: 'M',
  p: 'F',
  pr: 'F',
  perempuan: 'F',
  wanita: 'F',
  f: 'F',
  female: 'F',
  woman: 'F',
  w: 'F',
  x: 'X',
};

export function parseSex(cell: Cell): Parsed<'M' | 'F' | 'X' | null> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const key = foldText(text.value);
  if (key === '') {
    return ok(null);
  }
  const sex = sexWords[key];
  return sex ? ok(sex) : fail('INVALID_SEX', 'jenis kelamin ditulis L/P, M/F, Laki-laki/Perempuan');
}

const permitWords: Record<string, PermitType> = {
  itk: 'ITK',
  kunjungan: 'ITK',
  'izin tinggal kunjungan': 'ITK',
  voa: 'ITK',
  itas: 'ITAS',
  kitas: 'ITAS',
  'izin tinggal terbatas': 'ITAS',
  itap: 'ITAP',
  kitap: 'ITAP',
  'izin tinggal tetap': 'ITAP',
  diplomatic: 'DIPLOMATIC',
  diplomatik: 'DIPLOMATIC',
  'izin tinggal diplomatik': 'DIPLOMATIC',
  service: 'SERVICE',
  dinas: 'SERVICE',
  'izin tinggal dinas': 'SERVICE',
};

export function parsePermitType(cell: Cell): Parsed<PermitType | null> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const key = foldText(text.value);
  if (key === '') {
    return ok(null);
  }
  const exact = permitWords[key];
  if (exact) {
    return ok(exact);
  }
  // "ITAS (E23)", "KITAS Kerja": the first word decides
  const first = permitWords[key.split(' ')[0] as string];
  return first ? ok(first) : fail('UNKNOWN_PERMIT_TYPE', 'jenis izin tinggal: ITK, ITAS, ITAP, diplomatik atau dinas');
}

const documentTypeWords: Record<string, 'P' | 'ID' | 'V' | 'OTHER'> = {
  p: 'P',
  paspor: 'P',
  passport: 'P',
  pasport: 'P',
  id: 'ID',
  'kartu identitas': 'ID',
  'identity card': 'ID',
  v: 'V',
  visa: 'V',
  other: 'OTHER',
  lainnya: 'OTHER',
  lain: 'OTHER',
};

export function parseDocumentType(cell: Cell): Parsed<'P' | 'ID' | 'V' | 'OTHER' | null> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const key = foldText(text.value);
  if (key === '') {
    return ok(null);
  }
  const type = documentTypeWords[key];
  return type ? ok(type) : fail('INVALID_DOCUMENT_TYPE', 'jenis dokumen: paspor, kartu identitas, visa, lainnya');
}

/** Document and permit numbers: letters, digits and the separators people type. */
export function parseDocumentNumber(cell: Cell): Parsed<string | null> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const value = text.value.toUpperCase();
  if (value === '') {
    return ok(null);
  }
  return /^[A-Z0-9][A-Z0-9 <./-]{0,29}$/.test(value)
    ? ok(value)
    : fail('INVALID_DOCUMENT_NUMBER', 'nomor hanya huruf, angka, spasi, titik, garis miring atau tanda hubung');
}

/** Names of people: letters of any script, spaces and the punctuation names carry. */
const PERSON_NAME = /^[\p{L}\p{M} .,'’‘ʼ-]*$/u;

export function parseName(cell: Cell, max = 200): Parsed<string | null> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  if (text.value === '') {
    return ok(null);
  }
  if (text.value.length > max || !PERSON_NAME.test(text.value) || !/\p{L}/u.test(text.value)) {
    return fail('INVALID_NAME', 'nama hanya boleh huruf, spasi dan tanda baca nama');
  }
  return ok(text.value);
}

/** Free text (address, place, workplace, notes): no markup brackets. */
export function parsePlainText(cell: Cell, max: number): Parsed<string | null> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  if (text.value === '') {
    return ok(null);
  }
  if (text.value.length > max) {
    return fail('CELL_TOO_LONG', `paling banyak ${max} karakter`);
  }
  return /[<>]/.test(text.value) ? fail('INVALID_TEXT', 'tanda < dan > tidak diizinkan') : ok(text.value);
}

/** Kemendagri area code as written (16.72.01.1005), also without dots (1672011005). */
export function parseRegionCode(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(compact)) {
    return compact;
  }
  const m = /^(\d{2})(\d{2})?(\d{2})?(\d{4})?$/.exec(compact);
  if (m && [2, 4, 6, 10].includes(compact.length)) {
    return [m[1], m[2], m[3], m[4]].filter(Boolean).join('.');
  }
  return null;
}

/** Names people write for countries besides the code table's labels. */
const countryAliases: Record<string, string> = {
  china: 'CHN',
  cina: 'CHN',
  tiongkok: 'CHN',
  rrt: 'CHN',
  rrc: 'CHN',
  prc: 'CHN',
  'republik rakyat tiongkok': 'CHN',
  'peoples republic of china': 'CHN',
  korea: 'KOR',
  korsel: 'KOR',
  'korea selatan': 'KOR',
  'republic of korea': 'KOR',
  usa: 'USA',
  us: 'USA',
  amerika: 'USA',
  'united states of america': 'USA',
  uk: 'GBR',
  inggris: 'GBR',
  'britania raya': 'GBR',
  'great britain': 'GBR',
  'united kingdom': 'GBR',
  belanda: 'NLD',
  holland: 'NLD',
  jerman: 'DEU',
  germany: 'DEU',
  perancis: 'FRA',
  prancis: 'FRA',
  rusia: 'RUS',
  'russian federation': 'RUS',
  vietnam: 'VNM',
  'viet nam': 'VNM',
  taiwan: 'TWN',
  stateless: 'XXA',
  'tanpa kewarganegaraan': 'XXA',
};

let countryNames: Map<string, string> | null = null;
function countryByName(): Map<string, string> {
  if (!countryNames) {
    countryNames = new Map();
    for (const c of countries) {
      countryNames.set(foldText(c.label.id), c.code);
      countryNames.set(foldText(c.label.en), c.code);
      // "Inggris (Britania Raya)" → also "inggris"
      const bare = foldText(c.label.id.replace(/\(.*\)/, ''));
      if (!countryNames.has(bare)) {
        countryNames.set(bare, c.code);
      }
    }
    for (const [name, code] of Object.entries(countryAliases)) {
      countryNames.set(name, code);
    }
  }
  return countryNames;
}

const alpha2 = new Map(countries.filter((c) => c.alpha2).map((c) => [c.alpha2 as string, c.code]));

/** A country by ICAO/ISO code (CHN, the MRZ's D, ISO alpha-2 CN) or by its Indonesian or English name. */
export function parseCountry(cell: Cell): Parsed<string | null> {
  const text = cellText(cell);
  if (!text.ok) {
    return text;
  }
  const raw = text.value.trim();
  if (raw === '') {
    return ok(null);
  }
  const upper = raw.toUpperCase();
  if (/^[A-Z]{1,3}$/.test(upper)) {
    const code = mrzAliases.get(upper) ?? upper;
    if (countryCodes.has(code)) {
      return ok(code);
    }
    const two = upper.length === 2 ? alpha2.get(upper) : undefined;
    if (two) {
      return ok(two);
    }
  }
  const byName = countryByName().get(foldText(raw));
  return byName ? ok(byName) : fail('UNKNOWN_COUNTRY', 'negara tidak dikenal; tulis kode (CHN) atau nama (Tiongkok)');
}
