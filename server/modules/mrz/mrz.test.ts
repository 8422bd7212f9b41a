import fc from 'fast-check';
import { parse as parseWithReference } from 'mrz';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MrzFormat, MrzParseResponse } from '../../../contracts/mrz';
import { mrzParseRequest, mrzParseResponse } from '../../../contracts/mrz';
import { countries } from '../code-tables/data/countries';
import type { MrzInput, MrzResult } from './mrz';
import { formatMrz, parseMrz } from './mrz';

const now = new Date('2025-06-15T08:00:00Z');
const read = (lines: string | readonly string[]) =>
  parseMrz(typeof lines === 'string' ? lines : lines.join('\n'), { now });
const codesOf = (result: MrzResult) => result.issues.map((i) => i.code);
const errorsOf = (result: MrzResult) => result.issues.filter((i) => i.severity === 'error');

// An oracle written from ICAO 9303 Part 3 alone, so the tests do not trust the code they test.
const icaoValue = (ch: string) => (ch === '<' ? 0 : /^\d$/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
const icaoCheckDigit = (text: string) =>
  String([...text].reduce((sum, ch, i) => sum + icaoValue(ch) * ([7, 3, 1][i % 3] ?? 0), 0) % 10);

/** Recomputes every check digit of a TD3 line 2, so a test can change one field and see only that field's issue. */
function sealTd3(line2: string): string {
  const number = line2.slice(0, 9);
  const birth = line2.slice(13, 19);
  const expiry = line2.slice(21, 27);
  const personal = line2.slice(28, 42);
  const head = `${number}${icaoCheckDigit(number)}${line2.slice(10, 13)}${birth}${icaoCheckDigit(birth)}${line2[20]}`;
  const tail = `${expiry}${icaoCheckDigit(expiry)}${personal}${/^<+$/.test(personal) ? '<' : icaoCheckDigit(personal)}`;
  const composite = icaoCheckDigit(`${head.slice(0, 10)}${head.slice(13, 20)}${tail}`);
  return `${head}${tail}${composite}`;
}

const replaceAt = (text: string, index: number, ch: string) => `${text.slice(0, index)}${ch}${text.slice(index + 1)}`;

// ICAO 9303 specimens: Anna Maria Eriksson of Utopia (Parts 4 to 7).
const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const td1Long = ['I<UTOD23145890<7349<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const mrva = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
const mrvb = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];

const eriksson = {
  issuingState: 'UTO',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  nameTruncated: false,
  nationality: 'UTO',
  birthDate: '1974-08-12',
  sex: 'F',
  expiryDate: '2012-04-15',
} as const;

/** The TD3 specimen as formatMrz input, for tests that change one field of it. */
const specimenInput: MrzInput = {
  issuingState: 'UTO',
  documentNumber: 'L898902C3',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  nationality: 'UTO',
  birthDate: '1974-08-12',
  sex: 'F',
  expiryDate: '2012-04-15',
  personalNumber: 'ZE184226B',
};

describe('ICAO specimens', () => {
  it('reads the TD3 passport', () => {
    const result = read(td3);
    expect(result.format).toBe('TD3');
    expect(result.valid).toBe(true);
    expect(result.fields).toEqual({
      ...eriksson,
      documentCode: 'P',
      documentNumber: 'L898902C3',
      personalNumber: 'ZE184226B',
      optionalData: null,
      optionalData2: null,
    });
    expect(result.checks).toEqual([
      { field: 'documentNumber', line: 2, column: 10, expected: '6', found: '6', valid: true },
      { field: 'birthDate', line: 2, column: 20, expected: '2', found: '2', valid: true },
      { field: 'expiryDate', line: 2, column: 28, expected: '9', found: '9', valid: true },
      { field: 'personalNumber', line: 2, column: 43, expected: '1', found: '1', valid: true },
      { field: 'composite', line: 2, column: 44, expected: '0', found: '0', valid: true },
    ]);
    // Utopia is ICAO's fictional state: worth a warning in an immigration system, not an error.
    expect(result.issues.map((i) => [i.code, i.severity, i.field])).toEqual([
      ['MRZ_UNKNOWN_COUNTRY', 'warning', 'issuingState'],
      ['MRZ_UNKNOWN_COUNTRY', 'warning', 'nationality'],
    ]);
    expect(result.lines).toEqual(td3);
  });

  it('reads the TD1 identity card', () => {
    const result = read(td1);
    expect(result.format).toBe('TD1');
    expect(result.valid).toBe(true);
    expect(result.fields).toEqual({
      ...eriksson,
      documentCode: 'I',
      documentNumber: 'D23145890',
      personalNumber: null,
      optionalData: null,
      optionalData2: null,
    });
    expect(result.checks.map((c) => [c.field, c.line, c.column, c.valid])).toEqual([
      ['documentNumber', 1, 15, true],
      ['birthDate', 2, 7, true],
      ['expiryDate', 2, 15, true],
      ['composite', 2, 30, true],
    ]);
  });

  it('reads a TD1 document number longer than nine characters from the optional data', () => {
    const result = read(td1Long);
    expect(result.valid).toBe(true);
    expect(result.fields?.documentNumber).toBe('D23145890734');
    expect(result.fields?.optionalData).toBeNull();
    expect(result.checks[0]).toEqual({
      field: 'documentNumber',
      line: 1,
      column: 19,
      expected: '9',
      found: '9',
      valid: true,
    });
  });

  it('accepts a long-number check digit computed with the < of the usual slot, as some issuers do', () => {
    // "D23145890<124" gives 0; "D23145890124" gives 4. ICAO's own example is built so that both give the same digit.
    const lines = ['I<UTOD23145890<1240<XYZ<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    const composite = icaoCheckDigit(
      `${lines[0]?.slice(5, 30)}${lines[1]?.slice(0, 7)}${lines[1]?.slice(8, 15)}${lines[1]?.slice(18, 29)}`,
    );
    const result = read([lines[0] ?? '', `${lines[1]}${composite}`, lines[2] ?? '']);
    expect(result.valid).toBe(true);
    expect(result.fields?.documentNumber).toBe('D23145890124');
    expect(result.fields?.optionalData).toBe('XYZ');
  });

  it('reads the TD2 card', () => {
    const result = read(td2);
    expect(result.format).toBe('TD2');
    expect(result.valid).toBe(true);
    expect(result.fields).toMatchObject({ ...eriksson, documentCode: 'I', documentNumber: 'D23145890' });
    expect(result.checks.every((c) => c.valid)).toBe(true);
    expect(result.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'expiryDate', 'composite']);
  });

  it('reads the MRV-A visa', () => {
    const result = read(mrva);
    expect(result.format).toBe('MRVA');
    expect(result.valid).toBe(true);
    expect(result.fields).toEqual({
      documentCode: 'V',
      issuingState: 'UTO',
      documentNumber: 'L8988901C',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nameTruncated: false,
      nationality: 'XXX',
      birthDate: '1940-09-07',
      sex: 'F',
      expiryDate: '1996-12-10',
      personalNumber: null,
      optionalData: '6ZE184226B',
      optionalData2: null,
    });
    // Visas carry no composite check digit.
    expect(result.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'expiryDate']);
  });

  it('reads the MRV-B visa', () => {
    const result = read(mrvb);
    expect(result.format).toBe('MRVB');
    expect(result.valid).toBe(true);
    expect(result.fields).toMatchObject({ documentNumber: 'L8988901C', nationality: 'XXX', optionalData: null });
    expect(result.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'expiryDate']);
  });

  it('writes every specimen back from its fields', () => {
    const fields = {
      issuingState: 'UTO',
      surname: 'Eriksson',
      givenNames: 'Anna Maria',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
    } as const;
    expect(formatMrz('TD3', { ...fields, documentNumber: 'L898902C3', personalNumber: 'ZE184226B' })).toEqual(td3);
    expect(formatMrz('TD1', { ...fields, documentNumber: 'D23145890' })).toEqual(td1);
    expect(formatMrz('TD1', { ...fields, documentNumber: 'D23145890734' })).toEqual(td1Long);
    expect(formatMrz('TD2', { ...fields, documentNumber: 'D23145890' })).toEqual(td2);
    const visa = { ...fields, documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '1940-09-07' };
    expect(formatMrz('MRVA', { ...visa, expiryDate: '1996-12-10', optionalData: '6ZE184226B' })).toEqual(mrva);
    expect(formatMrz('MRVB', { ...visa, expiryDate: '1996-12-10' })).toEqual(mrvb);
  });
});

