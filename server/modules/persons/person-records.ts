// What every write to the register shares: the source a fact is recorded with, reference checks (countries, areas,
// visa indexes, sponsors), the chosen identity and its claims, the name index, and the columns kept on the person row
// (area, zone, current permit, document expiry) that scope and status filters read. Used by the services, the demo
// and later the import; none of it checks permissions.

import type { SourceInput, TimeZoneCode } from '../../../contracts/persons';
import type { Queryable } from '../../db/client';
import type { personNames } from '../../db/schema/register';
import type { Actor } from '../../platform/access';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { isKnownCode } from '../code-tables/code-tables.service';
import { countryCodes, mrzAliases } from '../code-tables/data/countries';
import { findAgencyNames, unknownRegionCodes } from '../sponsors/register-refs';
import { findSponsorForReference } from '../sponsors/sponsors.service';
import { lockPersons } from './person-merge.repo';
import { searchNameOf } from './person-names';
import { summariseStatus, timeZoneOfRegion } from './person-status';
import { currentAddressOf } from './persons.present';
import * as repo from './persons.repo';
import { isPersonVisible, viewerOf } from './persons.scope';

export type SourceRecord = {
  sourceKind: 'user' | 'agency' | 'import' | 'stay_report';
  sourceAgencyId: string | null;
  sourceUserId: string | null;
  sourceRef: string | null;
  recordedAt: Date;
};

/** The source of facts a caller records: an officer (their agency), or an officer recording another agency's data;
 * the system (demo, import) records as an import with a reference. */
export async function sourceFrom(db: Queryable, ctx: Ctx, input: SourceInput | undefined): Promise<SourceRecord> {
  const actor = ctx.actor;
  const recordedAt = ctx.now();
  const reference = input?.reference ?? null;
  if (actor.kind !== 'user') {
    return {
      sourceKind: 'import',
      sourceAgencyId: input?.agencyId ?? null,
      sourceUserId: null,
      sourceRef: reference ?? (actor.kind === 'system' ? actor.name : null),
      recordedAt,
    };
  }
  if (input?.kind === 'agency' && input.agencyId) {
    if (!(await findAgencyNames(db, [input.agencyId])).has(input.agencyId)) {
      throw new AppError('INVALID_REFERENCE', 'unknown agency', { field: 'source.agencyId' });
    }
    return {
      sourceKind: 'agency',
      sourceAgencyId: input.agencyId,
      sourceUserId: actor.userId,
      sourceRef: reference,
      recordedAt,
    };
  }
  return {
    sourceKind: 'user',
    sourceAgencyId: actor.agencyId,
    sourceUserId: actor.userId,
    sourceRef: reference,
    recordedAt,
  };
}

/** Claims of one source supersede each other: the same kind and agency (and the same file or report for imports and
 * stay reports, which speak per reference). */
export function sameSource(
  a: SourceRecord,
  b: { sourceKind: string; sourceAgencyId: string | null; sourceRef: string | null },
): boolean {
  const byReference = a.sourceKind === 'import' || a.sourceKind === 'stay_report';
  return (
    a.sourceKind === b.sourceKind &&
    a.sourceAgencyId === b.sourceAgencyId &&
    (!byReference || a.sourceRef === b.sourceRef)
  );
}

/** A country code as stored (the MRZ's D is Germany, DEU), checked against the countries code table. */
export function countryOf(code: string, field: string): string {
  const stored = mrzAliases.get(code) ?? code;
  if (!countryCodes.has(stored)) {
    throw new AppError('INVALID_REFERENCE', 'unknown country code', { field, code });
  }
  return stored;
}

export function checkVisaIndex(code: string | null | undefined, field: string) {
  if (code && !isKnownCode('visa-indexes', code)) {
    throw new AppError('INVALID_REFERENCE', 'unknown visa index', { field, code });
  }
}

export async function checkRegion(db: Queryable, code: string, field: string) {
  if ((await unknownRegionCodes(db, [code])).length > 0) {
    throw new AppError('INVALID_REFERENCE', 'unknown area code', { field, codes: [code] });
  }
}

export async function checkSponsor(db: Queryable, actor: Actor, id: string | null | undefined, field: string) {
  if (id && !(await findSponsorForReference(db, actor, id))) {
    throw new AppError('INVALID_REFERENCE', 'unknown sponsor', { field });
  }
}

/** An end that comes before its start: 422 with the field. */
export function checkDateOrder(from: string | null | undefined, to: string | null | undefined, field: string) {
  if (from && to && to < from) {
    throw new AppError('DATE_ORDER_INVALID', 'the end comes before the start', { field, from, to });
  }
}

