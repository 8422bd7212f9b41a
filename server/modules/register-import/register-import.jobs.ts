// The background commit of a large import: claimed by one node, and safe to run again after a crash (rows already
// stored are found by document number and issuing state and change nothing).
import { z } from 'zod';
import { defineJob } from '../../platform/jobs';

export const commitImportJob = defineJob({
  name: 'register-import.commit',
  version: 1,
  payload: z.object({ importId: z.uuid() }),
  maxAttempts: 3,
  async run(ctx, payload) {
    const { runCommit } = await import('./register-import.service');
    await runCommit(ctx, payload.importId);
  },
});
