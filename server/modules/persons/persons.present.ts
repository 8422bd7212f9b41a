// From rows to what the API returns: list items, the person page (facts with their sources, permits on a timeline,
// claims side by side with their disagreements, status, who viewed it). Reads only; no access decisions here.
import type {
  DocumentType,
  FactSource,
  IdentityClaimItem,
  IdentityDisagreement,
  IdentityFieldName,
  PermitType,
  PersonDetail,
  PersonListItem,
  PersonMergeItem,
  PersonStatus,
  SourceKind,
  TimeZoneCode,
} from '../../../contracts/persons';
import { identityFieldNames } from '../../../contracts/persons';
import type { Queryable } from '../../db/client';
import { findAgencyNames, findRegionLabels, findUserNames, type IdName } from '../sponsors/register-refs';
import { findSponsorRefs } from '../sponsors/sponsors.service';
import { findMergedInIds, listMergesOf } from './person-merge.repo';
import { normaliseName } from './person-names';
import { localDate, type StatusSummary, statusOf } from './person-status';
import * as repo from './persons.repo';
import { isPersonVisible, type RegisterViewer } from './persons.scope';

type SourceColumns = {
  sourceKind: string;
  sourceAgencyId: string | null;
  sourceUserId: string | null;
  sourceRef: string | null;
  recordedAt: Date;
};

type SourceNames = { agencies: Map<string, IdName>; users: Map<string, IdName> };

async function sourceNamesOf(db: Queryable, rows: readonly SourceColumns[], extraAgencies: (string | null)[] = []) {
  return {
    agencies: await findAgencyNames(db, [...rows.map((r) => r.sourceAgencyId), ...extraAgencies]),
    users: await findUserNames(
      db,
      rows.map((r) => r.sourceUserId),
    ),
  };
}

function presentSource(row: SourceColumns, names: SourceNames): FactSource {
  return {
    kind: row.sourceKind as SourceKind,
    agency: row.sourceAgencyId ? (names.agencies.get(row.sourceAgencyId) ?? null) : null,
    user: row.sourceUserId ? (names.users.get(row.sourceUserId) ?? null) : null,
    reference: row.sourceRef,
    recordedAt: row.recordedAt.toISOString(),
  };
}

export function summaryOf(row: repo.PersonRow): StatusSummary {
  return {
    permitId: row.permitId,
    permitType: row.permitType,
    permitValidUntil: row.permitValidUntil,
    exitedOn: row.exitedOn,
    documentExpiry: row.documentExpiry,
  };
}

export function statusOfPerson(row: repo.PersonRow, now: Date, expiringDays: number): PersonStatus {
  return statusOf(summaryOf(row), { now, zone: row.timeZone as TimeZoneCode, expiringDays });
}

export type ListHit = {
  via: 'name' | 'document' | 'permit';
  score: number;
  personNameId: string | null;
  numberText: string | null;
};

function nameText(n: { surname: string; givenNames: string; fullName: string | null }) {
  const split = `${n.surname} ${n.givenNames}`.trim();
  return split === '' ? (n.fullName ?? '') : split;
}

