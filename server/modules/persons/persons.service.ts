// The register of foreigners: list and search, the person page, creating a person (with the duplicate guard) and
// changing the chosen identity. Facts added later (names, documents, permits, addresses, claims) are in
// person-facts.service.ts. Every read of personal data and every write leaves an audit row in its transaction.

import type {
  DuplicateCandidate,
  IdentityFieldName,
  PersonCreateParsed,
  PersonDetail,
  PersonListItem,
  PersonListQuery,
  PersonUpdate,
  TimeZoneCode,
} from '../../../contracts/persons';
import { identityFieldNames } from '../../../contracts/persons';
import type { Queryable, Tx } from '../../db/client';
import { hasPermission, isInScope, requirePermission, scopeOf } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { changedFields, hasChanges } from '../orgs/field-changes';
import { findAgencyRegion } from '../sponsors/register-refs';
import { createSponsorIn, requireVisibleSponsor } from '../sponsors/sponsors.service';
import { birthDatesAgree, documentFromMrz, identityFromMrz, type MrzReading, readMrz } from './person-mrz';
import { normaliseDocumentNumber } from './person-names';
import {
  addNames,
  checkDateOrder,
  checkRegion,
  checkSponsor,
  checkVisaIndex,
  countryOf,
  findVisiblePerson,
  findWritablePerson,
  hasName,
  recordClaim,
  refreshPerson,
  replacePrimaryName,
  type SourceRecord,
  sourceFrom,
} from './person-records';
import { searchRegister } from './person-search.repo';
import { localDate, timeZoneOfRegion } from './person-status';
import { identityOf, type ListHit, presentDetail, presentListItems } from './persons.present';
import * as repo from './persons.repo';
import { isPersonVisible, viewerOf } from './persons.scope';

export function todayByZone(now: Date): repo.TodayByZone {
  return { WIB: localDate(now, 'WIB'), WITA: localDate(now, 'WITA'), WIT: localDate(now, 'WIT') };
}

const presentOpts = (ctx: Ctx) => ({
  now: ctx.now(),
  expiringDays: ctx.config.expiringDays,
  viewer: viewerOf(ctx.actor),
});

/** A person's name must cover at least half of the query to be listed. */
const minListScore = 0.5;

export async function listPersons(ctx: Ctx, query: PersonListQuery) {
  requirePermission(ctx.actor, 'persons.read');
  const { limit, offset, q, purpose, ...filters } = query;
  const now = ctx.now();
  const filter: repo.PersonFilter = {
    ...filters,
    ...(filters.nationality ? { nationality: countryOf(filters.nationality, 'nationality') } : {}),
    today: todayByZone(now),
    expiringDays: ctx.config.expiringDays,
    viewer: viewerOf(ctx.actor),
  };
  return ctx.database.transaction(async (tx) => {
    let rows: repo.PersonRow[];
    let total: number;
    let capped: boolean | undefined;
    const hits = new Map<string, ListHit>();
    if (q) {
      const found = await searchRegister(ctx.database, tx, q, filter, { limit, offset }, minListScore);
      const byId = new Map(
        (
          await repo.findPersonsByIds(
            tx,
            found.map((h) => h.personId),
          )
        ).map((r) => [r.id, r]),
      );
      rows = found.flatMap((h) => byId.get(h.personId) ?? []);
      total = found[0]?.total ?? 0;
      capped = found[0]?.capped ?? false;
      for (const h of found) {
        hits.set(h.personId, h);
      }
    } else {
      ({ rows, total } = await repo.listPersons(tx, filter, { limit, offset }));
    }
    await appendAudit(tx, ctx, {
      action: 'person.search',
      objectType: 'person',
      ...(purpose ? { purpose } : {}),
      details: { q: q ?? null, filters, limit, offset, total, personIds: rows.map((r) => r.id) },
    });
    const items = await presentListItems(tx, rows, { ...presentOpts(ctx), hits });
    return capped === undefined ? { items, total } : { items, total, capped };
  });
}

