// Background work of guest reporting: processing a submitted batch (exactly once: its writes and its final status
// commit together, and a run after a crash starts from the stored rows), looking for close register candidates of
// the new persons that large batches created, and deleting Idempotency-Keys past their retention.
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { defineJob } from '../../platform/jobs';
import { reviewNewGuests } from './stay-check-ins';
import * as repo from './stays.repo';
import { expiryCutoff, processBatch } from './stays.service';

export const processBatchJob = defineJob({
  name: 'stays.process-batch',
  version: 1,
  payload: z.object({ batchId: z.uuid() }),
  maxAttempts: 10,
  run: (ctx, { batchId }) => processBatch(ctx, batchId),
});

/** Guests checked per transaction: on the embedded database a transaction holds every other request, so a chunk is
 * kept to about a second of searching. */
const REVIEW_CHUNK = 50;
/**
 * A run reviews for at most this long: a node runs its jobs one after another, so a batch submitted meanwhile waits
 * at most this long for it, and a run ends well within the 10 minutes after which another node would take the job back
 * (server/platform/jobs.ts). What is left waits for the next minute's run; runs on two nodes at once share the work
 * (the guests are claimed with SKIP LOCKED). Measured (bench, 2-core machine, PostgreSQL): 50–200 guests a second
 * depending on the register's size, so a batch of 100,000 new guests is reviewed in 10–35 minutes.
 */
const REVIEW_MAX_MS = 60_000;

/** Looks for close candidates of the guests waiting for it (personLink new_pending), chunk by chunk, until none is
 * left or `maxMs` has passed (at least one chunk is done). Returns how many were reviewed. */
export async function reviewPendingGuests(
  ctx: Ctx,
  opts: { maxMs: number; chunk: number } = { maxMs: REVIEW_MAX_MS, chunk: REVIEW_CHUNK },
): Promise<number> {
  const started = Date.now();
  let reviewed = 0;
  for (;;) {
    const n = await ctx.database.transaction(async (tx) => {
      const pending = await repo.listPendingReview(tx, opts.chunk);
      await reviewNewGuests(tx, ctx, pending);
      return pending.length;
    });
    reviewed += n;
    if (n < opts.chunk || Date.now() - started >= opts.maxMs) {
      return reviewed;
    }
  }
}

export const reviewGuestsJob = defineJob({
  name: 'stays.review-new-guests',
  version: 1,
  payload: z.object({}),
  run: async (ctx) => {
    await reviewPendingGuests(ctx);
  },
});

const SWEEP_CHUNK = 1_000;
/** 200 chunks a run: it ends well within the 10 minutes after which another node would take the job back; what is
 * left waits for the next hour's run. */
const SWEEP_MAX_CHUNKS = 200;

export const sweepIdempotencyKeysJob = defineJob({
  name: 'stays.sweep-idempotency-keys',
  version: 1,
  payload: z.object({}),
  async run(ctx) {
    const cutoff = expiryCutoff(ctx.now());
    let deleted = 0;
    // one short transaction per chunk: the keys of requests arriving meanwhile are never held for long
    for (let chunk = 0; chunk < SWEEP_MAX_CHUNKS; chunk++) {
      const n = await ctx.database.transaction((tx) => repo.deleteExpiredIdempotencyKeys(tx, cutoff, SWEEP_CHUNK));
      deleted += n;
      if (n < SWEEP_CHUNK) {
        break;
      }
    }
    if (deleted > 0) {
      await ctx.database.transaction((tx) =>
        appendAudit(tx, ctx, {
          action: 'stay.idempotency_sweep',
          details: { keysDeleted: deleted, createdBefore: cutoff.toISOString() },
        }),
      );
    }
  },
});
