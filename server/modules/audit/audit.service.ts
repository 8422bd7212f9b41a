// The audit log as the auditor reads it. Reading the log is itself a processing of personal data (it names people
// and what they did), so every listing and every verification leaves its own row.
import type { AuditItem, AuditListQuery, AuditVerificationResult } from '../../../contracts/audit';
import { requirePermission } from '../../platform/access';
import { appendAudit, verifyAuditChain } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import * as repo from './audit.repo';

function present(row: repo.AuditRow): AuditItem {
  return { ...row, at: row.at.toISOString() };
}

export async function listAuditLog(ctx: Ctx, query: AuditListQuery): Promise<{ items: AuditItem[]; total: number }> {
  requirePermission(ctx.actor, 'audit.read');
  const { limit, offset, from, to, ...rest } = query;
  const filter = {
    ...rest,
    ...(from ? { from: new Date(from) } : {}),
    ...(to ? { to: new Date(to) } : {}),
  };
  return ctx.database.transaction(async (tx) => {
    const { rows, total } = await repo.listAudit(tx, filter, { limit, offset });
    await appendAudit(tx, ctx, {
      action: 'audit.list',
      objectType: 'audit_log',
      details: { filters: { ...rest, from, to }, limit, offset, total },
    });
    return { items: rows.map(present), total };
  });
}

/** Walks the whole chain; the verification itself is recorded after the walk, so it never checks its own row. */
export async function verifyAuditLog(ctx: Ctx): Promise<AuditVerificationResult> {
  requirePermission(ctx.actor, 'audit.read');
  const result = await verifyAuditChain(ctx.database.db);
  await ctx.database.transaction(async (tx) => {
    await appendAudit(tx, ctx, { action: 'audit.verify', objectType: 'audit_log', details: { result } });
  });
  return result;
}
