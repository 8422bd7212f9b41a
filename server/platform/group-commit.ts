// Group commit: requests of the same kind that arrive while one write is running wait and are then written together,
// in one transaction, instead of one transaction each. Under load this turns N transactions of ~12 statements into
// one of about as many statements for all N (ARCHITECTURE D20); with nothing else waiting a request is written alone,
// exactly as without the queue (one turn of the event loop later). Requests whose keys overlap (the same guest's document) are never in one group: the
// later one waits for the next, so it sees what the earlier one wrote. When a shared write fails as a whole, every
// request of it is run alone, so each gets its own answer and none is lost.

export type GroupOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export type GroupWriter<T, R> = {
  /** the keys of an item; two items with a key in common are written in different groups, in arrival order */
  keysOf: (item: T) => readonly string[];
  /** how much an item weighs towards maxWeight (e.g. its guests) */
  weightOf: (item: T) => number;
  /** a group holds up to this weight (a single heavier item forms a group of its own) */
  maxWeight: number;
  /** writes a group of two or more items in one transaction; an outcome per item, in order */
  writeTogether: (items: readonly T[]) => Promise<GroupOutcome<R>[]>;
  /** writes one item on its own */
  writeAlone: (item: T) => Promise<R>;
  /** told when a group failed as a whole and its items are run alone */
  onGroupFailure?: (error: unknown, items: readonly T[]) => void;
  /**
   * Groups written at the same time (default 1): while one waits for the database, the next is built and sent.
   * Items with a key of a group still being written wait for it to finish.
   */
  concurrency?: number;
};

type Waiting<T, R> = { item: T; resolve: (value: R) => void; reject: (error: unknown) => void };

export class GroupCommit<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  /** groups being written now */
  private running = 0;
  /** the keys of the groups being written now, with how many of those groups hold each */
  private readonly busyKeys = new Map<string, number>();
  /** groups written and items in them since start (for the benchmark and the tests) */
  readonly stats = { groups: 0, items: 0, failedGroups: 0 };

  constructor(private readonly writer: GroupWriter<T, R>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private scheduled = false;

  /**
   * Starts writers once the event loop has read what already arrived: requests read in the same turn join one group.
   * (PGlite runs a whole transaction in one turn, so without this every request read after it would be written
   * alone.)
   */
  private schedule(): void {
    if (this.scheduled) {
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startWriters();
    });
  }

  /** Starts writers up to the concurrency while there are items that can be written now. */
  private startWriters(): void {
    while (this.running < (this.writer.concurrency ?? 1) && this.waiting.length > 0) {
      const group = this.take();
      if (group.length === 0) {
        return; // every waiting item meets a group being written; its end starts the next
      }
      this.running += 1;
      const keys = group.flatMap((w) => this.writer.keysOf(w.item));
      for (const k of keys) {
        this.busyKeys.set(k, (this.busyKeys.get(k) ?? 0) + 1);
      }
      void this.write(group).finally(() => {
        for (const k of keys) {
          const n = (this.busyKeys.get(k) ?? 1) - 1;
          if (n === 0) {
            this.busyKeys.delete(k);
          } else {
            this.busyKeys.set(k, n);
          }
        }
        this.running -= 1;
        this.schedule();
      });
    }
  }

  /** The next group: waiting items in arrival order, skipping any whose keys meet a key already taken (or an earlier
   * skipped item's, so items with a key in common keep their order), up to the weight limit. */
  private take(): Waiting<T, R>[] {
    const group: Waiting<T, R>[] = [];
    const rest: Waiting<T, R>[] = [];
    const blocked = new Set<string>(this.busyKeys.keys());
    let weight = 0;
    for (const w of this.waiting) {
      const keys = this.writer.keysOf(w.item);
      const itemWeight = this.writer.weightOf(w.item);
      const fits = group.length === 0 || weight + itemWeight <= this.writer.maxWeight;
      // (an item skipped here waits in `rest`; its keys block the later items that share one)
      if (fits && !keys.some((k) => blocked.has(k))) {
        group.push(w);
        weight += itemWeight;
      } else {
        rest.push(w);
      }
      for (const k of keys) {
        blocked.add(k);
      }
    }
    this.waiting.splice(0, this.waiting.length, ...rest);
    return group;
  }

  private async write(group: Waiting<T, R>[]): Promise<void> {
    this.stats.groups += 1;
    this.stats.items += group.length;
    if (group.length === 1) {
      await this.alone(group[0] as Waiting<T, R>);
      return;
    }
    let outcomes: GroupOutcome<R>[];
    try {
      outcomes = await this.writer.writeTogether(group.map((w) => w.item));
    } catch (error) {
      this.stats.failedGroups += 1;
      this.writer.onGroupFailure?.(
        error,
        group.map((w) => w.item),
      );
      for (const w of group) {
        await this.alone(w);
      }
      return;
    }
    group.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) {
        w.resolve(outcome.value);
      } else {
        w.reject(outcome ? outcome.error : new Error('no outcome for a grouped item'));
      }
    });
  }

  private async alone(w: Waiting<T, R>): Promise<void> {
    try {
      w.resolve(await this.writer.writeAlone(w.item));
    } catch (error) {
      w.reject(error);
    }
  }
}
