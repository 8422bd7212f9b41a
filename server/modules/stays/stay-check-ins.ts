// Writes prepared check-ins of one property, in the caller's transaction: links every guest to the register (the
// same document number and issuing state is the same person — merged records are never holders, so a merged guest
// lands on the surviving record — otherwise a new person with source stay_report), makes the property's village the
// person's current address, refuses a guest already checked in at the property, and stores each stay with its
// check-in report and receipt number. Shared by the single check-in (all or nothing) and the batch (bad rows are
// set aside, good rows written together).

import type { CheckedInGuest, PersonLink, RowError, StayChannel } from '../../../contracts/stays';
import type { Tx } from '../../db/client';
import { auditChainLockSql, type ChainEnd } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { newId } from '../../platform/ids';
import {
  attachImportedFacts,
  findDocumentHoldersBulk,
  type ImportedPerson,
  importDocumentKey,
  insertImportedPersons,
  moveToAddressBulk,
} from '../persons/person-import';
import { lockPersons } from '../persons/person-merge.repo';
import { birthDatesAgree } from '../persons/person-mrz';
import type { SourceRecord } from '../persons/person-records';
import { searchRegister } from '../persons/person-search.repo';
import { differingFields, identityOf } from '../persons/persons.present';
import type { PersonRow } from '../persons/persons.repo';
import * as personsRepo from '../persons/persons.repo';
import { todayByZone } from '../persons/persons.service';
import { assignReceiptNumbers } from './stay-receipts';
import type { PreparedRow } from './stay-rows';
import * as repo from './stays.repo';

export type ReportingProperty = { id: string; name: string; villageCode: string; address: string };

export type Reporter = { userId: string | null; keyId: string | null };

/** Who reports a row, for which property and through which channel. */
export type RowContext = {
  property: ReportingProperty;
  reporter: Reporter;
  channel: StayChannel;
  /** the group of the row's guest (a family, a tour); null for a guest alone */
  groupId: string | null;
  /**
   * Rows of one unit are accepted together or refused together: a check-in request is one unit (all its guests or
   * none), a batch row is a unit of its own (a bad row never costs another row).
   */
  unit: number;
};

export type WriteOptions = {
  batchId: string | null;
  dryRun: boolean;
  /** the context of each row, asked once per row */
  contextOf: (row: PreparedRow) => RowContext;
};

export type WriteOutcome = {
  /** by row index */
  accepted: Map<number, CheckedInGuest & { personId: string | null }>;
  /** by row index: the rows refused for their own errors (the other rows of a refused unit are in neither map) */
  rejected: Map<number, RowError[]>;
  /** new persons whose close candidates were not looked for yet */
  pendingReview: number;
  /**
   * The audit chain's end, read after its lock was taken (a check-in request that wrote stays); the request appends
   * its audit rows after it without a lock and read of its own.
   */
  chainEnd?: ChainEnd | undefined;
};

/** Up to this many new persons of a web-form report are checked for close candidates at once; more wait for the job. */
export const INLINE_REVIEW_LIMIT = 20;
const CHUNK = 2000;
/** Milliseconds spent in each phase of writing check-ins (and of a batch job), summed in this process since the last
 * clear(): the benchmark's breakdown. A handful of clock reads per call. */
export const phaseTimes = new Map<string, number>();
export const addPhaseTime = (name: string, ms: number) => phaseTimes.set(name, (phaseTimes.get(name) ?? 0) + ms);
const phaseClock = () => {
  let last = performance.now();
  return (name: string) => {
    const t = performance.now();
    addPhaseTime(name, t - last);
    last = t;
  };
};
/** every word equal or one typo apart, with the same nationality (and birth date where both know it) */
const CLOSE_NAME_SCORE = 0.85;

export const stayReportSource = (property: ReportingProperty, reporter: Reporter, at: Date): SourceRecord => ({
  sourceKind: 'stay_report',
  sourceAgencyId: null,
  sourceUserId: reporter.userId,
  sourceRef: `accommodation:${property.id}`,
  recordedAt: at,
});

/** The address fact a stay leaves: the property's name and street. */
const addressTextOf = (property: ReportingProperty) =>
  property.address ? `${property.name}, ${property.address}` : property.name;

