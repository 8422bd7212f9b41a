// Checks one guest row before anything touches the database: the guest's identity from the MRZ (every check digit
// must pass; typed fields must agree with it) or typed fields, the codes, and the dates (arrival not in the future
// beyond a small clock skew, not years ago; the expected check-out not before arrival). Pure: a row either becomes a
// prepared check-in or a list of errors with field, code and message.
import type { z } from 'zod';
import {
  extractMrzLines,
  type RowError,
  type StayBatchRow,
  stayGuest,
  type VisitPurpose,
} from '../../../contracts/stays';
import type { GuestSnapshot } from '../../db/schema/stays';
import { isAppError } from '../../platform/errors';
import { isKnownCode } from '../code-tables/code-tables.service';
import { documentFromMrz, identityFromMrz, readMrz } from '../persons/person-mrz';
import { normaliseDocumentNumber } from '../persons/person-names';
import { countryOf } from '../persons/person-records';
import { addDays, localDate, timeZoneOfRegion } from '../persons/person-status';

/** A reported arrival may lie this far in the future (clocks of phones and PMS servers drift). */
export const CLOCK_SKEW_MS = 10 * 60_000;
/** An arrival older than this is refused: a report that late is a data error, not a guest report. */
export const MAX_ARRIVAL_AGE_DAYS = 366;
/** An expected stay longer than this is refused (a kos tenant renews by extension). */
export const MAX_STAY_DAYS = 366;
/** UU 6/2011 Pasal 72: the property reports within 1×24 h of arrival. */
export const LATE_AFTER_MS = 24 * 3_600_000;

export type PreparedGuest = GuestSnapshot & { numberNorm: string };

export type PreparedRow = {
  index: number;
  ref: string | null;
  groupRef: string | null;
  arrivedAt: Date;
  expectedCheckOut: string;
  room: string | null;
  visitPurpose: VisitPurpose;
  guest: PreparedGuest;
  isLate: boolean;
};

export type RowOutcome = { ok: true; row: PreparedRow } | { ok: false; index: number; errors: RowError[] };

const rowError = (field: string, code: string, message: string): RowError => ({ field, code, message });

function errorsOfAppError(error: unknown, prefix: string): RowError[] | null {
  if (!isAppError(error)) {
    return null;
  }
  const details = (error.details ?? {}) as {
    field?: string;
    mismatches?: { field: string; given: string | null; mrz: string | null }[];
  };
  if (error.code === 'MRZ_MISMATCH' && details.mismatches) {
    return details.mismatches.map((m) =>
      rowError(
        `${prefix}.${m.field.replace(/^document\./, 'document')}`,
        'MRZ_MISMATCH',
        `MRZ says ${m.mrz ?? '–'}, the row says ${m.given ?? '–'}`,
      ),
    );
  }
  const field = details.field ? `${prefix}.${details.field.replace(/^document\.mrz$/, 'mrz')}` : prefix;
  return [rowError(field, error.code, error.message)];
}

type Guest = StayBatchRow['guest'];

/** The guest as stored: from the MRZ (cross-checked with typed fields) or from typed fields. */
export function prepareGuest(guest: Guest, now: Date, prefix = 'guest'): PreparedGuest | RowError[] {
  try {
    if (guest.mrz !== undefined && guest.mrz.trim() !== '') {
      const reading = readMrz(extractMrzLines(guest.mrz), now);
      const doc = documentFromMrz(
        {
          ...(guest.documentType ? { type: guest.documentType } : {}),
          ...(guest.documentNumber ? { number: guest.documentNumber } : {}),
          ...(guest.documentIssuingState ? { issuingState: guest.documentIssuingState } : {}),
          expiryDate: guest.documentExpiryDate ?? null,
          issueDate: null,
        },
        reading,
        (c) => countryOf(c, 'documentIssuingState'),
      );
      const fields = reading.fields;
      const typedName = guest.surname !== undefined || guest.givenNames !== undefined;
      const identity = identityFromMrz(
        {
          surname: typedName ? (guest.surname ?? '') : fields.surname,
          givenNames: typedName ? (guest.givenNames ?? '') : fields.givenNames,
          sex: guest.sex ?? null,
          birthDate: guest.birthDate ?? null,
          nationality: guest.nationality ? countryOf(guest.nationality, 'nationality') : fields.nationality,
        },
        reading,
      );
      const nationality = countryOf(identity.nationality, 'nationality');
      return {
        surname: identity.surname.trim(),
        givenNames: identity.givenNames.trim(),
        sex: identity.sex,
        birthDate: identity.birthDate,
        nationality,
        document: {
          type: doc.type,
          number: doc.number,
          issuingState: countryOf(doc.issuingState, 'documentIssuingState'),
          expiryDate: doc.expiryDate,
        },
        mrzLines: reading.lines,
        numberNorm: normaliseDocumentNumber(doc.number),
      };
    }
    const missing: RowError[] = [];
    const surname = guest.surname?.trim() ?? '';
    const givenNames = guest.givenNames?.trim() ?? '';
    if (surname === '' && givenNames === '') {
      missing.push(rowError(`${prefix}.surname`, 'STAY_GUEST_INCOMPLETE', 'a name or the MRZ is required'));
    }
    for (const field of ['nationality', 'documentNumber', 'documentIssuingState'] as const) {
      if (!guest[field]?.trim()) {
        missing.push(rowError(`${prefix}.${field}`, 'STAY_GUEST_INCOMPLETE', `${field} or the MRZ is required`));
      }
    }
    if (missing.length > 0) {
      return missing;
    }
    const number = (guest.documentNumber as string).trim().toUpperCase();
    const numberNorm = normaliseDocumentNumber(number);
    if (numberNorm === '') {
      return [rowError(`${prefix}.documentNumber`, 'STAY_GUEST_INCOMPLETE', 'the document number is empty')];
    }
    return {
      surname,
      givenNames,
      sex: guest.sex ?? null,
      birthDate: guest.birthDate ?? null,
      nationality: countryOf(guest.nationality as string, `${prefix}.nationality`),
      document: {
        type: guest.documentType ?? 'P',
        number,
        issuingState: countryOf(guest.documentIssuingState as string, `${prefix}.documentIssuingState`),
        expiryDate: guest.documentExpiryDate ?? null,
      },
      mrzLines: null,
      numberNorm,
    };
  } catch (error) {
    const errors = errorsOfAppError(error, prefix);
    if (errors) {
      return errors.map((e) => ({ ...e, field: e.field.replace(`${prefix}.${prefix}.`, `${prefix}.`) }));
    }
    throw error;
  }
}