/** A sponsor's foreigners: the register filtered by sponsor, once the sponsor is known to be visible. */
export async function listSponsorPersons(ctx: Ctx, sponsorId: string, query: PersonListQuery) {
  requirePermission(ctx.actor, 'sponsors.read');
  requirePermission(ctx.actor, 'persons.read');
  await requireVisibleSponsor(ctx.database.db, ctx.actor, sponsorId);
  return listPersons(ctx, { ...query, sponsorId });
}

export async function getPerson(ctx: Ctx, id: string, purpose: string | null = null): Promise<PersonDetail> {
  requirePermission(ctx.actor, 'persons.read');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const person = await findVisiblePerson(tx, actor, id);
    await appendAudit(tx, ctx, {
      action: 'person.view',
      objectType: 'person',
      objectId: id,
      ...(purpose ? { purpose } : {}),
    });
    return presentDetail(tx, person, presentOpts(ctx));
  });
}

// ─── Creating a person ───────────────────────────────────────────────────────────────────────────────────────────

type PreparedPerson = {
  identity: {
    surname: string;
    givenNames: string;
    fullName: string | null;
    sex: string | null;
    birthDate: string | null;
    birthPlace: string | null;
    nationality: string;
  };
  input: PersonCreateParsed;
  document: {
    type: string;
    documentCode: string | null;
    number: string;
    issuingState: string;
    issueDate: string | null;
    expiryDate: string | null;
    mrz: MrzReading | null;
  } | null;
};

/** Checks every reference and date of a new person and reads the document's MRZ (cross-checked with the form). */
async function preparePerson(db: Queryable, ctx: Ctx, input: PersonCreateParsed): Promise<PreparedPerson> {
  let identity: PreparedPerson['identity'] = {
    surname: input.surname,
    givenNames: input.givenNames,
    fullName: input.fullName,
    sex: input.sex,
    birthDate: input.birthDate,
    birthPlace: input.birthPlace,
    nationality: countryOf(input.nationality, 'nationality'),
  };
  let document: PreparedPerson['document'] = null;
  if (input.document) {
    const d = input.document;
    if (d.mrz !== undefined) {
      const mrz = readMrz(d.mrz, ctx.now());
      const read = documentFromMrz(d, mrz, (c) => countryOf(c, 'document.issuingState'));
      identity = identityFromMrz(identity, mrz);
      document = { ...read, issueDate: d.issueDate, mrz };
    } else {
      document = {
        type: d.type ?? 'P',
        documentCode: d.documentCode ?? null,
        number: d.number as string,
        issuingState: d.issuingState as string,
        issueDate: d.issueDate,
        expiryDate: d.expiryDate,
        mrz: null,
      };
    }
    document.issuingState = countryOf(document.issuingState, 'document.issuingState');
    checkDateOrder(document.issueDate, document.expiryDate, 'document.expiryDate');
  }
  if (input.permit) {
    checkVisaIndex(input.permit.visaIndex, 'permit.visaIndex');
    checkDateOrder(input.permit.validFrom, input.permit.validUntil, 'permit.validUntil');
    checkDateOrder(input.permit.entryDate, input.permit.exitDate, 'permit.exitDate');
    await checkSponsor(db, ctx.actor, input.permit.sponsorId, 'permit.sponsorId');
  }
  if (input.address) {
    await checkRegion(db, input.address.regionCode, 'address.regionCode');
    if (!isInScope(scopeOf(ctx.actor), input.address.regionCode)) {
      throw new AppError('REGION_OUT_OF_SCOPE', 'the address lies outside your scope', { field: 'address.regionCode' });
    }
  }
  await checkSponsor(db, ctx.actor, input.sponsorId, 'sponsorId');
  return { identity, input, document };
}

/** Whole-register matches (scope does not hide a duplicate): the same document number and issuing state, or a
 * strong name match with the same nationality and an agreeing birth date. */