/** The person if the actor may see them; otherwise not found, so that existence is not revealed. */
export async function findVisiblePerson(db: Queryable, actor: Actor, id: string): Promise<repo.PersonRow> {
  const row = await repo.findPerson(db, id);
  if (!row || !isPersonVisible(viewerOf(actor), row)) {
    throw new AppError('PERSON_NOT_FOUND');
  }
  return row;
}

/** As findVisiblePerson, and not merged into another record (writes go to the surviving record). Locks the person's
 * row for the caller's transaction, so a write and a merge of the same record never interleave. */
export async function findWritablePerson(db: Queryable, actor: Actor, id: string): Promise<repo.PersonRow> {
  await lockPersons(db, [id]);
  const row = await findVisiblePerson(db, actor, id);
  if (row.mergedInto) {
    throw new AppError('PERSON_MERGED', 'the record was merged into another', { mergedInto: row.mergedInto });
  }
  return row;
}

type NameInput = {
  kind: 'primary' | 'alias' | 'transliteration' | 'document';
  surname: string;
  givenNames: string;
  fullName: string | null;
  documentId?: string | null;
};

/** Inserts names with their source, each pointing at its written form in the search index. */
export async function addNames(
  db: Queryable,
  personId: string,
  names: readonly NameInput[],
  source: SourceRecord,
  now: Date,
): Promise<repo.PersonNameRow[]> {
  const keyIds = await repo.ensureNameKeys(db, names);
  const rows: (typeof personNames.$inferInsert)[] = names.map((n, i) => ({
    id: newId(),
    personId,
    kind: n.kind,
    surname: n.surname,
    givenNames: n.givenNames,
    fullName: n.fullName,
    searchName: searchNameOf(n.surname, n.givenNames) || searchNameOf(n.fullName ?? '', ''),
    nameKeyId: keyIds[i] as number,
    documentId: n.documentId ?? null,
    ...source,
    createdAt: now,
    updatedAt: now,
  }));
  return repo.insertNames(db, rows);
}

/** True when the person already carries a name that reads the same (ignoring case, accents, punctuation). */
export async function hasName(db: Queryable, personId: string, surname: string, givenNames: string): Promise<boolean> {
  const wanted = searchNameOf(surname, givenNames);
  return (await repo.listNames(db, personId)).some((n) => n.searchName === wanted);
}

/**
 * The chosen name changed: the old primary name stays as an alias (its spelling remains searchable) and the new one
 * becomes primary, with the source of the change.
 */
export async function replacePrimaryName(
  db: Queryable,
  person: repo.PersonRow,
  next: { surname: string; givenNames: string; fullName: string | null },
  source: SourceRecord,
  now: Date,
) {
  const names = await repo.listNames(db, person.id);
  const primary = names.find((n) => n.kind === 'primary');
  if (
    primary &&
    primary.searchName === searchNameOf(next.surname, next.givenNames) &&
    (primary.fullName ?? null) === next.fullName
  ) {
    return;
  }
  if (primary) {
    await repo.updateName(db, primary.id, { kind: 'alias', updatedAt: now });
  }
  await addNames(db, person.id, [{ kind: 'primary', ...next }], source, now);
}

/** Records a source's version of the identity; it supersedes the same source's current claim. */
export async function recordClaim(
  db: Queryable,
  personId: string,
  claim: {
    surname: string | null;
    givenNames: string | null;
    fullName: string | null;
    sex: string | null;
    birthDate: string | null;
    birthPlace: string | null;
    nationality: string | null;
  },
  source: SourceRecord,
  now: Date,
): Promise<repo.ClaimRow> {
  const earlier = (await repo.listClaims(db, personId)).filter((c) => c.supersededAt === null && sameSource(source, c));
  await repo.supersedeClaims(
    db,
    earlier.map((c) => c.id),
    now,
  );
  return repo.insertClaim(db, { id: newId(), personId, ...claim, ...source, createdAt: now });
}

/**
 * Recomputes the columns kept on the person row from their facts: area and zone of the current address (a person
 * without an address keeps the zone they were recorded in), the current permit, departure and document expiry.
 */
export async function refreshPerson(db: Queryable, personId: string, now: Date): Promise<repo.PersonRow> {
  const person = (await repo.findPerson(db, personId)) as repo.PersonRow;
  const permits = await repo.listPermits(db, personId);
  const documents = await repo.listDocuments(db, personId);
  const address = currentAddressOf(await repo.listAddresses(db, personId));
  const regionCode = address?.regionCode ?? null;
  const timeZone: TimeZoneCode = timeZoneOfRegion(regionCode) ?? (person.timeZone as TimeZoneCode);
  const summary = summariseStatus(permits, documents, timeZone);
  return repo.updatePerson(db, personId, { regionCode, timeZone, ...summary, updatedAt: now });
}
