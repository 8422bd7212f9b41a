// Runs an import over the rows of a file, a chunk at a time: rows read with the mapping, areas resolved and checked
// against the importer's scope, sponsors found by name (or added), persons on file found by document number and
// issuing state for the whole chunk in one query, then new persons written in bulk and facts attached to persons on
// file. A dry run does exactly the same in transactions that are rolled back, so its counts are the commit's.
import { sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/common';
import type { ImportCounts, ImportField, ImportRowError } from '../../../contracts/register-import';
import type { Tx } from '../../db/client';
import type { ImportActor } from '../../db/schema/imports';
import { hasPermission, isInScope, permissionsOf, type Scope, type UserActor } from '../../platform/access';
import type { Ctx } from '../../platform/context';
import {
  attachImportedFacts,
  findDocumentHoldersBulk,
  type ImportedPerson,
  importDocumentKey,
  insertImportedPersons,
} from '../persons/person-import';
import { normaliseName as normaliseNameOnce } from '../persons/person-names';
import type { SourceRecord } from '../persons/person-records';
import { timeZoneOfRegion } from '../persons/person-status';
import { isPersonVisible } from '../persons/persons.scope';
import { listRegions, unknownRegionCodes } from '../regions/regions.service';
import { findAgencyRegion } from '../sponsors/register-refs';
import { findSponsorIdsByName } from '../sponsors/sponsors.repo';
import { createSponsorIn } from '../sponsors/sponsors.service';
import { foldText, parseRegionCode } from './import-cells';
import type { DataRow, Table } from './import-file';
import { type ImportRecord, makeRowReader, readSponsorName } from './import-rows';

/** Rows per transaction: large enough for multi-row statements (2,000 took a sixth less server time than 1,000 for
 * 100,000 rows; 4,000 no less again), small enough to keep a transaction short and the row-by-row retry of a refused
 * chunk bearable. */
export const CHUNK_ROWS = 2000;

/** One commit at a time per database (a session lock held for the whole run on a server; PGlite runs one transaction
 * at a time anyway), so two imports of the same new person at the same time cannot both add them. */
const IMPORT_LOCK = 0x50524958; // "PRIX"

export async function withImportLock<T>(database: Ctx['database'], fn: () => Promise<T>): Promise<T> {
  const pool = database.pool;
  if (!pool) {
    return fn();
  }
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [IMPORT_LOCK]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [IMPORT_LOCK]).catch(() => undefined);
    client.release();
  }
}

export function actorOf(a: ImportActor, requestId: string): UserActor {
  const roles = a.roles as Role[];
  return {
    kind: 'user',
    userId: a.userId,
    name: a.name,
    email: a.email,
    agencyId: a.agencyId,
    roles,
    permissions: permissionsOf(roles),
    scope: a.scope,
    officeId: a.officeId,
    sessionId: requestId,
  };
}

export function importActorOf(actor: UserActor): ImportActor {
  return {
    userId: actor.userId,
    name: actor.name,
    email: actor.email,
    agencyId: actor.agencyId,
    roles: [...actor.roles],
    scope: actor.scope === 'all' ? 'all' : [...actor.scope],
    officeId: actor.officeId,
  };
}

export type EngineInput = {
  ctx: Ctx;
  actor: UserActor;
  table: Table;
  mapping: readonly (ImportField | null)[];
  fileName: string;
  commit: boolean;
  onProgress?: (processedRows: number) => Promise<void>;
};

export type EngineResult = { counts: ImportCounts; errors: ImportRowError[] };

class Rollback extends Error {}

type AreaAnswer = { code: string } | { error: 'UNKNOWN_AREA' | 'AMBIGUOUS_AREA' | 'AREA_OUT_OF_SCOPE' };

/** What stays valid between chunks: areas, existing sponsors (new sponsors only after a commit) and name-key ids
 * (those a chunk created only once it has committed). */
type Caches = {
  areas: Map<string, AreaAnswer>;
  sponsors: Map<string, string>;
  documents: Map<string, number>;
  nameKeys: Map<string, number>;
};

