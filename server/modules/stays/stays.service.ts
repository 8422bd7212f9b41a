// Guest reporting: check-ins (one guest or a group), batches processed by the job queue, and the reports that follow a
// check-in (check-out, extension, correction, cancellation — each its own row, nothing overwritten). Operators act
// for the properties they run, an API key for its own; the office reads the stays of properties in its scope. Every
// write and every read of guests' data leaves an audit row in its transaction.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type {
  BatchDetail,
  BatchRowResult,
  BatchStatus,
  CancellationRequest,
  CheckInRequest,
  CheckInResult,
  CheckOutRequest,
  CorrectionRequest,
  ExtensionRequest,
  RowError,
  StayChannel,
  StayDetail,
  StayListItem,
  StayListQuery,
  StayReportItem,
  StayReportKind,
  StayReportListQuery,
  StayReportResult,
} from '../../../contracts/stays';
import { MAX_BATCH_ROWS, stayBatchRow } from '../../../contracts/stays';
import { type Database, type Queryable, selectRows, type Tx } from '../../db/client';
import { type Actor, hasPermission, isInScope, requirePermission, scopeOf } from '../../platform/access';
import { type AuditEntry, appendAudit, appendAudits } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError, type ErrorCode, errorStatus } from '../../platform/errors';
import { GroupCommit, type GroupOutcome } from '../../platform/group-commit';
import { newId } from '../../platform/ids';
import { enqueueJob } from '../../platform/jobs';
import { findAccommodation } from '../accommodations/accommodations.repo';
import {
  findOwnAccommodation,
  listOwnAccommodations,
  resolveReportingAccommodation,
} from '../accommodations/accommodations.service';
import { isUniqueViolation } from '../orgs/orgs.repo';
import { findVisiblePerson } from '../persons/person-records';
import { findRegionLabels } from '../sponsors/register-refs';
import { addPhaseTime, type Reporter, type ReportingProperty, type RowContext, writeCheckIns } from './stay-check-ins';
import { assignReceiptNumber } from './stay-receipts';
import {
  CLOCK_SKEW_MS,
  checkStayDates,
  documentKeyOf,
  findDuplicateGuests,
  isLateReport,
  type PreparedRow,
  prepareRow,
} from './stay-rows';
import { readUpload } from './stay-upload';
import { processBatchJob, reviewGuestsJob } from './stays.jobs';
import * as repo from './stays.repo';

// ─── Who reports ─────────────────────────────────────────────────────────────────────────────────────────────────

function reporterOf(actor: Actor): Reporter {
  if (actor.kind === 'accommodation_key') {
    return { userId: null, keyId: actor.keyId };
  }
  return { userId: actor.kind === 'user' ? actor.userId : null, keyId: null };
}

const channelOf = (actor: Actor): StayChannel => (actor.kind === 'accommodation_key' ? 'api' : 'form');

async function reportingProperty(ctx: Ctx, accommodationId: string | undefined): Promise<ReportingProperty> {
  const actor = ctx.actor;
  if (actor.kind === 'accommodation_key') {
    // A key reports for its own property, read (and found verified) with the key at the start of this request.
    if (actor.property && (accommodationId === undefined || accommodationId === actor.accommodationId)) {
      return { id: actor.accommodationId, ...actor.property };
    }
    // otherwise one look-up (the same rules as resolveReportingAccommodation)
    const row = await findOwnAccommodation(ctx.database.db, actor, accommodationId ?? actor.accommodationId);
    if (row.status !== 'verified') {
      throw new AppError('ACCOMMODATION_NOT_ACTIVE', 'the property is not verified', { status: row.status });
    }
    return { id: row.id, name: row.name, villageCode: row.villageCode, address: row.address };
  }
  const resolved = await resolveReportingAccommodation(ctx, accommodationId);
  const row = await findAccommodation(ctx.database.db, resolved.id);
  return { id: resolved.id, name: resolved.name, villageCode: resolved.villageCode, address: row?.address ?? '' };
}

// ─── Idempotency ─────────────────────────────────────────────────────────────────────────────────────────────────

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  return `{${Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
    .join(',')}}`;
}

export type Answer<T> = { statusCode: number; body: T };

/**
 * How long a stored Idempotency-Key answers retries (docs/stays-api.md): 7 days — a PMS that lost its answers in an
 * outage over a long weekend still retries within it, while a report retried later than that is days past its 1×24 h
 * deadline anyway. An older key counts as new (a request with it is run, not answered from the store), whether or
 * not the sweep job (stays.jobs.ts) has deleted it yet.
 */
export const IDEMPOTENCY_KEY_RETENTION_MS = 7 * 86_400_000;

/** Keys created at or before this instant have expired. */
export const expiryCutoff = (now: Date) => new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_MS);

const isExpiredKey = (createdAt: Date, now: Date) => createdAt.getTime() <= expiryCutoff(now).getTime();

const hashOfRequest = (operation: string, request: unknown) =>
  createHash('sha256')
    .update(`${operation}\n${canonical(request)}`)
    .digest('hex');

/** The answer stored with a live key; none for an unknown or expired one. Another request with it is refused. */
function storedAnswer<T>(
  row: repo.IdempotencyKeyRow | undefined,
  requestHash: string,
  now: Date,
): Answer<T> | undefined {
  if (!row || isExpiredKey(row.createdAt, now)) {
    return undefined;
  }
  if (row.requestHash !== requestHash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for another request', {
      operation: row.operation,
    });
  }
  return { statusCode: row.statusCode, body: row.response as T };
}

