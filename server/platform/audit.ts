// The audit log: every write and every read of personal data appends one row, in the caller's transaction.
// Rows form a hash chain (each row hashes its content and the previous hash) with a gapless sequence, so
// `pora audit verify` can name the first row that was changed, removed or inserted.
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { type Queryable, selectPrepared, type Tx } from '../db/client';
import { auditLog } from '../db/schema/audit';
import type { Ctx } from './context';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 0x41554449; // "AUDI"

export type AuditEntry = {
  action: string;
  objectType?: string;
  objectId?: string;
  purpose?: string;
  details?: Record<string, unknown>;
};

type ChainFields = {
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  purpose: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  prevHash: string;
};

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function hashAuditRow(row: ChainFields): string {
  const material = canonical({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(material).digest('hex');
}

export async function appendAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await appendAudits(tx, [{ ctx, entry }]);
}

/** The chain's last row; null while the chain is empty. */
export type ChainEnd = { seq: number; hash: string } | null;

/**
 * The audit chain's lock as an expression, for a transaction that takes it together with its other locks at its
 * start (and then reads the chain's end along with one of its own statements: fewer statements, but every other
 * audited write waits for the whole transaction — only for short ones).
 */
export const auditChainLockSql = sql`pg_advisory_xact_lock(${AUDIT_LOCK})`;

/**
 * Appends rows of several requests written in one transaction (check-ins written together), each with its own
 * actor and request, in the given order: one lock, one read of the chain's end and one insert for all. With
 * `chainEnd`, the caller took the lock (auditChainLockSql) and read the chain's end after it in this transaction.
 */
export async function appendAudits(
  tx: Tx,
  entries: readonly { ctx: Ctx; entry: AuditEntry }[],
  chainEnd?: ChainEnd,
): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  let last = chainEnd;
  if (last === undefined) {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    [last = null] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
  }
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map(({ ctx, entry }) => {
    const actor = ctx.actor;
    seq += 1;
    const fields: ChainFields = {
      seq,
      at: ctx.now(),
      actorKind: actor.kind,
      actorId: actor.kind === 'user' ? actor.userId : null,
      actorName: actor.kind === 'anonymous' ? null : actor.name,
      agencyId: actor.kind === 'user' ? actor.agencyId : null,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      purpose: entry.purpose ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
      details: entry.details ? (JSON.parse(JSON.stringify(entry.details)) as Record<string, unknown>) : null,
      prevHash,
    };
    const hash = hashAuditRow(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
  // One parameter for all rows (drizzle's multi-row insert builder cost ~2 ms of CPU for a dozen rows).
  const json = JSON.stringify(rows.map((r) => ({ ...r, at: r.at.toISOString() })));
  await selectPrepared(
    tx,
    'audit.append',
    sql`insert into audit_log (seq, at, actor_kind, actor_id, actor_name, agency_id, action, object_type, object_id,
                               purpose, request_id, ip, details, prev_hash, hash)
        select r.seq, r.at, r."actorKind", r."actorId", r."actorName", r."agencyId", r.action, r."objectType",
               r."objectId", r.purpose, r."requestId", r.ip, r.details, r."prevHash", r.hash
          from jsonb_to_recordset(${json}::jsonb) as r(seq bigint, at timestamptz, "actorKind" text, "actorId" uuid,
               "actorName" text, "agencyId" uuid, action text, "objectType" text, "objectId" text, purpose text,
               "requestId" text, ip text, details jsonb, "prevHash" text, hash text)
         order by r.seq`,
  );
}

export type AuditVerification =
  | { ok: true; rows: number; lastSeq: number }
  | { ok: false; rows: number; firstBadSeq: number; problem: 'changed' | 'missing' | 'broken_link' };

/** Walks the whole chain in pages; reports the first row whose content, position or link does not hold. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return { ok: false, rows, firstBadSeq: expectedSeq, problem: 'missing' };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, rows, firstBadSeq: row.seq, problem: 'broken_link' };
      }
      const { hash, ...fields } = row;
      if (hashAuditRow(fields) !== hash) {
        return { ok: false, rows, firstBadSeq: row.seq, problem: 'changed' };
      }
      prevHash = hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < pageSize) {
      return { ok: true, rows, lastSeq: expectedSeq - 1 };
    }
  }
}
