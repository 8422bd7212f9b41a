// Accommodations: public self-registration (and another property for a signed-in operator), verification and edits
// by the office whose working area holds the village (scope), suspension, and the operator's own properties. A public
// registration keeps the applicant's e-mail and password hash until the office verifies it; verification opens the
// operator's account (or links the operator account that already has that e-mail) and links it to the property.
import { randomUUID } from 'node:crypto';
import type {
  AccommodationContactUpdate,
  AccommodationDetail,
  AccommodationListItem,
  AccommodationListQuery,
  AccommodationProperty,
  AccommodationRegistration,
  AccommodationStatus,
  AccommodationUpdate,
  OwnAccommodationItem,
} from '../../../contracts/accommodations';
import type { Queryable, Tx } from '../../db/client';
import { type Actor, isInScope, requirePermission, scopeOf } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/passwords';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { moveItemsToVillage } from '../compliance/compliance.repo';
import { notifyUsers } from '../notifications/notifications.service';
import { isUniqueViolation } from '../orgs/orgs.repo';
import { findRegionLabels, findUserNames, unknownRegionCodes } from '../sponsors/register-refs';
import { moveStaysToVillage } from '../stays/stays.repo';
import { createAccountWithPasswordHash } from '../users/users.service';
import * as repo from './accommodations.repo';
import { forgetKeys } from './api-key-cache';

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
  const operators = await repo.listOperators(db, row.id);
  const plan = row.status === 'pending' ? await operatorAccountPlan(db, row, operators.length) : null;
  return {
    ...(item as AccommodationListItem),
    ...contactOf(row),
    statusChangedBy: row.statusChangedBy ? (changedBy.get(row.statusChangedBy) ?? null) : null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    applicantEmail: row.applicantEmail,
    applicantAccount: plan === null ? null : plan.kind === 'none' ? 'taken' : plan.kind,
    operators,
  };
}

/** Field by field, what an edit changes (absent fields and equal values are no change), with the old values for the
 * audit log. */
function changesOf(before: repo.AccommodationRow, input: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(input)) {
    const from = before[key as keyof repo.AccommodationRow];
    if (to !== undefined && from !== to) {
      changes[key] = { from, to };
    }
  }
  return changes;
}
const newValuesOf = (changes: Record<string, { to: unknown }>) =>
  Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.to]));

// ─── Public registration ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Files a registration (no account needed). The answer is the same whether the account e-mail is known or not: a
 * clash with an existing account surfaces only to the office, at verification. The password is hashed now (argon2),
 * so every registration costs the same.
 */
export async function registerAccommodation(ctx: Ctx, input: AccommodationRegistration) {
  checkPasswordPolicy(input.accountPassword, input.accountEmail);
  const passwordHash = await hashPassword(input.accountPassword);
  const { accountEmail, accountPassword: _, ...property } = input;
  await refusingDuplicates(() =>
    ctx.database.transaction((tx) =>
      insertPendingProperty(tx, ctx, randomUUID(), property, {
        applicantEmail: accountEmail,
        applicantPasswordHash: passwordHash,
      }),
    ),
  );
  return { status: 'pending' as const };
}

/**
 * Another property for a signed-in operator who already runs a verified one: filed pending like a public
 * registration but without an account part, and linked to the operator's account at once — so they follow it (and
 * read a rejection's reason) on "Penginapan saya"; it reports guests once the office has verified it.
 */
export async function registerAnotherAccommodation(
  ctx: Ctx,
  input: AccommodationProperty,
): Promise<OwnAccommodationItem> {
  requirePermission(ctx.actor, 'accommodations.manage_own');
  const actor = ctx.actor;
  if (actor.kind !== 'user') {
    throw new AppError('PERMISSION_DENIED', 'only an operator account registers further properties', {
      permission: 'accommodations.manage_own',
    });
  }
  return refusingDuplicates(() =>
    ctx.database.transaction(async (tx) => {
      const own = await repo.listOperatedAccommodations(tx, actor.userId);
      if (!own.some((r) => r.status === 'verified')) {
        throw new AppError('ACCOMMODATION_NOT_ACTIVE', 'only the operator of a verified property registers another', {
          status: own[0]?.status ?? null,
        });
      }
      const id = randomUUID();
      await insertPendingProperty(tx, ctx, id, input, {
        applicantEmail: actor.email,
        applicantPasswordHash: null,
        operatorUserId: actor.userId,
      });
      const row = (await repo.findAccommodation(tx, id)) as repo.AccommodationRow;
      return (await presentOwn(tx, [row]))[0] as OwnAccommodationItem;
    }),
  );
}