/** The row that remembers a request's answer under its key. */
const storedKey = (
  request: { accommodationId: string; key: string; operation: string; requestHash: string },
  answer: Answer<unknown>,
  now: Date,
) => ({
  ...request,
  statusCode: answer.statusCode,
  response: JSON.parse(JSON.stringify(answer.body)) as unknown,
  createdAt: now,
});

/**
 * Runs a write once per Idempotency-Key of the property: a retry with the same key and request gets the stored
 * answer (and writes nothing); the same key with another request is refused. The key is stored in the write's
 * transaction, so an answer exists exactly when the write committed. Dry runs store nothing. A key older than the
 * retention is replaced: the request runs as new.
 */
async function once<T>(
  ctx: Ctx,
  accommodationId: string,
  key: string | undefined,
  operation: string,
  request: unknown,
  statusCode: number,
  run: (tx: Tx) => Promise<T>,
): Promise<Answer<T>> {
  // only a keyed request is remembered (a 100,000-row batch costs ~0.4 s to hash)
  const requestHash = key ? hashOfRequest(operation, request) : '';
  const answerOf = (row: repo.IdempotencyKeyRow | undefined) => storedAnswer<T>(row, requestHash, ctx.now());
  const stored = async (db: Queryable = ctx.database.db): Promise<Answer<T> | undefined> =>
    key ? answerOf(await repo.findIdempotencyKey(db, accommodationId, key)) : undefined;
  const earlier = await stored();
  if (earlier) {
    return earlier;
  }
  try {
    const answer = await ctx.database.transaction(async (tx): Promise<Answer<T>> => {
      if (key) {
        // A retry sent while the first attempt is still running waits here for it, then answers with its result
        // (rather than, say, "already checked in" from its own attempt).
        const stored = await repo.lockAndFindIdempotencyKeys(tx, [{ accommodationId, key }]);
        const row = stored.get(repo.idempotencyKeyId({ accommodationId, key }));
        const first = answerOf(row);
        if (first) {
          return first;
        }
        if (row) {
          // expired, not swept yet: this request's answer takes its place
          await repo.deleteIdempotencyKeys(tx, [{ accommodationId, key }]);
        }
      }
      const result = await run(tx);
      if (key) {
        await repo.insertIdempotencyKeys(tx, [
          storedKey({ accommodationId, key, operation, requestHash }, { statusCode, body: result }, ctx.now()),
        ]);
      }
      return { statusCode, body: result };
    });
    return answer;
  } catch (error) {
    // The same key sent twice at once: one transaction won; answer with its result.
    if (key && isUniqueViolation(error)) {
      const winner = await stored();
      if (winner) {
        return winner;
      }
    }
    throw error;
  }
}

/** The close-candidate check of new guests, once per minute at most (the same key as its schedule in jobs.ts). */
const enqueueReview = (tx: Tx, now: Date) =>
  enqueueJob(tx, reviewGuestsJob, {}, { uniqueKey: `${reviewGuestsJob.name}:${Math.floor(now.getTime() / 60_000)}` });

// ─── Check-in ────────────────────────────────────────────────────────────────────────────────────────────────────

function refuseRows(
  rejected: ReadonlyMap<number, RowError[]>,
  pathOf: (index: number, field: string) => string,
): never {
  throw refusal(rejected, pathOf);
}

function refusal(rejected: ReadonlyMap<number, RowError[]>, pathOf: (index: number, field: string) => string) {
  const errors = [...rejected.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([index, list]) => list.map((e) => ({ path: pathOf(index, e.field), code: e.code, message: e.message })));
  const first = errors[0];
  const code = (first && first.code in errorStatus ? first.code : 'VALIDATION_FAILED') as ErrorCode;
  return new AppError(code, first?.message ?? 'the report was refused', { field: first?.path, errors });
}

const checkInPathOf = (index: number, field: string) =>
  field.startsWith('guest.') ? `body.guests.${index}.${field.slice(6)}` : `body.${field}`;

/** The audit row of an accepted check-in request. */
const checkInAudit = (
  property: ReportingProperty,
  rows: readonly PreparedRow[],
  result: Pick<CheckInResult, 'groupId' | 'guests'>,
): AuditEntry => ({
  action: 'stay.check_in',
  objectType: 'accommodation',
  objectId: property.id,
  details: { stayIds: result.guests.map((g) => g.stayId), groupId: result.groupId, late: rows.some((r) => r.isLate) },
});

