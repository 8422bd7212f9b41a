// Builders for compliance tests: a stay row (with its check-in report) written straight into the stays tables, so a
// test can place arrivals, expected check-outs and late reports anywhere in time.
import { randomBytes, randomUUID } from 'node:crypto';
import { persons } from '../../db/schema/register';
import { stayReports, stays } from '../../db/schema/stays';
import type { TestEnv } from '../../test/harness';
import { localDate } from '../persons/person-status';

const DAY = 86_400_000;
export const daysFromNow = (days: number, from = new Date()) => new Date(from.getTime() + days * DAY);
/** The calendar day of an instant in WIB, the zone of the test properties: an expected check-out is a day in the
 * property's zone, and from 17:00 UTC the UTC date is a day behind it. */
export const wibDay = (d: Date) => localDate(d, 'WIB');

export async function buildStayRow(
  env: TestEnv,
  over: {
    accommodationId: string;
    villageCode?: string;
    arrivedAt?: Date;
    expectedCheckOut: string;
    isLate?: boolean;
    status?: 'open' | 'checked_out' | 'cancelled';
    groupId?: string | null;
    nationality?: string;
  },
) {
  const personId = randomUUID();
  const nationality = over.nationality ?? 'CHN';
  const surname = `TAMU${randomBytes(2).toString('hex').toUpperCase()}`;
  await env.database.db.insert(persons).values({ id: personId, surname, givenNames: 'UJI', nationality });
  const id = randomUUID();
  const arrivedAt = over.arrivedAt ?? daysFromNow(-3);
  const isLate = over.isLate ?? false;
  const reportedAt = new Date(arrivedAt.getTime() + (isLate ? 30 : 1) * 3_600_000);
  const receiptNumber = `STT-UJI-${randomBytes(6).toString('hex')}`;
  await env.database.db.insert(stays).values({
    id,
    accommodationId: over.accommodationId,
    villageCode: over.villageCode ?? '16.72.01.1005',
    personId,
    groupId: over.groupId ?? null,
    status: over.status ?? 'open',
    arrivedAt,
    expectedCheckOut: over.expectedCheckOut,
    checkedOutAt: over.status === 'checked_out' ? reportedAt : null,
    visitPurpose: 'tourism',
    guest: {
      surname,
      givenNames: 'UJI',
      sex: null,
      birthDate: null,
      nationality,
      document: {
        type: 'P',
        number: `X${randomBytes(4).toString('hex')}`,
        issuingState: nationality,
        expiryDate: null,
      },
      mrzLines: null,
    },
    nationality,
    isLate,
    checkInReportedAt: reportedAt,
    personLink: 'new',
    channel: 'form',
    receiptNumber,
  });
  await env.database.db.insert(stayReports).values({
    id: randomUUID(),
    stayId: id,
    accommodationId: over.accommodationId,
    kind: 'check_in',
    reportedAt,
    data: {},
    isLate,
    receiptNumber,
    channel: 'form',
  });
  return { id, personId, surname };
}

/** A report of another kind at a given time (statistics by month). */
export async function buildReportRow(env: TestEnv, stayId: string, accommodationId: string, reportedAt: Date) {
  await env.database.db.insert(stayReports).values({
    id: randomUUID(),
    stayId,
    accommodationId,
    kind: 'correction',
    reportedAt,
    data: {},
    receiptNumber: `STT-UJI-${randomBytes(6).toString('hex')}`,
    channel: 'form',
  });
}