export async function presentListItems(
  db: Queryable,
  rows: readonly repo.PersonRow[],
  opts: { now: Date; expiringDays: number; hits?: ReadonlyMap<string, ListHit> },
): Promise<PersonListItem[]> {
  const ids = rows.map((r) => r.id);
  const regions = await findRegionLabels(
    db,
    rows.map((r) => r.regionCode),
  );
  const sponsors = await findSponsorRefs(
    db,
    rows.map((r) => r.sponsorId),
  );
  const documents = await repo.findCurrentDocuments(db, ids);
  const hits = opts.hits ?? new Map<string, ListHit>();
  const matchedNames = await repo.findNamesByIds(
    db,
    [...hits.values()].flatMap((h) => (h.personNameId ? [h.personNameId] : [])),
  );
  const nameById = new Map(matchedNames.map((n) => [n.id, n]));
  return rows.map((r) => {
    const doc = documents.get(r.id);
    const hit = hits.get(r.id);
    const matchedName = hit?.personNameId ? nameById.get(hit.personNameId) : undefined;
    return {
      id: r.id,
      surname: r.surname,
      givenNames: r.givenNames,
      fullName: r.fullName,
      sex: r.sex,
      birthDate: r.birthDate,
      nationality: r.nationality,
      region: r.regionCode ? (regions.get(r.regionCode) ?? null) : null,
      sponsor: r.sponsorId ? (sponsors.get(r.sponsorId) ?? null) : null,
      permit:
        r.permitId && r.permitType
          ? { id: r.permitId, type: r.permitType as PermitType, validUntil: r.permitValidUntil }
          : null,
      document: doc
        ? {
            id: doc.id,
            type: doc.type as DocumentType,
            number: doc.number,
            issuingState: doc.issuingState,
            expiryDate: doc.expiryDate,
          }
        : null,
      status: statusOfPerson(r, opts.now, opts.expiringDays),
      match: hit
        ? {
            via: hit.via,
            text: hit.numberText ?? (matchedName ? nameText(matchedName) : nameText(r)),
            score: Math.round(hit.score * 1000) / 1000,
          }
        : null,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/** The address that counts as where the person lives: the open one that started last; else the one that ended last. */
export function currentAddressOf<T extends { validFrom: string | null; validTo: string | null; createdAt: Date }>(
  rows: readonly T[],
): T | undefined {
  const open = rows.filter((a) => a.validTo === null);
  const pool = open.length > 0 ? open : rows;
  const key = (a: T) => `${open.length > 0 ? (a.validFrom ?? '') : (a.validTo ?? '')}|${a.createdAt.toISOString()}`;
  return [...pool].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).at(-1);
}

type Identity = Record<IdentityFieldName, string | null>;

/** How two values of a field are compared: names without case, accents and punctuation; the rest as they are. */
function comparable(field: IdentityFieldName, value: string): string {
  return field === 'surname' || field === 'givenNames' || field === 'fullName' || field === 'birthPlace'
    ? normaliseName(value)
    : value;
}

export function identityOf(row: repo.PersonRow | repo.ClaimRow): Identity {
  return {
    surname: row.surname,
    givenNames: row.givenNames,
    fullName: row.fullName,
    sex: row.sex,
    birthDate: row.birthDate,
    birthPlace: row.birthPlace,
    nationality: row.nationality,
  };
}

/** The fields where a claim asserts something other than the chosen identity (a field the claim leaves empty says
 * nothing). */
export function differingFields(claim: Identity, chosen: Identity): IdentityFieldName[] {
  return identityFieldNames.filter((f) => {
    const value = claim[f];
    if (value === null || value === '') {
      return false;
    }
    const current = chosen[f];
    return current === null || comparable(f, value) !== comparable(f, current);
  });
}

/** Fields on which the current claims of different sources disagree, each value with the claims asserting it. */
export function disagreementsOf(claims: readonly repo.ClaimRow[]): IdentityDisagreement[] {
  const current = claims.filter((c) => c.supersededAt === null);
  const result: IdentityDisagreement[] = [];
  for (const field of identityFieldNames) {
    const groups = new Map<string, { value: string; claimIds: string[] }>();
    for (const claim of current) {
      const value = identityOf(claim)[field];
      if (value === null || value === '') {
        continue;
      }
      const key = comparable(field, value);
      const group = groups.get(key) ?? { value, claimIds: [] };
      group.claimIds.push(claim.id);
      groups.set(key, group);
    }
    if (groups.size > 1) {
      result.push({ field, values: [...groups.values()] });
    }
  }
  return result;
}

type TimelineEvent = PersonDetail['timeline'][number];
const eventOrder: TimelineEvent['kind'][] = [
  'document_issued',
  'entry',
  'permit_start',
  'address_from',
  'permit_cancelled',
  'exit',
  'permit_end',
  'document_expiry',
];

function timelineOf(
  permits: readonly repo.PermitRow[],
  documents: readonly repo.DocumentRow[],
  addresses: readonly repo.AddressRow[],
  zone: TimeZoneCode,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const add = (date: string | null, kind: TimelineEvent['kind'], refId: string) => {
    if (date) {
      events.push({ date, kind, refId });
    }
  };
  for (const p of permits) {
    add(p.entryDate, 'entry', p.id);
    add(p.validFrom, 'permit_start', p.id);
    add(p.validUntil, 'permit_end', p.id);
    add(p.cancelledAt ? localDate(p.cancelledAt, zone) : null, 'permit_cancelled', p.id);
    add(p.exitDate, 'exit', p.id);
  }
  for (const d of documents) {
    add(d.issueDate, 'document_issued', d.id);
    add(d.expiryDate, 'document_expiry', d.id);
  }
  for (const a of addresses) {
    add(a.validFrom, 'address_from', a.id);
  }
  return events.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : eventOrder.indexOf(a.kind) - eventOrder.indexOf(b.kind),
  );
}

/** The merges a person took part in, and where a merged-away record ended up (A into B, then B into C: C). The
 * other record's name only when the reader may see it. */
async function mergesOf(db: Queryable, person: repo.PersonRow, viewer: RegisterViewer | undefined) {
  const rows = await listMergesOf(db, person.id);
  let latest = person.mergedInto;
  for (let hops = 0; latest && hops < 50; hops++) {
    const next = (await repo.findPerson(db, latest))?.mergedInto;
    if (!next) {
      break;
    }
    latest = next;
  }
  const others = new Map(
    (await repo.findPersonsByIds(db, [...new Set(rows.flatMap((m) => [m.sourceId, m.targetId]))])).map((p) => [
      p.id,
      p,
    ]),
  );
  const ref = (id: string) => {
    const p = others.get(id);
    return { id, name: p && viewer && isPersonVisible(viewer, p) ? nameText(p) : null };
  };
  const items = rows.map(
    (m): PersonMergeItem => ({
      id: m.id,
      source: ref(m.sourceId),
      target: ref(m.targetId),
      reason: m.reason,
      mergedAt: m.mergedAt.toISOString(),
      mergedBy: m.mergedByName,
      undoneAt: m.undoneAt?.toISOString() ?? null,
      undoneBy: m.undoneByName,
      undoReason: m.undoReason,
      moved: {
        names: m.moved.names.length,
        documents: m.moved.documents.length,
        permits: m.moved.permits.length,
        addresses: m.moved.addresses.length,
        claims: m.moved.claims.length,
      },
    }),
  );
  return { items, latest };
}

export async function presentDetail(
  db: Queryable,
  person: repo.PersonRow,
  opts: { now: Date; expiringDays: number; viewer?: RegisterViewer },
): Promise<PersonDetail> {
  const names = await repo.listNames(db, person.id);
  const documents = await repo.listDocuments(db, person.id);
  const permits = await repo.listPermits(db, person.id);
  const addresses = await repo.listAddresses(db, person.id);
  const claims = await repo.listClaims(db, person.id);
  // The surviving record of a merge holds the other record's history, views included.
  const views = await repo.listViews(db, [person.id, ...(await findMergedInIds(db, person.id))], 20);
  const merges = await mergesOf(db, person, opts.viewer);
  const sourced = [...names, ...documents, ...permits, ...addresses, ...claims];
  const sourceNames = await sourceNamesOf(db, sourced, [
    person.recordedByAgencyId,
    ...views.rows.map((v) => v.agencyId),
  ]);
  const regions = await findRegionLabels(db, [person.regionCode, ...addresses.map((a) => a.regionCode)]);
  const sponsors = await findSponsorRefs(db, [person.sponsorId, ...permits.map((p) => p.sponsorId)]);
  const current = currentAddressOf(addresses);
  const chosen = identityOf(person);
  const zone = person.timeZone as TimeZoneCode;
  const agency = (id: string | null) => (id ? (sourceNames.agencies.get(id) ?? null) : null);
  return {
    id: person.id,
    surname: person.surname,
    givenNames: person.givenNames,
    fullName: person.fullName,
    sex: person.sex,
    birthDate: person.birthDate,
    birthPlace: person.birthPlace,
    nationality: person.nationality,
    workplace: person.workplace,
    notes: person.notes,
    region: person.regionCode ? (regions.get(person.regionCode) ?? null) : null,
    sponsor: person.sponsorId ? (sponsors.get(person.sponsorId) ?? null) : null,
    status: statusOfPerson(person, opts.now, opts.expiringDays),
    names: names.map((n) => ({
      id: n.id,
      kind: n.kind as PersonDetail['names'][number]['kind'],
      surname: n.surname,
      givenNames: n.givenNames,
      fullName: n.fullName,
      documentId: n.documentId,
      source: presentSource(n, sourceNames),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      type: d.type as PersonDetail['documents'][number]['type'],
      documentCode: d.documentCode,
      number: d.number,
      issuingState: d.issuingState,
      issueDate: d.issueDate,
      expiryDate: d.expiryDate,
      mrzLines: d.mrzLines,
      supersededAt: d.supersededAt?.toISOString() ?? null,
      source: presentSource(d, sourceNames),
    })),
    permits: permits.map((p) => ({
      id: p.id,
      type: p.type as PermitType,
      visaIndex: p.visaIndex,
      number: p.number,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      entryDate: p.entryDate,
      entryPort: p.entryPort,
      exitDate: p.exitDate,
      exitPort: p.exitPort,
      sponsor: p.sponsorId ? (sponsors.get(p.sponsorId) ?? null) : null,
      cancelledAt: p.cancelledAt?.toISOString() ?? null,
      cancelReason: p.cancelReason,
      current: p.id === person.permitId,
      source: presentSource(p, sourceNames),
    })),
    addresses: addresses.map((a) => ({
      id: a.id,
      region: regions.get(a.regionCode) ?? { code: a.regionCode, name: a.regionCode, level: 0, label: a.regionCode },
      text: a.text,
      latitude: a.latitude,
      longitude: a.longitude,
      validFrom: a.validFrom,
      validTo: a.validTo,
      current: a.id === current?.id,
      source: presentSource(a, sourceNames),
    })),
    timeline: timelineOf(permits, documents, addresses, zone),
    claims: claims.map(
      (c): IdentityClaimItem => ({
        id: c.id,
        surname: c.surname,
        givenNames: c.givenNames,
        fullName: c.fullName,
        sex: c.sex,
        birthDate: c.birthDate,
        birthPlace: c.birthPlace,
        nationality: c.nationality,
        supersededAt: c.supersededAt?.toISOString() ?? null,
        differsFrom: differingFields(identityOf(c), chosen),
        source: presentSource(c, sourceNames),
      }),
    ),
    disagreements: disagreementsOf(claims),
    viewers: views.rows.map((v) => ({
      at: v.at.toISOString(),
      actorName: v.actorName,
      agency: agency(v.agencyId),
      purpose: v.purpose,
    })),
    viewCount: views.total,
    recordedBy: agency(person.recordedByAgencyId),
    mergedInto: person.mergedInto,
    mergedIntoLatest: merges.latest,
    merges: merges.items,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}