describe('normalisation', () => {
  it('uppercases lowercase letters and says so', () => {
    const result = read(td3.map((line) => line.toLowerCase()));
    expect(result.valid).toBe(true);
    expect(result.lines).toEqual(td3);
    expect(result.issues.filter((i) => i.code === 'MRZ_NORMALISED')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 1,
        found: '30',
        message: expect.stringContaining('lines 1, 2'),
      }),
    ]);
  });

  it('removes spaces and tabs around and inside lines and says so', () => {
    const result = read(`  ${td3[0]}\t\n L898902C3 6 UTO 740812 2 F 120415 9 ZE184226B<<<<< 1 0  `);
    expect(result.valid).toBe(true);
    expect(result.lines).toEqual(td3);
    expect(result.issues.filter((i) => i.code === 'MRZ_NORMALISED').map((i) => [i.line, i.found])).toEqual([[1, '16']]);
  });

  it('drops blank lines and Windows line breaks and says so', () => {
    const result = read(`\r\n\r\n${td3[0]}\r\n   \r\n${td3[1]}\r\n\r\n`);
    expect(result.valid).toBe(true);
    expect(result.issues.filter((i) => i.code === 'MRZ_NORMALISED').map((i) => i.found)).toEqual(['4']);
  });

  it('takes a single final line break as the end of the last line, not a change', () => {
    const result = read(`${td3.join('\n')}\n`);
    expect(codesOf(result)).not.toContain('MRZ_NORMALISED');
  });

  it('splits one line that holds a whole MRZ, as when line breaks are lost in a chat message', () => {
    for (const lines of [td3, td1, td2]) {
      const result = read(lines.join(' '));
      expect(result.valid).toBe(true);
      expect(result.lines).toEqual(lines);
      expect(result.issues.filter((i) => i.code === 'MRZ_NORMALISED')).toHaveLength(2);
    }
  });

  it('reports a non-ASCII letter by line and column instead of changing it', () => {
    const result = read([td3[0]?.replace('ERIKSSON', 'ERİKSSON') ?? '', td3[1] ?? '']);
    expect(result.valid).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_CHARSET', severity: 'error', line: 1, column: 8, found: 'İ' }),
    );
    expect(result.lines[0]).toContain('İ');
  });

  it('does not turn ß, ı or ﬀ into ASCII letters while uppercasing', () => {
    for (const ch of ['ß', 'ı', 'ﬀ']) {
      const result = read([replaceAt(td3[0] ?? '', 8, ch), td3[1] ?? '']);
      expect(result.issues).toContainEqual(
        expect.objectContaining({ code: 'MRZ_CHARSET', line: 1, column: 9, found: ch }),
      );
      expect(result.lines[0]).toHaveLength(44);
    }
  });

  it('reports hidden characters such as a zero-width space', () => {
    const result = read([td3[0] ?? '', `L898902C36\u200bUTO7408122F1204159ZE184226B<<<<<10`]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_CHARSET', line: 2, column: 11, found: '\u200b' }),
    );
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'MRZ_LENGTH', line: 2 }));
    expect(result.fields).toBeNull();
  });
});

