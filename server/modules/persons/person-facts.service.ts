// Facts added to a person after creation, each with its source: names, travel documents (optionally from the MRZ),
// stay permits (with cancellation and departure), addresses (a new one ends the previous), and identity claims (a
// source's version of the identity, kept beside the others). Every write answers with the person page.

import type {
  AddressCreate,
  AddressUpdate,
  IdentityClaimCreate,
  PermitCreate,
  PermitUpdate,
  PersonDetail,
  PersonNameCreate,
  PersonNameUpdate,
  TravelDocumentCreate,
  TravelDocumentUpdate,
} from '../../../contracts/persons';
import type { Queryable, Tx } from '../../db/client';
import { requirePermission } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { changedFields, hasChanges } from '../orgs/field-changes';
import { birthDatesAgree, documentFromMrz, readMrz } from './person-mrz';
import { normaliseDocumentNumber, searchNameOf } from './person-names';
import {
  addNames,
  checkDateOrder,
  checkRegion,
  checkSponsor,
  checkVisaIndex,
  countryOf,
  findWritablePerson,
  hasName,
  recordClaim,
  refreshPerson,
  replacePrimaryName,
  sourceFrom,
} from './person-records';
import { addDays } from './person-status';
import { identityOf, presentDetail } from './persons.present';
import * as repo from './persons.repo';
import { isPersonVisible, viewerOf } from './persons.scope';

type FactWrite = (
  tx: Tx,
  person: repo.PersonRow,
  now: Date,
) => Promise<{ action: string; details: Record<string, unknown> }>;

/** The frame of every fact write: permission, a writable person (else 404), one transaction with the audit row,
 * the kept columns refreshed, the person page as the answer. */
async function writeFact(ctx: Ctx, personId: string, write: FactWrite): Promise<PersonDetail> {
  requirePermission(ctx.actor, 'persons.write');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const person = await findWritablePerson(tx, actor, personId);
    const now = ctx.now();
    const { action, details } = await write(tx, person, now);
    const after = await refreshPerson(tx, personId, now);
    await appendAudit(tx, ctx, { action, objectType: 'person', objectId: personId, details });
    return presentDetail(tx, after, { now, expiringDays: ctx.config.expiringDays, viewer: viewerOf(actor) });
  });
}

// ─── Names ───────────────────────────────────────────────────────────────────────────────────────────────────────

export function addPersonName(ctx: Ctx, personId: string, input: PersonNameCreate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    const source = await sourceFrom(tx, ctx, input.source);
    const [name] = await addNames(
      tx,
      person.id,
      [{ kind: input.kind, surname: input.surname, givenNames: input.givenNames, fullName: input.fullName }],
      source,
      now,
    );
    return { action: 'person.name.add', details: { nameId: name?.id, kind: input.kind } };
  });
}

export function updatePersonName(ctx: Ctx, personId: string, nameId: string, input: PersonNameUpdate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    const before = await repo.findName(tx, person.id, nameId);
    if (!before) {
      throw new AppError('PERSON_NAME_NOT_FOUND');
    }
    if (before.kind === 'primary') {
      throw new AppError('CONFLICT', 'the primary name changes with the person (PATCH /persons/{id})', {
        field: 'kind',
      });
    }
    const changes = changedFields(before, input);
    if (hasChanges(changes)) {
      const next = { ...before, ...input };
      if (next.surname === '' && next.givenNames === '' && !next.fullName) {
        throw new AppError('VALIDATION_FAILED', 'a name needs a word', {
          errors: [{ path: 'body.surname', code: 'custom', message: 'isi nama' }],
        });
      }
      const [nameKeyId] = await repo.ensureNameKeys(tx, [next]);
      await repo.updateName(tx, nameId, {
        ...input,
        searchName: searchNameOf(next.surname, next.givenNames) || searchNameOf(next.fullName ?? '', ''),
        nameKeyId,
        updatedAt: now,
      });
    }
    return { action: 'person.name.update', details: { nameId, changes } };
  });
}

// ─── Travel documents ────────────────────────────────────────────────────────────────────────────────────────────

/** A document number already on file for another person answers 409 DUPLICATE_CANDIDATES (the two records are
 * probably one person: link or merge them); for the same person, 409 CONFLICT. */
