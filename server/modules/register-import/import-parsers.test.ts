import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  excelSerialToIso,
  parseCountry,
  parseDate,
  parseDocumentNumber,
  parseName,
  parsePermitType,
  parseRegionCode,
  parseSex,
} from './import-cells';
import { detectMapping, headerRowScore, missingRequiredFields } from './import-columns';
import { decodeText, detectDelimiter } from './import-file';
import { neutraliseCell } from './import-writers';

const today = new Date('2026-11-28T00:00:00Z');

const value = <T>(p: { ok: boolean; value?: T }) => (p.ok ? p.value : 'ERROR');

describe('dates as offices write them', () => {
  it.each([
    ['14/03/1985', 'birth', '1985-03-14'],
    ['14-03-85', 'birth', '1985-03-14'],
    ['01-02-05', 'birth', '2005-02-01'],
    ['14.03.1985', 'birth', '1985-03-14'],
    ['1985-03-14', 'birth', '1985-03-14'],
    ['14 Maret 1985', 'birth', '1985-03-14'],
    ['14 Mar 1985', 'birth', '1985-03-14'],
    ['14-MAR-85', 'birth', '1985-03-14'],
    ['17 Agustus 1945', 'birth', '1945-08-17'],
    ['12/31/1985', 'birth', '1985-12-31'],
    ['1985', 'birth', '1985'],
    ['03/1985', 'birth', '1985-03'],
    ['30/06/31', 'event', '2031-06-30'],
    ['31120', 'event', '1985-03-14'],
    ['', 'event', null],
  ] as const)('%s (%s) → %s', (text, kind, expected) => {
    expect(value(parseDate(text, kind, today))).toBe(expected);
  });

  it('reads Excel serial numbers and date cells', () => {
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(value(parseDate(45658, 'event', today))).toBe('2025-01-01');
    expect(value(parseDate(new Date(Date.UTC(1990, 4, 2)), 'birth', today))).toBe('1990-05-02');
    expect(value(parseDate(1985, 'birth', today))).toBe('1985');
  });

  it.each(['30/02/1990', '31/04/2020', '00/01/2020', '14/13/1985', 'kemarin', '14 Brumaire 1985', '1/1/1'])(
    'refuses %s',
    (text) => {
      const parsed = parseDate(text, 'birth', today);
      expect(parsed.ok).toBe(false);
    },
  );

  it('refuses a birth date in the future', () => {
    const parsed = parseDate('01/01/2030', 'birth', today);
    expect(parsed.ok ? null : parsed.code).toBe('DATE_IN_FUTURE');
  });

  it('answers every input with a real calendar date or an error, never a throw (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom(...'0123456789/-. '.split('')) }),
          fc.double(),
          fc.integer(),
          fc.date({ noInvalidDate: false }),
          fc.constant(null),
        ),
        fc.constantFrom('birth' as const, 'event' as const),
        (input, kind) => {
          const parsed = parseDate(input, kind, today);
          if (parsed.ok && parsed.value !== null) {
            expect(parsed.value).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
            if (parsed.value.length === 10) {
              const d = new Date(`${parsed.value}T00:00:00Z`);
              expect(d.toISOString().slice(0, 10)).toBe(parsed.value);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back every real date written as dd/mm/yyyy, dd-mm-yyyy and ISO (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-03-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(value(parseDate(`${day}/${m}/${y}`, 'event', today))).toBe(iso);
        expect(value(parseDate(`${day}-${m}-${y}`, 'event', today))).toBe(iso);
        expect(value(parseDate(iso, 'event', today))).toBe(iso);
        expect(value(parseDate(d, 'event', today))).toBe(iso);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('cells', () => {
  it('trims, collapses spaces, drops control characters and the export apostrophe', () => {
    expect(value(cellText('  ZHANG\u0000  WEI\t '))).toBe('ZHANG WEI');
    expect(value(cellText("'=HYPERLINK()"))).toBe('=HYPERLINK()');
    expect(value(cellText("O'Brien"))).toBe("O'Brien");
    expect(value(cellText(12345678))).toBe('12345678');
  });

  it('names a formula without a cached value and an Excel error', () => {
    const formula = cellText({ problem: 'FORMULA_WITHOUT_VALUE' });
    expect(formula.ok ? null : formula.code).toBe('FORMULA_WITHOUT_VALUE');
    const error = cellText({ problem: 'CELL_ERROR' });
    expect(error.ok ? null : error.code).toBe('CELL_ERROR');
    const long = cellText('x'.repeat(600));
    expect(long.ok ? null : long.code).toBe('CELL_TOO_LONG');
  });

  it('never throws and never keeps a control character (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.double(), fc.boolean()), (input) => {
        const parsed = cellText(input);
        if (parsed.ok) {
          // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for control characters is the point
          expect(parsed.value).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
          expect(parsed.value).toBe(parsed.value.trim());
        }
        for (const parse of [parseName, parseSex, parseCountry, parsePermitType, parseDocumentNumber]) {
          const r = (parse as (c: unknown) => { ok: boolean })(input);
          expect(typeof r.ok).toBe('boolean');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads sex, nationality and permit type in the forms offices use', () => {
    expect(['L', 'Laki-laki', 'PRIA', 'M', 'male'].map((s) => value(parseSex(s)))).toEqual(['M', 'M', 'M', 'M', 'M']);
    expect(['P', 'Perempuan', 'wanita', 'F'].map((s) => value(parseSex(s)))).toEqual(['F', 'F', 'F', 'F']);
    expect(
      ['CHN', 'Tiongkok', 'china', 'RRT', 'CN', 'D', 'Korea Selatan', 'United Kingdom', 'Malaysia'].map((s) =>
        value(parseCountry(s)),
      ),
    ).toEqual(['CHN', 'CHN', 'CHN', 'CHN', 'CHN', 'DEU', 'KOR', 'GBR', 'MYS']);
    expect(value(parseCountry('Narnia'))).toBe('ERROR');
    expect(['KITAS', 'ITAS (E23)', 'kitap', 'Kunjungan', 'dinas'].map((s) => value(parsePermitType(s)))).toEqual([
      'ITAS',
      'ITAS',
      'ITAP',
      'ITK',
      'SERVICE',
    ]);
    expect(value(parseDocumentNumber(' e1234 5678 '))).toBe('E1234 5678');
    expect(value(parseDocumentNumber('=cmd|calc'))).toBe('ERROR');
    expect(value(parseName('=1+2'))).toBe('ERROR');
    expect(value(parseName('Nguyễn Văn An'))).toBe('Nguyễn Văn An');
  });

  it('reads area codes with or without dots', () => {
    expect(parseRegionCode('16.72.01.1005')).toBe('16.72.01.1005');
    expect(parseRegionCode('1672011005')).toBe('16.72.01.1005');
    expect(parseRegionCode('16.72')).toBe('16.72');
    expect(parseRegionCode('Pagar Alam')).toBeNull();
  });
});

describe('headers', () => {
  it('maps Indonesian and English headers', () => {
    expect(
      detectMapping([
        'No',
        'Nama Lengkap',
        'No. Paspor',
        'Kewarganegaraan',
        'Tgl Lahir',
        'Jenis Izin Tinggal',
        'No. ITAS/KITAS',
        'Berlaku s.d.',
        'Alamat',
        'Kode Desa',
        'Penjamin',
        'Paspor Berlaku s.d.',
      ]),
    ).toEqual([
      null,
      'fullName',
      'documentNumber',
      'nationality',
      'birthDate',
      'permitType',
      'permitNumber',
      'permitValidUntil',
      'addressText',
      'region',
      'sponsorName',
      'documentExpiryDate',
    ]);
    expect(
      detectMapping(['Full name', 'Passport No', 'Nationality', 'Date of birth', 'Permit type', 'Sponsor']),
    ).toEqual(['fullName', 'documentNumber', 'nationality', 'birthDate', 'permitType', 'sponsorName']);
    expect(detectMapping(['NAMA PENJAMIN', 'NAMA'])).toEqual(['sponsorName', 'fullName']);
  });

  it('gives each field to one column at most and never throws (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('Nama', 'No. Paspor', 'nama', 'Alamat')), { maxLength: 40 }),
        (headers) => {
          const mapping = detectMapping(headers);
          expect(mapping).toHaveLength(headers.length);
          const used = mapping.filter((f) => f !== null);
          expect(new Set(used).size).toBe(used.length);
          expect(headerRowScore(headers)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('needs a name, the nationality and the passport number', () => {
    expect(missingRequiredFields(['fullName', 'nationality', 'documentNumber'])).toEqual([]);
    expect(missingRequiredFields(['surname', null])).toEqual(['nationality', 'documentNumber']);
    expect(headerRowScore(['Daftar WNA Kabupaten Muara Enim'])).toBe(0);
  });
});

describe('CSV text', () => {
  it('decodes UTF-8 with BOM, plain UTF-8 and Windows-1252', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9]))).toBe('Aé');
    expect(decodeText(Buffer.from('Nguyễn', 'utf8'))).toBe('Nguyễn');
    expect(decodeText(Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x80]))).toBe('José €');
  });

  it('finds the separator', () => {
    expect(detectDelimiter('Nama;Paspor;WN\nA;1;CHN\nB;2;MYS')).toBe(';');
    expect(detectDelimiter('Nama,Paspor,WN\n"Zhang, Wei",1,CHN')).toBe(',');
    expect(detectDelimiter('Nama\tPaspor\tWN\nA\t1\tCHN')).toBe('\t');
    expect(detectDelimiter('sep=;\nNama;Paspor')).toBe(';');
  });

  it('neutralises cells a spreadsheet would run', () => {
    expect(['=1+2', '+62', '-5', '@SUM(A1)', '\tx', '\rx', 'ZHANG'].map(neutraliseCell)).toEqual([
      "'=1+2",
      "'+62",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'ZHANG',
    ]);
  });
});