describe('shape', () => {
  it('names the expected length of a line that is too short', () => {
    const result = read([td3[0] ?? '', td3[1]?.slice(0, 43) ?? '']);
    expect(result.format).toBe('TD3');
    expect(result.valid).toBe(false);
    expect(result.fields).toBeNull();
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'MRZ_LENGTH', severity: 'error', line: 2, expected: '44', found: '43' }),
    ]);
  });

  it('names the expected line count when only one line arrives', () => {
    const result = read(td3[0] ?? '');
    expect(result.format).toBe('TD3');
    expect(result.issues).toEqual([expect.objectContaining({ code: 'MRZ_LINE_COUNT', expected: '2', found: '1' })]);
  });

  it('names the expected line count of a TD1 with a line missing', () => {
    const result = read(td1.slice(0, 2));
    expect(result.format).toBe('TD1');
    expect(result.issues).toEqual([expect.objectContaining({ code: 'MRZ_LINE_COUNT', expected: '3', found: '2' })]);
  });

  it('reports empty and whitespace-only input as having no lines', () => {
    for (const text of ['', ' \n\t\r\n ']) {
      const result = read(text);
      expect(result.valid).toBe(false);
      expect(result.format).toBeNull();
      expect(codesOf(result)).toContain('MRZ_LINE_COUNT');
    }
  });

  it('reports a shape no format has', () => {
    const result = read(['A'.repeat(40), 'B'.repeat(40)]);
    expect(result.format).toBeNull();
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'MRZ_UNKNOWN_FORMAT', found: '2 line(s) of 40, 40 characters' }),
    ]);
  });

  it('survives 10 KB of garbage with a bounded list of issues', () => {
    let seed = 9303;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    // 330 lines of 30 characters, as if a TD1: printable ASCII without spaces and a sprinkling of other scripts.
    const garbage = Array.from({ length: 10_240 }, (_, i) => {
      if (i % 31 === 30) {
        return '\n';
      }
      const n = next() % 100;
      return n < 90 ? String.fromCharCode(33 + (n % 94)) : String.fromCodePoint(0xa1 + (next() % 0x1500));
    }).join('');
    const result = read(garbage);
    expect(result.valid).toBe(false);
    expect(result.fields).toBeNull();
    expect(result.format).toBe('TD1');
    expect(result.issues.length).toBeLessThanOrEqual(30);
    expect(result.issues.filter((i) => i.code === 'MRZ_CHARSET')).toHaveLength(21);
    expect(mrzParseResponse.safeParse(result).success).toBe(true);
  });

  it('does not examine input far longer than any MRZ', () => {
    const result = read('<'.repeat(200_000));
    expect(result.issues).toEqual([expect.objectContaining({ code: 'MRZ_UNKNOWN_FORMAT', found: '200000' })]);
    expect(result.lines).toEqual([]);
  });
});