/** Check-in of one guest or a group arriving together: all guests are accepted, or none. */
export async function checkIn(
  ctx: Ctx,
  input: CheckInRequest,
  opts: { dryRun: boolean; idempotencyKey?: string | undefined },
): Promise<Answer<CheckInResult>> {
  const t0 = performance.now();
  const property = await reportingProperty(ctx, input.accommodationId);
  addPhaseTime('check-in: property look-up', performance.now() - t0);
  const now = ctx.now();
  const outcomes = input.guests.map(({ room, ...guest }, index) =>
    prepareRow(
      index,
      {
        arrivedAt: input.arrivedAt,
        expectedCheckOut: input.expectedCheckOut,
        visitPurpose: input.visitPurpose,
        ...((room ?? input.room) !== undefined ? { room: room ?? input.room } : {}),
        guest,
      },
      property.villageCode,
      now,
      stayBatchRow,
    ),
  );
  const rejected = new Map<number, RowError[]>();
  const rows: PreparedRow[] = [];
  for (const o of outcomes) {
    if (o.ok) {
      rows.push(o.row);
    } else {
      rejected.set(o.index, o.errors);
    }
  }
  for (const [index, error] of findDuplicateGuests(rows)) {
    rejected.set(index, [error]);
  }
  const pathOf = checkInPathOf;
  if (rejected.size > 0) {
    refuseRows(rejected, pathOf);
  }
  const groupId = rows.length > 1 && !opts.dryRun ? newId() : null;
  const write = async (tx: Tx): Promise<CheckInResult> => {
    const about: RowContext = {
      property,
      reporter: reporterOf(ctx.actor),
      channel: channelOf(ctx.actor),
      groupId,
      unit: 0,
    };
    const outcome = await writeCheckIns(tx, ctx, rows, { batchId: null, dryRun: opts.dryRun, contextOf: () => about });
    if (outcome.rejected.size > 0) {
      refuseRows(outcome.rejected, pathOf);
    }
    // New guests of an API report wait for the scheduled review job (jobs.ts, every minute): enqueueing here would
    // make concurrent check-ins queue on the job's unique key until each commits.
    const guests = rows.map((r) => outcome.accepted.get(r.index) as CheckInResult['guests'][number]);
    if (!opts.dryRun) {
      await appendAudits(tx, [{ ctx, entry: checkInAudit(property, rows, { groupId, guests }) }], outcome.chainEnd);
    }
    return { dryRun: opts.dryRun, accommodationId: property.id, groupId, guests };
  };
  if (opts.dryRun) {
    return { statusCode: 200, body: await ctx.database.transaction(write) };
  }
  const t1 = performance.now();
  try {
    const key = opts.idempotencyKey;
    let idempotency: PendingCheckIn['idempotency'] = null;
    if (key !== undefined) {
      // a retry of a stored request is answered from the store at once
      const requestHash = hashOfRequest('check-ins', input);
      const earlier = storedAnswer<CheckInResult>(
        await repo.findIdempotencyKey(ctx.database.db, property.id, key),
        requestHash,
        ctx.now(),
      );
      if (earlier) {
        return earlier;
      }
      idempotency = { key, requestHash };
    }
    // written together with the check-ins that arrive while another is being written (D20)
    return await checkInGroupsOf(ctx.database).submit({
      ctx,
      property,
      rows,
      groupId,
      idempotency,
      alone: () =>
        key === undefined
          ? ctx.database.transaction(write).then((body) => ({ statusCode: 201, body }))
          : once(ctx, property.id, key, 'check-ins', input, 201, write),
    });
  } catch (error) {
    // Two documents of one person checked in at once by two requests (each holds only its own document's lock).
    if (isUniqueViolation(error) && constraintOf(error) === 'stays_open_person_uq') {
      throw new AppError('STAY_ALREADY_CHECKED_IN', 'this guest is checked in at the property already', {
        field: 'body.guests',
      });
    }
    throw error;
  } finally {
    addPhaseTime('check-in: transaction (lock to commit)', performance.now() - t1);
  }
}

/** A check-in request waiting to be written: its property, its checked rows, and how to write it alone. */
type PendingCheckIn = {
  ctx: Ctx;
  property: ReportingProperty;
  rows: readonly PreparedRow[];
  groupId: string | null;
  /** its Idempotency-Key and the hash of its request, when it has one */
  idempotency: { key: string; requestHash: string } | null;
  /** writes it alone, in its own transaction */
  alone: () => Promise<Answer<CheckInResult>>;
};

/** Up to this many guests are written together (under the receipts' inline signing limit). */
const GROUP_MAX_GUESTS = 400;

const checkInGroups = new WeakMap<Database, GroupCommit<PendingCheckIn, Answer<CheckInResult>>>();

function checkInGroupsOf(database: Database): GroupCommit<PendingCheckIn, Answer<CheckInResult>> {
  let groups = checkInGroups.get(database);
  if (!groups) {
    groups = new GroupCommit<PendingCheckIn, Answer<CheckInResult>>({
      keysOf: (p) => [
        ...p.rows.map((r) => `${p.property.id}:${documentKeyOf(r.guest)}`),
        ...(p.idempotency ? [`${p.property.id}:key:${p.idempotency.key}`] : []),
      ],
      weightOf: (p) => p.rows.length,
      maxWeight: GROUP_MAX_GUESTS,
      // one group at a time: a second writer made groups smaller and cost more per request, and the audit chain's lock
      // orders them anyway (D20)
      concurrency: 1,
      writeAlone: (p) => p.alone(),
      writeTogether: (items) => database.transaction((tx) => writeCheckInsTogether(tx, items)),
      onGroupFailure: (error, items) =>
        items[0]?.ctx.log.warn({ err: error, requests: items.length }, 'check-ins written together failed; each alone'),
    });
    checkInGroups.set(database, groups);
  }
  return groups;
}

/** How many groups of check-ins this database has written and how many requests they held (tests, benchmark). */
export const checkInGroupStats = (database: Database) => checkInGroups.get(database)?.stats ?? null;

