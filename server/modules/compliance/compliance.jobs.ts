// The hourly deadline run (enqueued once per hour by whichever node gets there first).
import { z } from 'zod';
import { defineJob } from '../../platform/jobs';
import { runDeadlines } from './compliance.service';

export const checkoutDeadlinesJob = defineJob({
  name: 'compliance.checkout-deadlines',
  version: 1,
  payload: z.object({}),
  async run(ctx) {
    const run = await runDeadlines(ctx);
    ctx.log.info(run, 'check-out deadlines');
  },
});