async function findDuplicateCandidates(db: Queryable, ctx: Ctx, prepared: PreparedPerson) {
  const found = new Map<
    string,
    { person: repo.PersonRow; score: number; reasons: Set<DuplicateCandidate['reasons'][number]> }
  >();
  const add = (person: repo.PersonRow, score: number, reason: DuplicateCandidate['reasons'][number]) => {
    const entry = found.get(person.id) ?? { person, score: 0, reasons: new Set() };
    entry.score = Math.max(entry.score, score);
    entry.reasons.add(reason);
    found.set(person.id, entry);
  };
  if (prepared.document) {
    const holders = await repo.findDocumentHolders(
      db,
      normaliseDocumentNumber(prepared.document.number),
      prepared.document.issuingState,
    );
    for (const h of holders) {
      add(h.person, 1, 'document');
    }
  }
  const { identity } = prepared;
  if (identity.birthDate) {
    const hits = await searchRegister(
      ctx.database,
      db,
      `${identity.surname} ${identity.givenNames}`,
      {
        nationality: identity.nationality,
        today: todayByZone(ctx.now()),
        expiringDays: ctx.config.expiringDays,
        viewer: null,
      },
      { limit: 20, offset: 0 },
      strongNameScore,
    );
    const people = await repo.findPersonsByIds(
      db,
      hits.map((h) => h.personId),
    );
    for (const person of people) {
      const hit = hits.find((h) => h.personId === person.id);
      if (hit && person.birthDate && birthDatesAgree(person.birthDate, identity.birthDate)) {
        add(person, Math.min(hit.score, 1), 'name_birth_nationality');
      }
    }
  }
  const viewer = viewerOf(ctx.actor);
  const visible = [...found.values()].filter((c) => isPersonVisible(viewer, c.person));
  const documents = await repo.findCurrentDocuments(
    db,
    visible.map((c) => c.person.id),
  );
  const candidates: DuplicateCandidate[] = visible
    .sort((a, b) => b.score - a.score)
    .map((c) => {
      const doc = documents.get(c.person.id);
      return {
        id: c.person.id,
        surname: c.person.surname,
        givenNames: c.person.givenNames,
        fullName: c.person.fullName,
        birthDate: c.person.birthDate,
        nationality: c.person.nationality,
        document: doc ? { number: doc.number, issuingState: doc.issuingState } : null,
        score: Math.round(c.score * 1000) / 1000,
        reasons: [...c.reasons],
      };
    });
  const documentIds = [...found.values()].filter((c) => c.reasons.has('document')).map((c) => c.person.id);
  return { candidates, hiddenCandidates: found.size - visible.length, ids: [...found.keys()], documentIds };
}

/** A name this close to another (every word equal or one typo apart) with the same nationality and birth date is
 * likely the same person. */
const strongNameScore = 0.85;

/** Inserts a prepared person with all their facts, in the caller's transaction. No permission check, no audit. */
async function insertPreparedPerson(
  tx: Tx,
  ctx: Ctx,
  prepared: PreparedPerson,
  source: SourceRecord,
  sponsorId: string | null,
): Promise<repo.PersonRow> {
  const { identity, input, document } = prepared;
  const now = ctx.now();
  const recordedBy = ctx.actor.kind === 'user' ? ctx.actor.agencyId : null;
  const agencyZone = recordedBy ? timeZoneOfRegion(await findAgencyRegion(tx, recordedBy)) : null;
  const timeZone: TimeZoneCode = timeZoneOfRegion(input.address?.regionCode) ?? agencyZone ?? 'WIB';
  const person = await repo.insertPerson(tx, {
    id: newId(),
    ...identity,
    workplace: input.workplace,
    notes: input.notes,
    sponsorId,
    recordedByAgencyId: recordedBy,
    timeZone,
    createdAt: now,
    updatedAt: now,
  });
  await recordClaim(tx, person.id, identity, source, now);
  await addNames(
    tx,
    person.id,
    [
      { kind: 'primary', surname: identity.surname, givenNames: identity.givenNames, fullName: identity.fullName },
      ...input.names.map((n) => ({ kind: n.kind, surname: n.surname, givenNames: n.givenNames, fullName: n.fullName })),
    ],
    source,
    now,
  );
  if (document) {
    const doc = await repo.insertDocument(tx, {
      id: newId(),
      personId: person.id,
      type: document.type,
      documentCode: document.documentCode,
      number: document.number,
      numberNorm: normaliseDocumentNumber(document.number),
      issuingState: document.issuingState,
      issueDate: document.issueDate,
      expiryDate: document.expiryDate,
      mrzLines: document.mrz?.lines ?? null,
      ...source,
      createdAt: now,
      updatedAt: now,
    });
    const mrzName = document.mrz?.fields;
    if (mrzName && !(await hasName(tx, person.id, mrzName.surname, mrzName.givenNames))) {
      await addNames(
        tx,
        person.id,
        [
          {
            kind: 'document',
            surname: mrzName.surname,
            givenNames: mrzName.givenNames,
            fullName: null,
            documentId: doc.id,
          },
        ],
        source,
        now,
      );
    }
  }
  if (input.permit) {
    const p = input.permit;
    await repo.insertPermit(tx, {
      id: newId(),
      personId: person.id,
      ...p,
      numberNorm: p.number ? normaliseDocumentNumber(p.number) : null,
      sponsorId: p.sponsorId ?? sponsorId,
      ...source,
      createdAt: now,
      updatedAt: now,
    });
  }
  if (input.address) {
    const { source: _ignored, ...a } = input.address;
    await repo.insertAddress(tx, {
      id: newId(),
      personId: person.id,
      ...a,
      ...source,
      createdAt: now,
      updatedAt: now,
    });
  }
  return refreshPerson(tx, person.id, now);
}

