// Helpers for receipt tests (and the stays module's): issuing receipts outside a report, and reading the text and
// pages of a PDF that pdfkit wrote (uncompressed or not, the text operators are found in the content streams).

import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { TestEnv } from '../../test/harness';
import { type IssueReceiptInput, issueReceipts } from './receipts.service';

/** Issues receipts as the stays module would, at `now` (default: the current time). */
export async function buildReceipts(
  env: TestEnv,
  accommodationId: string,
  count: number,
  over: Partial<IssueReceiptInput> & { now?: Date } = {},
) {
  const { now, ...fields } = over;
  const ctx = { ...env.ctx({ kind: 'system', name: 'uji' }), ...(now ? { now: () => now } : {}) };
  const items: IssueReceiptInput[] = Array.from({ length: count }, () => ({
    accommodationId,
    reportId: randomUUID(),
    reportKind: 'check_in',
    reportedAt: new Date((now ?? new Date()).getTime() - 3_600_000),
    guestCount: 1,
    ...fields,
  }));
  const issued = await env.database.transaction((tx) => issueReceipts(tx, ctx, items));
  return issued.map((r, i) => ({ ...r, ...(items[i] as IssueReceiptInput) }));
}

/** The content streams of a PDF, inflated when compressed. */
function contentStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    streams.push((m[1] ?? '').includes('/FlateDecode') ? inflateSync(raw).toString('latin1') : raw.toString('latin1'));
  }
  return streams;
}

/** The text pdfkit drew (standard fonts, WinAnsi): one line per TJ operator. */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const stream of contentStreams(pdf)) {
    for (const m of stream.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hexes = [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '');
      lines.push(Buffer.from(hexes.join(''), 'hex').toString('latin1'));
    }
  }
  return lines.join('\n');
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
