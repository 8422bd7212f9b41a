import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupCommit, type GroupOutcome, type GroupWriter } from './group-commit';

type Item = { id: number; keys: string[]; weight: number; fail?: boolean };

/** A writer that records its groups; a group "commits" after a tick, so items submitted meanwhile wait. */
function recordingWriter(over: Partial<GroupWriter<Item, number>> = {}) {
  const groups: number[][] = [];
  const writer: GroupWriter<Item, number> = {
    keysOf: (i) => i.keys,
    weightOf: (i) => i.weight,
    maxWeight: 10,
    writeTogether: async (items) => {
      await new Promise((r) => setTimeout(r, 1));
      groups.push(items.map((i) => i.id));
      return items.map(
        (i): GroupOutcome<number> =>
          i.fail ? { ok: false, error: new Error(`refused ${i.id}`) } : { ok: true, value: i.id * 10 },
      );
    },
    writeAlone: async (i) => {
      await new Promise((r) => setTimeout(r, 1));
      groups.push([i.id]);
      if (i.fail) {
        throw new Error(`refused ${i.id}`);
      }
      return i.id * 10;
    },
    ...over,
  };
  return { groups, queue: new GroupCommit(writer) };
}

/** Submits the first item, lets its group start, then submits the rest at once. */
async function afterFirst<R>(queue: GroupCommit<Item, R>, items: Item[]) {
  const first = queue.submit(items[0] as Item);
  await new Promise((r) => setImmediate(r));
  return Promise.all([first, ...items.slice(1).map((i) => queue.submit(i))]);
}

