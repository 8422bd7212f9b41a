// Reading an uploaded spreadsheet into rows of cells, whatever shape it arrives in: XLSX (streamed, first sheet with a
// header row; a formula gives its cached value, never evaluated) or CSV/TSV text in UTF-8 (with or without BOM),
// UTF-16 or Windows-1252, separated by `;`, `,`, tab or `|`. Empty rows are skipped without being kept, so a sheet
// with a million blank lines costs time, not memory; the header row is looked for among the first non-empty rows.
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';
import type { Cell } from './import-cells';
import { headerRowScore } from './import-columns';

/** Above this an upload is refused with 413 IMPORT_FILE_TOO_LARGE. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** Data rows of one import (non-empty rows below the header). */
export const MAX_DATA_ROWS = 200_000;
/** Columns read per row; a sheet wider than this is not a register. */
export const MAX_COLUMNS = 200;
/** The header row is searched among this many first non-empty rows. */
const HEADER_SEARCH_ROWS = 30;

export type FileFormat = 'csv' | 'xlsx';

export type DataRow = { row: number; cells: Cell[] };

export type Table = {
  format: FileFormat;
  /** 1-based row number of the header row */
  headerRow: number;
  headers: string[];
  rows: DataRow[];
  /** CSV only: the separator found, so that the rejected rows come back the same way */
  delimiter: string;
};

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** CSV or XLSX by the bytes, not the name. Old binary .xls is refused with a hint. */
export function detectFormat(bytes: Buffer): FileFormat {
  if (isZip(bytes)) {
    return 'xlsx';
  }
  if (isOle(bytes)) {
    throw new AppError('IMPORT_FILE_UNREADABLE', 'old Excel 97-2003 (.xls) file', { reason: 'xls' });
  }
  return 'csv';
}

/** Text of a CSV file: a BOM decides; else UTF-8 if it decodes cleanly, else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** 0x80–0x9F of Windows-1252 (€, ‚, ƒ, „, …, curly quotes, Š, Ž…); the rest is Latin-1. Node's TextDecoder reads
 * "windows-1252" as Latin-1, which turns these into control characters. */
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80] as string);
}

const delimiters = [';', ',', '\t', '|'] as const;

/** The separator that splits the first lines into the same number of fields most often (quotes respected). */
export function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r?\n/)
    .slice(0, 30)
    .filter((l) => l.trim() !== '');
  const sep = /^sep=(.)$/i.exec(lines[0]?.trim() ?? '');
  if (sep?.[1]) {
    return sep[1];
  }
  let best: { d: string; score: number } = { d: ',', score: -1 };
  for (const d of delimiters) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((n) => n > 0);
    if (counts.length === 0) {
      continue;
    }
    const freq = new Map<number, number>();
    for (const n of counts) {
      freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] as [number, number];
    const score = times * 1000 + mode;
    if (score > best.score) {
      best = { d, score };
    }
  }
  return best.d;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') {
      quoted = !quoted;
    } else if (ch === d && !quoted) {
      n++;
    }
  }
  return n;
}

const isEmptyCell = (c: Cell) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** Collects rows: finds the header among the first non-empty rows, then keeps the non-empty rows below it. */
class TableBuilder {
  /** how many fields of the importer a row's cells name: the best-scoring of the first rows (above 0) is the header */
  constructor(private readonly scoreHeader: (cells: readonly string[]) => number) {}
  private candidates: DataRow[] = [];
  private header: { row: number; headers: string[] } | null = null;
  readonly rows: DataRow[] = [];

  add(row: number, cells: Cell[]): void {
    if (cells.every(isEmptyCell)) {
      return;
    }
    if (this.header) {
      if (this.rows.length >= MAX_DATA_ROWS) {
        throw new AppError('IMPORT_TOO_MANY_ROWS', `more than ${MAX_DATA_ROWS} rows`, { maxRows: MAX_DATA_ROWS });
      }
      this.rows.push({ row, cells });
      return;
    }
    this.candidates.push({ row, cells });
    if (this.candidates.length >= HEADER_SEARCH_ROWS) {
      this.settleHeader();
    }
  }

  /** Picks the header row among the candidates; the rows after it become data. */
  settleHeader(): boolean {
    if (this.header) {
      return true;
    }
    let best: { index: number; score: number } = { index: -1, score: 0 };
    this.candidates.forEach((c, index) => {
      const score = this.scoreHeader(c.cells.map(headerText));
      if (score > best.score) {
        best = { index, score };
      }
    });
    const chosen = this.candidates[best.index];
    if (!chosen) {
      throw new AppError('IMPORT_NO_HEADER_ROW', 'no header row found', { searchedRows: HEADER_SEARCH_ROWS });
    }
    const headers = chosen.cells.map(headerText);
    while (headers.length > 0 && headers.at(-1) === '') {
      headers.pop();
    }
    this.header = { row: chosen.row, headers };
    const rest = this.candidates.slice(best.index + 1);
    this.candidates = [];
    for (const r of rest) {
      this.add(r.row, r.cells);
    }
    return true;
  }