async function refusingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // Two registrations of one property at once: the partial unique index decides.
    if (isUniqueViolation(error)) {
      throw new AppError('ACCOMMODATION_DUPLICATE', 'this property is already registered', { field: 'nib' });
    }
    throw error;
  }
}

async function requireKnownVillage(db: Queryable, villageCode: string) {
  if ((await unknownRegionCodes(db, [villageCode])).length > 0) {
    throw new AppError('INVALID_REFERENCE', 'unknown village', { field: 'villageCode', codes: [villageCode] });
  }
}

async function insertPendingProperty(
  tx: Tx,
  ctx: Ctx,
  id: string,
  property: AccommodationProperty,
  applicant: { applicantEmail: string; applicantPasswordHash: string | null; operatorUserId?: string },
) {
  await requireKnownVillage(tx, property.villageCode);
  const nameKey = nameKeyOf(property.name);
  if (await repo.findLiveDuplicate(tx, property.nib, nameKey)) {
    throw new AppError('ACCOMMODATION_DUPLICATE', 'this property is already registered', { field: 'nib' });
  }
  const now = ctx.now();
  const { operatorUserId, ...account } = applicant;
  await repo.insertAccommodation(tx, {
    id,
    ...property,
    nameKey,
    status: 'pending',
    statusChangedAt: now,
    ...account,
    createdAt: now,
    updatedAt: now,
  });
  if (operatorUserId) {
    await repo.linkOperator(tx, id, operatorUserId, now);
  }
  await appendAudit(tx, ctx, {
    action: 'accommodation.register',
    objectType: 'accommodation',
    objectId: id,
    details: {
      name: property.name,
      kind: property.kind,
      nib: property.nib,
      villageCode: property.villageCode,
      ...(operatorUserId ? { operatorUserId } : {}),
    },
  });
}

// ─── Office: list, detail, verification ──────────────────────────────────────────────────────────────────────────

/** The property if it lies in the actor's scope; otherwise not found, so that its existence is not revealed. */
async function findVisibleAccommodation(db: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const row = await repo.findAccommodation(db, id, opts);
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

/** Decisions and edits belong to the immigration office whose working area holds the property (or national scope),
 * not to an admin of another member agency who also holds accommodations.verify. */
function requireDecidingOffice(actor: Actor) {
  requirePermission(actor, 'accommodations.verify');
  if (actor.kind === 'user' && actor.scope !== 'all' && actor.officeId === null) {
    throw new AppError('PERMISSION_DENIED', 'only an immigration office decides on accommodations', {
      permission: 'accommodations.verify',
    });
  }
}

async function changeStatus(
  ctx: Ctx,
  id: string,
  transition: Transition,
  reason: string | null,
  also?: (tx: Tx, row: repo.AccommodationRow) => Promise<Record<string, unknown>>,
): Promise<AccommodationDetail> {
  const actor = ctx.actor;
  requireDecidingOffice(actor);
  const detail = await ctx.database.transaction(async (tx) => {
    const row = await findVisibleAccommodation(tx, actor, id, { lock: true });
    if (!transition.from.includes(row.status as AccommodationStatus)) {
      throw new AppError('ACCOMMODATION_STATUS_CONFLICT', `cannot ${transition.action} a ${row.status} property`, {
        status: row.status,
      });
    }
    const extra = (await also?.(tx, row)) ?? {};
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
      details: { from: row.status, to: transition.to, ...(reason ? { reason } : {}), ...extra },
    });
    return presentDetail(tx, updated);
  });
  // the property's keys act on its new status from the next request on
  forgetKeys(ctx.database);
  return detail;
}

