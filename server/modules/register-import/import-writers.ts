// Writing tables as files people open in a spreadsheet: CSV in UTF-8 with BOM (so Excel shows Indonesian text) and
// XLSX. A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is written with a leading
// apostrophe, which the import takes off again.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type OutCell = string | number | Date | null;

/** Text that would start a formula gets an apostrophe in front; numbers and dates are not text and stay as they are. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const ddmmyyyy = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

function csvField(cell: OutCell, delimiter: string): string {
  if (cell === null) {
    return '';
  }
  const text = cell instanceof Date ? ddmmyyyy(cell) : typeof cell === 'number' ? String(cell) : neutraliseCell(cell);
  return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

export function writeCsv(headers: readonly string[], rows: Iterable<readonly OutCell[]>, delimiter = ','): Buffer {
  const lines = [headers.map((h) => csvField(h, delimiter)).join(delimiter)];
  for (const row of rows) {
    lines.push(row.map((c) => csvField(c, delimiter)).join(delimiter));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** One sheet, header row bold and frozen; written as a stream so a large export does not build a workbook model. */
export async function writeXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: Iterable<readonly OutCell[]>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ header: h, width: Math.min(Math.max(h.length + 4, 14), 40) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) {
    const added = sheet.addRow(row.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c)));
    row.forEach((c, i) => {
      if (c instanceof Date) {
        added.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      }
    });
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
