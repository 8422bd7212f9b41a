// SQL of merging two records of one person: the merge records, moving fact rows between the two persons (without
// touching their updated_at, so that an undo can tell a row changed since the merge from one that only moved), and
// the records merged into a person (whose audit views the surviving record shows).
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Queryable, selectRows } from '../../db/client';
import {
  addresses,
  identityClaims,
  type PersonMergeMoved,
  permits,
  personMerges,
  personNames,
  persons,
  travelDocuments,
} from '../../db/schema/register';

export type MergeRow = typeof personMerges.$inferSelect;
export type { PersonMergeMoved };

/** The tables whose rows belong to a person and move with a merge. */
export const factTables = {
  names: personNames,
  documents: travelDocuments,
  permits,
  addresses,
  claims: identityClaims,
} as const;
export type FactKind = keyof typeof factTables;

/** Locks both persons' rows (in a fixed order, so two merges of the same pair cannot deadlock). */
export async function lockPersons(db: Queryable, ids: readonly string[]) {
  await db.execute(
    sql`select id from ${persons} where id = any(${sql.param([...ids].sort())}::uuid[]) order by id for update`,
  );
}

export async function moveFacts(db: Queryable, kind: FactKind, ids: readonly string[], personId: string) {
  if (ids.length === 0) {
    return;
  }
  const table = factTables[kind];
  await db
    .update(table)
    .set({ personId })
    .where(inArray(table.id, [...ids]));
}

/** Sets the kind of names without touching updated_at (a merge turns the merged-away primary name into an alias). */
export async function setNameKinds(db: Queryable, ids: readonly string[], kind: 'primary' | 'alias') {
  if (ids.length > 0) {
    await db
      .update(personNames)
      .set({ kind })
      .where(inArray(personNames.id, [...ids]));
  }
}

/** The current state of rows a merge moved: where they are and when they last changed. */
export async function findFactStates(db: Queryable, kind: Exclude<FactKind, 'claims'>, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  const table = factTables[kind];
  return db
    .select({ id: table.id, personId: table.personId, updatedAt: table.updatedAt })
    .from(table)
    .where(inArray(table.id, [...ids]));
}

export async function findClaimStates(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .select({ id: identityClaims.id, personId: identityClaims.personId, supersededAt: identityClaims.supersededAt })
    .from(identityClaims)
    .where(inArray(identityClaims.id, [...ids]));
}

export async function insertMerge(db: Queryable, row: typeof personMerges.$inferInsert): Promise<MergeRow> {
  const [inserted] = await db.insert(personMerges).values(row).returning();
  return inserted as MergeRow;
}

/** The merge that currently holds this record merged away, if any. */
export async function findActiveMergeOf(db: Queryable, sourceId: string): Promise<MergeRow | undefined> {
  const [row] = await db
    .select()
    .from(personMerges)
    .where(and(eq(personMerges.sourceId, sourceId), isNull(personMerges.undoneAt)))
    .limit(1);
  return row;
}

export async function markMergeUndone(
  db: Queryable,
  id: string,
  patch: { undoneAt: Date; undoneByUserId: string | null; undoneByName: string | null; undoReason: string },
) {
  await db.update(personMerges).set(patch).where(eq(personMerges.id, id));
}

/** Merges the person took part in, either side, newest first. */
export function listMergesOf(db: Queryable, personId: string): Promise<MergeRow[]> {
  return db
    .select()
    .from(personMerges)
    .where(or(eq(personMerges.sourceId, personId), eq(personMerges.targetId, personId)))
    .orderBy(desc(personMerges.mergedAt), desc(personMerges.undoneAt));
}

/** The records merged into this one and not undone, through chains (A into B, B into C: C holds A and B). */
export async function findMergedInIds(db: Queryable, targetId: string): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`with recursive merged(id) as (
        select source_id from ${personMerges} where target_id = ${targetId} and undone_at is null
        union
        select m.source_id from ${personMerges} m join merged on m.target_id = merged.id where m.undone_at is null
      )
      select id from merged`,
  );
  return rows.map((r) => r.id);
}