/**
 * Records a new person without the duplicate guard, permission check or audit row: for the demo and the import,
 * which check and audit at their own level. References and the MRZ are still checked.
 */
export async function recordNewPerson(
  tx: Tx,
  ctx: Ctx,
  input: PersonCreateParsed,
  source: SourceRecord,
): Promise<repo.PersonRow> {
  const prepared = await preparePerson(tx, ctx, input);
  return insertPreparedPerson(tx, ctx, prepared, source, input.sponsorId ?? null);
}

export async function createPerson(ctx: Ctx, input: PersonCreateParsed): Promise<PersonDetail> {
  requirePermission(ctx.actor, 'persons.write');
  if (input.sponsor && !hasPermission(ctx.actor, 'sponsors.write')) {
    throw new AppError('PERMISSION_DENIED', 'creating a sponsor needs sponsors.write', {
      permission: 'sponsors.write',
    });
  }
  const prepared = await preparePerson(ctx.database.db, ctx, input);
  // The same document number and issuing state is the same person: confirming cannot create a second record for
  // it (409 DUPLICATE_DOCUMENT, with the holders to link to); a name match alone can be confirmed.
  const refused = (found: { ids: string[]; documentIds: string[] }) =>
    input.confirmNewPerson ? found.documentIds.length > 0 : found.ids.length > 0;
  // The check and its audit row commit even when the answer is 409: showing candidates is a read of personal data.
  const duplicates = await ctx.database.transaction(async (tx) => {
    const found = await findDuplicateCandidates(tx, ctx, prepared);
    if (refused(found)) {
      await appendAudit(tx, ctx, {
        action: 'person.duplicate_check',
        objectType: 'person',
        details: { candidateIds: found.ids, hiddenCandidates: found.hiddenCandidates },
      });
    }
    return found;
  });
  if (refused(duplicates)) {
    throw new AppError(
      input.confirmNewPerson ? 'DUPLICATE_DOCUMENT' : 'DUPLICATE_CANDIDATES',
      input.confirmNewPerson
        ? 'the document is on file: link the facts to that person'
        : 'the person may be on file already',
      { candidates: duplicates.candidates, hiddenCandidates: duplicates.hiddenCandidates },
    );
  }
  return ctx.database.transaction(async (tx) => {
    const source = await sourceFrom(tx, ctx, input.source);
    const sponsorId = input.sponsor ? (await createSponsorIn(tx, ctx, input.sponsor)).id : (input.sponsorId ?? null);
    const person = await insertPreparedPerson(tx, ctx, prepared, source, sponsorId);
    await appendAudit(tx, ctx, {
      action: 'person.create',
      objectType: 'person',
      objectId: person.id,
      details: {
        source: { kind: source.sourceKind, agencyId: source.sourceAgencyId, reference: source.sourceRef },
        withDocument: prepared.document !== null,
        fromMrz: prepared.document?.mrz !== null && prepared.document?.mrz !== undefined,
        withPermit: input.permit !== undefined,
        withAddress: input.address !== undefined,
        sponsorId,
        ...(duplicates.ids.length > 0 ? { confirmedDespiteCandidates: duplicates.ids } : {}),
      },
    });
    return presentDetail(tx, person, presentOpts(ctx));
  });
}

