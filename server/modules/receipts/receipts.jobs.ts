// The job that signs the receipts a large batch left unsigned: enqueued in the batch's transaction, so it runs once
// the batch is committed; it signs 2,000 at a time, each chunk in its own transaction, until none is left.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs';
import { signPendingReceipts } from './receipts.service';

const CHUNK = 2_000;

export const signReceiptsJob = defineJob({
  name: 'receipts.sign',
  version: 1,
  payload: z.object({}).strict(),
  async run(ctx) {
    let signed = 0;
    for (;;) {
      const n = await ctx.database.transaction((tx) => signPendingReceipts(tx, ctx, { limit: CHUNK }));
      signed += n;
      if (n < CHUNK) {
        break;
      }
    }
    ctx.log.info({ signed }, 'receipts signed');
  },
});
