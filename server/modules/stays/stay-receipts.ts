// Where an accepted stay report gets its receipt: the receipts module numbers and signs it in the report's
// transaction (docs/receipts.md); this file only says what the stays module tells it — one receipt per report, for
// the one guest of that stay, dated at the reported event — and reads a report's guest for the operator's PDF.
import { sql } from 'drizzle-orm';
import type { ReceiptReportKind } from '../../../contracts/receipts';
import { selectRows, type Tx } from '../../db/client';
import type { GuestSnapshot } from '../../db/schema/stays';
import type { Ctx } from '../../platform/context';
import type { ReceiptGuest, ReceiptGuestSource } from '../receipts/receipt-pdf';
import { issueReceipts } from '../receipts/receipts.service';

export type ReceiptRequest = {
  accommodationId: string;
  reportId: string;
  kind: ReceiptReportKind;
  /**
   * When the reported event happened, which the receipt certifies: the arrival of a check-in, the departure of a
   * check-out; an extension, correction or cancellation happens when it is reported.
   */
  happenedAt: Date;
  /** the property's name and village when the caller has them at hand */
  property?: { name: string; villageCode: string };
};

/** The receipt number of one accepted report, in the report's transaction. */
export async function assignReceiptNumber(tx: Tx, ctx: Ctx, report: ReceiptRequest): Promise<{ number: string }> {
  const [first] = await assignReceiptNumbers(tx, ctx, [report]);
  return first as { number: string };
}

/** Receipt numbers of many reports (a batch), in order: one INSERT per 5,000; above 500 signed by a job just after. */
export async function assignReceiptNumbers(
  tx: Tx,
  ctx: Ctx,
  reports: readonly ReceiptRequest[],
): Promise<{ number: string }[]> {
  // Every stay is one guest and every report concerns one stay, so each receipt counts one guest.
  return issueReceipts(
    tx,
    ctx,
    reports.map((r) => ({
      accommodationId: r.accommodationId,
      reportId: r.reportId,
      reportKind: r.kind,
      reportedAt: r.happenedAt,
      guestCount: 1,
      ...(r.property ? { property: r.property } : {}),
    })),
  );
}

/** The guest of each report as the property reported them (the stay's snapshot), for the operator's receipt PDF. */
export const stayReceiptGuests: ReceiptGuestSource = {
  async guestsOfReports(db, reports) {
    const guests = new Map<string, ReceiptGuest[]>();
    if (reports.length === 0) {
      return guests;
    }
    const ids = reports.map((r) => r.reportId);
    const rows = await selectRows<{ report_id: string; guest: GuestSnapshot }>(
      db,
      sql`select r.id as report_id, s.guest from stay_reports r join stays s on s.id = r.stay_id
          where r.id = any(${sql.param(ids)}::uuid[])`,
    );
    for (const row of rows) {
      const g = row.guest;
      guests.set(row.report_id, [
        {
          name: [g.surname, g.givenNames].filter(Boolean).join(', '),
          documentNumber: g.document.number,
          nationality: g.nationality,
        },
      ]);
    }
    return guests;
  },
};
