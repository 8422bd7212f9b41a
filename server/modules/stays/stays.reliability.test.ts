// Kill the server (SIGKILL) in the middle of a batch: nothing of the batch is saved, the restarted server processes it
// again and it ends exactly once, and a retry with the same Idempotency-Key answers with the same batch. The server
// runs as a child process on PostgreSQL (the test reads the database while the server holds it; an embedded PGlite
// directory allows one process at a time), so this test runs only with DATABASE_URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openServer, selectRows } from '../../db/client';
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

describe.skipIf(!template)('a batch and a SIGKILL', () => {
  const name = `pora_test_kill_${randomBytes(5).toString('hex')}`;
  let url: string;
  let database: Database;
  let server: ChildProcess | undefined;
  let base: string;
  const secret = randomBytes(32).toString('hex');

  async function startServer() {
    const port = await freePort();
    base = `http://127.0.0.1:${port}/api/v1`;
    server = spawn('node', ['bin/pora.mjs', 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORA_SECRET_KEY: secret,
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
        return;
      }
      await sleep(100);
    }
    throw new Error('the server did not start');
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
    const arrivedAt = new Date(Date.now() - 3_600_000).toISOString();
    const expectedCheckOut = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      ref: `K${i}`,
      arrivedAt,
      expectedCheckOut,
      visitPurpose: 'tourism',
      guest: { mrz: passportMrz({ documentNumber: `K${String(i).padStart(8, '0')}` }) },
    }));
    const body = JSON.stringify({ rows });
    const idempotencyKey = randomUUID();
    const send = () =>
      fetch(`${base}/stays/batches`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
        },
        body,
      });
    const status = async (batchId: string) =>
      (
        (await (
          await fetch(`${base}/stays/batches/${batchId}`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as { status: string; acceptedCount: number }
      ).status;

    await startServer();
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

    const [batch] = await selectRows<{ status: string }>(
      database.db,
      sql`select status from stay_batches where id = ${batchId}::uuid`,
    );
    expect(batch?.status).toBe('processing');
    expect(await countStays(batchId)).toBe(0);
    // The dead node's job returns to the queue after the stale timeout (10 min, ARCHITECTURE D9): let that time pass.
    await database.db.execute(
      sql`update jobs set locked_at = now() - interval '11 minutes' where status = 'running' and name = 'stays.process-batch'`,
    );

    await startServer();
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