type OperatorAccountPlan =
  | { kind: 'new'; passwordHash: string }
  | { kind: 'existing_operator'; userId: string }
  | { kind: 'linked' }
  | { kind: 'taken' }
  | { kind: 'none' };

/**
 * What verifying a pending registration does about its operator's account. Filed by a signed-in operator: already
 * linked. Filed publicly: a new account when nobody has the e-mail; the existing account when it is an active
 * accommodation operator (the registration never revealed that it exists, and the password typed with it is
 * dropped); refused when the e-mail belongs to anyone else (staff, or a disabled or archived account).
 */
async function operatorAccountPlan(
  db: Queryable,
  row: repo.AccommodationRow,
  linkedOperators: number,
): Promise<OperatorAccountPlan> {
  if (linkedOperators > 0) {
    return { kind: 'linked' };
  }
  if (!row.applicantPasswordHash) {
    return { kind: 'none' };
  }
  const account = await repo.findAccountByEmail(db, row.applicantEmail);
  if (!account) {
    return { kind: 'new', passwordHash: row.applicantPasswordHash };
  }
  if (account.status === 'active' && account.roles.includes('accommodation_operator')) {
    return { kind: 'existing_operator', userId: account.id };
  }
  return { kind: 'taken' };
}

/**
 * Verifies a pending registration and settles its operator's account (operatorAccountPlan): a new account (role
 * accommodation_operator, the password the applicant chose) is opened in the verifying officer's agency — so the
 * office administers it; an existing operator account is linked; an e-mail taken by any other account is refused
 * (EMAIL_TAKEN) and the office rejects with a reason.
 */
export async function verifyAccommodation(
  ctx: Ctx,
  id: string,
  opts: { operatorAgencyId?: string } = {},
): Promise<AccommodationDetail> {
  return changeStatus(ctx, id, { from: ['pending'], to: 'verified', action: 'verify' }, null, async (tx, row) => {
    const plan = await operatorAccountPlan(tx, row, (await repo.listOperators(tx, row.id)).length);
    switch (plan.kind) {
      case 'linked':
        return { operatorAccount: plan.kind };
      case 'none':
        throw new AppError('ACCOMMODATION_STATUS_CONFLICT', 'the registration has no account to open');
      case 'taken':
        throw new AppError('EMAIL_TAKEN', 'the applicant e-mail belongs to an account that is not an operator', {
          field: 'applicantEmail',
        });
      case 'existing_operator':
        await repo.linkOperator(tx, row.id, plan.userId, ctx.now());
        // the registration came through the public form: the account's holder learns that it now runs this property
        await notifyUsers(tx, ctx, [plan.userId], {
          kind: 'accommodation.linked',
          titleKey: 'messages.propertyLinked.title',
          bodyKey: 'messages.propertyLinked.body',
          params: { property: row.name },
          link: '/my-accommodation',
          email: true,
        });
        return { operatorAccount: plan.kind, operatorUserId: plan.userId };
      case 'new': {
        const agencyId = opts.operatorAgencyId ?? (ctx.actor.kind === 'user' ? ctx.actor.agencyId : undefined);
        if (!agencyId) {
          throw new AppError('INVALID_REFERENCE', 'the operator account needs an agency', {
            field: 'operatorAgencyId',
          });
        }
        const userId = await createAccountWithPasswordHash(tx, ctx, {
          email: row.applicantEmail,
          name: row.picName,
          agencyId,
          roles: ['accommodation_operator'],
          passwordHash: plan.passwordHash,
        });
        await repo.linkOperator(tx, row.id, userId, ctx.now());
        return { operatorAccount: plan.kind, operatorUserId: userId };
      }
    }
  });
}

export const rejectAccommodation = (ctx: Ctx, id: string, reason: string) =>
  changeStatus(ctx, id, { from: ['pending'], to: 'rejected', action: 'reject' }, reason);

export const suspendAccommodation = (ctx: Ctx, id: string, reason: string) =>
  changeStatus(ctx, id, { from: ['verified'], to: 'suspended', action: 'suspend' }, reason);

export const reactivateAccommodation = (ctx: Ctx, id: string) =>
  changeStatus(ctx, id, { from: ['suspended'], to: 'verified', action: 'reactivate' }, null);

