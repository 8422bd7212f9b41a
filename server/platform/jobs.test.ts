import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { selectRows } from '../db/client';
import { jobs } from '../db/schema/jobs';
import { sweepSessionsJob } from '../modules/auth/auth.jobs';
import { buildUser, createTestEnv, signIn, type TestEnv } from '../test/harness';
import { backoffMs, defineJob, enqueueJob, enqueueScheduled, runDueJobs } from './jobs';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const seen: number[] = [];
const countJob = defineJob({
  name: 'test.count',
  version: 1,
  payload: z.object({ n: z.number() }),
  async run(_ctx, { n }) {
    seen.push(n);
  },
});
let failuresLeft = 1;
const flakyJob = defineJob({
  name: 'test.flaky',
  version: 1,
  payload: z.object({}),
  maxAttempts: 2,
  async run() {
    if (failuresLeft-- > 0) {
      throw new Error('temporary failure');
    }
  },
});
const brokenJob = defineJob({
  name: 'test.broken',
  version: 1,
  payload: z.object({}),
  maxAttempts: 2,
  async run() {
    throw new Error('always');
  },
});

function deps() {
  const ctx = env.ctx({ kind: 'system', name: 'test' });
  return {
    database: env.database,
    config: ctx.config,
    log: ctx.log,
    definitions: [countJob, flakyJob, brokenJob, sweepSessionsJob],
  };
}

async function makeDue() {
  await env.database.db
    .update(jobs)
    .set({ runAt: new Date(Date.now() - 1000) })
    .where(eq(jobs.status, 'queued'));
}

describe('job queue', () => {
  it('runs each job once, in order, and only when due', async () => {
    await enqueueJob(env.database.db, countJob, { n: 1 });
    await enqueueJob(env.database.db, countJob, { n: 2 });
    await enqueueJob(env.database.db, countJob, { n: 3 }, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await runDueJobs(deps())).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(await runDueJobs(deps())).toBe(0);
  });

  it('retries with backoff, then gives up and keeps the error', async () => {
    await enqueueJob(env.database.db, flakyJob, {});
    await enqueueJob(env.database.db, brokenJob, {});
    await runDueJobs(deps());
    const [retry] = await env.database.db.select().from(jobs).where(eq(jobs.name, 'test.flaky'));
    expect(retry).toMatchObject({ status: 'queued', attempts: 1, lastError: 'temporary failure' });
    expect(retry?.runAt.getTime()).toBeGreaterThan(Date.now() + backoffMs(1) - 2000);
    await makeDue();
    await runDueJobs(deps());
    const rows = await env.database.db.select().from(jobs).where(sql`${jobs.name} in ('test.flaky', 'test.broken')`);
    expect(Object.fromEntries(rows.map((r) => [r.name, r.status]))).toEqual({
      'test.flaky': 'done',
      'test.broken': 'failed',
    });
  });

  it('refuses an invalid payload at enqueue time', async () => {
    await expect(enqueueJob(env.database.db, countJob, { n: 'x' } as never)).rejects.toThrow();
  });

  it('enqueues a scheduled job once per slot, whichever node asks', async () => {
    const schedules = [{ job: countJob, everyMs: 60_000, payload: { n: 9 } }];
    const now = new Date();
    await enqueueScheduled(env.database.db, schedules, now);
    await enqueueScheduled(env.database.db, schedules, now);
    const [row] = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from jobs where unique_key like 'test.count:%'`,
    );
    expect(row?.n).toBe(1);
  });

  it('the session sweep deletes long-ended sessions and is audited', async () => {
    const user = await buildUser(env);
    await signIn(env, user);
    await signIn(env, user);
    await env.database.db.execute(
      sql`update sessions set expires_at = now() - interval '40 days' where id = (select id from sessions where user_id = ${user.id} limit 1)`,
    );
    await enqueueJob(env.database.db, sweepSessionsJob, { keepDays: 30 });
    await runDueJobs(deps());
    const [left] = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from sessions where user_id = ${user.id}`,
    );
    expect(left?.n).toBe(1);
    const [audit] = await selectRows<{ details: { sessionsDeleted: number } }>(
      env.database.db,
      sql`select details from audit_log where action = 'auth.sweep' order by seq desc limit 1`,
    );
    expect(audit?.details.sessionsDeleted).toBe(1);
  });
});
