// Immigration offices (Kantor Imigrasi, Kanwil, Ditjen): a national directory that every holder of orgs.read sees,
// managed by system admins. An office's working area (regencies/cities) is the scope of its own agency's users.
import { randomUUID } from 'node:crypto';
import type { OfficeCreate, OfficeItem, OfficeListQuery, OfficeUpdate } from '../../../contracts/orgs';
import type { Queryable } from '../../db/client';
import { requirePermission } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { isKnownCode } from '../code-tables/code-tables.service';
import { changedFields, hasChanges } from './field-changes';
import * as repo from './orgs.repo';

async function present(db: Queryable, rows: repo.OfficeRow[]): Promise<OfficeItem[]> {
  const refs = await repo.findRegionRefs(
    db,
    rows.flatMap((r) => [r.regionCode, ...r.workingArea]),
  );
  const ref = (code: string) => refs.get(code) ?? { code, name: code, level: code.split('.').length };
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    officeClass: r.officeClass,
    region: ref(r.regionCode),
    workingArea: r.workingArea.map(ref),
    address: r.address,
    phone: r.phone,
    email: r.email,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    archivedAt: r.archivedAt?.toISOString() ?? null,
  }));
}

async function presentOne(db: Queryable, row: repo.OfficeRow): Promise<OfficeItem> {
  const [item] = await present(db, [row]);
  return item as OfficeItem;
}

/** Checks the class against its code table and that every area exists; the working area is regencies/cities. */
async function checkOfficeFields(db: Queryable, fields: Partial<OfficeCreate>) {
  if (fields.officeClass !== undefined && !isKnownCode('office-classes', fields.officeClass)) {
    throw new AppError('INVALID_REFERENCE', 'unknown office class', { field: 'officeClass', code: fields.officeClass });
  }
  const codes = [...(fields.regionCode ? [fields.regionCode] : []), ...(fields.workingArea ?? [])];
  const found = await repo.findRegionRefs(db, codes);
  const unknown = codes.filter((c) => !found.has(c));
  if (unknown.length > 0) {
    throw new AppError('INVALID_REFERENCE', 'unknown area codes', {
      field: fields.regionCode && unknown.includes(fields.regionCode) ? 'regionCode' : 'workingArea',
      codes: unknown,
    });
  }
}

const normaliseArea = (codes: readonly string[]) => [...new Set(codes)].sort();

export async function listOffices(ctx: Ctx, query: OfficeListQuery) {
  requirePermission(ctx.actor, 'orgs.read');
  const db = ctx.database.db;
  const { rows, total } = await repo.listOffices(db, query, query);
  return { items: await present(db, rows), total };
}

export async function getOffice(ctx: Ctx, id: string): Promise<OfficeItem> {
  requirePermission(ctx.actor, 'orgs.read');
  const row = await repo.findOffice(ctx.database.db, id);
  if (!row) {
    throw new AppError('OFFICE_NOT_FOUND');
  }
  return presentOne(ctx.database.db, row);
}

export async function createOffice(ctx: Ctx, input: OfficeCreate): Promise<OfficeItem> {
  requirePermission(ctx.actor, 'offices.manage');
  return ctx.database.transaction(async (tx) => {
    await checkOfficeFields(tx, input);
    const now = ctx.now();
    const row = await repo.insertOffice(tx, {
      id: randomUUID(),
      ...input,
      workingArea: normaliseArea(input.workingArea),
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, ctx, {
      action: 'office.create',
      objectType: 'office',
      objectId: row.id,
      details: { fields: { ...input, workingArea: row.workingArea } },
    });
    return presentOne(tx, row);
  });
}

export async function updateOffice(ctx: Ctx, id: string, input: OfficeUpdate): Promise<OfficeItem> {
  requirePermission(ctx.actor, 'offices.manage');
  return ctx.database.transaction(async (tx) => {
    const before = await repo.findOffice(tx, id);
    if (!before) {
      throw new AppError('OFFICE_NOT_FOUND');
    }
    if (before.archivedAt) {
      throw new AppError('ARCHIVED', 'unarchive the office first');
    }
    const patch = { ...input, ...(input.workingArea ? { workingArea: normaliseArea(input.workingArea) } : {}) };
    const changes = changedFields(before, patch);
    if (!hasChanges(changes)) {
      return presentOne(tx, before);
    }
    await checkOfficeFields(tx, patch);
    const row = await repo.updateOffice(tx, id, { ...patch, updatedAt: ctx.now() });
    await appendAudit(tx, ctx, { action: 'office.update', objectType: 'office', objectId: id, details: { changes } });
    return presentOne(tx, row);
  });
}

/** Archiving keeps the office (and its history) but takes it out of lists and pickers. Idempotent. */
export async function setOfficeArchived(ctx: Ctx, id: string, archived: boolean): Promise<OfficeItem> {
  requirePermission(ctx.actor, 'offices.manage');
  return ctx.database.transaction(async (tx) => {
    const before = await repo.findOffice(tx, id);
    if (!before) {
      throw new AppError('OFFICE_NOT_FOUND');
    }
    if ((before.archivedAt !== null) === archived) {
      return presentOne(tx, before);
    }
    const now = ctx.now();
    const row = await repo.updateOffice(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
    await appendAudit(tx, ctx, {
      action: archived ? 'office.archive' : 'office.unarchive',
      objectType: 'office',
      objectId: id,
    });
    return presentOne(tx, row);
  });
}