/**
 * The office changes what is registered about a property in its working area: name, kind, NIB, place (village,
 * address, map pin), contact and person in charge — by the same rules as a registration. A new village must exist
 * and lie in the actor's scope too (REGION_OUT_OF_SCOPE): handing a property to another office's area takes an actor
 * whose scope covers both. A rejected registration is closed (it registers again instead). Audited with the old and
 * new value of every changed field; an edit that changes nothing writes nothing.
 */
export async function updateAccommodation(ctx: Ctx, id: string, input: AccommodationUpdate) {
  const actor = ctx.actor;
  requireDecidingOffice(actor);
  const detail = await refusingDuplicates(() =>
    ctx.database.transaction(async (tx) => {
      const before = await findVisibleAccommodation(tx, actor, id, { lock: true });
      if (before.status === 'rejected') {
        throw new AppError('ACCOMMODATION_STATUS_CONFLICT', 'the registration was rejected', { status: before.status });
      }
      const changes = changesOf(before, input);
      if (Object.keys(changes).length === 0) {
        return presentDetail(tx, before);
      }
      if (changes.villageCode) {
        const villageCode = changes.villageCode.to as string;
        await requireKnownVillage(tx, villageCode);
        if (!isInScope(scopeOf(actor), villageCode)) {
          throw new AppError('REGION_OUT_OF_SCOPE', 'the village lies outside your scope', { field: 'villageCode' });
        }
      }
      const nameKey = nameKeyOf((changes.name?.to as string | undefined) ?? before.name);
      const nib = (changes.nib?.to as string | undefined) ?? before.nib;
      if (
        (nameKey !== before.nameKey || nib !== before.nib) &&
        (await repo.findLiveDuplicate(tx, nib, nameKey, before.id))
      ) {
        throw new AppError('ACCOMMODATION_DUPLICATE', 'another property has this NIB and name', {
          field: changes.nib ? 'nib' : 'name',
        });
      }
      const updated = await repo.updateAccommodation(tx, id, {
        ...newValuesOf(changes),
        nameKey,
        updatedAt: ctx.now(),
      });
      if (changes.villageCode) {
        // The stays copy the village for the office's area filters: a corrected village moves them all along.
        await moveStaysToVillage(tx, id, updated.villageCode, ctx.now());
        await moveItemsToVillage(tx, id, updated.villageCode, ctx.now());
      }
      await appendAudit(tx, ctx, {
        action: 'accommodation.update',
        objectType: 'accommodation',
        objectId: id,
        details: { changes },
      });
      return presentDetail(tx, updated);
    }),
  );
  // the property's keys report under its new name and address from the next request on
  forgetKeys(ctx.database);
  return detail;
}

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

/** An operator changes the contact and person in charge of their own property; the rest changes through the office
 * (updateAccommodation). */
export async function updateOwnContact(
  ctx: Ctx,
  id: string,
  input: AccommodationContactUpdate,
): Promise<OwnAccommodationItem> {
  requirePermission(ctx.actor, 'accommodations.manage_own');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    await findOwnAccommodation(tx, actor, id);
    const before = (await repo.findAccommodation(tx, id, { lock: true })) as repo.AccommodationRow;
    if (before.status === 'rejected') {
      throw new AppError('ACCOMMODATION_STATUS_CONFLICT', 'the registration was rejected', { status: before.status });
    }
    const changes = changesOf(before, input);
    if (Object.keys(changes).length === 0) {
      return (await presentOwn(tx, [before]))[0] as OwnAccommodationItem;
    }
    const updated = await repo.updateAccommodation(tx, id, { ...newValuesOf(changes), updatedAt: ctx.now() });
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
 * operate exactly one (a further registration still pending or rejected does not count).
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
    const all = actor.kind === 'user' ? await repo.listOperatedAccommodations(db, actor.userId) : [];
    // A further registration still pending (or rejected) does not make the operator name the property they report for.
    const settled = all.filter((r) => r.status !== 'pending' && r.status !== 'rejected');
    const own = settled.length > 0 ? settled : all;
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