// ─── Changing the chosen identity ────────────────────────────────────────────────────────────────────────────────

const isIdentityField = (key: string): key is IdentityFieldName =>
  (identityFieldNames as readonly string[]).includes(key);

/**
 * Changes the person's own fields. A change of identity is also recorded as the caller's claim (superseding their
 * source's earlier one), and a changed name keeps the old spelling as an alias.
 */
export async function updatePerson(ctx: Ctx, id: string, input: PersonUpdate): Promise<PersonDetail> {
  requirePermission(ctx.actor, 'persons.write');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findWritablePerson(tx, actor, id);
    const { source: sourceInput, ...fields } = input;
    const patch = {
      ...fields,
      ...(fields.nationality ? { nationality: countryOf(fields.nationality, 'nationality') } : {}),
    };
    const changes = changedFields(before, patch);
    if (!hasChanges(changes)) {
      return presentDetail(tx, before, presentOpts(ctx));
    }
    if ('sponsorId' in changes) {
      await checkSponsor(tx, actor, patch.sponsorId, 'sponsorId');
    }
    const merged = { ...before, ...patch };
    if (merged.surname === '' && merged.givenNames === '') {
      throw new AppError('VALIDATION_FAILED', 'a person needs a name', {
        errors: [{ path: 'body.surname', code: 'custom', message: 'isi nama keluarga atau nama depan' }],
      });
    }
    const now = ctx.now();
    const after = await repo.updatePerson(tx, id, { ...patch, updatedAt: now });
    if (Object.keys(changes).some(isIdentityField)) {
      const source = await sourceFrom(tx, ctx, sourceInput);
      await recordClaim(tx, id, identityOf(after), source, now);
      await replacePrimaryName(tx, after, after, source, now);
    }
    await appendAudit(tx, ctx, { action: 'person.update', objectType: 'person', objectId: id, details: { changes } });
    return presentDetail(tx, after, presentOpts(ctx));
  });
}

// ─── Export ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every person the list would show for these filters (and q), in the list's order and presentation, for a
 * spreadsheet export; null when there are more than maxRows. One audit row for the whole read.
 */
export async function listPersonsForExport(
  ctx: Ctx,
  query: Omit<PersonListQuery, 'limit' | 'offset'>,
  maxRows: number,
): Promise<PersonListItem[] | null> {
  requirePermission(ctx.actor, 'persons.read');
  const { q, purpose, ...filters } = query;
  const filter: repo.PersonFilter = {
    ...filters,
    ...(filters.nationality ? { nationality: countryOf(filters.nationality, 'nationality') } : {}),
    today: todayByZone(ctx.now()),
    expiringDays: ctx.config.expiringDays,
    viewer: viewerOf(ctx.actor),
  };
  return ctx.database.transaction(async (tx) => {
    let rows: repo.PersonRow[];
    if (q) {
      const found = await searchRegister(ctx.database, tx, q, filter, { limit: maxRows + 1, offset: 0 }, minListScore);
      const byId = new Map(
        (
          await repo.findPersonsByIds(
            tx,
            found.map((h) => h.personId),
          )
        ).map((r) => [r.id, r]),
      );
      rows = found.flatMap((h) => byId.get(h.personId) ?? []);
    } else {
      rows = (await repo.listPersons(tx, filter, { limit: maxRows + 1, offset: 0 })).rows;
    }
    if (rows.length > maxRows) {
      return null;
    }
    await appendAudit(tx, ctx, {
      action: 'person.export',
      objectType: 'person',
      ...(purpose ? { purpose } : {}),
      details: { q: q ?? null, filters, total: rows.length },
    });
    const items: PersonListItem[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      items.push(...(await presentListItems(tx, rows.slice(i, i + 1000), presentOpts(ctx))));
    }
    return items;
  });
}