function importedPersonOf(row: PreparedRow, property: ReportingProperty, source: SourceRecord): ImportedPerson {
  const g = row.guest;
  return {
    identity: {
      surname: g.surname,
      givenNames: g.givenNames,
      fullName: null,
      sex: g.sex,
      birthDate: g.birthDate,
      birthPlace: null,
      nationality: g.nationality,
    },
    workplace: null,
    notes: null,
    sponsorId: null,
    recordedByAgencyId: null,
    agencyZone: null,
    regionCode: property.villageCode,
    addressText: addressTextOf(property),
    document: {
      type: g.document.type,
      number: g.document.number,
      numberNorm: g.numberNorm,
      issuingState: g.document.issuingState,
      issueDate: null,
      expiryDate: g.document.expiryDate,
    },
    permit: null,
    source,
  };
}

export async function writeCheckIns(
  tx: Tx,
  ctx: Ctx,
  rows: readonly PreparedRow[],
  opts: WriteOptions,
): Promise<WriteOutcome> {
  const now = ctx.now();
  const rejected = new Map<number, RowError[]>();
  const accepted: WriteOutcome['accepted'] = new Map();
  const phase = phaseClock();
  const contexts = new Map<number, RowContext>();
  for (const row of rows) {
    contexts.set(row.index, opts.contextOf(row));
  }
  const about = (row: PreparedRow) => contexts.get(row.index) as RowContext;
  const documentKeyOf = (r: PreparedRow) => importDocumentKey(r.guest.numberNorm, r.guest.document.issuingState);
  // A check-in request (not a dry run) takes the audit chain's lock with its other locks and reads the chain's end
  // with its stays: two statements less for a transaction that is short anyway.
  const auditsHere = opts.batchId === null && !opts.dryRun;
  if (opts.batchId === null) {
    // check-in requests: only the guests' documents at their properties (requests of other guests run alongside)
    await repo.lockStayDocuments(
      tx,
      rows.map((r) => ({ accommodationId: about(r).property.id, documentKey: documentKeyOf(r) })),
      auditsHere ? auditChainLockSql : undefined,
    );
  } else {
    // a batch: the whole property
    for (const id of new Set(rows.map((r) => about(r).property.id))) {
      await repo.lockAccommodationStays(tx, id);
    }
  }
  phase('lock');

  // 1. Who is on file already (by document), and who of them is checked in at the row's property now.
  const holders = new Map<string, PersonRow>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const found = await findDocumentHoldersBulk(
      tx,
      rows
        .slice(i, i + CHUNK)
        .map((r) => ({ numberNorm: r.guest.numberNorm, issuingState: r.guest.document.issuingState })),
    );
    for (const [k, v] of found) {
      holders.set(k, v);
    }
  }
  const holderOf = (r: PreparedRow) => holders.get(documentKeyOf(r));
  const linkedIds = [...new Set([...holders.values()].map((p) => p.id))];
  const propertyIds = [...new Set(rows.map((r) => about(r).property.id))];
  const checkedIn = new Set<string>();
  for (let i = 0; i < linkedIds.length; i += CHUNK) {
    for (const key of await repo.findOpenStayPersons(tx, propertyIds, linkedIds.slice(i, i + CHUNK))) {
      checkedIn.add(key);
    }
  }
  phase('find holders + open stays');
  // Unit by unit, in order: a unit is refused when one of its rows is; a guest on file is in one accepted row per
  // property at most (the same person twice in a request, or in two rows of a batch, is a duplicate; in two check-in
  // requests written together, the later one finds the guest checked in — as if it came after the first).
  const units = new Map<number, PreparedRow[]>();
  for (const row of rows) {
    const unit = about(row).unit;
    const members = units.get(unit);
    if (members) {
      members.push(row);
    } else {
      units.set(unit, [row]);
    }
  }
  const good: PreparedRow[] = [];
  const firstRowOf = new Map<string, { index: number; unit: number }>();
  for (const [unit, members] of units) {
    const errors = new Map<number, RowError>();
    const taken = new Map<string, number>();
    for (const row of members) {
      const holder = holderOf(row);
      if (!holder) {
        continue;
      }
      const key = `${about(row).property.id}:${holder.id}`;
      const earlier = firstRowOf.get(key);
      const inUnit = taken.get(key);
      if (inUnit !== undefined || (earlier && opts.batchId !== null)) {
        // two documents of one person on file (an old and a new passport) in one request or one batch
        errors.set(row.index, {
          field: 'guest.documentNumber',
          code: 'STAY_GUEST_DUPLICATE',
          message: `the same guest is in row ${inUnit ?? earlier?.index} already`,
        });
      } else if (earlier || checkedIn.has(key)) {
        errors.set(row.index, {
          field: 'guest.documentNumber',
          code: 'STAY_ALREADY_CHECKED_IN',
          message: 'this guest is checked in at the property already (check out first, or correct that stay)',
        });
      } else {
        taken.set(key, row.index);
      }
    }
    if (errors.size > 0) {
      for (const [index, error] of errors) {
        rejected.set(index, [error]);
      }
      continue;
    }
    good.push(...members);
    for (const [key, index] of taken) {
      firstRowOf.set(key, { index, unit });
    }
  }
  if (opts.dryRun) {
    for (const row of good) {
      const holder = holderOf(row);
      accepted.set(row.index, {
        stayId: null,
        personId: holder?.id ?? null,
        personLink: holder ? 'linked' : 'new',
        receiptNumber: null,
        isLate: row.isLate,
      });
    }
    return { accepted, rejected, pendingReview: 0 };
  }

  // 2. The register: new persons in bulk, facts of persons on file (the property becomes their current address).
  const sourceOf = (row: PreparedRow) => stayReportSource(about(row).property, about(row).reporter, now);
  const fresh = good.filter((r) => !holderOf(r));
  const newIds: string[] = [];
  for (let i = 0; i < fresh.length; i += 1000) {
    newIds.push(
      ...(await insertImportedPersons(
        tx,
        fresh.slice(i, i + 1000).map((r) => importedPersonOf(r, about(r).property, sourceOf(r))),
        now,
      )),
    );
  }
  phase('new register entries (insertImportedPersons)');
  const personOf = new Map<number, string>();
  for (const [i, r] of fresh.entries()) {
    personOf.set(r.index, newIds[i] as string);
  }
  const linked = good.filter((r) => holderOf(r));
  if (linked.length > 0) {
    await lockPersons(tx, [...new Set(linked.map((r) => (holderOf(r) as PersonRow).id))]);
  }
  // A report that says something new about the person (another spelling, a birth date) is recorded as its claim,
  // one by one; the rest only move to their property, all at once per property.
  const moving = new Map<string, { row: PreparedRow; personIds: string[] }>();
  for (const row of linked) {
    const holder = holderOf(row) as PersonRow;
    const { property } = about(row);
    const item = importedPersonOf(row, property, sourceOf(row));
    personOf.set(row.index, holder.id);
    if (differingFields(item.identity, identityOf(holder)).length > 0) {
      await attachImportedFacts(tx, holder, item, now);
    } else {
      const group = moving.get(property.id) ?? { row, personIds: [] };
      group.personIds.push(holder.id);
      moving.set(property.id, group);
    }
  }
  for (const { row, personIds } of moving.values()) {
    const { property } = about(row);
    await moveToAddressBulk(
      tx,
      personIds,
      { regionCode: property.villageCode, addressText: addressTextOf(property) },
      sourceOf(row),
      now,
    );
  }

  phase('guests on file (claims, move to property)');
  // 3. Receipts, stays and their check-in reports.
  const reportIds = good.map(() => newId());
  const receipts = await assignReceiptNumbers(
    tx,
    ctx,
    good.map((r, i) => ({
      accommodationId: about(r).property.id,
      reportId: reportIds[i] as string,
      kind: 'check_in',
      happenedAt: r.arrivedAt,
      property: about(r).property,
    })),
  );
  phase('receipt numbers');
  // People at the web form see the flag at once; API and batch guests are checked by the job within a minute.
  const freshByUnit = new Map<number, number>();
  for (const r of fresh) {
    freshByUnit.set(about(r).unit, (freshByUnit.get(about(r).unit) ?? 0) + 1);
  }
  const reviewInline = (r: PreparedRow) =>
    about(r).channel === 'form' && (freshByUnit.get(about(r).unit) ?? 0) <= INLINE_REVIEW_LIMIT;
  const newStays: repo.NewStay[] = [];
  const newReports: repo.NewReport[] = [];
  good.forEach((row, i) => {
    const { property, reporter, channel, groupId } = about(row);
    const stayId = newId();
    const isNew = !holderOf(row);
    const personLink: PersonLink = isNew ? (reviewInline(row) ? 'new' : 'new_pending') : 'linked';
    const { numberNorm: _n, ...guest } = row.guest;
    const receiptNumber = (receipts[i] as { number: string }).number;
    newStays.push({
      id: stayId,
      accommodationId: property.id,
      villageCode: property.villageCode,
      personId: personOf.get(row.index) as string,
      groupId,
      status: 'open',
      arrivedAt: row.arrivedAt,
      expectedCheckOut: row.expectedCheckOut,
      room: row.room,
      visitPurpose: row.visitPurpose,
      guest,
      nationality: guest.nationality,
      isLate: row.isLate,
      checkInReportedAt: now,
      personLink,
      channel,
      batchId: opts.batchId,
      receiptNumber,
      createdAt: now,
      updatedAt: now,
    });
    newReports.push({
      id: reportIds[i] as string,
      stayId,
      accommodationId: property.id,
      kind: 'check_in',
      reportedAt: now,
      data: {
        arrivedAt: row.arrivedAt.toISOString(),
        expectedCheckOut: row.expectedCheckOut,
        room: row.room,
        visitPurpose: row.visitPurpose,
        ...(row.ref ? { ref: row.ref } : {}),
      },
      isLate: row.isLate,
      receiptNumber,
      channel,
      batchId: opts.batchId,
      reportedByUserId: reporter.userId,
      reportedByKeyId: reporter.keyId,
    });
    accepted.set(row.index, {
      stayId,
      personId: personOf.get(row.index) as string,
      personLink,
      receiptNumber,
      isLate: row.isLate,
    });
  });
  let chainEnd: ChainEnd | undefined;
  for (let i = 0; i < newStays.length; i += CHUNK) {
    const last = i + CHUNK >= newStays.length;
    chainEnd = await repo.insertStaysWithReports(
      tx,
      newStays.slice(i, i + CHUNK),
      newReports.slice(i, i + CHUNK),
      auditsHere && last,
    );
  }
  phase('stays + reports');
  const inline = newStays.filter((s) => s.personLink === 'new');
  if (inline.length > 0) {
    const flagged = await reviewNewGuests(
      tx,
      ctx,
      inline.map((s) => ({ id: s.id, personId: s.personId, guest: s.guest })),
    );
    for (const [index, entry] of accepted) {
      if (entry.stayId && flagged.has(entry.stayId)) {
        accepted.set(index, { ...entry, personLink: 'new_flagged' });
      }
    }
  }
  return { accepted, rejected, pendingReview: fresh.length - inline.length, chainEnd };
}

