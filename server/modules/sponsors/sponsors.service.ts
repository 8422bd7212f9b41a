// Sponsors (penjamin): companies and individuals responsible for foreigners. Visible where their area lies in scope,
// to the agency that recorded them, and wherever a person they sponsor is visible (a Jakarta company sponsoring a
// worker in Muara Enim is seen by the Muara Enim office). A sponsor who is a person is personal data: reads are
// audited like persons'. Archived instead of deleted.
import { randomUUID } from 'node:crypto';
import type {
  SponsorCreate,
  SponsorItem,
  SponsorListQuery,
  SponsorRef,
  SponsorUpdate,
} from '../../../contracts/sponsors';
import type { Queryable, Tx } from '../../db/client';
import { type Actor, requirePermission } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { changedFields, hasChanges } from '../orgs/field-changes';
import { normaliseName } from '../persons/person-names';
import { type RegisterViewer, viewerOf } from '../persons/persons.scope';
import { findRegionLabels, unknownRegionCodes } from './register-refs';
import * as repo from './sponsors.repo';

async function present(db: Queryable, rows: repo.SponsorRow[], viewer: RegisterViewer): Promise<SponsorItem[]> {
  const regions = await findRegionLabels(
    db,
    rows.map((r) => r.regionCode),
  );
  const counts = await repo.countVisiblePersons(
    db,
    rows.map((r) => r.id),
    viewer,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as SponsorItem['kind'],
    name: r.name,
    registrationNo: r.registrationNo,
    contactPerson: r.contactPerson,
    phone: r.phone,
    email: r.email,
    address: r.address,
    region: r.regionCode ? (regions.get(r.regionCode) ?? null) : null,
    personCount: counts.get(r.id) ?? 0,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    archivedAt: r.archivedAt?.toISOString() ?? null,
  }));
}

async function presentOne(db: Queryable, row: repo.SponsorRow, viewer: RegisterViewer): Promise<SponsorItem> {
  const [item] = await present(db, [row], viewer);
  return item as SponsorItem;
}

async function findVisibleSponsor(db: Queryable, actor: Actor, id: string): Promise<repo.SponsorRow> {
  const row = await repo.findSponsor(db, id);
  if (!row || !(await repo.isSponsorVisible(db, id, viewerOf(actor)))) {
    throw new AppError('SPONSOR_NOT_FOUND');
  }
  return row;
}

async function checkRegion(db: Queryable, regionCode: string | null | undefined, field: string) {
  if (regionCode && (await unknownRegionCodes(db, [regionCode])).length > 0) {
    throw new AppError('INVALID_REFERENCE', 'unknown area code', { field, codes: [regionCode] });
  }
}

export async function listSponsors(ctx: Ctx, query: SponsorListQuery) {
  requirePermission(ctx.actor, 'sponsors.read');
  const viewer = viewerOf(ctx.actor);
  const { limit, offset, purpose, ...filters } = query;
  return ctx.database.transaction(async (tx) => {
    const { rows, total } = await repo.listSponsors(tx, { ...filters, viewer }, { limit, offset });
    await appendAudit(tx, ctx, {
      action: 'sponsor.list',
      objectType: 'sponsor',
      ...(purpose ? { purpose } : {}),
      details: { filters, limit, offset, total, sponsorIds: rows.map((r) => r.id) },
    });
    return { items: await present(tx, rows, viewer), total };
  });
}

export async function getSponsor(ctx: Ctx, id: string, purpose: string | null = null): Promise<SponsorItem> {
  requirePermission(ctx.actor, 'sponsors.read');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const row = await findVisibleSponsor(tx, actor, id);
    await appendAudit(tx, ctx, {
      action: 'sponsor.view',
      objectType: 'sponsor',
      objectId: id,
      ...(purpose ? { purpose } : {}),
    });
    return presentOne(tx, row, viewerOf(actor));
  });
}

