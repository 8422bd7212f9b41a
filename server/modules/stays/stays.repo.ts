// All SQL of the stays module: stays, their reports, batches, idempotency keys. Bulk inserts use one array
// parameter per column (unnest), so a batch of thousands of rows is a handful of statements.
import { and, desc, eq, gte, ilike, inArray, lt, or, type Query, type SQL, sql } from 'drizzle-orm';
import { type Queryable, selectPrepared, selectRows, type Tx } from '../../db/client';
import { accommodations } from '../../db/schema/accommodations';
import { stayBatches, stayIdempotencyKeys, stayReports, stays } from '../../db/schema/stays';
import { insertColumns, Statement } from '../../db/statement';
import type { Scope } from '../../platform/access';
import type { ChainEnd } from '../../platform/audit';
import { inScopeSql, withinAreaSql } from '../persons/persons.scope';

export type StayRow = typeof stays.$inferSelect;
export type StayReportRow = typeof stayReports.$inferSelect;
export type BatchRow = typeof stayBatches.$inferSelect;
export type IdempotencyKeyRow = typeof stayIdempotencyKeys.$inferSelect;

// Check-ins of one property are ordered because the "already checked in" rule reads, then writes (the unique index
// stays_open_person_uq stands behind it). A batch holds the property's lock exclusively; a check-in request holds it
// shared, plus one lock per guest document (taken in key order, so two requests cannot deadlock): requests of
// different guests run side by side, the same guest sent twice waits for the first and then finds it checked in, and
// a batch waits for them all (and they for it). Two documents of one person sent at once by two requests meet at the
// unique index instead (the caller answers STAY_ALREADY_CHECKED_IN).