export async function runEngine(input: EngineInput): Promise<EngineResult> {
  const { ctx, actor, table } = input;
  const scope: Scope = actor.scope;
  const now = ctx.now();
  const read = makeRowReader(table.headers, input.mapping, now);
  const caches: Caches = { areas: new Map(), sponsors: new Map(), documents: new Map(), nameKeys: new Map() };
  const errors: ImportRowError[] = [];
  const counts: ImportCounts = {
    totalRows: table.rows.length,
    okRows: 0,
    rejectedRows: 0,
    newPersons: 0,
    updatedPersons: 0,
    unchangedRows: 0,
  };
  const agencyZone = timeZoneOfRegion(await findAgencyRegion(ctx.database.db, actor.agencyId));
  const columnOf = (field: ImportField) => {
    const i = input.mapping.indexOf(field);
    return i < 0 ? null : (table.headers[i] ?? `#${i + 1}`);
  };
  const rowError = (row: number, field: ImportField | null, code: ImportRowError['code'], message: string) => ({
    row,
    column: field ? columnOf(field) : null,
    field,
    code,
    message,
  });

  const canAddSponsors = hasPermission(actor, 'sponsors.write');
  const chunkCtx: Ctx = { ...ctx, actor };
  if (input.commit) {
    // Sponsors first, once: chunks stored side by side must not both add the same new sponsor.
    const sponsorColumn = input.mapping.indexOf('sponsorName');
    if (sponsorColumn >= 0) {
      const names = table.rows.flatMap((r) => readSponsorName(r.cells[sponsorColumn] ?? null) ?? []);
      await ctx.database.transaction((tx) =>
        resolveSponsors(tx, chunkCtx, names, caches.sponsors, canAddSponsors, true),
      );
    }
  }

  const processChunk = async (chunk: readonly DataRow[]) => {
    const records: ImportRecord[] = [];
    for (const data of chunk) {
      const outcome = read(data);
      if (outcome.ok) {
        records.push(outcome.record);
      } else {
        errors.push(...outcome.errors);
        counts.rejectedRows++;
      }
    }
    const rejected = new Map<number, ImportRowError[]>();
    const reject = (e: ImportRowError) => rejected.set(e.row, [...(rejected.get(e.row) ?? []), e]);
    // The same person twice in one file: the first row counts, later ones come back.
    for (const r of records) {
      const key = importDocumentKey(r.document.numberNorm, r.document.issuingState);
      const first = caches.documents.get(key);
      if (first !== undefined && first !== r.row) {
        reject(
          rowError(
            r.row,
            'documentNumber',
            'DUPLICATE_IN_FILE',
            `paspor yang sama sudah ada di baris ${first} berkas ini`,
          ),
        );
      } else {
        caches.documents.set(key, r.row);
      }
    }
    // Areas: codes checked against the area table, names looked up among villages; both against the scope.
    await resolveAreas(ctx, records, scope, caches.areas);
    const regionOf = new Map<number, string>();
    for (const r of records) {
      if (!r.region) {
        continue;
      }
      const answer = caches.areas.get(areaKey(r.region)) as AreaAnswer;
      if ('code' in answer) {
        regionOf.set(r.row, answer.code);
      } else {
        reject(rowError(r.row, 'region', answer.error, areaMessages[answer.error]));
      }
    }
    const good = records.filter((r) => !rejected.has(r.row));
    const store = async (batch: ImportRecord[]) => {
      const outcome = { newPersons: 0, updatedPersons: 0, unchangedRows: 0, rejected: [] as ImportRowError[] };
      const nameKeys = { known: caches.nameKeys, learned: new Map<string, number>() };
      await ctx.database
        .transaction(async (tx) => {
          if (input.commit) {
            // A chunk does not wait for its own flush to disk: the commit's last write (the import marked done) is
            // flushed, and with it every chunk before it; a crash before that leaves the import to be run again.
            await tx.execute(sql`set local synchronous_commit = off`);
          }
          const sponsorIds = await resolveSponsors(
            tx,
            chunkCtx,
            batch.flatMap((r) => r.sponsorName ?? []),
            caches.sponsors,
            canAddSponsors,
            input.commit,
          );
          const holders = await findDocumentHoldersBulk(
            tx,
            batch.map((r) => ({ numberNorm: r.document.numberNorm, issuingState: r.document.issuingState })),
          );
          const fresh: ImportedPerson[] = [];
          const viewer = { scope, agencyId: actor.agencyId };
          for (const r of batch) {
            const sponsorId = r.sponsorName ? sponsorIds.get(normaliseName(r.sponsorName)) : null;
            if (sponsorId === undefined) {
              outcome.rejected.push(
                rowError(
                  r.row,
                  'sponsorName',
                  'SPONSOR_NOT_ALLOWED',
                  'penjamin belum terdaftar dan Anda tidak berhak menambahkannya',
                ),
              );
              continue;
            }
            const item = importedPerson(r, {
              regionCode: regionOf.get(r.row) ?? null,
              sponsorId,
              actor,
              agencyZone,
              source: sourceOf(actor, input.fileName, r.row, now),
            });
            const holder = holders.get(importDocumentKey(r.document.numberNorm, r.document.issuingState));
            if (!holder) {
              fresh.push(item);
              continue;
            }
            if (!isPersonVisible(viewer, holder)) {
              outcome.rejected.push(
                rowError(
                  r.row,
                  'documentNumber',
                  'PERSON_OUT_OF_SCOPE',
                  'orang dengan paspor ini sudah terdaftar di luar wilayah Anda',
                ),
              );
              continue;
            }
            const result = await attachImportedFacts(tx, holder, item, now);
            if (result === 'updated') {
              outcome.updatedPersons++;
            } else {
              outcome.unchangedRows++;
            }
          }
          await insertImportedPersons(tx, fresh, now, nameKeys);
          outcome.newPersons += fresh.length;
          if (!input.commit) {
            throw new Rollback();
          }
        })
        .then(() => {
          for (const [key, id] of nameKeys.learned) {
            caches.nameKeys.set(key, id);
          }
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) {
            throw error;
          }
        });
      return outcome;
    };
    let outcomes: Awaited<ReturnType<typeof store>>[];
    try {
      outcomes = [await store(good)];
    } catch (error) {
      // One row the database refuses must not take the chunk with it: store row by row, name the row that fails.
      ctx.log.warn({ err: error }, 'import chunk refused; storing row by row');
      outcomes = [];
      for (const r of good) {
        try {
          outcomes.push(await store([r]));
        } catch (rowFailure) {
          ctx.log.warn({ err: rowFailure, row: r.row }, 'import row refused by the database');
          reject(rowError(r.row, null, 'NOT_STORED', 'baris ini tidak dapat disimpan; periksa isinya'));
        }
      }
    }
    for (const o of outcomes) {
      counts.newPersons += o.newPersons;
      counts.updatedPersons += o.updatedPersons;
      counts.unchangedRows += o.unchangedRows;
      for (const e of o.rejected) {
        reject(e);
      }
    }
    counts.rejectedRows += rejected.size;
    for (const list of rejected.values()) {
      errors.push(...list);
    }
  };

  // On a server, two chunks are stored at once on two connections (the file is read and checked while the database
  // writes); PGlite has one connection. A dry run goes chunk by chunk: its sponsors exist only inside each chunk.
  const parallel = input.commit && ctx.database.mode === 'server' ? 2 : 1;
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  let processed = 0;
  let reportedAt = 0;
  for (let start = 0; start < table.rows.length && failure === null; start += CHUNK_ROWS) {
    const chunk = table.rows.slice(start, start + CHUNK_ROWS);
    const task: Promise<void> = processChunk(chunk)
      .then(async () => {
        processed += chunk.length;
        if (input.onProgress && Date.now() - reportedAt > 1000) {
          reportedAt = Date.now();
          await input.onProgress(processed);
        }
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        running.delete(task);
      });
    running.add(task);
    if (running.size >= parallel) {
      await Promise.race(running);
    }
  }
  await Promise.all(running);
  if (failure !== null) {
    throw failure;
  }
  await input.onProgress?.(processed);
  counts.okRows = counts.totalRows - counts.rejectedRows;
  errors.sort((a, b) => a.row - b.row);
  return { counts, errors };
}