  table(format: FileFormat, delimiter: string): Table {
    this.settleHeader();
    const header = this.header as { row: number; headers: string[] };
    return { format, headerRow: header.row, headers: header.headers, rows: this.rows, delimiter };
  }

  get found(): boolean {
    return this.header !== null;
  }
}

function headerText(c: Cell): string {
  if (typeof c === 'string') {
    return c.replace(/\s+/g, ' ').trim().slice(0, 200);
  }
  if (typeof c === 'number' || typeof c === 'boolean') {
    return String(c);
  }
  return '';
}

/** A CSV or XLSX file as a table; its header row is found by `scoreHeader` (the register import's columns unless
 * another importer — the guest upload — says which headers it knows). */
export async function readTable(
  bytes: Buffer,
  opts: { format?: FileFormat; scoreHeader?: (cells: readonly string[]) => number } = {},
): Promise<Table> {
  const { format = detectFormat(bytes), scoreHeader = headerRowScore } = opts;
  return format === 'xlsx' ? readXlsx(bytes, scoreHeader) : readCsv(bytes, scoreHeader);
}

async function readCsv(bytes: Buffer, scoreHeader: (cells: readonly string[]) => number): Promise<Table> {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw new AppError('IMPORT_FILE_UNREADABLE', 'not a text file', { reason: 'binary' });
  }
  const delimiter = detectDelimiter(text);
  const builder = new TableBuilder(scoreHeader);
  const parser = parseCsv({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: 64 * 1024,
  });
  let row = 0;
  const source = Readable.from(chunksOf(text, 1 << 20));
  try {
    for await (const record of source.pipe(parser) as AsyncIterable<string[]>) {
      row++;
      if (row === 1 && record.length === 1 && /^sep=.$/i.test(record[0] ?? '')) {
        continue;
      }
      builder.add(row, record.slice(0, MAX_COLUMNS));
    }
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw new AppError('IMPORT_FILE_UNREADABLE', 'the CSV cannot be read', {
      reason: 'csv',
      row: row + 1,
      detail: error instanceof Error ? error.message.slice(0, 200) : null,
    });
  }
  return builder.table('csv', delimiter);
}

function* chunksOf(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) {
    yield text.slice(i, i + size);
  }
}

type ExcelValue = ExcelJS.CellValue | { formula?: string; sharedFormula?: string; result?: unknown; error?: string };

/** One XLSX cell as the importer reads it: the value shown, never a formula evaluated here. */
export function xlsxCell(value: ExcelValue | undefined): Cell {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || result === '') {
        return { problem: 'FORMULA_WITHOUT_VALUE' };
      }
      if (typeof result === 'object' && result !== null && 'error' in result) {
        return { problem: 'CELL_ERROR' };
      }
      return xlsxCell(result as ExcelValue);
    }
    if ('error' in value) {
      return { problem: 'CELL_ERROR' };
    }
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((r: { text?: string }) => r.text ?? '').join('');
    }
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === 'string') {
        return text;
      }
      return xlsxCell(text as ExcelValue);
    }
    if ('sharedString' in value) {
      return null;
    }
  }
  return null;
}

async function readXlsx(bytes: Buffer, scoreHeader: (cells: readonly string[]) => number): Promise<Table> {
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let firstError: AppError | null = null;
    for await (const worksheet of reader) {
      const builder = new TableBuilder(scoreHeader);
      try {
        for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
          const values = row.values as ExcelValue[];
          const cells: Cell[] = [];
          const width = Math.min(values.length - 1, MAX_COLUMNS);
          for (let i = 1; i <= width; i++) {
            cells.push(xlsxCell(values[i]));
          }
          builder.add(row.number, cells);
        }
        return builder.table('xlsx', ',');
      } catch (error) {
        if (error instanceof AppError && error.code === 'IMPORT_NO_HEADER_ROW') {
          firstError ??= error;
          continue;
        }
        throw error;
      }
    }
    throw firstError ?? new AppError('IMPORT_NO_HEADER_ROW', 'the workbook has no sheet with a header row');
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw new AppError('IMPORT_FILE_UNREADABLE', 'the XLSX cannot be read', {
      reason: 'xlsx',
      detail: error instanceof Error ? error.message.slice(0, 200) : null,
    });
  }
}
