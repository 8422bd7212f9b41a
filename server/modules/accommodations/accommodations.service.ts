// Accommodations: public self-registration, verification by the office whose working area holds the village
// (scope), suspension, and the operator's own properties. A registration keeps the applicant's e-mail and password
// hash until the office verifies it; verification opens the operator's account and links it to the property.
import { randomUUID } from 'node:crypto';
import type {
  AccommodationContactUpdate,
  AccommodationDetail,
  AccommodationListItem,
  AccommodationListQuery,
  AccommodationRegistration,
  AccommodationStatus,
  OwnAccommodationItem,
} from '../../../contracts/accommodations';
import type { Queryable, Tx } from '../../db/client';
import { type Actor, isInScope, requirePermission, scopeOf } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/passwords';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { isUniqueViolation } from '../orgs/orgs.repo';
import { findRegionLabels, findUserNames, unknownRegionCodes } from '../sponsors/register-refs';
import { createAccountWithPasswordHash, isAccountEmailTaken } from '../users/users.service';
import * as repo from './accommodations.repo';

/** "Hotel  Dempo " and "hotel dempo" are the same property name. */
export const nameKeyOf = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

async function presentList(db: Queryable, rows: repo.AccommodationRow[]): Promise<AccommodationListItem[]> {
  const villages = await findRegionLabels(
    db,
    rows.map((r) => r.villageCode),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as AccommodationListItem['kind'],
    nib: r.nib,
    village: villages.get(r.villageCode) ?? {
      code: r.villageCode,
      name: r.villageCode,
      level: 4,
      label: r.villageCode,
    },
    status: r.status as AccommodationStatus,
    statusChangedAt: r.statusChangedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}

function contactOf(r: repo.AccommodationRow) {
  return {
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    phone: r.phone,
    email: r.email,
    picName: r.picName,
    picPhone: r.picPhone,
    statusReason: r.statusReason,
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function presentOwn(db: Queryable, rows: repo.AccommodationRow[]): Promise<OwnAccommodationItem[]> {
  const items = await presentList(db, rows);
  return rows.map((r, i) => ({ ...(items[i] as AccommodationListItem), ...contactOf(r) }));
}

async function presentDetail(db: Queryable, row: repo.AccommodationRow): Promise<AccommodationDetail> {
  const [item] = await presentList(db, [row]);
  const changedBy = await findUserNames(db, [row.statusChangedBy]);
  return {
    ...(item as AccommodationListItem),
    ...contactOf(row),
    statusChangedBy: row.statusChangedBy ? (changedBy.get(row.statusChangedBy) ?? null) : null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    applicantEmail: row.applicantEmail,
    applicantEmailInUse: row.status === 'pending' && (await isAccountEmailTaken(db, row.applicantEmail)),
    operators: await repo.listOperators(db, row.id),
  };
}

// ─── Public registration ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Files a registration (no account needed). The answer is the same whether the account e-mail is known or not: a
 * clash with an existing account surfaces only to the office, at verification. The password is hashed now (argon2),
 * so every registration costs the same.
 */
export async function registerAccommodation(ctx: Ctx, input: AccommodationRegistration) {
  checkPasswordPolicy(input.accountPassword, input.accountEmail);
  const passwordHash = await hashPassword(input.accountPassword);
  const id = randomUUID();
  const nameKey = nameKeyOf(input.name);
  try {
    await ctx.database.transaction(async (tx) => {
      if ((await unknownRegionCodes(tx, [input.villageCode])).length > 0) {
        throw new AppError('INVALID_REFERENCE', 'unknown village', {
          field: 'villageCode',
          codes: [input.villageCode],
        });
      }
      if (await repo.findLiveDuplicate(tx, input.nib, nameKey)) {
        throw new AppError('ACCOMMODATION_DUPLICATE', 'this property is already registered', { field: 'nib' });
      }
      const now = ctx.now();
      const { accountEmail, accountPassword: _, ...fields } = input;
      await repo.insertAccommodation(tx, {
        id,
        ...fields,
        nameKey,
        status: 'pending',
        statusChangedAt: now,
        applicantEmail: accountEmail,
        applicantPasswordHash: passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(tx, ctx, {
        action: 'accommodation.register',
        objectType: 'accommodation',
        objectId: id,
        details: { name: input.name, kind: input.kind, nib: input.nib, villageCode: input.villageCode },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('ACCOMMODATION_DUPLICATE', 'this property is already registered', { field: 'nib' });
    }
    throw error;
  }
  return { status: 'pending' as const };
}

// ─── Office: list, detail, verification ──────────────────────────────────────────────────────────────────────────

/** The property if it lies in the actor's scope; otherwise not found, so that its existence is not revealed. */
async function findVisibleAccommodation(db: Queryable, actor: Actor, id: string) {
  const row = await repo.findAccommodation(db, id);
  if (!row || !isInScope(scopeOf(actor), row.villageCode)) {
    throw new AppError('ACCOMMODATION_NOT_FOUND');
  }
  return row;
}

export async function listAccommodations(ctx: Ctx, query: AccommodationListQuery) {
  requirePermission(ctx.actor, 'accommodations.read');
  const db = ctx.database.db;
  const { limit, offset, ...filters } = query;
  const { rows, total } = await repo.listAccommodations(
    db,
    { ...filters, scope: scopeOf(ctx.actor) },
    { limit, offset },
  );
  return { items: await presentList(db, rows), total };
}

/** The detail names the person in charge and the applicant: personal data, so the read is audited. */
export async function getAccommodation(ctx: Ctx, id: string): Promise<AccommodationDetail> {
  requirePermission(ctx.actor, 'accommodations.read');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const row = await findVisibleAccommodation(tx, actor, id);
    await appendAudit(tx, ctx, { action: 'accommodation.read', objectType: 'accommodation', objectId: id });
    return presentDetail(tx, row);
  });
}

type Transition = { from: readonly AccommodationStatus[]; to: AccommodationStatus; action: string };

async function changeStatus(
  ctx: Ctx,
  id: string,
  transition: Transition,
  reason: string | null,
  also?: (tx: Tx, row: repo.AccommodationRow) => Promise<void>,
): Promise<AccommodationDetail> {
  requirePermission(ctx.actor, 'accommodations.verify');
  const actor = ctx.actor;
  // The decision belongs to the immigration office whose working area holds the property (or national scope), not
  // to an admin of another member agency.
  if (actor.kind === 'user' && actor.scope !== 'all' && actor.officeId === null) {
    throw new AppError('PERMISSION_DENIED', 'only an immigration office decides on accommodations', {
      permission: 'accommodations.verify',
    });
  }
  return ctx.database.transaction(async (tx) => {
    const row = await findVisibleAccommodation(tx, actor, id);
    if (!transition.from.includes(row.status as AccommodationStatus)) {
      throw new AppError('ACCOMMODATION_STATUS_CONFLICT', `cannot ${transition.action} a ${row.status} property`, {
        status: row.status,
      });
    }
    await also?.(tx, row);
    const now = ctx.now();
    const updated = await repo.updateAccommodation(tx, id, {
      status: transition.to,
      statusReason: reason,
      statusChangedAt: now,
      statusChangedBy: actor.kind === 'user' ? actor.userId : null,
      updatedAt: now,
      ...(transition.to === 'verified' && row.status === 'pending' ? { verifiedAt: now } : {}),
      // The applicant's password hash is kept only while the registration waits.
      ...(row.status === 'pending' ? { applicantPasswordHash: null } : {}),
    });
    await appendAudit(tx, ctx, {
      action: `accommodation.${transition.action}`,
      objectType: 'accommodation',
      objectId: id,
      details: { from: row.status, to: transition.to, ...(reason ? { reason } : {}) },
    });
    return presentDetail(tx, updated);
  });
}

/**
 * Verifies a pending registration: opens the operator's account (role accommodation_operator, the password the
 * applicant chose) in the verifying officer's agency — so the office administers it — and links it to the property.
 * An applicant e-mail that already has an account is refused (EMAIL_TAKEN); the office then rejects with a reason.
 */
export async function verifyAccommodation(
  ctx: Ctx,
  id: string,
  opts: { operatorAgencyId?: string } = {},
): Promise<AccommodationDetail> {
  return changeStatus(ctx, id, { from: ['pending'], to: 'verified', action: 'verify' }, null, async (tx, row) => {
    const agencyId = opts.operatorAgencyId ?? (ctx.actor.kind === 'user' ? ctx.actor.agencyId : undefined);
    if (!agencyId) {
      throw new AppError('INVALID_REFERENCE', 'the operator account needs an agency', { field: 'operatorAgencyId' });
    }
    if (!row.applicantPasswordHash) {
      throw new AppError('ACCOMMODATION_STATUS_CONFLICT', 'the registration has no account to open');
    }
    const userId = await createAccountWithPasswordHash(tx, ctx, {
      email: row.applicantEmail,
      name: row.picName,
      agencyId,
      roles: ['accommodation_operator'],
      passwordHash: row.applicantPasswordHash,
    });
    await repo.linkOperator(tx, row.id, userId, ctx.now());
  });
}

export const rejectAccommodation = (ctx: Ctx, id: string, reason: string) =>
  changeStatus(ctx, id, { from: ['pending'], to: 'rejected', action: 'reject' }, reason);

export const suspendAccommodation = (ctx: Ctx, id: string, reason: string) =>
  changeStatus(ctx, id, { from: ['verified'], to: 'suspended', action: 'suspend' }, reason);

export const reactivateAccommodation = (ctx: Ctx, id: string) =>
  changeStatus(ctx, id, { from: ['suspended'], to: 'verified', action: 'reactivate' }, null);

// ─── Operators: their own properties ────────────────────────────────────────────────────────────────────────────

/** A property the actor operates (its key, or a linked operator account); otherwise not found. */
export async function findOwnAccommodation(db: Queryable, actor: Actor, id: string): Promise<repo.AccommodationRow> {
  if (actor.kind === 'accommodation_key') {
    if (actor.accommodationId !== id) {
      throw new AppError('ACCOMMODATION_NOT_FOUND');
    }
  } else {
    requirePermission(actor, 'accommodations.manage_own');
    if (actor.kind !== 'user' || !(await repo.isOperatorOf(db, id, actor.userId))) {
      throw new AppError('ACCOMMODATION_NOT_FOUND');
    }
  }
  const row = await repo.findAccommodation(db, id);
  if (!row) {
    throw new AppError('ACCOMMODATION_NOT_FOUND');
  }
  return row;
}

/** The properties of the signed-in operator, or the one property of the API key. */
export async function listOwnAccommodations(ctx: Ctx): Promise<{ items: OwnAccommodationItem[] }> {
  const actor = ctx.actor;
  const db = ctx.database.db;
  if (actor.kind === 'accommodation_key') {
    return { items: await presentOwn(db, [await findOwnAccommodation(db, actor, actor.accommodationId)]) };
  }
  requirePermission(actor, 'accommodations.manage_own');
  if (actor.kind !== 'user') {
    return { items: [] };
  }
  return { items: await presentOwn(db, await repo.listOperatedAccommodations(db, actor.userId)) };
}

export async function updateOwnContact(
  ctx: Ctx,
  id: string,
  input: AccommodationContactUpdate,
): Promise<OwnAccommodationItem> {
  requirePermission(ctx.actor, 'accommodations.manage_own');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findOwnAccommodation(tx, actor, id);
    if (before.status === 'rejected') {
      throw new AppError('ACCOMMODATION_STATUS_CONFLICT', 'the registration was rejected', { status: before.status });
    }
    const changes = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && before[k as keyof typeof before] !== v),
    );
    if (Object.keys(changes).length === 0) {
      return (await presentOwn(tx, [before]))[0] as OwnAccommodationItem;
    }
    const updated = await repo.updateAccommodation(tx, id, { ...changes, updatedAt: ctx.now() });
    await appendAudit(tx, ctx, {
      action: 'accommodation.update_contact',
      objectType: 'accommodation',
      objectId: id,
      details: { changes },
    });
    return (await presentOwn(tx, [updated]))[0] as OwnAccommodationItem;
  });
}

/**
 * For stay reporting: the property a report is made for, which must be verified. A key reports for its own property
 * (an accommodationId, if given, must be that one); an operator names one of theirs, or may leave it out when they
 * operate exactly one.
 */
export async function resolveReportingAccommodation(ctx: Ctx, accommodationId?: string) {
  const actor = ctx.actor;
  const db = ctx.database.db;
  let row: repo.AccommodationRow;
  if (actor.kind === 'accommodation_key') {
    row = await findOwnAccommodation(db, actor, accommodationId ?? actor.accommodationId);
  } else if (accommodationId) {
    row = await findOwnAccommodation(db, actor, accommodationId);
  } else {
    requirePermission(actor, 'accommodations.manage_own');
    const own = actor.kind === 'user' ? await repo.listOperatedAccommodations(db, actor.userId) : [];
    if (own.length !== 1) {
      throw new AppError('VALIDATION_FAILED', 'name the property you report for', {
        errors: [{ path: 'body.accommodationId', code: 'required', message: 'pilih penginapan' }],
      });
    }
    row = own[0] as repo.AccommodationRow;
  }
  if (row.status !== 'verified') {
    throw new AppError('ACCOMMODATION_NOT_ACTIVE', 'the property is not verified', { status: row.status });
  }
  return { id: row.id, name: row.name, villageCode: row.villageCode, kind: row.kind };
}