describe('check digits', () => {
  it('names the document number when its check digit fails', () => {
    const result = read([td3[0] ?? '', replaceAt(td3[1] ?? '', 9, '7')]);
    expect(result.valid).toBe(false);
    expect(result.checks[0]).toEqual({
      field: 'documentNumber',
      line: 2,
      column: 10,
      expected: '6',
      found: '7',
      valid: false,
    });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_CHECK_DIGIT', field: 'documentNumber', line: 2, column: 10 }),
    );
    // The composite covers the document number check digit too.
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'MRZ_CHECK_DIGIT', field: 'composite' }));
  });

  it.each([
    ['birthDate', 19],
    ['expiryDate', 27],
    ['personalNumber', 42],
    ['composite', 43],
  ] as const)('names the %s when its check digit fails', (field, column) => {
    const line2 = td3[1] ?? '';
    const wrong = String((Number(line2[column]) + 1) % 10);
    const result = read([td3[0] ?? '', replaceAt(line2, column, wrong)]);
    const failing = result.checks.filter((c) => !c.valid).map((c) => c.field);
    expect(failing[0]).toBe(field);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_CHECK_DIGIT', field, line: 2, column: column + 1, found: wrong }),
    );
  });

  it('names the TD1 optional data when only the composite covers it', () => {
    const result = read([replaceAt(td1[0] ?? '', 20, 'X'), td1[1] ?? '', td1[2] ?? '']);
    expect(result.checks.filter((c) => !c.valid).map((c) => c.field)).toEqual(['composite']);
  });

  it('accepts 0 or < as the check digit of an unused personal number', () => {
    const line2 = sealTd3('L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<0');
    expect(line2[42]).toBe('<');
    expect(read([td3[0] ?? '', line2]).valid).toBe(true);
    const withZero = replaceAt(line2, 42, '0');
    expect(read([td3[0] ?? '', withZero]).valid).toBe(true);
  });

  it('reports a < in the usual slot of a TD1 document number that has no overflow', () => {
    const result = read([replaceAt(td1[0] ?? '', 14, '<'), td1[1] ?? '', td1[2] ?? '']);
    expect(result.valid).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_INVALID_FIELD', field: 'documentNumber', line: 1, column: 15 }),
    );
  });

  it('cannot see a substitution whose values differ by a multiple of 10 (0 for A in a document number)', () => {
    // ICAO's weights 7, 3 and 1 are coprime to 10, so only such substitutions escape; letters are legal here.
    const result = read([td3[0] ?? '', replaceAt(td3[1] ?? '', 5, 'A')]);
    expect(result.valid).toBe(true);
    expect(result.fields?.documentNumber).toBe('L8989A2C3');
  });
});

describe('dates', () => {
  const withBirthDate = (yymmdd: string) =>
    read([td3[0] ?? '', sealTd3(`${td3[1]?.slice(0, 13)}${yymmdd}${td3[1]?.slice(19)}`)]);
  const withExpiryDate = (yymmdd: string) =>
    read([td3[0] ?? '', sealTd3(`${td3[1]?.slice(0, 21)}${yymmdd}${td3[1]?.slice(27)}`)]);

  it('rejects 30 February, naming the field', () => {
    const result = withBirthDate('740230');
    expect(result.valid).toBe(false);
    expect(result.fields?.birthDate).toBeNull();
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_INVALID_DATE', field: 'birthDate', line: 2, found: '740230' }),
    );
    expect(result.checks.every((c) => c.valid)).toBe(true);
  });

  it('rejects month 13, naming the field', () => {
    const result = withExpiryDate('301315');
    expect(result.fields?.expiryDate).toBeNull();
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'MRZ_INVALID_DATE', field: 'expiryDate' }));
  });

  it('decides 29 February after choosing the century', () => {
    expect(withBirthDate('000229').fields?.birthDate).toBe('2000-02-29');
    expect(withBirthDate('040229').fields?.birthDate).toBe('2004-02-29');
    // 2100 lies in the future, and 1900 was no leap year.
    expect(codesOf(withBirthDate('010229'))).toContain('MRZ_INVALID_DATE');
  });

  it('puts a birth date in the latest century that is not in the future', () => {
    expect(withBirthDate('250615').fields?.birthDate).toBe('2025-06-15');
    expect(withBirthDate('250616').fields?.birthDate).toBe('1925-06-16');
    expect(withBirthDate('991231').fields?.birthDate).toBe('1999-12-31');
  });

  it('puts an expiry date within 50 years before and 49 after now', () => {
    expect(withExpiryDate('750101').fields?.expiryDate).toBe('1975-01-01');
    expect(withExpiryDate('741231').fields?.expiryDate).toBe('2074-12-31');
    expect(withExpiryDate('300101').fields?.expiryDate).toBe('2030-01-01');
  });

  it('keeps what is known of a birth date the issuer filled with <', () => {
    const yearOnly = withBirthDate('74<<<<');
    expect(yearOnly.valid).toBe(true);
    expect(yearOnly.fields?.birthDate).toBe('1974');
    expect(yearOnly.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_PARTIAL_DATE', severity: 'warning', field: 'birthDate' }),
    );
    expect(withBirthDate('7408<<').fields?.birthDate).toBe('1974-08');
    expect(withBirthDate('<<<<<<').fields?.birthDate).toBeNull();
    expect(codesOf(withBirthDate('7413<<'))).toContain('MRZ_INVALID_DATE');
    expect(formatMrz('TD3', { ...specimenInput, birthDate: '1974-08' })[1]?.slice(13, 19)).toBe('7408<<');
  });

  it('does not accept < in an expiry date', () => {
    expect(codesOf(withExpiryDate('12<<<<'))).toContain('MRZ_INVALID_DATE');
  });
});