const areaMessages = {
  UNKNOWN_AREA: 'kode atau nama desa/kelurahan tidak dikenal',
  AMBIGUOUS_AREA: 'nama desa/kelurahan ini ada lebih dari satu; tulis kodenya (mis. 16.72.01.1005)',
  AREA_OUT_OF_SCOPE: 'alamat di luar wilayah kerja Anda',
} as const;

/** Sponsor names repeat over thousands of rows: each written form is normalised once. */
const normalisedNames = new Map<string, string>();
function normaliseName(name: string): string {
  let found = normalisedNames.get(name);
  if (found === undefined) {
    found = normaliseNameOnce(name);
    if (normalisedNames.size > 10_000) {
      normalisedNames.clear();
    }
    normalisedNames.set(name, found);
  }
  return found;
}

const areaKey = (text: string) => parseRegionCode(text) ?? `name:${foldText(text)}`;

async function resolveAreas(ctx: Ctx, records: readonly ImportRecord[], scope: Scope, cache: Map<string, AreaAnswer>) {
  const db = ctx.database.db;
  const pendingCodes = new Set<string>();
  const pendingNames = new Map<string, string>();
  for (const r of records) {
    if (!r.region) {
      continue;
    }
    const key = areaKey(r.region);
    if (cache.has(key)) {
      continue;
    }
    const code = parseRegionCode(r.region);
    if (code) {
      pendingCodes.add(code);
    } else {
      pendingNames.set(key, r.region);
    }
  }
  if (pendingCodes.size > 0) {
    const codes = [...pendingCodes];
    const unknown = new Set(await unknownRegionCodes(db, codes));
    for (const code of codes) {
      cache.set(
        code,
        unknown.has(code)
          ? { error: 'UNKNOWN_AREA' }
          : isInScope(scope, code)
            ? { code }
            : { error: 'AREA_OUT_OF_SCOPE' },
      );
    }
  }
  for (const [key, name] of pendingNames) {
    const wanted = foldText(name).replace(/^(desa|kelurahan|kel|ds)\s+/, '');
    const found = wanted ? await listRegions(db, { q: wanted.slice(0, 100), level: 4, limit: 50 }) : [];
    const exact = found.filter((r) => foldText(r.name) === wanted);
    const inScope = exact.filter((r) => isInScope(scope, r.code));
    cache.set(
      key,
      inScope.length === 1
        ? { code: (inScope[0] as { code: string }).code }
        : inScope.length > 1
          ? { error: 'AMBIGUOUS_AREA' }
          : exact.length > 0
            ? { error: 'AREA_OUT_OF_SCOPE' }
            : { error: 'UNKNOWN_AREA' },
    );
  }
}

