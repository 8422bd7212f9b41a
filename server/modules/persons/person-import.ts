// The register's side of a spreadsheet import: many new persons written in a handful of statements (persons, claims,
// names through the batched name index, documents, permits, addresses), persons on file found by document number
// and state for a whole chunk in one query, and facts attached to a person on file without overwriting anything (a
// disagreeing identity becomes the import's claim). No permission checks or audit rows: the import service does both
// once per import.

import { sql } from 'drizzle-orm';
import type { TimeZoneCode } from '../../../contracts/persons';
import { type Queryable, selectPrepared, selectRows, type Tx } from '../../db/client';
import { persons, travelDocuments } from '../../db/schema/register';
import { type Column, insertColumns, Statement } from '../../db/statement';
import { newId } from '../../platform/ids';
import { normaliseName, searchNameOf } from './person-names';
import { addNames, recordClaim, refreshPerson, type SourceRecord } from './person-records';
import { addDays, summariseStatus, timeZoneOfRegion } from './person-status';
import { differingFields, identityOf } from './persons.present';
import * as repo from './persons.repo';

export type ImportedIdentity = {
  surname: string;
  givenNames: string;
  fullName: string | null;
  sex: string | null;
  birthDate: string | null;
  birthPlace: string | null;
  nationality: string;
};

export type ImportedPerson = {
  identity: ImportedIdentity;
  workplace: string | null;
  notes: string | null;
  sponsorId: string | null;
  /** null for a stay report (an accommodation is no agency) */
  recordedByAgencyId: string | null;
  /** zone of the recording agency, for a person without an address */
  agencyZone: TimeZoneCode | null;
  regionCode: string | null;
  addressText: string | null;
  document: {
    type: string;
    number: string;
    numberNorm: string;
    issuingState: string;
    issueDate: string | null;
    expiryDate: string | null;
  };
  permit: {
    type: string;
    number: string | null;
    numberNorm: string | null;
    visaIndex: string | null;
    validFrom: string | null;
    validUntil: string | null;
    entryDate: string | null;
    entryPort: string | null;
  } | null;
  source: SourceRecord;
};