/** Creates a sponsor inside the caller's transaction (a person created with a new sponsor uses it too). */
export async function createSponsorIn(tx: Tx, ctx: Ctx, input: SponsorCreate): Promise<repo.SponsorRow> {
  requirePermission(ctx.actor, 'sponsors.write');
  await checkRegion(tx, input.regionCode, 'regionCode');
  const now = ctx.now();
  const row = await repo.insertSponsor(tx, {
    id: randomUUID(),
    ...input,
    searchName: normaliseName(input.name),
    recordedByAgencyId: ctx.actor.kind === 'user' ? ctx.actor.agencyId : null,
    createdAt: now,
    updatedAt: now,
  });
  await appendAudit(tx, ctx, {
    action: 'sponsor.create',
    objectType: 'sponsor',
    objectId: row.id,
    details: { fields: input },
  });
  return row;
}

export async function createSponsor(ctx: Ctx, input: SponsorCreate): Promise<SponsorItem> {
  requirePermission(ctx.actor, 'sponsors.write');
  return ctx.database.transaction(async (tx) =>
    presentOne(tx, await createSponsorIn(tx, ctx, input), viewerOf(ctx.actor)),
  );
}

export async function updateSponsor(ctx: Ctx, id: string, input: SponsorUpdate): Promise<SponsorItem> {
  requirePermission(ctx.actor, 'sponsors.write');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findVisibleSponsor(tx, actor, id);
    if (before.archivedAt) {
      throw new AppError('ARCHIVED', 'unarchive the sponsor first');
    }
    const changes = changedFields(before, input);
    if (!hasChanges(changes)) {
      return presentOne(tx, before, viewerOf(actor));
    }
    await checkRegion(tx, input.regionCode, 'regionCode');
    const row = await repo.updateSponsor(tx, id, {
      ...input,
      ...(input.name !== undefined ? { searchName: normaliseName(input.name) } : {}),
      updatedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, { action: 'sponsor.update', objectType: 'sponsor', objectId: id, details: { changes } });
    return presentOne(tx, row, viewerOf(actor));
  });
}

/** Archiving keeps the sponsor on the permits and persons that name it; it leaves lists and pickers. Idempotent. */
export async function setSponsorArchived(ctx: Ctx, id: string, archived: boolean): Promise<SponsorItem> {
  requirePermission(ctx.actor, 'sponsors.write');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findVisibleSponsor(tx, actor, id);
    if ((before.archivedAt !== null) === archived) {
      return presentOne(tx, before, viewerOf(actor));
    }
    const now = ctx.now();
    const row = await repo.updateSponsor(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
    await appendAudit(tx, ctx, {
      action: archived ? 'sponsor.archive' : 'sponsor.unarchive',
      objectType: 'sponsor',
      objectId: id,
    });
    return presentOne(tx, row, viewerOf(actor));
  });
}

/** For the persons module: the sponsor if it is active and the actor sees it; otherwise undefined, so that the caller
 * answers with its own reference error. */
export async function findSponsorForReference(db: Queryable, actor: Actor, id: string) {
  const row = await repo.findSponsor(db, id);
  if (!row || row.archivedAt || !(await repo.isSponsorVisible(db, id, viewerOf(actor)))) {
    return undefined;
  }
  return row;
}

/** The sponsor (visible or not: sponsors of visible persons are visible by definition) as a reference, for display. */
export async function findSponsorRefs(
  db: Queryable,
  ids: readonly (string | null)[],
): Promise<Map<string, SponsorRef>> {
  const rows = await repo.findSponsorsByIds(
    db,
    ids.filter((id): id is string => id !== null),
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind as SponsorRef['kind'], name: r.name }]));
}

/** For the persons module's list of a sponsor's foreigners: not found unless visible. */
export async function requireVisibleSponsor(db: Queryable, actor: Actor, id: string): Promise<void> {
  await findVisibleSponsor(db, actor, id);
}