/**
 * Check-in requests written in one transaction: each request is one unit (all its guests or none), refused alone
 * when one of its guests is; an audit row each, in arrival order. A request with an Idempotency-Key is answered from
 * the store when its key was stored meanwhile, and its answer is stored with the others' when it is accepted (as
 * once() does for a request alone).
 */
async function writeCheckInsTogether(
  tx: Tx,
  items: readonly PendingCheckIn[],
): Promise<GroupOutcome<Answer<CheckInResult>>[]> {
  const first = items[0] as PendingCheckIn;
  const now = first.ctx.now();
  const results: (GroupOutcome<Answer<CheckInResult>> | undefined)[] = items.map(() => undefined);
  const keyed = items.flatMap((item, i) =>
    item.idempotency ? [{ i, accommodationId: item.property.id, ...item.idempotency }] : [],
  );
  if (keyed.length > 0) {
    // the keys' locks order these requests after a request with the same key in flight elsewhere
    const stored = await repo.lockAndFindIdempotencyKeys(tx, keyed);
    const expired: typeof keyed = [];
    for (const k of keyed) {
      const row = stored.get(repo.idempotencyKeyId(k));
      try {
        const answer = storedAnswer<CheckInResult>(row, k.requestHash, now);
        if (answer) {
          results[k.i] = { ok: true, value: answer };
        } else if (row) {
          expired.push(k);
        }
      } catch (error) {
        results[k.i] = { ok: false, error };
      }
    }
    // expired, not swept yet: this request's answer takes its place
    await repo.deleteIdempotencyKeys(tx, expired);
  }
  const pending = items.flatMap((item, i) => (results[i] ? [] : [{ item, i }]));
  const rows: PreparedRow[] = [];
  const unitOf: number[] = [];
  for (const { item, i } of pending) {
    for (const row of item.rows) {
      unitOf.push(i);
      rows.push({ ...row, index: rows.length });
    }
  }
  const contexts = new Map(
    pending.map(({ item, i }): [number, RowContext] => [
      i,
      {
        property: item.property,
        reporter: reporterOf(item.ctx.actor),
        channel: channelOf(item.ctx.actor),
        groupId: item.groupId,
        unit: i,
      },
    ]),
  );
  const outcome = await writeCheckIns(tx, first.ctx, rows, {
    batchId: null,
    dryRun: false,
    contextOf: (row) => contexts.get(unitOf[row.index] as number) as RowContext,
  });
  let offset = 0;
  const accepted: { item: PendingCheckIn; body: CheckInResult }[] = [];
  for (const { item, i } of pending) {
    const own = rows.slice(offset, offset + item.rows.length);
    offset += item.rows.length;
    const refused = new Map<number, RowError[]>();
    for (const [k, row] of own.entries()) {
      const errors = outcome.rejected.get(row.index);
      if (errors) {
        refused.set(k, errors);
      }
    }
    if (refused.size > 0) {
      results[i] = { ok: false, error: refusal(refused, checkInPathOf) };
      continue;
    }
    const guests = own.map((r) => outcome.accepted.get(r.index) as CheckInResult['guests'][number]);
    const body: CheckInResult = { dryRun: false, accommodationId: item.property.id, groupId: item.groupId, guests };
    results[i] = { ok: true, value: { statusCode: 201, body } };
    accepted.push({ item, body });
  }
  await repo.insertIdempotencyKeys(
    tx,
    accepted.flatMap(({ item, body }) =>
      item.idempotency
        ? [
            storedKey(
              { accommodationId: item.property.id, operation: 'check-ins', ...item.idempotency },
              { statusCode: 201, body },
              now,
            ),
          ]
        : [],
    ),
  );
  await appendAudits(
    tx,
    accepted.map(({ item, body }) => ({ ctx: item.ctx, entry: checkInAudit(item.property, item.rows, body) })),
    outcome.chainEnd,
  );
  return results as GroupOutcome<Answer<CheckInResult>>[];
}

const constraintOf = (error: unknown): unknown =>
  (error as { constraint?: unknown } | null)?.constraint ??
  (error as { cause?: { constraint?: unknown } } | null)?.cause?.constraint;

// ─── Batches ─────────────────────────────────────────────────────────────────────────────────────────────────────

export async function submitBatch(
  ctx: Ctx,
  input: { accommodationId?: string | undefined; rows: unknown[] },
  opts: { dryRun: boolean; idempotencyKey?: string | undefined; channel?: StayChannel },
): Promise<Answer<{ batchId: string; status: BatchStatus; rowCount: number }>> {
  const property = await reportingProperty(ctx, input.accommodationId);
  const reporter = reporterOf(ctx.actor);
  return once(ctx, property.id, opts.idempotencyKey, `batches:${opts.dryRun}`, input, 202, async (tx) => {
    const batchId = newId();
    await repo.insertBatch(tx, {
      id: batchId,
      accommodationId: property.id,
      status: 'queued',
      dryRun: opts.dryRun,
      channel: opts.channel ?? 'batch',
      rowCount: input.rows.length,
      rows: input.rows,
      submittedByUserId: reporter.userId,
      submittedByKeyId: reporter.keyId,
      createdAt: ctx.now(),
    });
    await enqueueJob(tx, processBatchJob, { batchId }, { uniqueKey: `stays.batch:${batchId}` });
    await appendAudit(tx, ctx, {
      action: 'stay.batch_submit',
      objectType: 'stay_batch',
      objectId: batchId,
      details: { accommodationId: property.id, rows: input.rows.length, dryRun: opts.dryRun },
    });
    return { batchId, status: 'queued' as const, rowCount: input.rows.length };
  });
}