async function checkDocumentHolders(
  db: Queryable,
  ctx: Ctx,
  personId: string,
  number: string,
  issuingState: string,
  exceptDocumentId: string | null,
) {
  const holders = await repo.findDocumentHolders(db, normaliseDocumentNumber(number), issuingState);
  if (holders.some((h) => h.person.id === personId) && exceptDocumentId === null) {
    throw new AppError('CONFLICT', 'the document is on file for this person already', { field: 'document.number' });
  }
  const others = holders.filter((h) => h.person.id !== personId);
  if (others.length === 0) {
    return;
  }
  const viewer = viewerOf(ctx.actor);
  const visible = others.filter((h) => isPersonVisible(viewer, h.person));
  throw new AppError('DUPLICATE_CANDIDATES', 'the document is on file for another person', {
    candidates: visible.map((h) => ({
      id: h.person.id,
      surname: h.person.surname,
      givenNames: h.person.givenNames,
      fullName: h.person.fullName,
      birthDate: h.person.birthDate,
      nationality: h.person.nationality,
      document: { number: h.number, issuingState },
      score: 1,
      reasons: ['document'],
    })),
    hiddenCandidates: others.length - visible.length,
  });
}

export function addTravelDocument(ctx: Ctx, personId: string, input: TravelDocumentCreate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    let doc: {
      type: string;
      documentCode: string | null;
      number: string;
      issuingState: string;
      expiryDate: string | null;
    };
    let mrz: ReturnType<typeof readMrz> | null = null;
    if (input.mrz !== undefined) {
      mrz = readMrz(input.mrz, now);
      doc = documentFromMrz(input, mrz, (c) => countryOf(c, 'issuingState'));
      // The holder's hard facts must agree (else it is someone else's document); a different name may be a
      // marriage or a new transliteration, and is kept as the document's name instead.
      const f = mrz.fields;
      const mismatches = [
        ...(f.nationality !== person.nationality
          ? [{ field: 'nationality', given: person.nationality, mrz: f.nationality }]
          : []),
        ...(f.birthDate && person.birthDate && !birthDatesAgree(f.birthDate, person.birthDate)
          ? [{ field: 'birthDate', given: person.birthDate, mrz: f.birthDate }]
          : []),
        ...(f.sex && person.sex && f.sex !== person.sex ? [{ field: 'sex', given: person.sex, mrz: f.sex }] : []),
      ];
      if (mismatches.length > 0) {
        throw new AppError('MRZ_MISMATCH', 'the MRZ belongs to someone else', { mismatches });
      }
    } else {
      doc = {
        type: input.type ?? 'P',
        documentCode: input.documentCode ?? null,
        number: input.number as string,
        issuingState: input.issuingState as string,
        expiryDate: input.expiryDate,
      };
    }
    doc.issuingState = countryOf(doc.issuingState, 'issuingState');
    checkDateOrder(input.issueDate, doc.expiryDate, 'expiryDate');
    await checkDocumentHolders(tx, ctx, person.id, doc.number, doc.issuingState, null);
    const source = await sourceFrom(tx, ctx, input.source);
    const row = await repo.insertDocument(tx, {
      id: newId(),
      personId: person.id,
      ...doc,
      numberNorm: normaliseDocumentNumber(doc.number),
      issueDate: input.issueDate,
      mrzLines: mrz?.lines ?? null,
      ...source,
      createdAt: now,
      updatedAt: now,
    });
    const superseded = await repo.supersedeOlderDocuments(tx, row, now);
    if (mrz && mrz.fields.surname + mrz.fields.givenNames !== '') {
      const { surname, givenNames } = mrz.fields;
      if (!(await hasName(tx, person.id, surname, givenNames))) {
        await addNames(
          tx,
          person.id,
          [{ kind: 'document', surname, givenNames, fullName: null, documentId: row.id }],
          source,
          now,
        );
      }
    }
    return { action: 'person.document.add', details: { documentId: row.id, fromMrz: mrz !== null, superseded } };
  });
}