describe('characters OCR confuses', () => {
  it.each([
    ['O', '0', 15],
    ['I', '1', 17],
    ['Z', '2', 18],
    ['B', '8', 16],
  ] as const)('flags %s in a date without changing it, and suggests %s', (letter, digit, column) => {
    const line2 = td3[1] ?? '';
    expect(line2[column]).toBe(digit);
    const result = read([td3[0] ?? '', replaceAt(line2, column, letter)]);
    expect(result.valid).toBe(false);
    expect(result.fields?.birthDate).toBeNull();
    expect(result.lines[1]?.[column]).toBe(letter);
    const suggestion = { line: 2, column: column + 1, replacement: digit };
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_OCR_SUSPECT', field: 'birthDate', found: letter, suggestion }),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_CHECK_DIGIT', field: 'birthDate', suggestion }),
    );
  });

  it.each([
    ['S', '5', '750115'],
    ['G', '6', '760115'],
  ] as const)('flags %s for %s in an expiry date', (letter, digit, date) => {
    const line2 = sealTd3(`${td3[1]?.slice(0, 21)}${date}${td3[1]?.slice(27)}`);
    const result = read([td3[0] ?? '', replaceAt(line2, 22, letter)]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'MRZ_OCR_SUSPECT',
        field: 'expiryDate',
        suggestion: { line: 2, column: 23, replacement: digit },
      }),
    );
  });

  it('flags a letter in a check digit', () => {
    const result = read([td3[0] ?? '', replaceAt(td3[1] ?? '', 27, 'S')]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_OCR_SUSPECT', field: 'expiryDate', line: 2, column: 28, found: 'S' }),
    );
    expect(result.checks[2]).toMatchObject({ field: 'expiryDate', found: 'S', valid: false });
  });

  it('suggests the swap that makes a failing document number pass, where letters are legal and not flagged', () => {
    const result = read([td3[0] ?? '', replaceAt(td3[1] ?? '', 5, 'O')]);
    expect(result.fields?.documentNumber).toBe('L8989O2C3');
    expect(codesOf(result)).not.toContain('MRZ_OCR_SUSPECT');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'MRZ_CHECK_DIGIT',
        field: 'documentNumber',
        suggestion: { line: 2, column: 6, replacement: '0' },
      }),
    );
  });

  it('flags a digit in a name and suggests the letter', () => {
    const result = read([td3[0]?.replace('ERIKSSON', 'ERIKSS0N') ?? '', td3[1] ?? '']);
    expect(result.valid).toBe(false);
    expect(result.fields?.surname).toBe('ERIKSS0N');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'MRZ_OCR_SUSPECT',
        field: 'surname',
        suggestion: { line: 1, column: 12, replacement: 'O' },
      }),
    );
  });

  it('flags a digit in a given name as part of the given names', () => {
    const result = read([td3[0]?.replace('MARIA', 'MAR1A') ?? '', td3[1] ?? '']);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'MRZ_OCR_SUSPECT', field: 'givenNames' }));
  });

  it('reports a digit OCR does not confuse with a letter as an invalid name', () => {
    const result = read([td3[0]?.replace('ANNA', 'AN4A') ?? '', td3[1] ?? '']);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_INVALID_FIELD', field: 'givenNames', found: '4' }),
    );
  });
});

describe('names', () => {
  const withName = (name: string) => read([`P<UTO${name.padEnd(39, '<')}`, td3[1] ?? '']);

  it('keeps several surname and given-name components, fillers read as spaces', () => {
    const result = withName('VAN<DER<BERG<<JAN<PIETER<KLAAS');
    expect(result.fields).toMatchObject({ surname: 'VAN DER BERG', givenNames: 'JAN PIETER KLAAS' });
  });

  it('reads a name without given names', () => {
    expect(withName('SUKARNO').fields).toMatchObject({ surname: 'SUKARNO', givenNames: '', nameTruncated: false });
  });

  it('flags a name that reaches the end of its field as possibly truncated', () => {
    const result = withName('NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K');
    expect(result.valid).toBe(true);
    expect(result.fields).toMatchObject({ givenNames: 'CHAYAPA DEJTHAMRONG K', nameTruncated: true });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_NAME_TRUNCATED', severity: 'warning', line: 1, column: 44 }),
    );
  });

  it('reports an empty name field', () => {
    expect(codesOf(withName(''))).toContain('MRZ_INVALID_FIELD');
  });

  it('writes a long name cut as ICAO allows: given names first, always ending on a letter', () => {
    const write = (surname: string, givenNames: string) =>
      formatMrz('TD3', { ...specimenInput, surname, givenNames })[0]?.slice(5);
    expect(write('Nilavadhanananda', 'Chayapa Dejthamrong Krasuang')).toBe('NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K');
    // The cut would end on a separator, so the previous name gives up a letter to make room for the next initial.
    expect(write('Nilavadhanananda', 'Chayapa Dejthamrongx Krasuang')).toBe('NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K');
    // A surname that leaves no room keeps space for the initial of the first given name.
    expect(write('Bennelong Woolloomooloo Warrandyte Warrnambool', 'Rose')).toBe(
      'BENNELONG<WOOLLOOMOOLOO<WARRANDYTE<W<<R',
    );
    expect(write('Bennelong Woolloomooloo Warrandyte Warrnambool', '')).toBe('BENNELONG<WOOLLOOMOOLOO<WARRANDYTE<WARR');
  });

  it('transliterates names and separators the way ICAO 9303 Part 3 recommends', () => {
    const line1 = formatMrz('TD3', { ...specimenInput, surname: "Müller-O'Brien", givenNames: 'Åsa Ørsted' })[0];
    expect(line1?.slice(5)).toBe('MUELLER<OBRIEN<<AASA<OERSTED'.padEnd(39, '<'));
    expect(() => formatMrz('TD3', { ...specimenInput, surname: '王' })).toThrow(RangeError);
  });
});