describe('group commit', () => {
  it('writes requests that arrive together, or while another group is written, as one group; each its own answer', async () => {
    const { groups, queue } = recordingWriter();
    const items = Array.from({ length: 5 }, (_, id) => ({ id, keys: [`k${id}`], weight: 1, fail: id === 3 }));
    const first = queue.submit(items[0] as Item);
    await new Promise((r) => setImmediate(r));
    const answers = await Promise.allSettled([first, ...items.slice(1).map((i) => queue.submit(i))]);
    expect(groups).toEqual([[0], [1, 2, 3, 4]]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      0,
      10,
      20,
      'refused 3',
      40,
    ]);
    expect(queue.stats).toMatchObject({ groups: 2, items: 5, failedGroups: 0 });
  });

  it('never puts two requests with a key in common in one group, and keeps their order', async () => {
    const { groups, queue } = recordingWriter();
    await afterFirst(queue, [
      { id: 0, keys: ['a'], weight: 1 },
      { id: 1, keys: ['a'], weight: 1 },
      { id: 2, keys: ['b'], weight: 1 },
      { id: 3, keys: ['c', 'a'], weight: 1 },
      { id: 4, keys: ['d'], weight: 1 },
    ]);
    expect(groups).toEqual([[0], [1, 2, 4], [3]]);
  });

  it('keeps a group under the weight limit; a heavier request goes alone', async () => {
    const { groups, queue } = recordingWriter();
    await afterFirst(queue, [
      { id: 0, keys: [], weight: 1 },
      { id: 1, keys: [], weight: 6 },
      { id: 2, keys: [], weight: 6 },
      { id: 3, keys: [], weight: 25 },
      { id: 4, keys: [], weight: 4 },
    ]);
    expect(groups).toEqual([[0], [1, 4], [2], [3]]);
  });

  it('runs every request of a failed group alone, so each gets its own answer', async () => {
    const failures: number[] = [];
    const { groups, queue } = recordingWriter({
      writeTogether: async () => {
        throw new Error('lost connection');
      },
      onGroupFailure: (_e, items) => failures.push(items.length),
    });
    const answers = await afterFirst(
      queue,
      [0, 1, 2].map((id) => ({ id, keys: [], weight: 1 })),
    );
    expect(answers).toEqual([0, 10, 20]);
    expect(groups).toEqual([[0], [1], [2]]);
    expect(failures).toEqual([2]);
    expect(queue.stats.failedGroups).toBe(1);
  });

  it('answers every request exactly once, in key order, whatever arrives (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            keys: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 3 }),
            weight: fc.integer({ min: 1, max: 12 }),
            fail: fc.boolean(),
            delay: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        async (specs) => {
          const { groups, queue } = recordingWriter();
          const order: number[] = [];
          const answers = await Promise.allSettled(
            specs.map(async (s, id) => {
              await new Promise((r) => setTimeout(r, s.delay));
              order.push(id);
              return queue.submit({ id, keys: s.keys, weight: s.weight, fail: s.fail });
            }),
          );
          // each answered, with its own value or error
          answers.forEach((a, id) => {
            if (specs[id]?.fail) {
              expect(a.status).toBe('rejected');
            } else {
              expect(a).toEqual({ status: 'fulfilled', value: id * 10 });
            }
          });
          // each written once; no group holds a key twice or weighs more than the limit (unless alone)
          expect(groups.flat().sort((x, y) => x - y)).toEqual(specs.map((_, id) => id));
          const position = new Map(groups.flatMap((g, gi) => g.map((id) => [id, gi] as const)));
          for (const g of groups) {
            const keys = g.flatMap((id) => specs[id]?.keys ?? []);
            expect(new Set(keys).size).toBe(keys.length === 0 ? 0 : new Set(keys).size);
            for (const id of g) {
              const own = new Set(specs[id]?.keys);
              const others = g.filter((o) => o !== id).flatMap((o) => specs[o]?.keys ?? []);
              expect(others.some((k) => own.has(k))).toBe(false);
            }
            if (g.length > 1) {
              expect(g.reduce((w, id) => w + (specs[id]?.weight ?? 0), 0)).toBeLessThanOrEqual(10);
            }
          }
          // two requests sharing a key are written in the order they were submitted
          const submitted = order.map((id) => ({ id }));
          for (let i = 0; i < submitted.length; i++) {
            for (let j = i + 1; j < submitted.length; j++) {
              const a = submitted[i]?.id as number;
              const b = submitted[j]?.id as number;
              if (specs[a]?.keys.some((k) => specs[b]?.keys.includes(k))) {
                expect(position.get(a) as number).toBeLessThan(position.get(b) as number);
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('group commit with two writers', () => {
  it('writes a second group while the first is in flight, but never two groups holding one key at once', async () => {
    let inFlight = 0;
    let most = 0;
    const busy = new Set<string>();
    /** a write of these items: checks that no other write in flight holds one of their keys */
    const tracked = async (written: readonly Item[]) => {
      const keys = written.flatMap((i) => i.keys);
      for (const k of keys) {
        expect(busy.has(k)).toBe(false);
        busy.add(k);
      }
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      for (const k of keys) {
        busy.delete(k);
      }
      groups.push(written.map((i) => i.id));
    };
    const { groups, queue } = recordingWriter({
      concurrency: 2,
      writeTogether: async (items) => {
        await tracked(items);
        return items.map((i) => ({ ok: true as const, value: i.id * 10 }));
      },
      writeAlone: async (i) => {
        await tracked([i]);
        return i.id * 10;
      },
    });
    const items = [
      { id: 0, keys: ['a'], weight: 1 },
      { id: 1, keys: ['a'], weight: 1 },
      { id: 2, keys: ['b'], weight: 1 },
      { id: 3, keys: ['c'], weight: 1 },
      { id: 4, keys: ['a'], weight: 1 },
    ];
    const answers = await afterFirst(queue, items);
    expect(answers).toEqual([0, 10, 20, 30, 40]);
    expect(most).toBe(2);
    // 0 alone; then 1 waits for 0 ('a' in flight) while 2 and 3 go as the second writer's group (4 shares 'a' with the
    // waiting 1, so it keeps its place after it); then 1, then 4
    const order = groups.flat();
    expect(order.indexOf(0)).toBeLessThan(order.indexOf(1));
    expect(order.indexOf(1)).toBeLessThan(order.indexOf(4));
    expect(groups).toEqual([[0], [2, 3], [1], [4]]);
  });
});