/** A CSV or XLSX sheet of guests (the published template) sent as a batch: the same row checks and results. */
export async function uploadStays(
  ctx: Ctx,
  input: { accommodationId?: string | undefined; bytes: Buffer },
  opts: { dryRun: boolean; idempotencyKey?: string | undefined },
) {
  const property = await reportingProperty(ctx, input.accommodationId);
  const { rows } = await readUpload(input.bytes, property.villageCode, ctx.now());
  if (rows.length === 0) {
    throw new AppError('IMPORT_FILE_MISSING', 'the sheet has no guest rows');
  }
  if (rows.length > MAX_BATCH_ROWS) {
    throw new AppError('IMPORT_TOO_MANY_ROWS', `more than ${MAX_BATCH_ROWS} rows`, { maxRows: MAX_BATCH_ROWS });
  }
  return submitBatch(ctx, { accommodationId: property.id, rows }, { ...opts, channel: 'upload' });
}

const emptyResult = (index: number, ref: string | null): BatchRowResult => ({
  index,
  ref,
  status: 'rejected',
  stayId: null,
  receiptNumber: null,
  personLink: null,
  isLate: null,
  errors: [],
});

const refOfRaw = (raw: unknown): string | null => {
  const ref = (raw as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' ? ref.slice(0, 100) : null;
};

/**
 * Processes a batch (the job): every row is checked first, then all good rows are written in one transaction together
 * with the batch's results and status — so a batch is either done (and every good row saved) or not at all, and a
 * run after a crash starts again from the stored rows. A row's errors never cost another row.
 */
export async function processBatch(ctx: Ctx, batchId: string): Promise<void> {
  const claimed = await ctx.database.transaction(async (tx) => {
    const status = await repo.lockBatchStatus(tx, batchId);
    if (status !== 'queued' && status !== 'processing') {
      return false;
    }
    await repo.updateBatch(tx, batchId, { status: 'processing' });
    return true;
  });
  if (!claimed) {
    return;
  }
  let pendingReview = 0;
  const tStart = performance.now();
  const lap = (name: string, t0: number) => addPhaseTime(name, performance.now() - t0);
  await ctx.database.transaction(async (tx) => {
    const batch = await repo.lockBatch(tx, batchId);
    lap('load the batch row', tStart);
    if (batch?.status !== 'processing') {
      return;
    }
    const raw = batch.rows ?? [];
    const results: BatchRowResult[] = raw.map((r, i) => emptyResult(i, refOfRaw(r)));
    const property = await findAccommodation(tx, batch.accommodationId);
    const now = ctx.now();
    if (property?.status !== 'verified') {
      for (const r of results) {
        r.errors = [
          { field: 'accommodationId', code: 'ACCOMMODATION_NOT_ACTIVE', message: 'the property is not verified' },
        ];
      }
    } else {
      const t0 = performance.now();
      const rows: PreparedRow[] = [];
      for (let i = 0; i < raw.length; i++) {
        const o = prepareRow(i, raw[i], property.villageCode, now, stayBatchRow);
        if (o.ok) {
          rows.push(o.row);
        } else {
          (results[i] as BatchRowResult).errors = o.errors;
        }
      }
      const duplicates = findDuplicateGuests(rows);
      for (const [index, error] of duplicates) {
        (results[index] as BatchRowResult).errors = [error];
      }
      const good = rows.filter((r) => !duplicates.has(r.index));
      lap('read rows (zod + MRZ)', t0);
      const groups = new Map<string, string>();
      const reporting: ReportingProperty = {
        id: property.id,
        name: property.name,
        villageCode: property.villageCode,
        address: property.address,
      };
      const reporter: Reporter = { userId: batch.submittedByUserId, keyId: batch.submittedByKeyId };
      const channel = batch.channel as StayChannel;
      const groupOf = (row: PreparedRow) => {
        if (!row.groupRef) {
          return null;
        }
        const id = groups.get(row.groupRef) ?? newId();
        groups.set(row.groupRef, id);
        return id;
      };
      const outcome = await writeCheckIns(tx, ctx, good, {
        batchId,
        dryRun: batch.dryRun,
        contextOf: (row) => ({ property: reporting, reporter, channel, groupId: groupOf(row), unit: row.index }),
      });
      for (const [index, errors] of outcome.rejected) {
        (results[index] as BatchRowResult).errors = errors;
      }
      for (const [index, guest] of outcome.accepted) {
        Object.assign(results[index] as BatchRowResult, {
          status: 'accepted',
          stayId: guest.stayId,
          receiptNumber: guest.receiptNumber,
          personLink: guest.personLink,
          isLate: guest.isLate,
        });
      }
      pendingReview = outcome.pendingReview;
    }
    const acceptedCount = results.filter((r) => r.status === 'accepted').length;
    const rejectedCount = results.length - acceptedCount;
    const tStore = performance.now();
    const status: BatchStatus =
      rejectedCount === 0 ? 'accepted' : acceptedCount === 0 ? 'rejected' : 'partially_rejected';
    await repo.updateBatch(tx, batchId, {
      status,
      acceptedCount,
      rejectedCount,
      results,
      rows: null,
      finishedAt: ctx.now(),
    });
    if (pendingReview > 0) {
      await enqueueReview(tx, ctx.now());
    }
    await appendAudit(tx, ctx, {
      action: 'stay.batch_process',
      objectType: 'stay_batch',
      objectId: batchId,
      details: { accommodationId: batch.accommodationId, status, acceptedCount, rejectedCount, dryRun: batch.dryRun },
    });
    lap('store results + audit', tStore);
  });
  lap('whole job (incl. commit)', tStart);
}

/** A batch of the actor's property, with every row's result once done. */
export async function getBatch(ctx: Ctx, id: string): Promise<BatchDetail> {
  const db = ctx.database.db;
  const batch = await repo.findBatch(db, id);
  if (!batch) {
    throw new AppError('STAY_BATCH_NOT_FOUND');
  }
  try {
    await findOwnAccommodation(db, ctx.actor, batch.accommodationId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'ACCOMMODATION_NOT_FOUND') {
      throw new AppError('STAY_BATCH_NOT_FOUND');
    }
    throw error;
  }
  return {
    id: batch.id,
    accommodationId: batch.accommodationId,
    status: batch.status as BatchStatus,
    dryRun: batch.dryRun,
    rowCount: batch.rowCount,
    acceptedCount: batch.acceptedCount,
    rejectedCount: batch.rejectedCount,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    rows: (batch.results ?? []) as BatchRowResult[],
  };
}

// ─── Reading stays ───────────────────────────────────────────────────────────────────────────────────────────────

const guestName = (g: { surname: string; givenNames: string }) => `${g.surname} ${g.givenNames}`.trim();

function presentReport(r: repo.StayReportRow, guest: { surname: string; givenNames: string }): StayReportItem {
  return {
    id: r.id,
    stayId: r.stayId,
    kind: r.kind as StayReportKind,
    reportedAt: r.reportedAt.toISOString(),
    data: r.data,
    reason: r.reason,
    isLate: r.isLate,
    receiptNumber: r.receiptNumber,
    channel: r.channel as StayChannel,
    guestName: guestName(guest),
  };
}

async function presentStays(
  db: Queryable,
  rows: readonly { stay: repo.StayRow; accommodationName: string }[],
): Promise<StayListItem[]> {
  const labels = await findRegionLabels(
    db,
    rows.map((r) => r.stay.villageCode),
  );
  return rows.map(({ stay: s, accommodationName }) => {
    const { mrzLines: _m, ...guest } = s.guest;
    return {
      id: s.id,
      accommodation: { id: s.accommodationId, name: accommodationName, villageCode: s.villageCode },
      villageLabel: labels.get(s.villageCode)?.label ?? s.villageCode,
      personId: s.personId,
      personLink: s.personLink as StayListItem['personLink'],
      guest,
      groupId: s.groupId,
      status: s.status as StayListItem['status'],
      arrivedAt: s.arrivedAt.toISOString(),
      expectedCheckOut: s.expectedCheckOut,
      checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
      room: s.room,
      visitPurpose: s.visitPurpose,
      isLate: s.isLate,
      channel: s.channel as StayChannel,
      receiptNumber: s.receiptNumber,
    };
  });
}

async function presentStayDetail(db: Queryable, stay: repo.StayRow): Promise<StayDetail> {
  const names = await repo.findAccommodationNames(db, [stay.accommodationId]);
  const [item] = await presentStays(db, [{ stay, accommodationName: names.get(stay.accommodationId) ?? '' }]);
  const reports = await repo.listReports(db, [stay.id]);
  return {
    ...(item as StayListItem),
    reviewCandidateIds: stay.reviewCandidateIds ?? [],
    reports: reports.map((r) => presentReport(r, stay.guest)),
  };
}

/** The stay if the actor may see it: their own property's (operator, key), or in their scope (stays.read). */
async function findVisibleStay(db: Queryable, actor: Actor, id: string, forUpdate?: Tx): Promise<repo.StayRow> {
  const stay = forUpdate ? await repo.findStayForUpdate(forUpdate, id) : await repo.findStay(db, id);
  if (!stay) {
    throw new AppError('STAY_NOT_FOUND');
  }
  if (actor.kind === 'accommodation_key' || !hasPermission(actor, 'stays.read')) {
    try {
      await findOwnAccommodation(db, actor, stay.accommodationId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'ACCOMMODATION_NOT_FOUND') {
        throw new AppError('STAY_NOT_FOUND');
      }
      throw error;
    }
    return stay;
  }
  if (!isInScope(scopeOf(actor), stay.villageCode)) {
    throw new AppError('STAY_NOT_FOUND');
  }
  return stay;
}

export async function getStay(ctx: Ctx, id: string): Promise<StayDetail> {
  if (ctx.actor.kind === 'anonymous') {
    throw new AppError('UNAUTHENTICATED');
  }
  return ctx.database.transaction(async (tx) => {
    const stay = await findVisibleStay(tx, ctx.actor, id);
    await appendAudit(tx, ctx, { action: 'stay.view', objectType: 'stay', objectId: id });
    return presentStayDetail(tx, stay);
  });
}

/** Accommodation ids an operator or key may list (all its own, or the one asked for if own); null: office scope. */
async function ownAccommodationIds(ctx: Ctx, wanted: string | undefined): Promise<string[] | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'accommodation_key' && hasPermission(actor, 'stays.read')) {
    return null;
  }
  const own = (await listOwnAccommodations(ctx)).items.map((i) => i.id);
  if (wanted) {
    return own.includes(wanted) ? [wanted] : [];
  }
  return own;
}

