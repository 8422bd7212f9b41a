// Background jobs: a queue in the database. Any node may enqueue; exactly one node claims a job
// (FOR UPDATE SKIP LOCKED); a failed job is retried with exponential backoff; a job left running by a
// node that died is taken back after a timeout. Jobs are named and versioned, their payload checked by zod.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config';
import { type Database, type Queryable, selectRows } from '../db/client';
import { jobs } from '../db/schema/jobs';
import type { Ctx } from './context';

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  version: number;
  payload: S;
  maxAttempts?: number;
  run(ctx: Ctx, payload: z.infer<S>): Promise<void>;
};

/** A job enqueued once per slot of `everyMs`, whichever node gets there first. */
export type JobSchedule = { job: JobDefinition; everyMs: number; payload: unknown };

export const defineJob = <S extends z.ZodType>(def: JobDefinition<S>) => def;

export async function enqueueJob<S extends z.ZodType>(
  db: Queryable,
  def: JobDefinition<S>,
  payload: z.infer<S>,
  opts: { runAt?: Date; uniqueKey?: string } = {},
): Promise<boolean> {
  const inserted = await db
    .insert(jobs)
    .values({
      id: randomUUID(),
      name: def.name,
      version: def.version,
      payload: def.payload.parse(payload),
      maxAttempts: def.maxAttempts ?? 5,
      ...(opts.runAt ? { runAt: opts.runAt } : {}),
      ...(opts.uniqueKey ? { uniqueKey: opts.uniqueKey } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return inserted.length > 0;
}

type JobRow = typeof jobs.$inferSelect;

const STALE_AFTER_MS = 10 * 60_000;
export const backoffMs = (attempts: number) => Math.min(10_000 * 2 ** (attempts - 1), 60 * 60_000);

async function claimJob(db: Queryable, nodeId: string): Promise<JobRow | undefined> {
  const [row] = await selectRows<{ id: string }>(
    db,
    sql`update jobs set status = 'running', locked_by = ${nodeId}, locked_at = now(), attempts = attempts + 1
        where id = (select id from jobs where status = 'queued' and run_at <= now()
                    order by run_at limit 1 for update skip locked)
        returning id`,
  );
  if (!row) {
    return undefined;
  }
  const [job] = await db.select().from(jobs).where(eq(jobs.id, row.id));
  return job;
}

export type RunnerDeps = {
  database: Database;
  config: Config;
  log: FastifyBaseLogger;
  definitions: readonly JobDefinition[];
  nodeId?: string;
  now?: () => Date;
};

/** Runs due jobs until none is left (or `max` ran). Returns how many ran. */
export async function runDueJobs(deps: RunnerDeps, max = 50): Promise<number> {
  const nodeId = deps.nodeId ?? `${hostname()}:${process.pid}`;
  const db = deps.database.db;
  const byName = new Map(deps.definitions.map((d) => [d.name, d]));
  await db
    .update(jobs)
    .set({ status: 'queued', lockedBy: null, lockedAt: null })
    .where(and(eq(jobs.status, 'running'), lt(jobs.lockedAt, new Date(Date.now() - STALE_AFTER_MS))));
  let ran = 0;
  for (; ran < max; ran++) {
    const job = await claimJob(db, nodeId);
    if (!job) {
      break;
    }
    const log = deps.log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    const def = byName.get(job.name);
    try {
      if (!def || def.version !== job.version) {
        throw new Error(`no handler for ${job.name} v${job.version}`);
      }
      const ctx: Ctx = {
        actor: { kind: 'system', name: `job:${job.name}` },
        database: deps.database,
        config: deps.config,
        log,
        requestId: `job:${job.id}`,
        ip: null,
        userAgent: null,
        now: deps.now ?? (() => new Date()),
      };
      await def.run(ctx, def.payload.parse(job.payload));
      await db.update(jobs).set({ status: 'done', finishedAt: new Date(), lastError: null }).where(eq(jobs.id, job.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.maxAttempts;
      log.warn({ err: error, final }, 'job failed');
      await db
        .update(jobs)
        .set({
          status: final ? 'failed' : 'queued',
          lastError: message.slice(0, 2000),
          lockedBy: null,
          lockedAt: null,
          ...(final ? { finishedAt: new Date() } : { runAt: new Date(Date.now() + backoffMs(job.attempts)) }),
        })
        .where(eq(jobs.id, job.id));
    }
  }
  return ran;
}

export async function enqueueScheduled(db: Queryable, schedules: readonly JobSchedule[], now: Date) {
  for (const s of schedules) {
    const slot = Math.floor(now.getTime() / s.everyMs);
    await enqueueJob(db, s.job, s.payload, { uniqueKey: `${s.job.name}:${slot}` });
  }
}

/** The loop of one node. */
export function startJobRunner(deps: RunnerDeps & { schedules: readonly JobSchedule[]; pollMs?: number }) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await enqueueScheduled(deps.database.db, deps.schedules, new Date());
      await runDueJobs(deps);
    } catch (error) {
      deps.log.error({ err: error }, 'job runner tick failed');
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), deps.pollMs ?? 5000);
    }
  };
  timer = setTimeout(() => void tick(), 1000);
  return {
    stop() {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
      }
    },
  };
}