export function updateTravelDocument(ctx: Ctx, personId: string, documentId: string, input: TravelDocumentUpdate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    const before = await repo.findDocument(tx, person.id, documentId);
    if (!before) {
      throw new AppError('TRAVEL_DOCUMENT_NOT_FOUND');
    }
    const { superseded, ...fields } = input;
    const patch = {
      ...fields,
      ...(fields.issuingState ? { issuingState: countryOf(fields.issuingState, 'issuingState') } : {}),
    };
    const changes: Record<string, unknown> = changedFields(before, patch);
    if (superseded !== undefined && superseded !== (before.supersededAt !== null)) {
      changes.superseded = { from: !superseded, to: superseded };
    }
    if (!hasChanges(changes)) {
      return { action: 'person.document.update', details: { documentId, changes } };
    }
    const next = { ...before, ...patch };
    checkDateOrder(next.issueDate, next.expiryDate, 'expiryDate');
    if ('number' in changes || 'issuingState' in changes) {
      await checkDocumentHolders(tx, ctx, person.id, next.number, next.issuingState, documentId);
    }
    await repo.updateDocument(tx, documentId, {
      ...patch,
      ...(patch.number ? { numberNorm: normaliseDocumentNumber(patch.number) } : {}),
      ...(superseded === undefined ? {} : { supersededAt: superseded ? now : null }),
      updatedAt: now,
    });
    return { action: 'person.document.update', details: { documentId, changes } };
  });
}

// ─── Permits ─────────────────────────────────────────────────────────────────────────────────────────────────────

function checkPermitDates(p: {
  validFrom: string | null;
  validUntil: string | null;
  entryDate: string | null;
  exitDate: string | null;
}) {
  checkDateOrder(p.validFrom, p.validUntil, 'validUntil');
  checkDateOrder(p.entryDate, p.exitDate, 'exitDate');
}

/** A permit that becomes the current one with a sponsor makes that sponsor the person's (UU 6/2011 Pasal 71: a
 * change of sponsor is reported with the permit). */
async function followPermitSponsor(tx: Tx, personId: string, permitId: string, now: Date) {
  const person = await refreshPerson(tx, personId, now);
  const permit = await repo.findPermit(tx, personId, permitId);
  if (person.permitId === permitId && permit?.sponsorId && permit.sponsorId !== person.sponsorId) {
    await repo.updatePerson(tx, personId, { sponsorId: permit.sponsorId, updatedAt: now });
  }
}

export function addPermit(ctx: Ctx, personId: string, input: PermitCreate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    const { source: sourceInput, ...p } = input;
    checkVisaIndex(p.visaIndex, 'visaIndex');
    checkPermitDates(p);
    await checkSponsor(tx, ctx.actor, p.sponsorId, 'sponsorId');
    const source = await sourceFrom(tx, ctx, sourceInput);
    const row = await repo.insertPermit(tx, {
      id: newId(),
      personId: person.id,
      ...p,
      numberNorm: p.number ? normaliseDocumentNumber(p.number) : null,
      ...source,
      createdAt: now,
      updatedAt: now,
    });
    await followPermitSponsor(tx, person.id, row.id, now);
    return { action: 'person.permit.add', details: { permitId: row.id, type: p.type, validUntil: p.validUntil } };
  });
}

export function updatePermit(ctx: Ctx, personId: string, permitId: string, input: PermitUpdate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    const before = await repo.findPermit(tx, person.id, permitId);
    if (!before) {
      throw new AppError('PERMIT_NOT_FOUND');
    }
    const { cancelled, ...fields } = input;
    const changes: Record<string, unknown> = changedFields(before, fields);
    if (cancelled !== undefined && cancelled !== (before.cancelledAt !== null)) {
      changes.cancelled = { from: !cancelled, to: cancelled };
    }
    if (!hasChanges(changes)) {
      return { action: 'person.permit.update', details: { permitId, changes } };
    }
    checkVisaIndex(fields.visaIndex, 'visaIndex');
    checkPermitDates({ ...before, ...fields });
    if ('sponsorId' in changes) {
      await checkSponsor(tx, ctx.actor, fields.sponsorId, 'sponsorId');
    }
    await repo.updatePermit(tx, permitId, {
      ...fields,
      ...(fields.number !== undefined
        ? { numberNorm: fields.number ? normaliseDocumentNumber(fields.number) : null }
        : {}),
      ...(cancelled === undefined ? {} : { cancelledAt: cancelled ? now : null }),
      ...(cancelled === false ? { cancelReason: null } : {}),
      updatedAt: now,
    });
    await followPermitSponsor(tx, person.id, permitId, now);
    return { action: 'person.permit.update', details: { permitId, changes } };
  });
}

// ─── Addresses ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A new address becomes the current one and ends the open one the day before it starts (or today). An address that
 * starts before the current one is history: it ends the day before the current one starts. A move outside the
 * caller's scope is allowed (it is how a move away is recorded); the person then leaves the caller's view.
 */
