// Background work of guest reporting: processing a submitted batch (exactly once: its writes and its final status
// commit together, and a run after a crash starts from the stored rows), and looking for close register candidates of
// the new persons that large batches created.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs';
import { reviewNewGuests } from './stay-check-ins';
import * as repo from './stays.repo';
import { processBatch } from './stays.service';

export const processBatchJob = defineJob({
  name: 'stays.process-batch',
  version: 1,
  payload: z.object({ batchId: z.uuid() }),
  maxAttempts: 10,
  run: (ctx, { batchId }) => processBatch(ctx, batchId),
});

const REVIEW_CHUNK = 500;

export const reviewGuestsJob = defineJob({
  name: 'stays.review-new-guests',
  version: 1,
  payload: z.object({}),
  async run(ctx) {
    for (;;) {
      const done = await ctx.database.transaction(async (tx) => {
        const pending = await repo.listPendingReview(tx, REVIEW_CHUNK);
        await reviewNewGuests(tx, ctx, pending);
        return pending.length < REVIEW_CHUNK;
      });
      if (done) {
        return;
      }
    }
  },
});