const needsEscape = /["\\]/;

/** A PostgreSQL array literal ({"a",NULL,"b"}) sent as one text parameter: the query builder and the driver then
 * handle one value per column instead of one per row. */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) {
      out += ',';
    }
    if (v === null || v === undefined) {
      out += 'NULL';
    } else {
      const text = String(v);
      out += needsEscape.test(text) ? `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : `"${text}"`;
    }
  }
  return `${out}}`;
}

const documentKey = (numberNorm: string, issuingState: string) => `${numberNorm}|${issuingState}`;

/** Persons (not merged away) holding these documents, current or old: one query for a whole chunk. Keyed by
 * "numberNorm|issuingState"; the oldest holder when two records share a document. */
export async function findDocumentHoldersBulk(
  db: Queryable,
  documents: readonly { numberNorm: string; issuingState: string }[],
): Promise<Map<string, repo.PersonRow>> {
  const found = new Map<string, repo.PersonRow>();
  if (documents.length === 0) {
    return found;
  }
  const rows = await selectPrepared<{ number_norm: string; issuing_state: string; person_id: string }>(
    db,
    'persons.document_holders',
    sql`select distinct on (d.number_norm, d.issuing_state) d.number_norm, d.issuing_state, d.person_id
        from ${travelDocuments} d
        join ${persons} p on p.id = d.person_id and p.merged_into is null
        join unnest(${arrayLiteral(documents.map((d) => d.numberNorm))}::text[],
                    ${arrayLiteral(documents.map((d) => d.issuingState))}::text[]) as w(number_norm, issuing_state)
          on d.number_norm = w.number_norm and d.issuing_state = w.issuing_state
        order by d.number_norm, d.issuing_state, p.created_at, p.id`,
  );
  const people = new Map(
    (
      await repo.findPersonsByIds(
        db,
        rows.map((r) => r.person_id),
      )
    ).map((p) => [p.id, p]),
  );
  for (const r of rows) {
    const person = people.get(r.person_id);
    if (person) {
      found.set(documentKey(r.number_norm, r.issuing_state), person);
    }
  }
  return found;
}

export { documentKey as importDocumentKey };

/** Name-key ids a bulk writer already knows from its own committed transactions (keys are written once and never
 * change, so a committed id stays right): `known` is read, the ids this transaction obtains go to `learned`, which
 * the caller adds to `known` once the transaction has committed. */
export type NameKeyCache = { known: ReadonlyMap<string, number>; learned: Map<string, number> };

type NameParts = Parameters<typeof repo.nameKeyOf>[0];

/** The name_keys ids of these names: from the cache where known, the rest through the name index (ensureNameKeys). */
async function nameKeyIds(tx: Tx, names: NameParts[], cache: NameKeyCache | undefined): Promise<number[]> {
  if (!cache) {
    return repo.ensureNameKeys(tx, names);
  }
  const keys = names.map((n) => repo.nameKeyOf(n).key);
  const missing: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    if (!cache.known.has(keys[i] as string)) {
      missing.push(i);
    }
  }
  if (missing.length > 0) {
    const found = await repo.ensureNameKeys(
      tx,
      missing.map((i) => names[i] as NameParts),
    );
    missing.forEach((i, j) => {
      const id = found[j];
      if (id !== undefined) {
        cache.learned.set(keys[i] as string, id);
      }
    });
  }
  return keys.map((key) => (cache.known.get(key) ?? cache.learned.get(key)) as number);
}

/**
 * Inserts new persons with all their facts in a few multi-row statements; the kept columns (area, zone, current
 * permit, document expiry) are computed here rather than re-read per person. Returns the new ids in input order.
 */
export async function insertImportedPersons(
  tx: Tx,
  items: readonly ImportedPerson[],
  now: Date,
  nameKeys?: NameKeyCache,
): Promise<string[]> {
  if (items.length === 0) {
    return [];
  }
  const prepared = items.map((item) => {
    const id = newId();
    const permitId = item.permit ? newId() : null;
    const timeZone: TimeZoneCode = timeZoneOfRegion(item.regionCode) ?? item.agencyZone ?? 'WIB';
    const summary = summariseStatus(
      item.permit && permitId
        ? [
            {
              id: permitId,
              type: item.permit.type,
              validFrom: item.permit.validFrom,
              validUntil: item.permit.validUntil,
              cancelledAt: null,
              exitDate: null,
            },
          ]
        : [],
      [{ type: item.document.type, expiryDate: item.document.expiryDate, supersededAt: null }],
      timeZone,
    );
    return { item, id, permitId, timeZone, summary };
  });
  const at = now.toISOString();
  const all = <T>(f: (p: (typeof prepared)[number]) => T) => prepared.map(f);
  const statement = new Statement();
  const statements: string[] = [];
  statements.push(
    insertColumns(statement, 'persons', [
      ['id', 'uuid', all((p) => p.id)],
      ['surname', 'text', all((p) => p.item.identity.surname)],
      ['given_names', 'text', all((p) => p.item.identity.givenNames)],
      ['full_name', 'text', all((p) => p.item.identity.fullName)],
      ['sex', 'text', all((p) => p.item.identity.sex)],
      ['birth_date', 'text', all((p) => p.item.identity.birthDate)],
      ['birth_place', 'text', all((p) => p.item.identity.birthPlace)],
      ['nationality', 'text', all((p) => p.item.identity.nationality)],
      ['workplace', 'text', all((p) => p.item.workplace)],
      ['notes', 'text', all((p) => p.item.notes)],
      ['sponsor_id', 'uuid', all((p) => p.item.sponsorId)],
      ['permit_id', 'uuid', all((p) => p.permitId)],
      ['recorded_by_agency_id', 'uuid', all((p) => p.item.recordedByAgencyId)],
      ['region_code', 'text', all((p) => p.item.regionCode)],
      ['time_zone', 'text', all((p) => p.timeZone)],
      ['permit_type', 'text', all((p) => p.summary.permitType)],
      ['permit_valid_until', 'date', all((p) => p.summary.permitValidUntil)],
      ['exited_on', 'date', all((p) => p.summary.exitedOn)],
      ['document_expiry', 'date', all((p) => p.summary.documentExpiry)],
      ['created_at', 'timestamptz', all(() => at)],
      ['updated_at', 'timestamptz', all(() => at)],
    ]),
  );
  const source = (rows: typeof prepared): Column[] => [
    ['source_kind', 'text', rows.map((p) => p.item.source.sourceKind)],
    ['source_agency_id', 'uuid', rows.map((p) => p.item.source.sourceAgencyId)],
    ['source_user_id', 'uuid', rows.map((p) => p.item.source.sourceUserId)],
    ['source_ref', 'text', rows.map((p) => p.item.source.sourceRef)],
    ['recorded_at', 'timestamptz', rows.map((p) => p.item.source.recordedAt.toISOString())],
  ];
  statements.push(
    insertColumns(statement, 'identity_claims', [
      ['id', 'uuid', all(() => newId())],
      ['person_id', 'uuid', all((p) => p.id)],
      ['surname', 'text', all((p) => p.item.identity.surname)],
      ['given_names', 'text', all((p) => p.item.identity.givenNames)],
      ['full_name', 'text', all((p) => p.item.identity.fullName)],
      ['sex', 'text', all((p) => p.item.identity.sex)],
      ['birth_date', 'text', all((p) => p.item.identity.birthDate)],
      ['birth_place', 'text', all((p) => p.item.identity.birthPlace)],
      ['nationality', 'text', all((p) => p.item.identity.nationality)],
      ...source(prepared),
      ['created_at', 'timestamptz', all(() => at)],
    ]),
  );
  const keyIds = await nameKeyIds(
    tx,
    all((p) => ({
      surname: p.item.identity.surname,
      givenNames: p.item.identity.givenNames,
      fullName: p.item.identity.fullName,
    })),
    nameKeys,
  );
  statements.push(
    insertColumns(statement, 'person_names', [
      ['id', 'uuid', all(() => newId())],
      ['person_id', 'uuid', all((p) => p.id)],
      ['kind', 'text', all(() => 'primary')],
      ['surname', 'text', all((p) => p.item.identity.surname)],
      ['given_names', 'text', all((p) => p.item.identity.givenNames)],
      ['full_name', 'text', all((p) => p.item.identity.fullName)],
      [
        'search_name',
        'text',
        all(({ item: { identity: i } }) => searchNameOf(i.surname, i.givenNames) || searchNameOf(i.fullName ?? '', '')),
      ],
      ['name_key_id', 'int', keyIds],
      ...source(prepared),
      ['created_at', 'timestamptz', all(() => at)],
      ['updated_at', 'timestamptz', all(() => at)],
    ]),
  );
  statements.push(
    insertColumns(statement, 'travel_documents', [
      ['id', 'uuid', all(() => newId())],
      ['person_id', 'uuid', all((p) => p.id)],
      ['type', 'text', all((p) => p.item.document.type)],
      ['number', 'text', all((p) => p.item.document.number)],
      ['number_norm', 'text', all((p) => p.item.document.numberNorm)],
      ['issuing_state', 'text', all((p) => p.item.document.issuingState)],
      ['issue_date', 'date', all((p) => p.item.document.issueDate)],
      ['expiry_date', 'date', all((p) => p.item.document.expiryDate)],
      ...source(prepared),
      ['created_at', 'timestamptz', all(() => at)],
      ['updated_at', 'timestamptz', all(() => at)],
    ]),
  );
  const withPermit = prepared.filter((p) => p.item.permit && p.permitId);
  if (withPermit.length > 0) {
    const permit = (p: (typeof prepared)[number]) => p.item.permit as NonNullable<ImportedPerson['permit']>;
    statements.push(
      insertColumns(statement, 'permits', [
        ['id', 'uuid', withPermit.map((p) => p.permitId)],
        ['person_id', 'uuid', withPermit.map((p) => p.id)],
        ['type', 'text', withPermit.map((p) => permit(p).type)],
        ['visa_index', 'text', withPermit.map((p) => permit(p).visaIndex)],
        ['number', 'text', withPermit.map((p) => permit(p).number)],
        ['number_norm', 'text', withPermit.map((p) => permit(p).numberNorm)],
        ['valid_from', 'date', withPermit.map((p) => permit(p).validFrom)],
        ['valid_until', 'date', withPermit.map((p) => permit(p).validUntil)],
        ['entry_date', 'date', withPermit.map((p) => permit(p).entryDate)],
        ['entry_port', 'text', withPermit.map((p) => permit(p).entryPort)],
        ['sponsor_id', 'uuid', withPermit.map((p) => p.item.sponsorId)],
        ...source(withPermit),
        ['created_at', 'timestamptz', withPermit.map(() => at)],
        ['updated_at', 'timestamptz', withPermit.map(() => at)],
      ]),
    );
  }
  const withAddress = prepared.filter((p) => p.item.regionCode);
  if (withAddress.length > 0) {
    statements.push(
      insertColumns(statement, 'addresses', [
        ['id', 'uuid', withAddress.map(() => newId())],
        ['person_id', 'uuid', withAddress.map((p) => p.id)],
        ['region_code', 'text', withAddress.map((p) => p.item.regionCode)],
        ['text', 'text', withAddress.map((p) => p.item.addressText)],
        ...source(withAddress),
        ['created_at', 'timestamptz', withAddress.map(() => at)],
        ['updated_at', 'timestamptz', withAddress.map(() => at)],
      ]),
    );
  }
  // One statement: the foreign keys between the new rows (a person's current permit, the facts' person) are checked
  // at its end, and the server gets one round trip per chunk.
  const [first, ...rest] = statements as [string, ...string[]];
  await selectPrepared(
    tx,
    'persons.insert_new',
    statement.query(
      rest.length === 0 ? first : `with ${rest.map((text, i) => `w${i} as (${text})`).join(', ')} ${first}`,
    ),
  );
  return prepared.map((p) => p.id);
}

const sameText = (a: string | null, b: string | null) => normaliseName(a ?? '') === normaliseName(b ?? '');

/**
 * Adds what a row says about a person on file, leaving what is there: an identity that disagrees becomes the import's
 * claim (shown side by side on the person page), a new spelling of the name an alias, a permit or address not on file
 * a new fact (the new address ends the open one). Facts already on file, from any source, are not added again.
 */
export async function attachImportedFacts(
  tx: Tx,
  person: repo.PersonRow,
  item: ImportedPerson,
  now: Date,
): Promise<'updated' | 'unchanged'> {
  let changed = false;
  const claimed = { ...item.identity };
  if (differingFields(claimed, identityOf(person)).length > 0) {
    const claims = await repo.listClaims(tx, person.id);
    const alreadyClaimed = claims.some(
      (c) => c.supersededAt === null && differingFields(claimed, identityOf(c)).length === 0,
    );
    if (!alreadyClaimed) {
      await recordClaim(tx, person.id, claimed, item.source, now);
      changed = true;
    }
    const wanted = searchNameOf(claimed.surname, claimed.givenNames);
    const names = await repo.listNames(tx, person.id);
    if (wanted !== '' && !names.some((n) => n.searchName === wanted)) {
      await addNames(
        tx,
        person.id,
        [{ kind: 'alias', surname: claimed.surname, givenNames: claimed.givenNames, fullName: claimed.fullName }],
        item.source,
        now,
      );
      changed = true;
    }
  }
  if (item.permit) {
    const p = item.permit;
    const onFile = await repo.listPermits(tx, person.id);
    const known = onFile.some(
      (x) =>
        x.type === p.type &&
        (p.numberNorm && x.numberNorm
          ? x.numberNorm === p.numberNorm
          : x.validFrom === p.validFrom && x.validUntil === p.validUntil),
    );
    if (!known) {
      await repo.insertPermit(tx, {
        id: newId(),
        personId: person.id,
        ...p,
        sponsorId: item.sponsorId,
        ...item.source,
        createdAt: now,
        updatedAt: now,
      });
      changed = true;
    }
  }
  if (item.regionCode) {
    const onFile = await repo.listAddresses(tx, person.id);
    const known = onFile.some(
      (a) => a.regionCode === item.regionCode && (item.addressText === null || sameText(a.text, item.addressText)),
    );
    if (!known) {
      const end = addDays(now.toISOString().slice(0, 10), -1);
      for (const open of onFile.filter((a) => a.validTo === null)) {
        await repo.updateAddress(tx, open.id, {
          validTo: open.validFrom && open.validFrom > end ? open.validFrom : end,
          updatedAt: now,
        });
      }
      await repo.insertAddress(tx, {
        id: newId(),
        personId: person.id,
        regionCode: item.regionCode,
        text: item.addressText,
        ...item.source,
        createdAt: now,
        updatedAt: now,
      });
      changed = true;
    }
  }
  const fill: Partial<typeof persons.$inferInsert> = {};
  if (person.sponsorId === null && item.sponsorId) {
    fill.sponsorId = item.sponsorId;
  }
  if (person.workplace === null && item.workplace) {
    fill.workplace = item.workplace;
  }
  if (Object.keys(fill).length > 0) {
    await repo.updatePerson(tx, person.id, { ...fill, updatedAt: now });
    changed = true;
  }
  if (changed) {
    await refreshPerson(tx, person.id, now);
  }
  return changed ? 'updated' : 'unchanged';
}

/**
 * For stay reports: makes `regionCode` (with `addressText`) the current address of persons on file, in a few
 * statements for any number of them — open addresses elsewhere end the day before, a new address fact is added with
 * the report's source, and the person's kept area and zone follow. A person whose open address already is that place
 * is left alone. The caller locks the persons.
 */
export async function moveToAddressBulk(
  tx: Tx,
  personIds: readonly string[],
  place: { regionCode: string; addressText: string | null },
  source: SourceRecord,
  now: Date,
): Promise<void> {
  if (personIds.length === 0) {
    return;
  }
  // Statements on id arrays (= any) rather than one statement of joined CTEs: the planner's guess for a CTE inside a
  // transaction that has just added thousands of rows made that one scan the addresses per person.
  const there = await selectRows<{ person_id: string }>(
    tx,
    sql`select person_id from addresses where person_id = any(${sql.param([...new Set(personIds)])}::uuid[])
        and valid_to is null and region_code = ${place.regionCode} and text is not distinct from ${place.addressText}`,
  );
  const stay = new Set(there.map((r) => r.person_id));
  const moving = [...new Set(personIds)].filter((id) => !stay.has(id));
  if (moving.length === 0) {
    return;
  }
  const ids = sql`${sql.param(moving)}::uuid[]`;
  const end = addDays(now.toISOString().slice(0, 10), -1);
  const zone = timeZoneOfRegion(place.regionCode);
  const at = now.toISOString();
  await tx.execute(
    sql`update addresses set valid_to = case when valid_from is not null and valid_from > ${end}::date
                                            then valid_from else ${end}::date end,
                             updated_at = ${at}::timestamptz
        where person_id = any(${ids}) and valid_to is null`,
  );
  await tx.execute(
    sql`insert into addresses (id, person_id, region_code, text, source_kind, source_agency_id, source_user_id,
                               source_ref, recorded_at, created_at, updated_at)
        select gen_random_uuid(), p, ${place.regionCode}, ${place.addressText}, ${source.sourceKind},
               ${source.sourceAgencyId}::uuid, ${source.sourceUserId}::uuid, ${source.sourceRef},
               ${source.recordedAt.toISOString()}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
        from unnest(${ids}) as p`,
  );
  await tx.execute(
    sql`update ${persons} set region_code = ${place.regionCode}, updated_at = ${at}::timestamptz
          ${zone ? sql`, time_zone = ${zone}` : sql``}
        where id = any(${ids})`,
  );
}