/** Day boundaries in WIB (UTC+7): a day filter of the office means its local day. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

export async function listStays(ctx: Ctx, query: StayListQuery) {
  if (ctx.actor.kind === 'anonymous') {
    throw new AppError('UNAUTHENTICATED');
  }
  const own = await ownAccommodationIds(ctx, query.accommodationId);
  if (own === null) {
    requirePermission(ctx.actor, 'stays.read');
  }
  const { limit, offset, from, to, accommodationId, ...filters } = query;
  const filter: repo.StayFilter = {
    ...filters,
    scope: own === null ? scopeOf(ctx.actor) : 'all',
    accommodationIds: own ?? (accommodationId ? [accommodationId] : undefined),
    from: from ? dayStart(from) : undefined,
    to: to ? new Date(dayStart(to).getTime() + 86_400_000) : undefined,
  };
  return ctx.database.transaction(async (tx) => {
    const { rows, total } = await repo.listStays(tx, filter, { limit, offset });
    await appendAudit(tx, ctx, {
      action: 'stay.list',
      objectType: 'stay',
      details: { filters: query, total, stayIds: rows.map((r) => r.stay.id) },
    });
    return { items: await presentStays(tx, rows), total };
  });
}

/** The reports of the actor's own properties, newest first (the operator's history). */
export async function listOwnReports(ctx: Ctx, query: StayReportListQuery) {
  if (ctx.actor.kind === 'anonymous') {
    throw new AppError('UNAUTHENTICATED');
  }
  if (ctx.actor.kind !== 'accommodation_key') {
    requirePermission(ctx.actor, 'accommodations.manage_own');
  }
  const own = (await listOwnAccommodations(ctx)).items.map((i) => i.id);
  const ids = query.accommodationId ? own.filter((id) => id === query.accommodationId) : own;
  const { rows, total } = await repo.listAccommodationReports(ctx.database.db, ids, query.kind, query);
  return { items: rows.map((r) => presentReport(r.report, r.guest)), total };
}