/** Sponsor ids by normalised name: existing sponsors, else new ones (as companies, the usual penjamin) when the
 * importer may add sponsors. On a dry run
 * the new ones are rolled back with the chunk, so they are not remembered across chunks. */
async function resolveSponsors(
  tx: Tx,
  ctx: Ctx,
  written: readonly string[],
  cache: Map<string, string>,
  canAdd: boolean,
  commit: boolean,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const name of written) {
    names.set(normaliseName(name), name);
  }
  const result = new Map<string, string>();
  const missing: string[] = [];
  for (const key of names.keys()) {
    const id = cache.get(key);
    if (id) {
      result.set(key, id);
    } else {
      missing.push(key);
    }
  }
  if (missing.length === 0) {
    return result;
  }
  const found = await findSponsorIdsByName(tx, missing);
  for (const key of missing) {
    let id = found.get(key);
    if (id) {
      cache.set(key, id);
    } else if (canAdd) {
      const name = names.get(key) as string;
      id = (
        await createSponsorIn(tx, ctx, {
          kind: 'company',
          name,
          registrationNo: null,
          contactPerson: null,
          phone: null,
          email: null,
          address: null,
          regionCode: null,
        })
      ).id;
      if (commit) {
        cache.set(key, id);
      }
    }
    if (id) {
      result.set(key, id);
    }
  }
  return result;
}

function sourceOf(actor: UserActor, fileName: string, row: number, now: Date): SourceRecord {
  return {
    sourceKind: 'import',
    sourceAgencyId: actor.agencyId,
    sourceUserId: actor.userId,
    sourceRef: `${fileName} #${row}`.slice(0, 300),
    recordedAt: now,
  };
}

function importedPerson(
  r: ImportRecord,
  refs: {
    regionCode: string | null;
    sponsorId: string | null;
    actor: UserActor;
    agencyZone: ReturnType<typeof timeZoneOfRegion>;
    source: SourceRecord;
  },
): ImportedPerson {
  return {
    identity: {
      surname: r.surname,
      givenNames: r.givenNames,
      fullName: r.fullName,
      sex: r.sex,
      birthDate: r.birthDate,
      birthPlace: r.birthPlace,
      nationality: r.nationality,
    },
    workplace: r.workplace,
    notes: r.notes,
    sponsorId: refs.sponsorId,
    recordedByAgencyId: refs.actor.agencyId,
    agencyZone: refs.agencyZone,
    regionCode: refs.regionCode,
    addressText: refs.regionCode ? r.addressText : null,
    document: r.document,
    permit: r.permit,
    source: refs.source,
  };
}
