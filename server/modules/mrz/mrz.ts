// Reads the machine-readable zone of passports, ID cards and visas (ICAO Doc 9303: TD1, TD2, TD3, MRV-A, MRV-B) into
// fields, check-digit results and issues an officer can act on, and writes MRZ lines from fields. Pure and total: no
// I/O, no clock beyond the `now` a caller may pass, and no input string makes parseMrz throw.
import type {
  MrzCheck,
  MrzField,
  MrzFields,
  MrzFormat,
  MrzIssue,
  MrzIssueCode,
  MrzParseResponse,
} from '../../../contracts/mrz';
import { countryCodes, mrzAliases } from '../code-tables/data/countries';

export type MrzResult = MrzParseResponse;

export interface ParseMrzOptions {
  /** the moment birth and expiry centuries are inferred against; defaults to the current time */
  now?: Date;
}

/** What formatMrz needs; optional parts default to empty. */
export interface MrzInput {
  /** defaults to P (TD3), I (TD1, TD2) or V (visas) */
  documentCode?: string;
  issuingState: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY / null for a birth date the issuer only partly knows */
  birthDate: MrzFields['birthDate'];
  sex: NonNullable<MrzFields['sex']>;
  expiryDate: string;
  personalNumber?: string | null;
  optionalData?: string | null;
  optionalData2?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Layouts (ICAO 9303 Parts 4–7). Positions are 0-based internally and reported 1-based.

interface Span {
  line: number;
  start: number;
  end: number;
}

type CheckField = MrzCheck['field'];

interface Layout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  /** the first character of the document code that identifies the document type */
  documentCodeFirst: string;
  /** TD1 and TD2 may carry a document number longer than nine characters on into the optional data */
  longDocumentNumber: boolean;
  documentCode: Span;
  issuingState: Span;
  name: Span;
  documentNumber: Span;
  documentNumberCheck: Span;
  nationality: Span;
  birthDate: Span;
  birthDateCheck: Span;
  sex: Span;
  expiryDate: Span;
  expiryDateCheck: Span;
  optionalData?: Span;
  optionalData2?: Span;
  personalNumber?: Span;
  personalNumberCheck?: Span;
  composite?: { digit: Span; ranges: Span[] };
}

const span = (line: number, start: number, end: number): Span => ({ line, start, end });

/** TD2, TD3 and both visas share line 2 up to the expiry check digit and line 1 entirely. */
function twoLineLayout(
  format: MrzFormat,
  lineLength: number,
  documentCodeFirst: string,
  rest: Partial<Layout>,
): Layout {
  return {
    format,
    lineCount: 2,
    lineLength,
    documentCodeFirst,
    longDocumentNumber: false,
    documentCode: span(0, 0, 2),
    issuingState: span(0, 2, 5),
    name: span(0, 5, lineLength),
    documentNumber: span(1, 0, 9),
    documentNumberCheck: span(1, 9, 10),
    nationality: span(1, 10, 13),
    birthDate: span(1, 13, 19),
    birthDateCheck: span(1, 19, 20),
    sex: span(1, 20, 21),
    expiryDate: span(1, 21, 27),
    expiryDateCheck: span(1, 27, 28),
    ...rest,
  };
}

const layouts: Record<MrzFormat, Layout> = {
  TD3: twoLineLayout('TD3', 44, 'P', {
    personalNumber: span(1, 28, 42),
    personalNumberCheck: span(1, 42, 43),
    composite: { digit: span(1, 43, 44), ranges: [span(1, 0, 10), span(1, 13, 20), span(1, 21, 43)] },
  }),
  TD2: twoLineLayout('TD2', 36, 'ACI', {
    longDocumentNumber: true,
    optionalData: span(1, 28, 35),
    composite: { digit: span(1, 35, 36), ranges: [span(1, 0, 10), span(1, 13, 20), span(1, 21, 35)] },
  }),
  // Visas have no composite check digit and no check digit over their optional data.
  MRVA: twoLineLayout('MRVA', 44, 'V', { optionalData: span(1, 28, 44) }),
  MRVB: twoLineLayout('MRVB', 36, 'V', { optionalData: span(1, 28, 36) }),
  TD1: {
    format: 'TD1',
    lineCount: 3,
    lineLength: 30,
    documentCodeFirst: 'ACI',
    longDocumentNumber: true,
    documentCode: span(0, 0, 2),
    issuingState: span(0, 2, 5),
    documentNumber: span(0, 5, 14),
    documentNumberCheck: span(0, 14, 15),
    optionalData: span(0, 15, 30),
    birthDate: span(1, 0, 6),
    birthDateCheck: span(1, 6, 7),
    sex: span(1, 7, 8),
    expiryDate: span(1, 8, 14),
    expiryDateCheck: span(1, 14, 15),
    nationality: span(1, 15, 18),
    optionalData2: span(1, 18, 29),
    composite: {
      digit: span(1, 29, 30),
      ranges: [span(0, 5, 30), span(1, 0, 7), span(1, 8, 15), span(1, 18, 29)],
    },
    name: span(2, 0, 30),
  },
};

/** A single line of these lengths is two or three MRZ lines whose line breaks were lost on the way. */
const mergedLineShapes = new Map<number, { count: number; length: number }>([
  [90, { count: 3, length: 30 }],
  [88, { count: 2, length: 44 }],
  [72, { count: 2, length: 36 }],
]);

/** Beyond any MRZ plus generous whitespace; bounds the work a hostile caller can cause. */
const maxInputLength = 100_000;
/** Enough to locate the problem; garbage input would otherwise produce one issue per character. */
const maxCharsetIssues = 20;

// ---------------------------------------------------------------------------------------------------------------
// Characters