/** A person's stays across properties (their movement), for the person page: the person and the stays must be in
 * the viewer's scope; stays of records merged into this person are theirs too. */
export async function listPersonStays(ctx: Ctx, personId: string) {
  requirePermission(ctx.actor, 'persons.read');
  requirePermission(ctx.actor, 'stays.read');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    await findVisiblePerson(tx, actor, personId);
    const ids = await selectRows<{ id: string }>(
      tx,
      sql`with recursive m(id) as (select ${personId}::uuid
            union select p.id from persons p join m on p.merged_into = m.id)
          select id from m`,
    );
    const { rows, total } = await repo.listStays(
      tx,
      { scope: scopeOf(actor), personIds: ids.map((r) => r.id) },
      { limit: 200, offset: 0 },
    );
    await appendAudit(tx, ctx, { action: 'stay.person_list', objectType: 'person', objectId: personId });
    return { items: await presentStays(tx, rows), total };
  });
}

// ─── Reports after check-in ──────────────────────────────────────────────────────────────────────────────────────

type FollowUp = {
  kind: Exclude<StayReportKind, 'check_in'>;
  allowed: readonly string[];
  /** checks the request against the stay and returns the stay's changes and the report's data */
  apply(
    stay: repo.StayRow,
    now: Date,
  ): { patch: Partial<repo.NewStay>; data: Record<string, unknown>; reason: string | null };
};

async function reportFollowUp(
  ctx: Ctx,
  stayId: string,
  request: unknown,
  idempotencyKey: string | undefined,
  followUp: FollowUp,
): Promise<Answer<StayReportResult>> {
  if (ctx.actor.kind === 'anonymous') {
    throw new AppError('UNAUTHENTICATED');
  }
  const actor = ctx.actor;
  const before = await repo.findStay(ctx.database.db, stayId);
  if (!before) {
    throw new AppError('STAY_NOT_FOUND');
  }
  return once(ctx, before.accommodationId, idempotencyKey, `${followUp.kind}:${stayId}`, request, 200, async (tx) => {
    const stay = await findVisibleStay(tx, actor, stayId, tx);
    // Office roles read stays; only the property reports on them.
    if (actor.kind === 'user' && !(await isOwnStay(tx, actor, stay))) {
      throw new AppError('STAY_NOT_FOUND');
    }
    const property = await findAccommodation(tx, stay.accommodationId);
    if (property?.status !== 'verified') {
      throw new AppError('ACCOMMODATION_NOT_ACTIVE', 'the property is not verified', { status: property?.status });
    }
    if (!followUp.allowed.includes(stay.status)) {
      throw new AppError('STAY_STATUS_CONFLICT', `cannot report ${followUp.kind} on a ${stay.status} stay`, {
        status: stay.status,
      });
    }
    const now = ctx.now();
    const { patch, data, reason } = followUp.apply(stay, now);
    const reportId = newId();
    const { number } = await assignReceiptNumber(tx, ctx, {
      accommodationId: stay.accommodationId,
      reportId,
      kind: followUp.kind,
      happenedAt: patch.checkedOutAt ?? now,
    });
    const reporter = reporterOf(actor);
    await repo.insertReport(tx, {
      id: reportId,
      stayId,
      accommodationId: stay.accommodationId,
      kind: followUp.kind,
      reportedAt: now,
      data,
      reason,
      receiptNumber: number,
      channel: channelOf(actor),
      reportedByUserId: reporter.userId,
      reportedByKeyId: reporter.keyId,
    });
    const updated = await repo.updateStay(tx, stayId, { ...patch, updatedAt: now });
    await appendAudit(tx, ctx, {
      action: `stay.${followUp.kind}`,
      objectType: 'stay',
      objectId: stayId,
      details: { ...data, ...(reason ? { reason } : {}), receiptNumber: number },
    });
    const detail = await presentStayDetail(tx, updated);
    const report = detail.reports.find((r) => r.id === reportId) as StayReportItem;
    return { report, stay: detail };
  });
}