describe('codes for states and nationalities', () => {
  it('reads Germany’s D as DEU and writes DEU as D', () => {
    const lines = formatMrz('TD3', { ...specimenInput, issuingState: 'DEU', nationality: 'DEU' });
    expect(lines[0]?.slice(2, 5)).toBe('D<<');
    expect(lines[1]?.slice(10, 13)).toBe('D<<');
    const result = read(lines);
    expect(result.valid).toBe(true);
    expect(result.fields).toMatchObject({ issuingState: 'DEU', nationality: 'DEU' });
    expect(result.issues).toEqual([]);
  });

  it.each(['GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'EUE', 'RKS'])(
    'keeps the ICAO code %s as it is',
    (code) => {
      const result = read(formatMrz('TD3', { ...specimenInput, issuingState: code, nationality: code }));
      expect(result.issues).toEqual([]);
      expect(result.fields).toMatchObject({ issuingState: code, nationality: code });
    },
  );

  it('warns about a code that is not in the country table', () => {
    const result = read(formatMrz('TD3', { ...specimenInput, nationality: 'ZZZ' }));
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_UNKNOWN_COUNTRY', severity: 'warning', field: 'nationality', found: 'ZZZ' }),
    );
  });

  it('flags digits in a code', () => {
    const result = read([td3[0] ?? '', replaceAt(td3[1] ?? '', 10, '1')]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'MRZ_OCR_SUSPECT',
        field: 'nationality',
        suggestion: { line: 2, column: 11, replacement: 'I' },
      }),
    );
    expect(result.valid).toBe(false);
  });
});

describe('document code and sex', () => {
  it('reads < and X as unspecified sex and rejects anything else', () => {
    const withSex = (ch: string) => read([td3[0] ?? '', sealTd3(replaceAt(td3[1] ?? '', 20, ch))]);
    expect(withSex('<').fields?.sex).toBe('X');
    expect(withSex('X').fields?.sex).toBe('X');
    expect(withSex('M').fields?.sex).toBe('M');
    const other = withSex('Q');
    expect(other.fields?.sex).toBeNull();
    expect(other.issues).toContainEqual(expect.objectContaining({ code: 'MRZ_INVALID_FIELD', field: 'sex' }));
  });

  it('rejects a passport whose code does not start with P, and an ID card code with V second', () => {
    expect(read([replaceAt(td3[0] ?? '', 0, 'I'), td3[1] ?? '']).issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_INVALID_FIELD', field: 'documentCode', expected: 'P', found: 'I' }),
    );
    expect(read([replaceAt(td1[0] ?? '', 1, 'V'), td1[1] ?? '', td1[2] ?? '']).issues).toContainEqual(
      expect.objectContaining({ code: 'MRZ_INVALID_FIELD', field: 'documentCode', column: 2 }),
    );
  });

  it('keeps a two-letter document code such as PD for a diplomatic passport', () => {
    expect(read(formatMrz('TD3', { ...specimenInput, documentCode: 'PD' })).fields?.documentCode).toBe('PD');
  });
});

