// Kill the server (SIGKILL) in the middle of a batch: nothing of the batch is saved, the restarted server processes it
// again and it ends exactly once, and a retry with the same Idempotency-Key answers with the same batch. The server
// runs as a child process, on the database of the run: PostgreSQL (DATABASE_URL; the test reads the database while the
// server holds it), or an embedded PGlite directory, which one process at a time may open (ARCHITECTURE D12) — there
// the server owns it while it runs, and the test opens it (taking the same lock as `pora`) only while no server does.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lockDataDir } from '../../../cli/data-dir-lock';
import { type Database, openEmbedded, openServer, selectRows } from '../../db/client';
import type { TestEnv } from '../../test/harness';
import { buildAccommodation, buildApiKey } from '../accommodations/accommodations.test-support';
import { passportMrz } from '../persons/persons.test-support';

const template = inject('serverTemplate');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ROWS = 12_000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `pora serve` as a child process on the given database settings, once it answers ready. */
async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/api/v1`;
  const child = spawn('node', ['bin/pora.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PORA_LOG_LEVEL: 'error',
      PORA_DEMO: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    const ready = await fetch(`${base}/health`)
      .then((r) => r.json() as Promise<{ ready: boolean }>)
      .then((b) => b.ready)
      .catch(() => false);
    if (ready) {
      return { base, child };
    }
    await sleep(100);
  }
  throw new Error('the server did not start');
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

function batchOf(rowCount: number) {
  const arrivedAt = new Date(Date.now() - 3_600_000).toISOString();
  const expectedCheckOut = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const rows = Array.from({ length: rowCount }, (_, i) => ({
    ref: `K${i}`,
    arrivedAt,
    expectedCheckOut,
    visitPurpose: 'tourism',
    guest: { mrz: passportMrz({ documentNumber: `K${String(i).padStart(8, '0')}` }) },
  }));
  return JSON.stringify({ rows });
}

/** The property's batch API, as its PMS calls it. */
function batchClient(base: () => string, token: string, body: string, idempotencyKey: string) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    send: () =>
      fetch(`${base()}/stays/batches`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body,
      }),
    batch: async (batchId: string, signal?: AbortSignal) =>
      (await (
        await fetch(`${base()}/stays/batches/${batchId}`, { headers, ...(signal ? { signal } : {}) })
      ).json()) as { status: string; acceptedCount: number; rowCount: number },
  };
}

async function admin(statement: string) {
  const url = new URL(template);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!template)('a batch and a SIGKILL (PostgreSQL)', () => {
  const name = `pora_test_kill_${randomBytes(5).toString('hex')}`;
  let url: string;
  let database: Database;
  let server: ChildProcess | undefined;
  let base: string;
  const secret = randomBytes(32).toString('hex');

  async function start() {
    ({ base, child: server } = await startServer({ DATABASE_URL: url, PORA_SECRET_KEY: secret }));
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name} TEMPLATE ${new URL(template).pathname.slice(1)}`);
    const u = new URL(template);
    u.pathname = `/${name}`;
    url = u.toString();
    database = await openServer(url, 2);
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await database?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  const countStays = async (batchId: string) =>
    Number(
      (
        await selectRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from stays where batch_id = ${batchId}::uuid`,
        )
      )[0]?.n,
    );

  it('saves the batch exactly once after the server died while processing it', async () => {
    const env = { database } as TestEnv;
    const property = await buildAccommodation(env);
    const { token } = await buildApiKey(env, property.id);
    const { send, batch } = batchClient(() => base, token, batchOf(ROWS), randomUUID());
    const status = async (batchId: string) => (await batch(batchId)).status;

    await start();
    const sent = await send();
    expect(sent.status).toBe(202);
    const { batchId } = (await sent.json()) as { batchId: string };
    // wait for the job runner to take the batch, give it a moment inside its transaction, and kill the server
    for (let i = 0; i < 300 && (await status(batchId)) !== 'processing'; i++) {
      await sleep(50);
    }
    await sleep(300);
    server?.kill('SIGKILL');
    await new Promise((r) => server?.once('exit', r));

    const [stored] = await selectRows<{ status: string }>(
      database.db,
      sql`select status from stay_batches where id = ${batchId}::uuid`,
    );
    expect(stored?.status).toBe('processing');
    expect(await countStays(batchId)).toBe(0);
    // The dead node's job returns to the queue after the stale timeout (10 min, ARCHITECTURE D9): let that time pass.
    await database.db.execute(
      sql`update jobs set locked_at = now() - interval '11 minutes' where status = 'running' and name = 'stays.process-batch'`,
    );

    await start();
    const retry = await send();
    expect(retry.status).toBe(202);
    expect(((await retry.json()) as { batchId: string }).batchId).toBe(batchId);
    let final = '';
    for (let i = 0; i < 1200; i++) {
      final = await status(batchId);
      if (final !== 'queued' && final !== 'processing') {
        break;
      }
      await sleep(100);
    }
    expect(final).toBe('accepted');
    expect(await countStays(batchId)).toBe(ROWS);
    const [receipts] = await selectRows<{ n: number; distinct: number }>(
      database.db,
      sql`select count(*)::int as n, count(distinct receipt_number)::int as distinct from stay_reports
          where batch_id = ${batchId}::uuid`,
    );
    expect(receipts).toEqual({ n: ROWS, distinct: ROWS });
    const [batches] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from stay_batches where accommodation_id = ${property.id}::uuid`,
    );
    expect(batches?.n).toBe(1);
    server?.kill('SIGTERM');
  }, 180_000);
});