export type StayDates = { arrivedAt: Date; expectedCheckOut: string };

/** Date rules shared by check-ins and corrections; the property's zone decides the arrival's calendar day. */
export function checkStayDates(dates: StayDates, villageCode: string, now: Date, prefix = ''): RowError[] {
  const errors: RowError[] = [];
  const at = dates.arrivedAt.getTime();
  if (at > now.getTime() + CLOCK_SKEW_MS) {
    errors.push(rowError(`${prefix}arrivedAt`, 'STAY_TIME_IN_FUTURE', 'the arrival lies in the future'));
  } else if (at < now.getTime() - MAX_ARRIVAL_AGE_DAYS * 86_400_000) {
    errors.push(
      rowError(
        `${prefix}arrivedAt`,
        'STAY_ARRIVAL_TOO_OLD',
        `the arrival is more than ${MAX_ARRIVAL_AGE_DAYS} days ago`,
      ),
    );
  }
  const arrivalDay = localDate(dates.arrivedAt, timeZoneOfRegion(villageCode) ?? 'WIB');
  if (dates.expectedCheckOut < arrivalDay) {
    errors.push(
      rowError(`${prefix}expectedCheckOut`, 'STAY_CHECK_OUT_BEFORE_CHECK_IN', 'the check-out comes before the arrival'),
    );
  } else if (dates.expectedCheckOut > addDays(arrivalDay, MAX_STAY_DAYS)) {
    errors.push(
      rowError(
        `${prefix}expectedCheckOut`,
        'STAY_CHECK_OUT_BEFORE_CHECK_IN',
        `the expected check-out is more than ${MAX_STAY_DAYS} days after arrival`,
      ),
    );
  }
  return errors;
}

export const isLateReport = (arrivedAt: Date, reportedAt: Date) =>
  reportedAt.getTime() - arrivedAt.getTime() > LATE_AFTER_MS;

/** One batch row (already shaped, or raw JSON from a batch) → a prepared row or its errors. */
export function prepareRow(
  index: number,
  raw: unknown,
  villageCode: string,
  now: Date,
  schema: z.ZodType<StayBatchRow>,
): RowOutcome {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => rowError(i.path.join('.') || 'row', 'VALIDATION_FAILED', i.message));
    // the guest's own problems too, when only the stay's fields are malformed: one answer lists all of the row's
    const guest = stayGuest.safeParse((raw as { guest?: unknown } | null)?.guest);
    if (guest.success && !errors.some((e) => e.field.startsWith('guest'))) {
      const prepared = prepareGuest(guest.data, now);
      errors.push(...(Array.isArray(prepared) ? prepared : []));
    }
    return { ok: false, index, errors };
  }
  const row = parsed.data;
  const errors: RowError[] = [];
  if (!isKnownCode('visit-purposes', row.visitPurpose)) {
    errors.push(rowError('visitPurpose', 'INVALID_REFERENCE', 'unknown visit purpose'));
  }
  const arrivedAt = new Date(row.arrivedAt);
  errors.push(...checkStayDates({ arrivedAt, expectedCheckOut: row.expectedCheckOut }, villageCode, now));
  const guest = prepareGuest(row.guest, now);
  if (Array.isArray(guest)) {
    errors.push(...guest);
  }
  if (errors.length > 0 || Array.isArray(guest)) {
    return { ok: false, index, errors };
  }
  return {
    ok: true,
    row: {
      index,
      ref: row.ref ?? null,
      groupRef: row.groupRef ?? null,
      arrivedAt,
      expectedCheckOut: row.expectedCheckOut,
      room: row.room?.trim() || null,
      visitPurpose: row.visitPurpose,
      guest,
      isLate: isLateReport(arrivedAt, now),
    },
  };
}

export const documentKeyOf = (g: { numberNorm: string; document: { issuingState: string } }) =>
  `${g.numberNorm}|${g.document.issuingState}`;

/** The same document twice in one request or batch: every occurrence after the first is refused. */
export function findDuplicateGuests(rows: readonly PreparedRow[]): Map<number, RowError> {
  const seen = new Map<string, number>();
  const duplicates = new Map<number, RowError>();
  for (const row of rows) {
    const key = documentKeyOf(row.guest);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.index);
    } else {
      duplicates.set(
        row.index,
        rowError('guest.documentNumber', 'STAY_GUEST_DUPLICATE', `the same guest is in row ${first} already`),
      );
    }
  }
  return duplicates;
}
