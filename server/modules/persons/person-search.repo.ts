// The register search: written names ranked in memory, then persons (filters, scope), document and permit numbers
// in SQL. Each database handle gets one in-memory name index, kept in step with name_keys by catching up before
// every search: the table is only ever inserted into, so its ids are the change sequence, and every server node
// sees every other node's new names on its next search. Ids that commit out of order are tracked as gaps.
import { sql } from 'drizzle-orm';
import { type Database, type Queryable, selectRows } from '../../db/client';
import { nameKeys } from '../../db/schema/register';
import { planQuery } from './person-search';
import { maxRankedNames, NameIndex } from './person-search.index';
import * as repo from './persons.repo';

/** Rows per round trip when the index is first filled (a million persons have a few hundred thousand keys). */
const loadBatch = 50_000;
/** A gap younger than this is re-checked even when the snapshot says its transaction is over (see catchUp). */
const gapGraceMs = 60_000;
/** Beyond this many open gaps the oldest are given up (only a storm of rolled-back inserts leaves so many). */
const maxGaps = 10_000;

type Gap = { xmax: bigint; seenAt: number };

/** One database's name index and how far it has read name_keys. */
export class SyncedNameIndex {
  index = new NameIndex();
  private maxId = 0;
  private maxKey: string | null = null;
  private readonly gaps = new Map<number, Gap>();
  private queue: Promise<unknown> = Promise.resolve();

  get openGaps(): number {
    return this.gaps.size;
  }

