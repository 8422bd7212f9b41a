// Member agencies (instansi) of TIM PORA: who they are, their kind and their jurisdiction. Visible where their
// jurisdiction overlaps the actor's scope, managed where it lies inside it (orgs.scope.ts).
import { randomUUID } from 'node:crypto';
import type { AgencyCreate, AgencyItem, AgencyListQuery, AgencyUpdate } from '../../../contracts/orgs';
import type { Queryable } from '../../db/client';
import { type Actor, hasPermission, requirePermission, scopeOf } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { isKnownCode } from '../code-tables/code-tables.service';
import { changedFields, hasChanges } from './field-changes';
import * as repo from './orgs.repo';
import { canManageArea, overlapsScope } from './orgs.scope';

async function present(db: Queryable, rows: repo.AgencyRow[]): Promise<AgencyItem[]> {
  // One after the other: inside a transaction there is one connection.
  const refs = await repo.findRegionRefs(
    db,
    rows.map((r) => r.regionCode),
  );
  const officeNames = await repo.findOfficeNames(
    db,
    rows.map((r) => r.officeId),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    region: refs.get(r.regionCode) ?? { code: r.regionCode, name: r.regionCode, level: r.regionCode.split('.').length },
    office: r.officeId ? (officeNames.get(r.officeId) ?? null) : null,
    address: r.address,
    phone: r.phone,
    email: r.email,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    archivedAt: r.archivedAt?.toISOString() ?? null,
  }));
}

async function presentOne(db: Queryable, row: repo.AgencyRow): Promise<AgencyItem> {
  const [item] = await present(db, [row]);
  return item as AgencyItem;
}

export function isAgencyVisible(actor: Actor, agency: { regionCode: string }): boolean {
  return overlapsScope(scopeOf(actor), agency.regionCode);
}

/** The agency if the actor may see it; otherwise not found, so that existence is not revealed. */
async function findVisibleAgency(db: Queryable, actor: Actor, id: string): Promise<repo.AgencyRow> {
  const row = await repo.findAgency(db, id);
  if (!row || !isAgencyVisible(actor, row)) {
    throw new AppError('AGENCY_NOT_FOUND');
  }
  return row;
}

/** Checks an agency as it will be after the write: known kind, existing area inside the actor's scope, and an
 * office link only for an imigrasi agency, set only by whoever manages offices. */
async function checkAgencyState(
  db: Queryable,
  actor: Actor,
  state: { kind: string; regionCode: string; officeId: string | null },
  officeChanged: boolean,
) {
  if (!isKnownCode('agency-kinds', state.kind)) {
    throw new AppError('INVALID_REFERENCE', 'unknown agency kind', { field: 'kind', code: state.kind });
  }
  const regions = await repo.findRegionRefs(db, [state.regionCode]);
  if (!regions.has(state.regionCode)) {
    throw new AppError('INVALID_REFERENCE', 'unknown area code', { field: 'regionCode', codes: [state.regionCode] });
  }
  if (!canManageArea(actor, state.regionCode)) {
    throw new AppError('REGION_OUT_OF_SCOPE', 'the area lies outside your scope', { field: 'regionCode' });
  }
  if (state.officeId !== null && state.kind !== 'imigrasi') {
    throw new AppError('VALIDATION_FAILED', 'only an imigrasi agency belongs to an office', {
      errors: [{ path: 'body.officeId', code: 'custom', message: 'hanya instansi imigrasi yang terkait kantor' }],
    });
  }
  if (officeChanged && state.officeId !== null) {
    // The link gives the agency's users the office's whole working area as scope.
    if (!hasPermission(actor, 'offices.manage')) {
      throw new AppError('PERMISSION_DENIED', 'linking an agency to an office needs offices.manage', {
        permission: 'offices.manage',
      });
    }
    const office = await repo.findOffice(db, state.officeId);
    if (!office || office.archivedAt) {
      throw new AppError('INVALID_REFERENCE', 'unknown office', { field: 'officeId' });
    }
  }
}

export async function listAgencies(ctx: Ctx, query: AgencyListQuery) {
  requirePermission(ctx.actor, 'orgs.read');
  const db = ctx.database.db;
  const { rows, total } = await repo.listAgencies(db, { ...query, visibleTo: scopeOf(ctx.actor) }, query);
  return { items: await present(db, rows), total };
}

export async function getAgency(ctx: Ctx, id: string): Promise<AgencyItem> {
  requirePermission(ctx.actor, 'orgs.read');
  return presentOne(ctx.database.db, await findVisibleAgency(ctx.database.db, ctx.actor, id));
}

export async function createAgency(ctx: Ctx, input: AgencyCreate): Promise<AgencyItem> {
  requirePermission(ctx.actor, 'agencies.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    await checkAgencyState(tx, actor, input, input.officeId !== null);
    const now = ctx.now();
    const row = await repo.insertAgency(tx, { id: randomUUID(), ...input, createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, {
      action: 'agency.create',
      objectType: 'agency',
      objectId: row.id,
      details: { fields: input },
    });
    return presentOne(tx, row);
  });
}

/** The agency, visible (else not found) and inside the actor's scope (else denied). */
async function findManageableAgency(db: Queryable, actor: Actor, id: string) {
  const row = await findVisibleAgency(db, actor, id);
  if (!canManageArea(actor, row.regionCode)) {
    throw new AppError('PERMISSION_DENIED', 'the agency lies outside your scope');
  }
  return row;
}

export async function updateAgency(ctx: Ctx, id: string, input: AgencyUpdate): Promise<AgencyItem> {
  requirePermission(ctx.actor, 'agencies.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findManageableAgency(tx, actor, id);
    if (before.archivedAt) {
      throw new AppError('ARCHIVED', 'unarchive the agency first');
    }
    const changes = changedFields(before, input);
    if (!hasChanges(changes)) {
      return presentOne(tx, before);
    }
    await checkAgencyState(tx, actor, { ...before, ...input }, 'officeId' in changes);
    const row = await repo.updateAgency(tx, id, { ...input, updatedAt: ctx.now() });
    await appendAudit(tx, ctx, { action: 'agency.update', objectType: 'agency', objectId: id, details: { changes } });
    return presentOne(tx, row);
  });
}

/** Archiving keeps the agency, its memberships and its users' history; it leaves lists and pickers. Idempotent. */
export async function setAgencyArchived(ctx: Ctx, id: string, archived: boolean): Promise<AgencyItem> {
  requirePermission(ctx.actor, 'agencies.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findManageableAgency(tx, actor, id);
    if ((before.archivedAt !== null) === archived) {
      return presentOne(tx, before);
    }
    const now = ctx.now();
    const row = await repo.updateAgency(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
    await appendAudit(tx, ctx, {
      action: archived ? 'agency.archive' : 'agency.unarchive',
      objectType: 'agency',
      objectId: id,
    });
    return presentOne(tx, row);
  });
}

/** For other modules (users, teams) that link to an agency: the agency if it is active and the actor manages it,
 * or sees it when `need` is 'visible'; otherwise undefined, so the caller answers with its own reference error. */
export async function findAgencyForReference(
  db: Queryable,
  actor: Actor,
  id: string,
  need: 'visible' | 'manageable',
): Promise<repo.AgencyRow | undefined> {
  const row = await repo.findAgency(db, id);
  if (!row || row.archivedAt || !isAgencyVisible(actor, row)) {
    return undefined;
  }
  return need === 'visible' || canManageArea(actor, row.regionCode) ? row : undefined;
}