describe('contract', () => {
  it('returns exactly the contract type', () => {
    expectTypeOf<MrzResult>().toEqualTypeOf<MrzParseResponse>();
    for (const lines of [td3, td1, td1Long, td2, mrva, mrvb]) {
      expect(mrzParseResponse.parse(read(lines))).toEqual(read(lines));
    }
  });

  it('accepts requests up to 2000 characters', () => {
    expect(mrzParseRequest.safeParse({ text: td3.join('\n') }).success).toBe(true);
    expect(mrzParseRequest.safeParse({ text: 'x'.repeat(2001) }).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const alphanumeric = `${letters}0123456789`;
const mrzAlphabet = `${alphanumeric}<`;
const charsOf = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const stripFillers = (text: string) => text.replace(/<+$/, '');

const nameWidth: Record<MrzFormat, number> = { TD1: 30, TD2: 31, TD3: 39, MRVA: 39, MRVB: 31 };
const optionalWidth: Record<MrzFormat, number> = { TD1: 15, TD2: 7, TD3: 0, MRVA: 16, MRVB: 8 };
/** TD1 and TD2 continue a long number in the optional data, followed by its check digit and a filler. */
const maxNumberLength: Record<MrzFormat, number> = { TD1: 22, TD2: 14, TD3: 9, MRVA: 9, MRVB: 9 };

const documentCode = (format: MrzFormat) => {
  const first = { TD1: 'ACI', TD2: 'ACI', TD3: 'P', MRVA: 'V', MRVB: 'V' }[format];
  const second = format === 'TD1' || format === 'TD2' ? `${letters.replace('V', '')}<` : `${letters}<`;
  return fc.tuple(fc.constantFrom(...first), fc.constantFrom(...second)).map(([a, b]) => `${a}${b}`);
};
const isoDateBetween = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
const nameOf = (minWords: number) =>
  fc.array(charsOf(letters, 1, 12), { minLength: minWords, maxLength: 4 }).map((words) => words.join(' '));

const documents = fc.constantFrom<MrzFormat>('TD1', 'TD2', 'TD3', 'MRVA', 'MRVB').chain((format) =>
  charsOf(alphanumeric, 1, maxNumberLength[format]).chain((documentNumber) => {
    const room =
      documentNumber.length > 9 ? optionalWidth[format] - (documentNumber.length - 9) - 2 : optionalWidth[format];
    const input: fc.Arbitrary<MrzInput> = fc.record({
      documentCode: documentCode(format),
      issuingState: fc.constantFrom(...countries.map((c) => c.code)),
      documentNumber: fc.constant(documentNumber),
      surname: nameOf(1),
      givenNames: nameOf(0),
      nationality: fc.constantFrom(...countries.map((c) => c.code)),
      // the reading window for `now`: birth dates up to 100 years back, expiry dates 50 back to 49 ahead
      birthDate: isoDateBetween('1925-06-16', '2025-06-15'),
      sex: fc.constantFrom('M', 'F', 'X'),
      expiryDate: isoDateBetween('1975-01-01', '2074-12-31'),
      personalNumber: format === 'TD3' ? charsOf(mrzAlphabet, 0, 14) : fc.constant(null),
      optionalData: room > 0 ? charsOf(mrzAlphabet, 0, room) : fc.constant(null),
      optionalData2: format === 'TD1' ? charsOf(mrzAlphabet, 0, 11) : fc.constant(null),
    });
    return input.map((fields) => ({ format, fields, lines: formatMrz(format, fields) }));
  }),
);

/** Each parsed name component is a prefix of the original one, in order: what truncation may do, and no more. */
const isCutFrom = (parsed: string, original: string) => {
  const cut = parsed.split(' ').filter(Boolean);
  const whole = original.split(' ').filter(Boolean);
  return cut.length <= whole.length && cut.every((word, i) => (whole[i] ?? '').startsWith(word));
};

/**
 * Positions some check digit covers (line, from, to; 0-based, end exclusive), check digits included, from the ICAO
 * 9303 field tables. No check digit covers the rest: the document code, issuing state and name (all of line 1 of TD2,
 * TD3 and visas; line 1 columns 1–5 and line 3 of TD1), the nationality and sex, and the optional data of visas. A
 * change there is found only when it breaks the field's syntax (a digit in a name, an unknown country code).
 */
const covered: Record<MrzFormat, [number, number, number][]> = {
  TD3: [
    [1, 0, 10],
    [1, 13, 20],
    [1, 21, 44],
  ],
  TD2: [
    [1, 0, 10],
    [1, 13, 20],
    [1, 21, 36],
  ],
  MRVA: [
    [1, 0, 10],
    [1, 13, 20],
    [1, 21, 28],
  ],
  MRVB: [
    [1, 0, 10],
    [1, 13, 20],
    [1, 21, 28],
  ],
  TD1: [
    [0, 5, 30],
    [1, 0, 7],
    [1, 8, 15],
    [1, 18, 30],
  ],
};
/** Dates and the fixed check-digit slots: only digits belong there. */
const numeric: Record<MrzFormat, [number, number, number][]> = {
  TD3: [
    [1, 9, 10],
    [1, 13, 20],
    [1, 21, 28],
    [1, 42, 44],
  ],
  TD2: [
    [1, 9, 10],
    [1, 13, 20],
    [1, 21, 28],
    [1, 35, 36],
  ],
  MRVA: [
    [1, 9, 10],
    [1, 13, 20],
    [1, 21, 28],
  ],
  MRVB: [
    [1, 9, 10],
    [1, 13, 20],
    [1, 21, 28],
  ],
  TD1: [
    [0, 14, 15],
    [1, 0, 7],
    [1, 8, 15],
    [1, 29, 30],
  ],
};
const positionsOf = (ranges: [number, number, number][]) =>
  ranges.flatMap(([line, from, to]) => Array.from({ length: to - from }, (_, i) => [line, from + i] as const));

const mutate = (lines: readonly string[], line: number, column: number, ch: string) =>
  lines.map((text, i) => (i === line ? replaceAt(text, column, ch) : text));

// Generating, parsing and shrinking thousands of documents takes seconds on a busy machine.
describe('properties', { timeout: 60_000 }, () => {
  it('reads back the fields of any MRZ formatMrz writes', () => {
    fc.assert(
      fc.property(documents, ({ format, fields, lines }) => {
        const result = read(lines);
        expect(result.format).toBe(format);
        expect(errorsOf(result)).toEqual([]);
        expect(result.valid).toBe(true);
        expect(result.issues.every((i) => i.code === 'MRZ_NAME_TRUNCATED')).toBe(true);
        expect(result.fields).toMatchObject({
          documentCode: stripFillers(fields.documentCode ?? ''),
          issuingState: fields.issuingState,
          documentNumber: fields.documentNumber,
          nationality: fields.nationality,
          birthDate: fields.birthDate,
          sex: fields.sex,
          expiryDate: fields.expiryDate,
          personalNumber: stripFillers(fields.personalNumber ?? '') || null,
          optionalData: stripFillers(fields.optionalData ?? '') || null,
          optionalData2: stripFillers(fields.optionalData2 ?? '') || null,
        });
        const surnameWords = fields.surname.split(' ');
        const givenWords = fields.givenNames.split(' ').filter(Boolean);
        const written = `${surnameWords.join('<')}${givenWords.length > 0 ? `<<${givenWords.join('<')}` : ''}`;
        if (written.length <= nameWidth[format]) {
          expect(result.fields).toMatchObject({
            surname: fields.surname,
            givenNames: fields.givenNames,
            nameTruncated: written.length === nameWidth[format],
          });
        } else {
          expect(isCutFrom(result.fields?.surname ?? '', fields.surname)).toBe(true);
          expect(isCutFrom(result.fields?.givenNames ?? '', fields.givenNames)).toBe(true);
          if ([...surnameWords, ...givenWords].every((word) => word.length > 1)) {
            expect(result.fields?.nameTruncated).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the mrz package on layout and check digits for TD1, TD2 and TD3', () => {
    fc.assert(
      fc.property(documents, ({ format, lines }) => {
        // mrz@5 reads a TD2 starting IDFRA as a French national ID card and has no visa formats.
        fc.pre(format === 'TD1' || format === 'TD3' || (format === 'TD2' && !lines[0]?.startsWith('IDFRA')));
        const reference = parseWithReference(lines);
        const checkDigits = reference.details.filter((d) => d.field?.endsWith('CheckDigit'));
        expect(checkDigits.length).toBeGreaterThan(0);
        expect(checkDigits.filter((d) => !d.valid)).toEqual([]);
        expect(reference.documentNumber).toBe(read(lines).fields?.documentNumber);
      }),
      { numRuns: 200 },
    );
  });

  it('finds any change of one character at a position a check digit covers, unless ICAO arithmetic cannot', () => {
    fc.assert(
      fc.property(documents, fc.nat(), fc.constantFrom(...mrzAlphabet), ({ format, lines }, pick, replacement) => {
        const positions = positionsOf(covered[format]);
        const [line, column] = positions[pick % positions.length] ?? [0, 0];
        const original = lines[line]?.[column] ?? '';
        // Weights 7, 3 and 1 are coprime to 10: a substitution escapes a check digit exactly when both characters
        // have the same value modulo 10 (0, A, K, U and <; 1, B, L, V; …; 6 and G).
        fc.pre(icaoValue(replacement) % 10 !== icaoValue(original) % 10);
        const result = read(mutate(lines, line, column, replacement));
        expect(result.valid).toBe(false);
        expect(errorsOf(result).length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds any change of one character in a date or a check-digit slot', () => {
    fc.assert(
      fc.property(
        documents,
        fc.nat(),
        fc.constantFrom(...mrzAlphabet),
        ({ format, fields, lines }, pick, replacement) => {
          const positions = positionsOf(numeric[format]);
          const [line, column] = positions[pick % positions.length] ?? [0, 0];
          const original = lines[line]?.[column] ?? '';
          fc.pre(replacement !== original);
          // 0 and < are both legitimate there and count the same: an unused TD3 personal number may end in either,
          // and < in the TD1/TD2 document-number slot announces a long number that the composite cannot tell from 0.
          const zeroOrFiller =
            new Set([original, replacement]).size === 2 && [original, replacement].every((c) => c === '0' || c === '<');
          const personalNumberSlot =
            format === 'TD3' && column === 42 && stripFillers(fields.personalNumber ?? '') === '';
          const documentNumberSlot =
            (format === 'TD1' && line === 0 && column === 14) || (format === 'TD2' && column === 9);
          fc.pre(!(zeroOrFiller && (personalNumberSlot || documentNumberSlot)));
          expect(read(mutate(lines, line, column, replacement)).valid).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    { name: 'TD3', format: 'TD3', lines: td3 },
    { name: 'TD1', format: 'TD1', lines: td1 },
    { name: 'TD1 long-number', format: 'TD1', lines: td1Long },
    { name: 'TD2', format: 'TD2', lines: td2 },
    { name: 'MRV-A', format: 'MRVA', lines: mrva },
    { name: 'MRV-B', format: 'MRVB', lines: mrvb },
  ] as const)('finds every one-character change the arithmetic allows in the $name specimen', ({ format, lines }) => {
    for (const [line, column] of positionsOf(covered[format])) {
      const original = lines[line]?.[column] ?? '';
      for (const replacement of mrzAlphabet) {
        if (icaoValue(replacement) % 10 !== icaoValue(original) % 10) {
          const result = read(mutate(lines, line, column, replacement));
          expect(result.valid, `line ${line + 1}, column ${column + 1}: ${replacement}`).toBe(false);
        }
      }
    }
  });

  it('leaves letter-for-letter changes in names unnoticed, as ICAO 9303 has no check digit there', () => {
    expect(read([td3[0]?.replace('ANNA', 'ANNE') ?? '', td3[1] ?? '']).valid).toBe(true);
  });

  it('never throws, and always returns the contract shape', () => {
    const nearMrz = fc.string({ unit: fc.constantFrom(...`${mrzAlphabet}abc \t\n\r\u00a0\u200bÉßİ`), maxLength: 200 });
    const edited = documents.chain(({ lines }) =>
      fc
        .tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }), fc.nat({ max: 3 }))
        .map(([at, inserted, removed]) => {
          const text = lines.join('\n');
          const index = at % (text.length + 1);
          return `${text.slice(0, index)}${inserted}${text.slice(index + removed)}`;
        }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), nearMrz, edited), (text) => {
        const result = parseMrz(text, { now });
        expect(mrzParseResponse.safeParse(result).success).toBe(true);
        if (result.valid) {
          expect(result.fields).not.toBeNull();
          expect(result.checks.every((c) => c.valid)).toBe(true);
          expect(errorsOf(result)).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
