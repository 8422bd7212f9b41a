import { z } from 'zod';

export const healthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['embedded', 'server']),
  ready: z.boolean(),
  time: z.string(),
});