const isMrzChar = (ch: string) => /^[A-Z0-9<]$/.test(ch);
const isDigit = (ch: string) => /^[0-9]$/.test(ch);
const isLetter = (ch: string) => /^[A-Z]$/.test(ch);

/** The pairs OCR confuses in OCR-B. G↔6 (16 vs 6) is invisible to check digits: both count the same modulo 10. */
const digitForLetter: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', S: '5', G: '6', B: '8' };
const letterForDigit: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };
const confusableWith = (ch: string): string | undefined => digitForLetter[ch] ?? letterForDigit[ch];

function charValue(ch: string): number | null {
  if (ch === '<') {
    return 0;
  }
  if (isDigit(ch)) {
    return Number(ch);
  }
  if (isLetter(ch)) {
    return ch.charCodeAt(0) - 55;
  }
  return null;
}

/** ICAO 9303 Part 3: weights 7, 3, 1 repeating, A–Z = 10–35, < = 0, sum modulo 10. Null when a character has no value. */
function checkDigitOf(text: string): string | null {
  const weights = [7, 3, 1] as const;
  let sum = 0;
  let index = 0;
  for (const ch of text) {
    const value = charValue(ch);
    if (value === null) {
      return null;
    }
    sum += value * (weights[index % 3] ?? 0);
    index += 1;
  }
  return String(sum % 10);
}