async function isOwnStay(db: Queryable, actor: Actor, stay: repo.StayRow) {
  try {
    await findOwnAccommodation(db, actor, stay.accommodationId);
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'ACCOMMODATION_NOT_FOUND' || error.code === 'PERMISSION_DENIED')) {
      return false;
    }
    throw error;
  }
}

function refuse(code: ErrorCode, field: string, message: string): never {
  throw new AppError(code, message, { field, errors: [{ path: `body.${field}`, code, message }] });
}

function checkDates(stay: repo.StayRow, arrivedAt: Date, expectedCheckOut: string, now: Date) {
  const [first] = checkStayDates({ arrivedAt, expectedCheckOut }, stay.villageCode, now);
  if (first) {
    refuse(first.code as ErrorCode, first.field, first.message);
  }
}

export const checkOut = (ctx: Ctx, id: string, input: CheckOutRequest, key?: string) =>
  reportFollowUp(ctx, id, input, key, {
    kind: 'check_out',
    allowed: ['open'],
    apply(stay, now) {
      const at = new Date(input.checkedOutAt);
      if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        refuse('STAY_TIME_IN_FUTURE', 'checkedOutAt', 'the check-out lies in the future');
      }
      if (at < stay.arrivedAt) {
        refuse('STAY_CHECK_OUT_BEFORE_CHECK_IN', 'checkedOutAt', 'the check-out comes before the arrival');
      }
      return {
        patch: { status: 'checked_out', checkedOutAt: at },
        data: { checkedOutAt: at.toISOString() },
        reason: null,
      };
    },
  });

export const extendStay = (ctx: Ctx, id: string, input: ExtensionRequest, key?: string) =>
  reportFollowUp(ctx, id, input, key, {
    kind: 'extension',
    allowed: ['open'],
    apply(stay, now) {
      checkDates(
        stay,
        stay.arrivedAt,
        input.expectedCheckOut,
        new Date(Math.max(now.getTime(), stay.arrivedAt.getTime())),
      );
      return {
        patch: { expectedCheckOut: input.expectedCheckOut },
        data: { expectedCheckOut: input.expectedCheckOut, previous: stay.expectedCheckOut },
        reason: input.reason ?? null,
      };
    },
  });

export const correctStay = (ctx: Ctx, id: string, input: CorrectionRequest, key?: string) =>
  reportFollowUp(ctx, id, input, key, {
    kind: 'correction',
    allowed: ['open', 'checked_out'],
    apply(stay, now) {
      const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : stay.arrivedAt;
      const expectedCheckOut = input.expectedCheckOut ?? stay.expectedCheckOut;
      checkDates(stay, arrivedAt, expectedCheckOut, now);
      if (stay.checkedOutAt && stay.checkedOutAt < arrivedAt) {
        refuse('STAY_CHECK_OUT_BEFORE_CHECK_IN', 'arrivedAt', 'the arrival would come after the check-out');
      }
      const patch: Partial<repo.NewStay> = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (input.arrivedAt && arrivedAt.getTime() !== stay.arrivedAt.getTime()) {
        patch.arrivedAt = arrivedAt;
        patch.isLate = isLateReport(arrivedAt, stay.checkInReportedAt);
        changes.arrivedAt = { from: stay.arrivedAt.toISOString(), to: arrivedAt.toISOString() };
      }
      if (input.expectedCheckOut && input.expectedCheckOut !== stay.expectedCheckOut) {
        patch.expectedCheckOut = input.expectedCheckOut;
        changes.expectedCheckOut = { from: stay.expectedCheckOut, to: input.expectedCheckOut };
      }
      if (input.room !== undefined && (input.room?.trim() || null) !== stay.room) {
        patch.room = input.room?.trim() || null;
        changes.room = { from: stay.room, to: patch.room };
      }
      if (input.visitPurpose && input.visitPurpose !== stay.visitPurpose) {
        patch.visitPurpose = input.visitPurpose;
        changes.visitPurpose = { from: stay.visitPurpose, to: input.visitPurpose };
      }
      if (Object.keys(changes).length === 0) {
        refuse('VALIDATION_FAILED', 'reason', 'the correction changes nothing');
      }
      return { patch, data: { changes }, reason: input.reason };
    },
  });

export const cancelStay = (ctx: Ctx, id: string, input: CancellationRequest, key?: string) =>
  reportFollowUp(ctx, id, input, key, {
    kind: 'cancellation',
    allowed: ['open', 'checked_out'],
    apply(stay) {
      return { patch: { status: 'cancelled' }, data: { previousStatus: stay.status }, reason: input.reason };
    },
  });