/**
 * Looks for close candidates of new register entries made by stay reports (a strong name match with the same
 * nationality and an agreeing birth date, in the whole register): a stay whose new person has one is flagged for an
 * officer. Returns the flagged stay ids.
 */
export async function reviewNewGuests(
  tx: Tx,
  ctx: Ctx,
  items: readonly {
    id: string;
    personId: string;
    guest: { surname: string; givenNames: string; nationality: string; birthDate: string | null };
  }[],
): Promise<Set<string>> {
  const flagged = new Set<string>();
  const updates: { stayId: string; personLink: string; candidates: string[] | null }[] = [];
  for (const item of items) {
    const g = item.guest;
    const hits = await searchRegister(
      ctx.database,
      tx,
      `${g.surname} ${g.givenNames}`,
      {
        nationality: g.nationality,
        today: todayByZone(ctx.now()),
        expiringDays: ctx.config.expiringDays,
        viewer: null,
      },
      { limit: 10, offset: 0 },
      CLOSE_NAME_SCORE,
    );
    const others = hits.map((h) => h.personId).filter((id) => id !== item.personId);
    const people = await personsRepo.findPersonsByIds(tx, others);
    const candidates = people
      .filter((p) => !p.birthDate || !g.birthDate || birthDatesAgree(p.birthDate, g.birthDate))
      .map((p) => p.id);
    if (candidates.length > 0) {
      flagged.add(item.id);
      updates.push({ stayId: item.id, personLink: 'new_flagged', candidates });
    } else {
      updates.push({ stayId: item.id, personLink: 'new', candidates: null });
    }
  }
  await repo.setPersonLinks(tx, updates);
  return flagged;
}