  /** Reads the names added since the last call (all of them the first time). Calls run one after another. */
  catchUp(db: Queryable): Promise<void> {
    const run = this.queue.then(() => this.read(db));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(db: Queryable): Promise<void> {
    for (let round = 0; ; round += 1) {
      const gapIds = round === 0 ? [...this.gaps.keys()] : [];
      // One statement, one snapshot: the rows, whether the newest known key is still there (a restored or replaced
      // database starts the index again) and the oldest transaction still running.
      const rows = await selectRows<{
        xmin: string;
        xmax: string;
        probe: string | null;
        id: number | null;
        key: string | null;
        token_count: number | null;
      }>(
        db,
        sql`select s.xmin, s.xmax, (select key from ${nameKeys} where id = ${this.maxId}::int) as probe,
            k.id, k.key, k.token_count
          from (select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
                  pg_snapshot_xmax(pg_current_snapshot())::text as xmax) s
          left join lateral (
            select id, key, token_count from ${nameKeys}
            where id > ${this.maxId}::int or id = any(${sql.param(gapIds)}::int[])
            order by id limit ${loadBatch}
          ) k on true`,
      );
      const head = rows[0];
      if (!head) {
        return;
      }
      if (this.maxId > 0 && head.probe !== this.maxKey) {
        this.reset();
        continue;
      }
      const now = Date.now();
      const xmax = BigInt(head.xmax);
      let received = 0;
      for (const row of rows) {
        if (row.id === null || row.key === null) {
          continue;
        }
        received += 1;
        const id = Number(row.id);
        if (this.gaps.delete(id) || id > this.maxId) {
          for (let missing = this.maxId + 1; missing < id && this.gaps.size < maxGaps; missing += 1) {
            this.gaps.set(missing, { xmax, seenAt: now });
          }
          if (id > this.maxId) {
            this.maxId = id;
            this.maxKey = row.key;
          }
          this.index.add(id, row.key, Number(row.token_count ?? 1));
        }
      }
      if (round === 0) {
        // A gap whose transaction had started before the snapshot that saw it, and that this snapshot no longer sees
        // running, was rolled back: had it committed, this very statement would have returned it.
        const xmin = BigInt(head.xmin);
        for (const [id, gap] of this.gaps) {
          if (id < this.maxId && xmin >= gap.xmax && now - gap.seenAt > gapGraceMs) {
            this.gaps.delete(id);
          }
        }
      }
      if (received < loadBatch) {
        return;
      }
    }
  }

  private reset(): void {
    this.index = new NameIndex();
    this.maxId = 0;
    this.maxKey = null;
    this.gaps.clear();
  }
}

const indexes = new WeakMap<Database, SyncedNameIndex>();

/** The database's name index, caught up with every name committed before this call. */
export async function nameIndexOf(database: Database, db: Queryable): Promise<NameIndex> {
  let synced = indexes.get(database);
  if (!synced) {
    synced = new SyncedNameIndex();
    indexes.set(database, synced);
  }
  await synced.catchUp(db);
  return synced.index;
}

/** Holders listed per written name: of a name borne by thousands (WANG WEI), the first ones in person order — a
 * filter (area, nationality, permit…) narrows them further. */
const perName = 50;
/** The list stops growing past this many persons: more pages than anyone reads for a name. */
const maxListed = 500;
/** Ranked names read in the first round trip: they hold most lists whole. */
const firstRound = 16;
/** Holders of one name listed before the next name shown with the same score: the rest follow the names of that
 * score. */
const crowdedHolders = 3;

/** A search hit, with what the whole list knows: how many persons it holds (`total`, at most 500) and whether more
 * match than it lists (`capped`: beyond 500 persons, or more than 50 holders of one name). */
export type RegisterHit = repo.SearchHit & { capped: boolean };

/**
 * Name search, document and permit numbers in one ranked list: the query planned into words and joined pairs,
 * written names ranked in memory (at least `minScore`), and their holders in the filter read in rank order until
 * the list holds `maxListed` persons. Exact document or permit numbers come first (score 2); then names by score
 * (to a thousandth, as ranked: the small differences — first letter kept, likelier typo — decide), between equal
 * scores the name whose words the query keeps in order or rotated, then the name borne by more of the persons found
 * (a typo is likelier to be of the common name: "zhng jing" is more often ZHANG JING than ZHONG JING), then person
 * order. Names shown with the same score (to a hundredth) are about as likely as each other ("zho li": ZHAO LI,
 * ZHOU LI, LI ZHUO), and persons of one name cannot be told apart by the name: the first three holders of each such
 * name are listed before the rest of any, so that 50 ZHAO LI do not hide every ZHOU LI on the first page; the list
 * stays in the order of the scores shown. `db` is the caller's transaction or `database`'s handle; the index
 * belongs to `database`.
 */
export async function searchRegister(
  database: Database,
  db: Queryable,
  q: string,
  filter: repo.PersonFilter,
  page: repo.Page,
  minScore: number,
): Promise<RegisterHit[]> {
  const plan = planQuery(q);
  const listed: Omit<repo.SearchHit, 'total'>[] = [];
  const seen = new Set<string>();
  let capped = false;
  if (plan.number) {
    for (const h of await repo.findNumberHolders(db, plan.number, filter)) {
      if (!seen.has(h.person_id)) {
        seen.add(h.person_id);
        listed.push({ personId: h.person_id, score: 2, via: h.via, personNameId: null, numberText: h.number_text });
      }
    }
  }
  if (plan.positions > 0) {
    // one name more than listed tells whether the names went on
    const ranked = (await nameIndexOf(database, db)).rank(plan, minScore, maxRankedNames + 1);
    const names = ranked.slice(0, maxRankedNames);
    const holders = names.map(() => [] as { personId: string; personNameId: string }[]);
    // Read in rounds, each sized from the holders per name seen so far, until the list is full: a common name's
    // neighbours can hold thousands of persons, and reading them all to show ten would be the whole cost. One holder
    // more than listed per name tells whether it had more.
    let found = 0;
    let from = 0;
    let size = firstRound;
    while (from < names.length && found < maxListed) {
      const round = names.slice(from, from + size);
      for (const row of await repo.findNameHolders(
        db,
        round.map((n) => n.keyId),
        filter,
        perName + 1,
      )) {
        const of = holders[from + row.ord - 1];
        if (of && of.length < perName) {
          of.push({ personId: row.person_id, personNameId: row.person_name_id });
          found += 1;
        } else {
          capped = true;
        }
      }
      from += round.length;
      const perKey = Math.max(found / from, 1);
      size = Math.min(maxRankedNames, Math.max(firstRound, Math.ceil((maxListed - found) / perKey)));
    }
    if (from < names.length || ranked.length > maxRankedNames) {
      capped = true;
    }
    // Between equal scores (to a thousandth; shown to a hundredth) the name typed in its order (or rotated), then
    // the one more of the persons found bear, comes first.
    const order = names
      .map((n, i) => ({
        ...n,
        score: Math.round(n.score * 100) / 100,
        exact: Math.round(n.score * 1000),
        i,
        holders: holders[i] ?? [],
      }))
      .filter((n) => n.holders.length > 0)
      .sort(
        (a, b) =>
          b.exact - a.exact ||
          Number(b.inOrder) - Number(a.inOrder) ||
          b.holders.length - a.holders.length ||
          a.i - b.i,
      );
    const list = (n: (typeof order)[number], start: number, end: number) => {
      for (const h of n.holders.slice(start, end)) {
        if (!seen.has(h.personId)) {
          seen.add(h.personId);
          listed.push({
            personId: h.personId,
            score: n.score,
            via: 'name',
            personNameId: h.personNameId,
            numberText: null,
          });
        }
      }
    };
    for (let start = 0; start < order.length; ) {
      const shown = (order[start] as (typeof order)[number]).score;
      let end = start + 1;
      while (end < order.length && (order[end] as (typeof order)[number]).score === shown) {
        end += 1;
      }
      const band = order.slice(start, end);
      for (const n of band) {
        list(n, 0, crowdedHolders);
      }
      for (const n of band) {
        list(n, crowdedHolders, perName);
      }
      start = end;
    }
  }
  if (listed.length > maxListed) {
    capped = true;
  }
  const total = Math.min(listed.length, maxListed);
  return listed.slice(page.offset, Math.min(page.offset + page.limit, total)).map((h) => ({ ...h, total, capped }));
}