function describeChar(ch: string): string {
  const codePoint = ch.codePointAt(0) ?? 0;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) ? hex : `"${ch}" (${hex})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Issues

type Lines = readonly (readonly string[])[];

interface IssueDetails {
  field?: MrzField;
  at?: { line: number; column: number };
  expected?: string;
  found?: string;
  suggestion?: { line: number; column: number; replacement: string };
  message: string;
}

const warningCodes: ReadonlySet<MrzIssueCode> = new Set([
  'MRZ_NORMALISED',
  'MRZ_PARTIAL_DATE',
  'MRZ_UNKNOWN_COUNTRY',
  'MRZ_NAME_TRUNCATED',
]);

function issue(code: MrzIssueCode, details: IssueDetails): MrzIssue {
  const result: MrzIssue = { code, severity: warningCodes.has(code) ? 'warning' : 'error', message: details.message };
  if (details.field !== undefined) {
    result.field = details.field;
  }
  if (details.at !== undefined) {
    result.line = details.at.line + 1;
    result.column = details.at.column + 1;
  }
  if (details.expected !== undefined) {
    result.expected = details.expected;
  }
  if (details.found !== undefined) {
    result.found = details.found;
  }
  if (details.suggestion !== undefined) {
    result.suggestion = details.suggestion;
  }
  return result;
}

const pos = (line: number, column: number) => ({ line, column });
const charAt = (lines: Lines, line: number, column: number): string => lines[line]?.[column] ?? '';
const read = (lines: Lines, s: Span): string => (lines[s.line] ?? []).slice(s.start, s.end).join('');
const stripFillers = (text: string) => text.replace(/<+$/, '');

// ---------------------------------------------------------------------------------------------------------------
// parseMrz

export function parseMrz(input: string, options: ParseMrzOptions = {}): MrzResult {
  const now = options.now ?? new Date();
  const issues: MrzIssue[] = [];

  if (input.length > maxInputLength) {
    issues.push(
      issue('MRZ_UNKNOWN_FORMAT', {
        found: String(input.length),
        message: `input of ${input.length} characters is far longer than any MRZ and was not examined`,
      }),
    );
    return { format: null, valid: false, fields: null, checks: [], issues, lines: [] };
  }

  const lines = normalise(input, issues);
  reportForeignCharacters(lines, issues);
  const { layout, fits } = detectLayout(lines, issues);
  const result = (fields: MrzFields | null, checks: MrzCheck[]): MrzResult => ({
    format: layout?.format ?? null,
    valid: fields !== null && !issues.some((i) => i.severity === 'error'),
    fields,
    checks,
    issues,
    lines: lines.map((line) => line.join('')),
  });
  // Fields are found by position, so a wrong shape leaves nothing to read safely.
  if (layout === null || !fits) {
    return result(null, []);
  }

  const fields = readFields(lines, layout, now, issues);
  const checks = computeChecks(lines, layout);
  reportChecks(lines, layout, checks, issues);
  return result(
    fields,
    checks.map(({ field, digit, expected, found, valid }) => ({
      field,
      line: digit.line + 1,
      column: digit.start + 1,
      expected,
      found,
      valid,
    })),
  );
}

/**
 * Trims, drops blank lines, removes whitespace inside lines and uppercases a–z. Each kind of change becomes one
 * warning, so hostile input with thousands of lines cannot flood the list.
 */
function normalise(input: string, issues: MrzIssue[]): string[][] {
  const rawLines = input.split(/\r\n|[\n\r\u0085\u2028\u2029]/);
  // A final line break ends the last line rather than starting an empty one.
  if (rawLines.length > 1 && rawLines.at(-1) === '') {
    rawLines.pop();
  }
  const lines: string[][] = [];
  const whitespace = { count: 0, lines: [] as number[] };
  const lowercase = { count: 0, lines: [] as number[] };
  let blankLines = 0;
  for (const raw of rawLines) {
    const compact = raw.replace(/\s+/gu, '');
    if (compact === '') {
      blankLines += 1;
      continue;
    }
    if (compact.length < raw.length) {
      whitespace.count += raw.length - compact.length;
      whitespace.lines.push(lines.length);
    }
    // Only ASCII: toUpperCase() would turn "ß" into "SS" and "ı" into "I", silently changing length or letters.
    const lower = compact.match(/[a-z]/g)?.length ?? 0;
    if (lower > 0) {
      lowercase.count += lower;
      lowercase.lines.push(lines.length);
    }
    lines.push(Array.from(compact.replace(/[a-z]/g, (ch) => ch.toUpperCase())));
  }
  const onLines = (indexes: number[]) => {
    const shown = indexes.slice(0, 5).map((index) => index + 1);
    return `on line${shown.length > 1 ? 's' : ''} ${shown.join(', ')}${indexes.length > 5 ? ', …' : ''}`;
  };
  if (blankLines > 0) {
    issues.push(issue('MRZ_NORMALISED', { found: String(blankLines), message: `dropped ${blankLines} blank line(s)` }));
  }
  const firstWhitespace = whitespace.lines[0];
  if (firstWhitespace !== undefined) {
    issues.push(
      issue('MRZ_NORMALISED', {
        at: pos(firstWhitespace, 0),
        found: String(whitespace.count),
        message: `removed ${whitespace.count} space(s) or other whitespace ${onLines(whitespace.lines)}`,
      }),
    );
  }
  const firstLowercase = lowercase.lines[0];
  if (firstLowercase !== undefined) {
    issues.push(
      issue('MRZ_NORMALISED', {
        at: pos(firstLowercase, 0),
        found: String(lowercase.count),
        message: `changed ${lowercase.count} lowercase letter(s) to uppercase ${onLines(lowercase.lines)}`,
      }),
    );
  }

  const only = lines.length === 1 ? lines[0] : undefined;
  const shape = only === undefined ? undefined : mergedLineShapes.get(only.length);
  if (only !== undefined && shape !== undefined) {
    issues.push(
      issue('MRZ_NORMALISED', {
        found: String(only.length),
        message: `split a single line of ${only.length} characters into ${shape.count} lines of ${shape.length}`,
      }),
    );
    return Array.from({ length: shape.count }, (_, i) => only.slice(i * shape.length, (i + 1) * shape.length));
  }
  return lines;
}

function reportForeignCharacters(lines: Lines, issues: MrzIssue[]): void {
  let reported = 0;
  let unreported = 0;
  lines.forEach((chars, line) => {
    chars.forEach((ch, column) => {
      if (isMrzChar(ch)) {
        return;
      }
      if (reported >= maxCharsetIssues) {
        unreported += 1;
        return;
      }
      reported += 1;
      issues.push(
        issue('MRZ_CHARSET', {
          at: pos(line, column),
          found: ch,
          message: `${describeChar(ch)} on line ${line + 1}, column ${column + 1} is not an MRZ character (A–Z, 0–9, <)`,
        }),
      );
    });
  });
  if (unreported > 0) {
    issues.push(
      issue('MRZ_CHARSET', {
        found: String(unreported),
        message: `${unreported} more characters outside A–Z, 0–9 and < are not listed`,
      }),
    );
  }
}

/** Picks the format whose line length most lines have, and reports what does not fit it. */
function detectLayout(lines: Lines, issues: MrzIssue[]): { layout: Layout | null; fits: boolean } {
  if (lines.length === 0) {
    issues.push(
      issue('MRZ_LINE_COUNT', { expected: '2 or 3', found: '0', message: 'no MRZ text: expected 2 or 3 lines' }),
    );
    return { layout: null, fits: false };
  }
  const first = lines[0] ?? [];
  let bestLength = 0;
  let bestCount = 0;
  for (const length of [30, 36, 44]) {
    const count = lines.filter((line) => line.length === length).length;
    if (count > bestCount || (count > 0 && count === bestCount && first.length === length)) {
      bestLength = length;
      bestCount = count;
    }
  }
  if (bestCount === 0) {
    const lengths = lines.map((line) => line.length);
    const shown = lengths.length > 5 ? `${lengths.slice(0, 5).join(', ')}, …` : lengths.join(', ');
    issues.push(
      issue('MRZ_UNKNOWN_FORMAT', {
        expected: '3×30 (TD1), 2×36 (TD2, MRV-B) or 2×44 (TD3, MRV-A)',
        found: `${lines.length} line(s) of ${shown} characters`,
        message: `no MRZ format has ${lines.length} line(s) of ${shown} characters`,
      }),
    );
    return { layout: null, fits: false };
  }
  const isVisa = first[0] === 'V';
  const layout =
    bestLength === 30
      ? layouts.TD1
      : bestLength === 36
        ? layouts[isVisa ? 'MRVB' : 'TD2']
        : layouts[isVisa ? 'MRVA' : 'TD3'];
  let fits = lines.length === layout.lineCount;
  if (!fits) {
    issues.push(
      issue('MRZ_LINE_COUNT', {
        expected: String(layout.lineCount),
        found: String(lines.length),
        message: `${layout.format} has ${layout.lineCount} lines of ${layout.lineLength} characters; found ${lines.length} line(s)`,
      }),
    );
  }
  lines.forEach((line, index) => {
    if (line.length === layout.lineLength) {
      return;
    }
    fits = false;
    // Lines beyond the format's count are already reported as such; listing each of them would bury the rest.
    if (index < layout.lineCount) {
      issues.push(
        issue('MRZ_LENGTH', {
          at: pos(index, 0),
          expected: String(layout.lineLength),
          found: String(line.length),
          message: `line ${index + 1} has ${line.length} characters; ${layout.format} lines have ${layout.lineLength}`,
        }),
      );
    }
  });
  return { layout, fits };
}

// ---------------------------------------------------------------------------------------------------------------
// Fields

type CharClass = 'digit' | 'alpha';

/**
 * Flags characters of the wrong class in a field: a confusable one as MRZ_OCR_SUSPECT with its likely reading, and
 * returns the first other one so the caller can raise one field-level issue. Characters outside the MRZ alphabet were
 * reported already.
 */
function checkClass(
  lines: Lines,
  s: Span,
  charClass: CharClass,
  fieldAt: (column: number) => MrzField,
  label: string,
  issues: MrzIssue[],
): { ok: boolean; wrong: { column: number; ch: string } | null } {
  let ok = true;
  let wrong: { column: number; ch: string } | null = null;
  for (let column = s.start; column < s.end; column += 1) {
    const ch = charAt(lines, s.line, column);
    const fits = charClass === 'digit' ? isDigit(ch) : isLetter(ch) || ch === '<';
    if (fits) {
      continue;
    }
    ok = false;
    if (!isMrzChar(ch)) {
      continue;
    }
    const likely = charClass === 'digit' ? digitForLetter[ch] : letterForDigit[ch];
    if (likely === undefined) {
      wrong ??= { column, ch };
      continue;
    }
    issues.push(
      issue('MRZ_OCR_SUSPECT', {
        field: fieldAt(column),
        at: pos(s.line, column),
        expected: charClass === 'digit' ? 'digit' : 'letter',
        found: ch,
        suggestion: { line: s.line + 1, column: column + 1, replacement: likely },
        message: `${ch} in the ${label} where only ${charClass === 'digit' ? 'digits' : 'letters'} belong; probably ${likely}`,
      }),
    );
  }
  return { ok, wrong };
}

const mrzCodeOf = new Map([...mrzAliases].map(([written, stored]) => [stored, written]));

function readFields(lines: Lines, layout: Layout, now: Date, issues: MrzIssue[]): MrzFields {
  const documentNumber = readDocumentNumber(lines, layout);
  const name = readName(lines, layout.name, issues);
  const fields: MrzFields = {
    documentCode: readDocumentCode(lines, layout, issues),
    issuingState: readCountry(lines, layout.issuingState, 'issuingState', 'issuing state', issues),
    documentNumber: documentNumber.value,
    surname: name.surname,
    givenNames: name.givenNames,
    nameTruncated: name.truncated,
    nationality: readCountry(lines, layout.nationality, 'nationality', 'nationality', issues),
    birthDate: readDate(lines, layout.birthDate, 'birthDate', now, issues),
    sex: readSex(lines, layout.sex, issues),
    expiryDate: readDate(lines, layout.expiryDate, 'expiryDate', now, issues),
    personalNumber: layout.personalNumber ? stripFillers(read(lines, layout.personalNumber)) || null : null,
    optionalData: documentNumber.optionalData,
    optionalData2: layout.optionalData2 ? stripFillers(read(lines, layout.optionalData2)) || null : null,
  };
  if (documentNumber.value === '') {
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field: 'documentNumber',
        at: pos(layout.documentNumber.line, layout.documentNumber.start),
        message: 'the document number is empty',
      }),
    );
  }
  if (documentNumber.markerWithoutOverflow) {
    const slot = layout.documentNumberCheck;
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field: 'documentNumber',
        at: pos(slot.line, slot.start),
        found: '<',
        message: 'the document number check digit is <, which announces a long number, but no overflow follows',
      }),
    );
  }
  return fields;
}

function readDocumentCode(lines: Lines, layout: Layout, issues: MrzIssue[]): string {
  const s = layout.documentCode;
  const { wrong } = checkClass(lines, s, 'alpha', () => 'documentCode', 'document code', issues);
  if (wrong !== null) {
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field: 'documentCode',
        at: pos(s.line, wrong.column),
        found: wrong.ch,
        message: `the document code contains ${wrong.ch}; it is letters and <`,
      }),
    );
  }
  const first = charAt(lines, s.line, s.start);
  const second = charAt(lines, s.line, s.start + 1);
  if (first === '<' || (isLetter(first) && !layout.documentCodeFirst.includes(first))) {
    const allowed = layout.documentCodeFirst.split('').join(', ');
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field: 'documentCode',
        at: pos(s.line, s.start),
        expected: allowed,
        found: first,
        message: `a ${layout.format} document code starts with ${allowed}, not ${first}`,
      }),
    );
  }
  // ICAO 9303 Part 5 keeps V out of the second position of ID-card codes, so that no card reads as a visa.
  if (layout.documentCodeFirst === 'ACI' && second === 'V') {
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field: 'documentCode',
        at: pos(s.line, s.start + 1),
        found: second,
        message: 'the second character of an ID-card document code may not be V',
      }),
    );
  }
  return stripFillers(read(lines, s));
}

function readCountry(lines: Lines, s: Span, field: MrzField, label: string, issues: MrzIssue[]): string {
  const raw = read(lines, s);
  const code = stripFillers(raw);
  const { ok, wrong } = checkClass(lines, s, 'alpha', () => field, label, issues);
  if (wrong !== null) {
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field,
        at: pos(s.line, wrong.column),
        found: raw,
        message: `the ${label} ${raw} contains ${wrong.ch}; country codes are letters`,
      }),
    );
  }
  if (!ok) {
    return code;
  }
  if (code === '' || code.includes('<')) {
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field,
        at: pos(s.line, s.start),
        found: raw,
        message: `the ${label} ${raw} is not a country code`,
      }),
    );
    return code;
  }
  const resolved = mrzAliases.get(code) ?? code;
  if (!countryCodes.has(resolved)) {
    issues.push(
      issue('MRZ_UNKNOWN_COUNTRY', {
        field,
        at: pos(s.line, s.start),
        found: code,
        message: `the ${label} ${code} is not in the country table`,
      }),
    );
  }
  return resolved;
}

function readName(
  lines: Lines,
  s: Span,
  issues: MrzIssue[],
): { surname: string; givenNames: string; truncated: boolean } {
  const raw = read(lines, s);
  const separator = raw.indexOf('<<');
  const fieldAt = (column: number): MrzField =>
    separator !== -1 && column - s.start > separator ? 'givenNames' : 'surname';
  const { wrong } = checkClass(lines, s, 'alpha', fieldAt, 'name', issues);
  if (wrong !== null) {
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field: fieldAt(wrong.column),
        at: pos(s.line, wrong.column),
        found: wrong.ch,
        message: `the name contains ${wrong.ch}; names are letters and <`,
      }),
    );
  }
  const content = stripFillers(raw);
  if (content === '') {
    issues.push(
      issue('MRZ_INVALID_FIELD', { field: 'surname', at: pos(s.line, s.start), message: 'the name field is empty' }),
    );
  }
  const [primary, secondary] =
    separator === -1 ? [content, ''] : [content.slice(0, separator), content.slice(separator + 2)];
  const words = (text: string) =>
    text
      .split('<')
      .filter((word) => word !== '')
      .join(' ');
  // ICAO's only sign of truncation: the name runs to the last position instead of ending in fillers.
  const truncated = raw.length > 0 && !raw.endsWith('<');
  if (truncated) {
    issues.push(
      issue('MRZ_NAME_TRUNCATED', {
        field: separator === -1 ? 'surname' : 'givenNames',
        at: pos(s.line, s.end - 1),
        message: 'the name fills its field and may be cut short; take the full name from the visual zone',
      }),
    );
  }
  return { surname: words(primary), givenNames: words(secondary), truncated };
}

function readSex(lines: Lines, s: Span, issues: MrzIssue[]): MrzFields['sex'] {
  const ch = charAt(lines, s.line, s.start);
  if (ch === 'M' || ch === 'F') {
    return ch;
  }
  if (ch === '<' || ch === 'X') {
    return 'X';
  }
  if (isMrzChar(ch)) {
    issues.push(
      issue('MRZ_INVALID_FIELD', {
        field: 'sex',
        at: pos(s.line, s.start),
        expected: 'M, F, X or <',
        found: ch,
        message: `sex is ${ch}; the MRZ allows M, F, and < (or X) for unspecified`,
      }),
    );
  }
  return null;
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A birth date is put in the latest century that does not make it lie after `now`; an expiry date in the century
 * that puts it within 50 years before or 49 years after `now` (documents are read long after they expire, but none
 * is issued for more than a few decades).
 */
function inferYear(yy: number, field: 'birthDate' | 'expiryDate', now: Date, month: number, day: number): number {
  const nowYear = now.getUTCFullYear();
  if (field === 'expiryDate') {
    const base = nowYear - 50;
    return base + ((((yy - base) % 100) + 100) % 100);
  }
  const candidate = 2000 + yy;
  const nowKey = nowYear * 10_000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  return candidate * 10_000 + month * 100 + day > nowKey ? candidate - 100 : candidate;
}

function readDate(
  lines: Lines,
  s: Span,
  field: 'birthDate' | 'expiryDate',
  now: Date,
  issues: MrzIssue[],
): string | null {
  const label = field === 'birthDate' ? 'birth date' : 'expiry date';
  const raw = read(lines, s);
  const at = pos(s.line, s.start);
  const pad = (n: number) => String(n).padStart(2, '0');

  // ICAO 9303 Part 3 lets an issuer fill the unknown parts of a birth date with <.
  if (field === 'birthDate' && /^(\d{2}<{4}|\d{4}<<|<{6})$/.test(raw)) {
    const known = raw.replace(/<+$/, '');
    issues.push(
      issue('MRZ_PARTIAL_DATE', {
        field,
        at,
        found: raw,
        message:
          known === '' ? 'the birth date is unknown (all fillers)' : `the birth date is only partly known (${raw})`,
      }),
    );
    if (known === '') {
      return null;
    }
    const month = known.length === 4 ? Number(known.slice(2, 4)) : 0;
    if (known.length === 4 && (month < 1 || month > 12)) {
      issues.push(issue('MRZ_INVALID_DATE', { field, at, found: raw, message: `month ${pad(month)} does not exist` }));
      return null;
    }
    const year = inferYear(Number(known.slice(0, 2)), field, now, month, 1);
    return known.length === 4 ? `${year}-${pad(month)}` : String(year);
  }

  const { ok, wrong } = checkClass(lines, s, 'digit', () => field, label, issues);
  if (wrong !== null) {
    issues.push(
      issue('MRZ_INVALID_DATE', {
        field,
        at: pos(s.line, wrong.column),
        expected: 'YYMMDD',
        found: raw,
        message: `the ${label} ${raw} contains ${wrong.ch}; dates are six digits`,
      }),
    );
  }
  if (!ok) {
    return null;
  }
  const yy = Number(raw.slice(0, 2));
  const month = Number(raw.slice(2, 4));
  const day = Number(raw.slice(4, 6));
  if (month < 1 || month > 12) {
    issues.push(
      issue('MRZ_INVALID_DATE', {
        field,
        at: pos(s.line, s.start + 2),
        found: raw,
        message: `the ${label} ${raw} has month ${pad(month)}, which does not exist`,
      }),
    );
    return null;
  }
  const year = inferYear(yy, field, now, month, day);
  if (day < 1 || day > daysInMonth(year, month)) {
    issues.push(
      issue('MRZ_INVALID_DATE', {
        field,
        at: pos(s.line, s.start + 4),
        found: raw,
        message: `the ${label} ${raw} would be ${day} ${monthNames[month - 1]} ${year}, which does not exist`,
      }),
    );
    return null;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Document number and check digits

interface DocumentNumberReading {
  value: string;
  /** the characters of a long number that continue in the optional data */
  overflow: Span | null;
  /** where its check digit sits: the usual slot, or inside the optional data after a long number */
  digit: Span;
  /** the texts the check digit may be computed over; issuers differ on whether the < in the usual slot counts */
  checked: string[];
  /** TD1 line 1, TD2, MRV-A, MRV-B optional data, after any document-number overflow */
  optionalData: string | null;
  /** the check-digit slot holds < but no overflow follows */
  markerWithoutOverflow: boolean;
}

function readDocumentNumber(lines: Lines, layout: Layout): DocumentNumberReading {
  const head = read(lines, layout.documentNumber);
  const slot = layout.documentNumberCheck;
  const optional = layout.optionalData;
  const optionalText = optional ? read(lines, optional) : '';
  const usual = {
    value: stripFillers(head),
    overflow: null,
    digit: slot,
    checked: [head],
    optionalData: stripFillers(optionalText) || null,
    markerWithoutOverflow: false,
  };
  if (!layout.longDocumentNumber || optional === undefined || charAt(lines, slot.line, slot.start) !== '<') {
    return usual;
  }
  // ICAO 9303 Parts 5 and 6: a number longer than nine characters continues at the start of the optional data,
  // followed by its check digit and a filler; the usual check-digit slot then holds <.
  const end = optionalText.includes('<') ? optionalText.indexOf('<') : optionalText.length;
  if (end === 0) {
    return { ...usual, markerWithoutOverflow: true };
  }
  const overflow = optionalText.slice(0, end - 1);
  return {
    value: head + overflow,
    overflow: span(optional.line, optional.start, optional.start + end - 1),
    digit: span(optional.line, optional.start + end - 1, optional.start + end),
    checked: [head + overflow, `${head}<${overflow}`],
    optionalData: stripFillers(optionalText.slice(end + 1)) || null,
    markerWithoutOverflow: false,
  };
}

interface ComputedCheck {
  field: CheckField;
  digit: Span;
  /** the characters the digit covers, for suggestions */
  ranges: Span[];
  expected: string | null;
  found: string;
  valid: boolean;
}

function computeChecks(lines: Lines, layout: Layout): ComputedCheck[] {
  const checks: ComputedCheck[] = [];
  const simple = (field: CheckField, digit: Span, ranges: Span[]) => {
    const expected = checkDigitOf(ranges.map((r) => read(lines, r)).join(''));
    const found = read(lines, digit);
    checks.push({ field, digit, ranges, expected, found, valid: expected !== null && expected === found });
  };

  const documentNumber = readDocumentNumber(lines, layout);
  const found = read(lines, documentNumber.digit);
  const digits = documentNumber.checked.map(checkDigitOf);
  const matching = digits.find((d) => d !== null && d === found);
  checks.push({
    field: 'documentNumber',
    digit: documentNumber.digit,
    ranges: documentNumber.overflow ? [layout.documentNumber, documentNumber.overflow] : [layout.documentNumber],
    expected: matching ?? digits[0] ?? null,
    found,
    valid: matching !== undefined,
  });

  simple('birthDate', layout.birthDateCheck, [layout.birthDate]);
  simple('expiryDate', layout.expiryDateCheck, [layout.expiryDate]);

  if (layout.personalNumber && layout.personalNumberCheck) {
    const personalNumber = read(lines, layout.personalNumber);
    if (stripFillers(personalNumber) === '') {
      // ICAO 9303 Part 4: an unused personal-number field may carry 0 or < as its check digit.
      const digit = read(lines, layout.personalNumberCheck);
      checks.push({
        field: 'personalNumber',
        digit: layout.personalNumberCheck,
        ranges: [layout.personalNumber],
        expected: '0',
        found: digit,
        valid: digit === '0' || digit === '<',
      });
    } else {
      simple('personalNumber', layout.personalNumberCheck, [layout.personalNumber]);
    }
  }
  if (layout.composite) {
    simple('composite', layout.composite.digit, layout.composite.ranges);
  }
  return checks;
}

const checkLabels: Record<CheckField, string> = {
  documentNumber: 'document number',
  birthDate: 'birth date',
  expiryDate: 'expiry date',
  personalNumber: 'personal number',
  composite: 'composite',
};

function reportChecks(lines: Lines, layout: Layout, checks: ComputedCheck[], issues: MrzIssue[]): void {
  for (const check of checks) {
    const at = pos(check.digit.line, check.digit.start);
    const likely = digitForLetter[check.found];
    if (likely !== undefined) {
      issues.push(
        issue('MRZ_OCR_SUSPECT', {
          field: check.field,
          at,
          expected: 'digit',
          found: check.found,
          suggestion: { line: at.line + 1, column: at.column + 1, replacement: likely },
          message: `${check.found} in the ${checkLabels[check.field]} check digit where only digits belong; probably ${likely}`,
        }),
      );
    }
    if (check.valid) {
      continue;
    }
    const label = checkLabels[check.field];
    const suggestion = suggestFix(lines, layout, check);
    const hint = suggestion
      ? `; replacing ${charAt(lines, suggestion.line - 1, suggestion.column - 1)} on line ${suggestion.line}, column ${suggestion.column} with ${suggestion.replacement} would make it pass`
      : '';
    issues.push(
      issue('MRZ_CHECK_DIGIT', {
        field: check.field,
        at,
        ...(check.expected === null ? {} : { expected: check.expected }),
        found: check.found,
        ...(suggestion ? { suggestion } : {}),
        message:
          check.expected === null
            ? `the ${label} check digit cannot be computed: the characters it covers are not all MRZ characters`
            : `the ${label} check digit is ${check.found}, but the characters it covers give ${check.expected}${hint}`,
      }),
    );
  }
}

/** The classes a position must hold, used to prefer a suggestion that also fixes a letter-for-digit mix-up. */
function expectsDigit(layout: Layout, checks: ComputedCheck[], line: number, column: number): boolean {
  const inside = (s: Span) => s.line === line && column >= s.start && column < s.end;
  return inside(layout.birthDate) || inside(layout.expiryDate) || checks.some((c) => inside(c.digit));
}

function expectsLetter(layout: Layout, line: number, column: number): boolean {
  const inside = (s: Span) => s.line === line && column >= s.start && column < s.end;
  return [layout.documentCode, layout.issuingState, layout.nationality, layout.name].some(inside);
}

/**
 * Looks for one confusable character (O/0, I/1, B/8, S/5, Z/2, G/6) whose swap makes this check pass. Offered only
 * when one candidate stands out: one that also puts a digit where a digit belongs, or that makes every check pass.
 */
function suggestFix(
  lines: Lines,
  layout: Layout,
  check: ComputedCheck,
): { line: number; column: number; replacement: string } | undefined {
  const positions = [...check.ranges, check.digit].flatMap((r) =>
    Array.from({ length: r.end - r.start }, (_, i) => pos(r.line, r.start + i)),
  );
  const candidates: { line: number; column: number; replacement: string; score: number }[] = [];
  for (const { line, column } of positions) {
    const ch = charAt(lines, line, column);
    const replacement = confusableWith(ch);
    if (replacement === undefined) {
      continue;
    }
    const swapped = lines.map((chars, l) =>
      l === line ? chars.map((c, i) => (i === column ? replacement : c)) : chars,
    );
    const after = computeChecks(swapped, layout);
    if (!after.some((c) => c.field === check.field && c.valid)) {
      continue;
    }
    const fixesClass = isDigit(replacement)
      ? expectsDigit(layout, after, line, column)
      : expectsLetter(layout, line, column);
    const score = (fixesClass ? 2 : 0) + (after.every((c) => c.valid) ? 1 : 0);
    candidates.push({ line: line + 1, column: column + 1, replacement, score });
  }
  const best = Math.max(...candidates.map((c) => c.score));
  const top = candidates.filter((c) => c.score === best);
  const only = top.length === 1 ? top[0] : undefined;
  return only === undefined ? undefined : { line: only.line, column: only.column, replacement: only.replacement };
}

// ---------------------------------------------------------------------------------------------------------------
// formatMrz

const defaultDocumentCode: Record<MrzFormat, string> = { TD1: 'I', TD2: 'I', TD3: 'P', MRVA: 'V', MRVB: 'V' };

/**
 * Builds MRZ lines from fields, computing every check digit and truncating names the way ICAO 9303 Part 3 allows.
 * Throws RangeError for fields the MRZ cannot hold; it serves tests and demo data, not user input.
 */
export function formatMrz(format: MrzFormat, fields: MrzInput): string[] {
  const layout = layouts[format];
  const lines = Array.from({ length: layout.lineCount }, () => Array<string>(layout.lineLength).fill('<'));
  const put = (s: Span, text: string, what: string) => {
    if (text.length > s.end - s.start) {
      throw new RangeError(`${what} "${text}" does not fit in ${s.end - s.start} characters of a ${format} MRZ`);
    }
    const line = lines[s.line];
    for (const [i, ch] of Array.from(text).entries()) {
      if (line) {
        line[s.start + i] = ch;
      }
    }
  };
  const digitOf = (text: string, what: string) => {
    const digit = checkDigitOf(text);
    if (digit === null) {
      throw new RangeError(`${what} "${text}" holds characters outside A–Z, 0–9 and <`);
    }
    return digit;
  };

  const documentCode = fields.documentCode ?? defaultDocumentCode[format];
  if (
    !/^[A-Z][A-Z<]?$/.test(documentCode) ||
    !layout.documentCodeFirst.includes(documentCode.charAt(0)) ||
    (layout.documentCodeFirst === 'ACI' && documentCode.charAt(1) === 'V')
  ) {
    throw new RangeError(`document code "${documentCode}" is not valid for ${format}`);
  }
  put(layout.documentCode, documentCode, 'document code');
  put(layout.issuingState, encodeCountry(fields.issuingState), 'issuing state');
  put(layout.nationality, encodeCountry(fields.nationality), 'nationality');
  put(layout.name, encodeName(fields.surname, fields.givenNames, layout.name.end - layout.name.start), 'name');
  put(layout.birthDate, encodeDate(fields.birthDate, true), 'birth date');
  put(layout.birthDateCheck, digitOf(read(lines, layout.birthDate), 'birth date'), 'check digit');
  put(layout.sex, fields.sex === 'X' ? '<' : fields.sex, 'sex');
  put(layout.expiryDate, encodeDate(fields.expiryDate, false), 'expiry date');
  put(layout.expiryDateCheck, digitOf(read(lines, layout.expiryDate), 'expiry date'), 'check digit');

  const optionalData = encodeOptional(fields.optionalData, 'optional data');
  const documentNumber = fields.documentNumber;
  if (!/^[A-Z0-9]+$/.test(documentNumber)) {
    throw new RangeError(`document number "${documentNumber}" must be letters and digits`);
  }
  const numberDigit = digitOf(documentNumber, 'document number');
  if (documentNumber.length <= 9) {
    put(layout.documentNumber, documentNumber, 'document number');
    put(layout.documentNumberCheck, numberDigit, 'check digit');
    if (layout.optionalData) {
      put(layout.optionalData, optionalData, 'optional data');
    }
  } else if (layout.longDocumentNumber && layout.optionalData) {
    put(layout.documentNumber, documentNumber.slice(0, 9), 'document number');
    put(layout.documentNumberCheck, '<', 'check digit');
    const overflow = `${documentNumber.slice(9)}${numberDigit}<${optionalData}`;
    put(layout.optionalData, overflow, 'long document number');
  } else {
    throw new RangeError(`document number "${documentNumber}" is longer than the 9 characters ${format} allows`);
  }
  if (!layout.optionalData && optionalData !== '') {
    throw new RangeError(`${format} has no optional data field`);
  }

  const personalNumber = encodeOptional(fields.personalNumber, 'personal number');
  if (layout.personalNumber && layout.personalNumberCheck) {
    put(layout.personalNumber, personalNumber, 'personal number');
    put(
      layout.personalNumberCheck,
      personalNumber === '' ? '<' : digitOf(read(lines, layout.personalNumber), 'personal number'),
      'check digit',
    );
  } else if (personalNumber !== '') {
    throw new RangeError(`${format} has no personal number field; use optionalData`);
  }

  const optionalData2 = encodeOptional(fields.optionalData2, 'optional data 2');
  if (layout.optionalData2) {
    put(layout.optionalData2, optionalData2, 'optional data 2');
  } else if (optionalData2 !== '') {
    throw new RangeError(`${format} has no second optional data field`);
  }

  if (layout.composite) {
    const covered = layout.composite.ranges.map((r) => read(lines, r)).join('');
    put(layout.composite.digit, digitOf(covered, 'composite'), 'check digit');
  }
  return lines.map((line) => line.join(''));
}

function encodeCountry(code: string): string {
  const written = mrzCodeOf.get(code) ?? code;
  if (!/^[A-Z]{1,3}$/.test(written)) {
    throw new RangeError(`country code "${code}" must be one to three letters`);
  }
  return written;
}

function encodeOptional(value: string | null | undefined, what: string): string {
  const text = stripFillers(value ?? '');
  if (!/^[A-Z0-9<]*$/.test(text)) {
    throw new RangeError(`${what} "${text}" must be A–Z, 0–9 and <`);
  }
  return text;
}

function encodeDate(value: string | null, isBirthDate: boolean): string {
  if (value === null && isBirthDate) {
    return '<<<<<<';
  }
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value ?? '');
  const [, year = '', month, day] = match ?? [];
  const partialAllowed = isBirthDate || (month !== undefined && day !== undefined);
  if (match === null || !partialAllowed) {
    throw new RangeError(`date "${value}" must be YYYY-MM-DD${isBirthDate ? ', YYYY-MM, YYYY or null' : ''}`);
  }
  if (
    (month !== undefined && (Number(month) < 1 || Number(month) > 12)) ||
    (month !== undefined &&
      day !== undefined &&
      (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month))))
  ) {
    throw new RangeError(`date "${value}" does not exist`);
  }
  return `${year.slice(2)}${month ?? '<<'}${day ?? '<<'}`;
}

/** ICAO 9303 Part 3 transliterations that are more than dropping a diacritic. */
const transliterations: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ö: 'OE',
  Ø: 'OE',
  Œ: 'OE',
  Ü: 'UE',
  ß: 'SS',
  ẞ: 'SS',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ħ: 'H',
  Ł: 'L',
  Ŋ: 'N',
};

function nameComponents(name: string, what: string): string[] {
  const latin = name
    .normalize('NFC')
    .toUpperCase()
    .replace(/./gu, (ch) => transliterations[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʼ`]/g, '');
  if (!/^[A-Z\s,.<-]*$/.test(latin)) {
    throw new RangeError(`${what} "${name}" has characters the MRZ cannot hold; transliterate it first`);
  }
  return latin.split(/[\s,.<-]+/).filter((part) => part !== '');
}