/** A batch's lock: the whole property (check-in requests of it wait, and it waits for theirs). */
export async function lockAccommodationStays(tx: Tx, accommodationId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`stays:${accommodationId}`}))`);
}

/**
 * A check-in request's locks: each guest's document at its property, under the property's shared lock (so a batch
 * of the property waits, and requests of other guests do not).
 */
export async function lockStayDocuments(
  tx: Tx,
  entries: readonly { accommodationId: string; documentKey: string }[],
  /** more locks to take after the documents' (the audit chain's: auditChainLockSql) */
  then: SQL = sql`null`,
) {
  // One statement, in a fixed order: the shared property locks are taken while the keys are read (a filter, per row;
  // re-taking a held lock only counts it), the sort consumes them all before the first document lock is taken.
  await selectPrepared(
    tx,
    'stays.lock_documents',
    sql`select count(pg_advisory_xact_lock(h)), ${then}
        from (select distinct hashtext('stays:' || p || ':' || k) as h
                from unnest(${sql.param(entries.map((e) => e.accommodationId))}::text[],
                            ${sql.param(entries.map((e) => e.documentKey))}::text[]) as t(p, k)
               where pg_advisory_xact_lock_shared(hashtext('stays:' || p)) is not null
               order by 1) as keys`,
  );
}

/** Which of the persons are checked in now at which of the properties, as "property id:person id". */
export async function findOpenStayPersons(
  db: Queryable,
  accommodationIds: readonly string[],
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0 || accommodationIds.length === 0) {
    return new Set<string>();
  }
  const rows = await selectRows<{ accommodation_id: string; person_id: string }>(
    db,
    sql`select accommodation_id, person_id from stays
         where accommodation_id = any(${sql.param([...accommodationIds])}::uuid[]) and status = 'open'
           and person_id = any(${sql.param([...personIds])}::uuid[])`,
  );
  return new Set(rows.map((r) => `${r.accommodation_id}:${r.person_id}`));
}

export type NewStay = typeof stays.$inferInsert;
export type NewReport = typeof stayReports.$inferInsert;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Writes the stays with their reports. With `readChainEnd` (the caller holds the audit chain's lock) the same
 * statement reads the chain's last row, so that appending the request's audit row needs no statements of its own.
 */
export async function insertStaysWithReports(
  tx: Tx,
  rows: readonly NewStay[],
  reports: readonly NewReport[],
  readChainEnd = false,
): Promise<ChainEnd | undefined> {
  if (rows.length === 0) {
    return undefined;
  }
  const [end] = await selectPrepared<{ seq: string | number | null; hash: string | null }>(
    tx,
    'stays.insert',
    staysWithReportsSql(rows, reports, readChainEnd),
  );
  if (!readChainEnd) {
    return undefined;
  }
  return end?.hash ? { seq: Number(end.seq), hash: end.hash } : null;
}

/** The stays and their reports as one statement (exported for the benchmark's EXPLAIN). */
export function staysWithReportsSql(
  rows: readonly NewStay[],
  reports: readonly NewReport[],
  readChainEnd = false,
): Query {
  const s = <T>(f: (r: NewStay) => T) => rows.map(f);
  const r = <T>(f: (r: NewReport) => T) => reports.map(f);
  const statement = new Statement();
  const insertStays = insertColumns(
    statement,
    'stays',
    [
      ['id', 'uuid', s((x) => x.id)],
      ['accommodation_id', 'uuid', s((x) => x.accommodationId)],
      ['person_id', 'uuid', s((x) => x.personId)],
      ['group_id', 'uuid', s((x) => x.groupId ?? null)],
      ['status', 'text', s((x) => x.status ?? 'open')],
      ['arrived_at', 'timestamptz', s((x) => iso(x.arrivedAt))],
      ['expected_check_out', 'date', s((x) => x.expectedCheckOut)],
      ['room', 'text', s((x) => x.room ?? null)],
      ['visit_purpose', 'text', s((x) => x.visitPurpose)],
      ['guest', 'jsonb', s((x) => JSON.stringify(x.guest))],
      ['nationality', 'text', s((x) => x.nationality)],
      ['is_late', 'bool', s((x) => x.isLate)],
      ['check_in_reported_at', 'timestamptz', s((x) => iso(x.checkInReportedAt))],
      ['person_link', 'text', s((x) => x.personLink)],
      ['channel', 'text', s((x) => x.channel)],
      ['batch_id', 'uuid', s((x) => x.batchId ?? null)],
      ['receipt_number', 'text', s((x) => x.receiptNumber)],
      ['created_at', 'timestamptz', s((x) => iso(x.createdAt))],
      ['updated_at', 'timestamptz', s((x) => iso(x.updatedAt))],
    ],
    [
      // The property's village as it is when the stays are written, not as the request read it at its start: the
      // row lock waits for a village correction in progress and then reads the corrected row, so a check-in that
      // overlaps a correction never leaves a stay under the old village (moveStaysToVillage moves those written
      // before it). One look-up per statement: the property is the same for every row.
      [
        'village_code',
        (pick) =>
          `(select a.village_code from accommodations a where a.id = ${pick('accommodation_id')} for key share)`,
      ],
    ],
  );
  const insertReports = insertReportsSql(statement, r);
  return statement.query(
    readChainEnd
      ? `with w as (${insertStays}), r as (${insertReports})
           select c.seq, c.hash from (select 1) as one
             left join lateral (select seq, hash from audit_log order by seq desc limit 1) as c on true`
      : `with w as (${insertStays}) ${insertReports}`,
  );
}

function insertReportsSql(statement: Statement, r: <T>(f: (r: NewReport) => T) => T[]): string {
  return insertColumns(statement, 'stay_reports', [
    ['id', 'uuid', r((x) => x.id)],
    ['stay_id', 'uuid', r((x) => x.stayId)],
    ['accommodation_id', 'uuid', r((x) => x.accommodationId)],
    ['kind', 'text', r((x) => x.kind)],
    ['reported_at', 'timestamptz', r((x) => iso(x.reportedAt))],
    ['data', 'jsonb', r((x) => JSON.stringify(x.data))],
    ['reason', 'text', r((x) => x.reason ?? null)],
    ['is_late', 'bool', r((x) => x.isLate ?? false)],
    ['receipt_number', 'text', r((x) => x.receiptNumber)],
    ['channel', 'text', r((x) => x.channel)],
    ['batch_id', 'uuid', r((x) => x.batchId ?? null)],
    ['reported_by_user_id', 'uuid', r((x) => x.reportedByUserId ?? null)],
    ['reported_by_key_id', 'uuid', r((x) => x.reportedByKeyId ?? null)],
  ]);
}

export async function insertReport(tx: Tx, report: NewReport) {
  await tx.insert(stayReports).values(report);
}

export async function findStay(db: Queryable, id: string): Promise<StayRow | undefined> {
  const [row] = await db.select().from(stays).where(eq(stays.id, id));
  return row;
}

export async function findStayForUpdate(tx: Tx, id: string): Promise<StayRow | undefined> {
  const [row] = await tx.select().from(stays).where(eq(stays.id, id)).for('update');
  return row;
}

export async function updateStay(tx: Tx, id: string, patch: Partial<NewStay>): Promise<StayRow> {
  const [row] = await tx.update(stays).set(patch).where(eq(stays.id, id)).returning();
  return row as StayRow;
}

/**
 * A property's corrected village, on all its stays (open, checked out and cancelled: a correction means the property
 * was always there), in the caller's transaction — the one that changes the property. Returns how many moved.
 */
export async function moveStaysToVillage(tx: Tx, accommodationId: string, villageCode: string, now: Date) {
  const rows = await selectRows<{ n: number }>(
    tx,
    sql`with moved as (
          update stays set village_code = ${villageCode}, updated_at = ${now.toISOString()}::timestamptz
           where accommodation_id = ${accommodationId}::uuid and village_code <> ${villageCode}
          returning 1)
        select count(*)::int as n from moved`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function setPersonLinks(
  tx: Tx,
  updates: readonly { stayId: string; personLink: string; candidates: string[] | null }[],
) {
  if (updates.length === 0) {
    return;
  }
  await tx.execute(
    sql`update stays set person_link = u.link, review_candidate_ids = u.candidates::jsonb
        from unnest(${sql.param(updates.map((u) => u.stayId))}::uuid[],
                    ${sql.param(updates.map((u) => u.personLink))}::text[],
                    ${sql.param(updates.map((u) => (u.candidates ? JSON.stringify(u.candidates) : null)))}::text[])
          as u(id, link, candidates)
        where stays.id = u.id`,
  );
}

/** Guests waiting for the close-candidate check, locked for it: a reviewer running alongside skips them. */
export async function listPendingReview(db: Queryable, limit: number) {
  return db
    .select({ id: stays.id, personId: stays.personId, guest: stays.guest })
    .from(stays)
    .where(eq(stays.personLink, 'new_pending'))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function listReports(db: Queryable, stayIds: readonly string[]) {
  if (stayIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(stayReports)
    .where(inArray(stayReports.stayId, [...stayIds]))
    .orderBy(stayReports.reportedAt, stayReports.id);
}

export type StayFilter = {
  scope: Scope;
  accommodationIds?: readonly string[] | undefined;
  personIds?: readonly string[] | undefined;
  status?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  area?: string | undefined;
  nationality?: string | undefined;
  late?: boolean | undefined;
  review?: boolean | undefined;
  q?: string | undefined;
};

function stayWhere(f: StayFilter): SQL | undefined {
  const q = f.q?.trim();
  return and(
    inScopeSql(stays.villageCode, f.scope),
    f.accommodationIds ? inArray(stays.accommodationId, [...f.accommodationIds]) : undefined,
    f.personIds ? inArray(stays.personId, [...f.personIds]) : undefined,
    f.status ? eq(stays.status, f.status) : undefined,
    f.from ? gte(stays.arrivedAt, f.from) : undefined,
    f.to ? lt(stays.arrivedAt, f.to) : undefined,
    f.area ? withinAreaSql(stays.villageCode, f.area) : undefined,
    f.nationality ? eq(stays.nationality, f.nationality) : undefined,
    f.late === undefined ? undefined : eq(stays.isLate, f.late),
    f.review === undefined
      ? undefined
      : f.review
        ? eq(stays.personLink, 'new_flagged')
        : sql`${stays.personLink} <> 'new_flagged'`,
    q
      ? or(
          ilike(sql`${stays.guest}->>'surname'`, `%${q}%`),
          ilike(sql`${stays.guest}->>'givenNames'`, `%${q}%`),
          ilike(sql`${stays.guest}->'document'->>'number'`, `%${q}%`),
        )
      : undefined,
  );
}

export async function listStays(db: Queryable, filter: StayFilter, page: { limit: number; offset: number }) {
  const where = stayWhere(filter);
  const rows = await db
    .select({ stay: stays, accommodationName: accommodations.name })
    .from(stays)
    .innerJoin(accommodations, eq(accommodations.id, stays.accommodationId))
    .where(where)
    .orderBy(desc(stays.arrivedAt), stays.id)
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(stays).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function listAccommodationReports(
  db: Queryable,
  accommodationIds: readonly string[],
  kind: string | undefined,
  page: { limit: number; offset: number },
) {
  if (accommodationIds.length === 0) {
    return { rows: [], total: 0 };
  }
  const where = and(
    inArray(stayReports.accommodationId, [...accommodationIds]),
    kind ? eq(stayReports.kind, kind) : undefined,
  );
  const rows = await db
    .select({ report: stayReports, guest: stays.guest })
    .from(stayReports)
    .innerJoin(stays, eq(stays.id, stayReports.stayId))
    .where(where)
    .orderBy(desc(stayReports.reportedAt), desc(stayReports.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(stayReports).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findAccommodationNames(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) {
    return new Map<string, string>();
  }
  const rows = await db
    .select({ id: accommodations.id, name: accommodations.name })
    .from(accommodations)
    .where(inArray(accommodations.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ─── Batches ───────────────────────────────────────────────────────────────────────────────────────────────────

export async function insertBatch(tx: Tx, row: typeof stayBatches.$inferInsert) {
  await tx.insert(stayBatches).values(row);
}

export async function findBatch(db: Queryable, id: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(stayBatches).where(eq(stayBatches.id, id));
  return row;
}

export async function lockBatch(tx: Tx, id: string): Promise<BatchRow | undefined> {
  const [row] = await tx.select().from(stayBatches).where(eq(stayBatches.id, id)).for('update');
  return row;
}

/** The batch's status only (its rows can be tens of megabytes), locked. */
export async function lockBatchStatus(tx: Tx, id: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ status: stayBatches.status })
    .from(stayBatches)
    .where(eq(stayBatches.id, id))
    .for('update');
  return row?.status;
}

export async function updateBatch(db: Queryable, id: string, patch: Partial<typeof stayBatches.$inferInsert>) {
  await db.update(stayBatches).set(patch).where(eq(stayBatches.id, id));
}

// ─── Idempotency keys ──────────────────────────────────────────────────────────────────────────────────────────

export async function findIdempotencyKey(
  db: Queryable,
  accommodationId: string,
  key: string,
): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(stayIdempotencyKeys)
    .where(and(eq(stayIdempotencyKeys.accommodationId, accommodationId), eq(stayIdempotencyKeys.key, key)));
  return row;
}

/** How lockAndFindIdempotencyKeys names a key in its answer: "property id:key". */
export const idempotencyKeyId = (k: { accommodationId: string; key: string }) => `${k.accommodationId}:${k.key}`;

/**
 * Locks the keys (in a fixed order) and reads them, by idempotencyKeyId: a second request with a key waits until the
 * first one with it commits or fails.
 */
export async function lockAndFindIdempotencyKeys(
  tx: Tx,
  keys: readonly { accommodationId: string; key: string }[],
): Promise<Map<string, IdempotencyKeyRow>> {
  await tx.execute(
    sql`select count(pg_advisory_xact_lock(h))
          from (select distinct hashtext('stays-idem:' || p || ':' || k) as h
                  from unnest(${sql.param(keys.map((k) => k.accommodationId))}::text[],
                              ${sql.param(keys.map((k) => k.key))}::text[]) as t(p, k)
                 order by 1) as keys`,
  );
  const rows = await tx
    .select()
    .from(stayIdempotencyKeys)
    .where(
      or(
        ...keys.map((k) =>
          and(eq(stayIdempotencyKeys.accommodationId, k.accommodationId), eq(stayIdempotencyKeys.key, k.key)),
        ),
      ),
    );
  return new Map(rows.map((r) => [idempotencyKeyId(r), r]));
}

export async function insertIdempotencyKeys(tx: Tx, rows: readonly (typeof stayIdempotencyKeys.$inferInsert)[]) {
  if (rows.length > 0) {
    await tx.insert(stayIdempotencyKeys).values([...rows]);
  }
}

export async function deleteIdempotencyKeys(tx: Tx, keys: readonly { accommodationId: string; key: string }[]) {
  if (keys.length > 0) {
    await tx
      .delete(stayIdempotencyKeys)
      .where(
        or(
          ...keys.map((k) =>
            and(eq(stayIdempotencyKeys.accommodationId, k.accommodationId), eq(stayIdempotencyKeys.key, k.key)),
          ),
        ),
      );
  }
}

/** Deletes up to `limit` keys created at or before `cutoff`, oldest first (stay_idempotency_keys_created_idx). */
export async function deleteExpiredIdempotencyKeys(tx: Tx, cutoff: Date, limit: number): Promise<number> {
  const rows = await selectRows<{ n: number }>(
    tx,
    sql`with gone as (
          delete from stay_idempotency_keys k
           using (select accommodation_id, key from stay_idempotency_keys
                   where created_at <= ${cutoff.toISOString()}::timestamptz
                   order by created_at limit ${limit}) old
           where k.accommodation_id = old.accommodation_id and k.key = old.key
          returning 1)
        select count(*)::int as n from gone`,
  );
  return Number(rows[0]?.n ?? 0);
}