export function addAddress(ctx: Ctx, personId: string, input: AddressCreate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    const { source: sourceInput, ...a } = input;
    await checkRegion(tx, a.regionCode, 'regionCode');
    const source = await sourceFrom(tx, ctx, sourceInput);
    const open = (await repo.listAddresses(tx, person.id)).filter((x) => x.validTo === null);
    const today = a.validFrom ?? now.toISOString().slice(0, 10);
    const later = open.find((x) => x.validFrom !== null && a.validFrom !== null && x.validFrom > a.validFrom);
    let validTo: string | null = null;
    if (later?.validFrom) {
      validTo = addDays(later.validFrom, -1);
    } else {
      for (const previous of open) {
        const end = addDays(today, -1);
        await repo.updateAddress(tx, previous.id, {
          validTo: previous.validFrom && previous.validFrom > end ? previous.validFrom : end,
          updatedAt: now,
        });
      }
    }
    const row = await repo.insertAddress(tx, {
      id: newId(),
      personId: person.id,
      ...a,
      validTo,
      ...source,
      createdAt: now,
      updatedAt: now,
    });
    return {
      action: 'person.address.add',
      details: { addressId: row.id, regionCode: a.regionCode, from: person.regionCode, current: validTo === null },
    };
  });
}

export function updateAddress(ctx: Ctx, personId: string, addressId: string, input: AddressUpdate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    const before = await repo.findAddress(tx, person.id, addressId);
    if (!before) {
      throw new AppError('ADDRESS_NOT_FOUND');
    }
    const changes = changedFields(before, input);
    if (!hasChanges(changes)) {
      return { action: 'person.address.update', details: { addressId, changes } };
    }
    const next = { ...before, ...input };
    if ((next.latitude === null) !== (next.longitude === null)) {
      throw new AppError('VALIDATION_FAILED', 'latitude and longitude go together', {
        errors: [{ path: 'body.latitude', code: 'custom', message: 'isi lintang dan bujur bersama-sama' }],
      });
    }
    checkDateOrder(next.validFrom, next.validTo, 'validTo');
    if (input.regionCode) {
      await checkRegion(tx, input.regionCode, 'regionCode');
    }
    await repo.updateAddress(tx, addressId, { ...input, updatedAt: now });
    return { action: 'person.address.update', details: { addressId, changes } };
  });
}

// ─── Identity claims ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Records what a source says the identity is. Kept beside the other sources' versions (disagreements are shown);
 * with `adopt`, it also becomes the chosen identity. A name the person is not yet known by becomes an alias with the
 * claim's source, so the person is found by it.
 */
export function addIdentityClaim(ctx: Ctx, personId: string, input: IdentityClaimCreate) {
  return writeFact(ctx, personId, async (tx, person, now) => {
    const { source: sourceInput, adopt, ...fields } = input;
    const claim = {
      surname: fields.surname ?? null,
      givenNames: fields.givenNames ?? null,
      fullName: fields.fullName,
      sex: fields.sex,
      birthDate: fields.birthDate,
      birthPlace: fields.birthPlace,
      nationality: fields.nationality ? countryOf(fields.nationality, 'nationality') : null,
    };
    if (Object.values(claim).every((v) => v === null || v === '')) {
      throw new AppError('VALIDATION_FAILED', 'a claim asserts at least one field', {
        errors: [{ path: 'body', code: 'custom', message: 'isi paling sedikit satu data identitas' }],
      });
    }
    const source = await sourceFrom(tx, ctx, sourceInput);
    const row = await recordClaim(tx, person.id, claim, source, now);
    const surname = claim.surname ?? person.surname;
    const givenNames = claim.givenNames ?? person.givenNames;
    if (adopt) {
      const asserted = Object.fromEntries(Object.entries(claim).filter(([, v]) => v !== null && v !== ''));
      const after = await repo.updatePerson(tx, person.id, { ...asserted, updatedAt: now });
      await replacePrimaryName(tx, after, after, source, now);
    } else if (
      (claim.surname !== null || claim.givenNames !== null) &&
      !(await hasName(tx, person.id, surname, givenNames))
    ) {
      await addNames(tx, person.id, [{ kind: 'alias', surname, givenNames, fullName: claim.fullName }], source, now);
    }
    return {
      action: 'person.claim.add',
      details: {
        claimId: row.id,
        adopt,
        differsFrom: Object.keys(claim).filter((k) => {
          const key = k as keyof typeof claim;
          return claim[key] !== null && claim[key] !== identityOf(person)[key];
        }),
      },
    };
  });
}