/**
 * Primary identifier, <<, secondary identifier, padded with <. When the name is too long the secondary identifier
 * is cut first; the primary only when it alone leaves no room, and then it keeps room for the initial of the first
 * given name. The cut always ends on a letter, since a letter in the last position is how readers recognise it.
 */
function encodeName(surname: string, givenNames: string, width: number): string {
  const primary = nameComponents(surname, 'surname');
  const secondary = nameComponents(givenNames, 'given names');
  if (primary.length === 0 && secondary.length === 0) {
    throw new RangeError('a name is required');
  }
  const primaryText = primary.join('<');
  const full = secondary.length > 0 ? `${primaryText}<<${secondary.join('<')}` : primaryText;
  if (full.length <= width) {
    return full.padEnd(width, '<');
  }
  if (secondary.length === 0) {
    return fitComponents(primary, width);
  }
  if (primaryText.length + 3 <= width) {
    return `${primaryText}<<${fitComponents(secondary, width - primaryText.length - 2)}`;
  }
  return `${fitComponents(primary, width - 3)}<<${secondary[0]?.charAt(0) ?? ''}`;
}

/** Cuts components joined by < to exactly `width` characters ending in a letter. */
function fitComponents(components: readonly string[], width: number): string {
  const joined = components.join('<');
  const cut = joined.slice(0, width);
  if (!cut.endsWith('<')) {
    return cut;
  }
  // The cut fell just after a whole component: take one letter from the last component that has two or more, so
  // the next component's initial fits and the field still ends in a letter.
  const kept = joined.slice(0, width - 1);
  const nextInitial = joined.charAt(width);
  for (let i = kept.length - 1; i > 0; i -= 1) {
    const endsComponent = i === kept.length - 1 || kept[i + 1] === '<';
    if (endsComponent && kept[i] !== '<' && kept[i - 1] !== '<') {
      return `${kept.slice(0, i)}${kept.slice(i + 1)}<${nextInitial}`;
    }
  }
  return kept.padEnd(width, '<');
}