/**
 * On PGlite the whole server waits while it works through the batch's transaction (one connection: every query of a
 * request waits for it), so a status request left unanswered this long after the batch was queued means the batch's
 * transaction is running; the kill follows at once. Afterwards the directory shows the batch taken (`processing`) and
 * nothing of it saved — the proof that the kill landed inside the batch. Fewer rows than on PostgreSQL: the batch itself
 * takes ~1.5 s here (so the kill comes ~0.5 s into it), but the close-candidate review of its 4,000 new persons that
 * follows holds the embedded database ~30 s, and 12,000 would hold it for minutes.
 */
const PGLITE_ROWS = 4_000;
const BUSY_MS = 500;

describe.skipIf(!!template)('a batch and a SIGKILL (PGlite: the server owns its data directory)', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let base = '';
  let loaded = false;
  const secret = randomBytes(32).toString('hex');

  /** The directory opened by the test itself, only while no server holds it (the lock says so). */
  async function withDirectory<T>(fn: (database: Database) => Promise<T>): Promise<T> {
    const release = lockDataDir(dir, 'test');
    try {
      const database = await openEmbedded(dir, loaded ? undefined : new Blob([readFileSync(inject('pgliteTemplate'))]));
      loaded = true;
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    } finally {
      release();
    }
  }

  async function start() {
    ({ base, child: server } = await startServer({ DATABASE_URL: '', PORA_DATA_DIR: dir, PORA_SECRET_KEY: secret }));
  }

  /** SIGTERM, and SIGKILL if the server has not stopped within a while (a job may still be running). */
  async function stop() {
    const child = server;
    if (!child) {
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited(child);
    clearTimeout(timer);
    server = undefined;
  }

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pora-kill-'));
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const countOf = async (database: Database, query: ReturnType<typeof sql>) =>
    Number((await selectRows<{ n: number }>(database.db, query))[0]?.n);

  it('saves the batch exactly once after the server died while processing it', async () => {
    const { propertyId, token } = await withDirectory(async (database) => {
      const env = { database } as TestEnv;
      const property = await buildAccommodation(env);
      return { propertyId: property.id, token: (await buildApiKey(env, property.id)).token };
    });
    const { send, batch } = batchClient(() => base, token, batchOf(PGLITE_ROWS), randomUUID());

    await start();
    const sent = await send();
    expect(sent.status).toBe(202);
    const { batchId } = (await sent.json()) as { batchId: string };
    // Poll until a status request goes unanswered: the server is inside the batch's transaction.
    let busy = false;
    for (let i = 0; i < 1200 && !busy; i++) {
      try {
        const { status } = await batch(batchId, AbortSignal.timeout(BUSY_MS));
        expect(status, 'the batch ended before the kill: too few rows for this machine').toMatch(
          /^(queued|processing)$/,
        );
        await sleep(25);
      } catch (error) {
        if ((error as Error).name !== 'TimeoutError') {
          throw error;
        }
        busy = true;
      }
    }
    expect(busy, 'the server never got busy with the batch').toBe(true);
    const killed = server as ChildProcess;
    killed.kill('SIGKILL');
    await exited(killed);
    expect(killed.signalCode).toBe('SIGKILL');
    server = undefined;

    // The dead server's directory, opened (and recovered) by the test: the batch was taken, nothing of it was saved.
    await withDirectory(async (database) => {
      const [stored] = await selectRows<{ status: string; results: unknown }>(
        database.db,
        sql`select status, results from stay_batches where id = ${batchId}::uuid`,
      );
      expect(stored, 'the kill landed inside the batch').toEqual({ status: 'processing', results: null });
      expect(await countOf(database, sql`select count(*)::int as n from stays where batch_id = ${batchId}::uuid`)).toBe(
        0,
      );
      expect(
        await countOf(database, sql`select count(*)::int as n from receipts where accommodation_id = ${propertyId}`),
      ).toBe(0);
      expect(await countOf(database, sql`select count(*)::int as n from travel_documents where number like 'K%'`)).toBe(
        0,
      );
      // The dead node's job returns to the queue after the stale timeout (10 min, ARCHITECTURE D9): let it pass.
      const [job] = await selectRows<{ status: string }>(
        database.db,
        sql`update jobs set locked_at = now() - interval '11 minutes'
            where name = 'stays.process-batch' and payload->>'batchId' = ${batchId} returning status`,
      );
      expect(job?.status).toBe('running');
    });

    await start();
    const retry = await send();
    expect(retry.status).toBe(202);
    expect(((await retry.json()) as { batchId: string }).batchId).toBe(batchId);
    let final = { status: '', acceptedCount: 0, rowCount: 0 };
    for (let i = 0; i < 1200; i++) {
      // a request waits while the batch is processed again (and the review of its new persons after it)
      final = await batch(batchId, AbortSignal.timeout(240_000));
      if (final.status !== 'queued' && final.status !== 'processing') {
        break;
      }
      await sleep(200);
    }
    expect(final).toMatchObject({ status: 'accepted', acceptedCount: PGLITE_ROWS, rowCount: PGLITE_ROWS });
    await stop();

    await withDirectory(async (database) => {
      expect(await countOf(database, sql`select count(*)::int as n from stays where batch_id = ${batchId}::uuid`)).toBe(
        PGLITE_ROWS,
      );
      const [receipts] = await selectRows<{ n: number; distinct: number }>(
        database.db,
        sql`select count(*)::int as n, count(distinct receipt_number)::int as distinct from stay_reports
            where batch_id = ${batchId}::uuid`,
      );
      expect(receipts).toEqual({ n: PGLITE_ROWS, distinct: PGLITE_ROWS });
      expect(
        await countOf(
          database,
          sql`select count(*)::int as n from stay_batches where accommodation_id = ${propertyId}::uuid`,
        ),
      ).toBe(1);
    });
  }, 420_000);
});
