// Housekeeping of sign-in data: ended sessions and old throttle counters are deleted after a while.
import { and, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { authThrottle, sessions } from '../../db/schema/auth';
import { appendAudit } from '../../platform/audit';
import { defineJob } from '../../platform/jobs';

const DAY = 86_400_000;

export const sweepSessionsJob = defineJob({
  name: 'auth.sweep_sessions',
  version: 1,
  payload: z.object({ keepDays: z.number().int().min(1).max(3650) }),
  async run(ctx, { keepDays }) {
    const now = ctx.now();
    const before = new Date(now.getTime() - keepDays * DAY);
    await ctx.database.transaction(async (tx) => {
      const ended = await tx
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, before), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, before))))
        .returning({ id: sessions.id });
      const counters = await tx
        .delete(authThrottle)
        .where(
          and(
            lt(authThrottle.windowStart, new Date(now.getTime() - DAY)),
            or(isNull(authThrottle.lockedUntil), lt(authThrottle.lockedUntil, now)),
          ),
        )
        .returning({ key: authThrottle.key });
      await appendAudit(tx, ctx, {
        action: 'auth.sweep',
        details: { sessionsDeleted: ended.length, countersDeleted: counters.length, keepDays },
      });
    });
  },
});
