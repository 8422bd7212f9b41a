// Guest reporting benchmark (issue 4, "Speed"): `npm run bench:stays`.
//
// Builds its own databases — `pora_bench_stays` on the local PostgreSQL server and a PGlite data directory in a
// temporary folder — through the app's migrations, starts the real app on a loopback port (no rate limit) with a
// verified property and its API key, and measures through HTTP:
//   - a batch of N guest rows (passport MRZ, a share of them already on file by document): POST /stays/batches, the
//     job that processes it (run at once in this process, as the job runner would), until GET /stays/batches/{id}
//     says it is done — end to end: validation, MRZ reading, person linking, new register entries, receipt numbers;
//   - the reference: a raw `COPY` (psql \copy) of the same rows as CSV into a plain table, in the same run;
//   - single check-ins: C concurrent clients posting one guest each for a bounded number of requests; req/s, p50/p99,
//     and how much of a request is spent waiting for the audit chain's advisory lock (ARCHITECTURE D3).
// Writes the section "## Guest reporting (issue 4)" of bench/RESULTS.md and drops what it created.
//
// Options: --rows N (100000) --pglite-rows N (10000) --linked F (share of guests already on file, 0.02)
// --singles N (5000) --pglite-singles N (1000) --clients C (50) --rate R (500, requests a second of the paced run;
// --pglite-rate 100) --pg-url URL --skip-pg --skip-pglite --no-write --profile DIR (CPU profiles of this process — the
// server's side — while the PostgreSQL run's batch job and paced check-ins run: batch.cpuprofile, paced.cpuprofile, for
// Chrome DevTools or any reader of `node --cpu-prof` files)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../../server/app';
import { prepareDatabase } from '../../server/boot';
import { loadConfig } from '../../server/config';
import { type Database, openEmbedded, openServer, selectRows } from '../../server/db/client';
import { accommodationApiKeys, accommodations } from '../../server/db/schema/accommodations';
import { jobDefinitions } from '../../server/jobs';
import { hashApiKey, newApiKeyToken } from '../../server/modules/accommodations/api-keys.service';
import { formatMrz } from '../../server/modules/mrz/mrz';
import { insertImportedPersons } from '../../server/modules/persons/person-import';
import { normaliseDocumentNumber } from '../../server/modules/persons/person-names';
import { phaseTimes } from '../../server/modules/stays/stay-check-ins';
import { reviewPendingGuests } from '../../server/modules/stays/stays.jobs';
import { checkInGroupStats } from '../../server/modules/stays/stays.service';
import { createSealer } from '../../server/platform/auth/secrets';
import type { Ctx } from '../../server/platform/context';
import { runDueJobs } from '../../server/platform/jobs';
import { writeResultsSection } from '../lib/results-file';

const here = path.dirname(fileURLToPath(import.meta.url));
const _root = path.resolve(here, '../..');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    'pglite-rows': { type: 'string', default: '10000' },
    linked: { type: 'string', default: '0.02' },
    register: { type: 'string', default: '50000' },
    'pglite-register': { type: 'string', default: '10000' },
    singles: { type: 'string', default: '5000' },
    'pglite-singles': { type: 'string', default: '1000' },
    clients: { type: 'string', default: '50' },
    rate: { type: 'string', default: '500' },
    'pglite-rate': { type: 'string', default: '100' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    'skip-pg': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});
const log = (message: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const benchDatabase = 'pora_bench_stays';
const VILLAGE = '16.72.01.1005';

// ─── Data ────────────────────────────────────────────────────────────────────────────────────────────────────────

const surnames = ['ZHANG', 'WANG', 'LI', 'NGUYEN', 'SMITH', 'MUELLER', 'TANAKA', 'KIM', 'PATEL', 'GARCIA', 'SILVA'];
const given = ['WEI', 'NA', 'MINH', 'JOHN', 'ANNA', 'HIRO', 'JI HO', 'RAVI', 'MARIA', 'LUCAS', 'SOFIA', 'CHEN'];
const states = ['CHN', 'VNM', 'AUS', 'DEU', 'JPN', 'KOR', 'IND', 'ESP', 'BRA', 'MYS', 'SGP', 'NLD'];

type Guest = {
  mrz: string;
  number: string;
  state: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  sex: 'M' | 'F';
};

function guestAt(i: number, tag: string): Guest {
  const state = states[i % states.length] as string;
  const surname = surnames[(i * 7) % surnames.length] as string;
  const givenNames = given[(i * 13) % given.length] as string;
  const number = `${tag}${String(i).padStart(7, '0')}`.slice(0, 9);
  const birthDate = `19${60 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const sex = i % 2 === 0 ? 'M' : 'F';
  const mrz = formatMrz('TD3', {
    issuingState: state,
    documentNumber: number,
    surname,
    givenNames,
    nationality: state,
    birthDate,
    sex,
    expiryDate: '2032-06-30',
  }).join('\n');
  return { mrz, number, state, surname, givenNames, birthDate, sex };
}

// ─── Setup ───────────────────────────────────────────────────────────────────────────────────────────────────────

async function startApp(database: Database) {
  const config = { ...loadConfig({}), dataDir: '/nonexistent', secretKeyHex: randomBytes(32).toString('hex') };
  const sealer = createSealer(Buffer.from(config.secretKeyHex, 'hex'));
  const app = await buildApp({ config, database, sealer }, { rateLimit: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, config, base: `http://127.0.0.1:${port}/api/v1` };
}

async function buildProperty(database: Database) {
  const id = randomUUID();
  await database.db.insert(accommodations).values({
    id,
    name: `Hotel Bench ${id.slice(0, 6)}`,
    nameKey: `hotel bench ${id}`,
    kind: 'hotel',
    nib: `9${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`,
    address: 'Jl. Bench 1',
    villageCode: VILLAGE,
    phone: '0730 1',
    email: 'bench@hotel.example',
    picName: 'Bench',
    status: 'verified',
    verifiedAt: new Date(),
    applicantEmail: `bench-${id}@hotel.example`,
  });
  const token = newApiKeyToken();
  await database.db.insert(accommodationApiKeys).values({
    id: randomUUID(),
    accommodationId: id,
    name: 'bench',
    tokenHash: hashApiKey(token),
    tokenHint: token.slice(0, 12),
  });
  return { id, token };
}

/** Puts `count` of the guests on file beforehand (same document), so that the batch links them. */
async function seedOnFile(database: Database, guests: readonly Guest[]) {
  const now = new Date();
  for (let i = 0; i < guests.length; i += 1000) {
    await database.transaction((tx) =>
      insertImportedPersons(
        tx,
        guests.slice(i, i + 1000).map((g) => ({
          identity: {
            surname: g.surname,
            givenNames: g.givenNames,
            fullName: null,
            sex: g.sex,
            birthDate: g.birthDate,
            birthPlace: null,
            nationality: g.state,
          },
          workplace: null,
          notes: null,
          sponsorId: null,
          recordedByAgencyId: null,
          agencyZone: null,
          regionCode: '16.03',
          addressText: null,
          document: {
            type: 'P',
            number: g.number,
            numberNorm: normaliseDocumentNumber(g.number),
            issuingState: g.state,
            issueDate: null,
            expiryDate: '2032-06-30',
          },
          permit: null,
          source: {
            sourceKind: 'import',
            sourceAgencyId: null,
            sourceUserId: null,
            sourceRef: 'bench',
            recordedAt: now,
          },
        })),
        now,
      ),
    );
  }
}

// ─── Measurements ────────────────────────────────────────────────────────────────────────────────────────────────

type BatchResult = {
  rows: number;
  register: number;
  linked: number;
  bodyMb: number;
  submitMs: number;
  processMs: number;
  totalMs: number;
  accepted: number;
  copyMs: number | null;
  /** where the job's time went (writeCheckIns' phases and the job's own steps) */
  phases: { name: string; ms: number }[];
  /** CPU time of the server process while the job ran */
  jobCpuMs: number;
  /** CPU time of the PostgreSQL processes while the job ran (null on PGlite) */
  jobDbCpuMs: number | null;
  /** the close-candidate review of the new guests afterwards, run for REVIEW_SECONDS */
  review: { guests: number; ms: number };
};
const REVIEW_SECONDS = 15;

async function measureBatch(
  database: Database,
  deps: { base: string; config: ReturnType<typeof loadConfig> },
  token: string,
  rows: number,
  linkedShare: number,
  registerBase: number,
  copyUrl: string | null,
): Promise<BatchResult> {
  // The register holds `registerSize` persons before the batch (analysed, as a live one is); `linkedShare` of the
  // batch's guests are among them (same passport), the rest are new.
  const registerSize = Math.max(registerBase, Math.ceil(rows * linkedShare));
  const register = Array.from({ length: registerSize }, (_, i) => guestAt(i, 'F'));
  log(`  seeding a register of ${registerSize} persons`);
  await seedOnFile(database, register);
  await database.db.execute(sql`analyze`);
  const linked = Math.floor(rows * linkedShare);
  const every = linked > 0 ? Math.floor(rows / linked) : 0;
  let taken = 0;
  const guests = Array.from({ length: rows }, (_, i) =>
    every > 0 && i % every === 0 && taken < linked ? (register[taken++] as Guest) : guestAt(i, 'B'),
  );
  const onFile = { length: taken };
  const arrivedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const body = JSON.stringify({
    rows: guests.map((g, i) => ({
      ref: `R${i}`,
      arrivedAt,
      expectedCheckOut: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      room: String(100 + (i % 400)),
      visitPurpose: 'tourism',
      guest: { mrz: g.mrz },
    })),
  });
  log(`  batch of ${rows} rows, ${(body.length / 1e6).toFixed(1)} MB`);
  const t0 = performance.now();
  const res = await fetch(`${deps.base}/stays/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body,
  });
  if (res.status !== 202) {
    throw new Error(`batch refused: ${res.status} ${(await res.text()).slice(0, 300)}`);
  }
  const { batchId } = (await res.json()) as { batchId: string };
  const t1 = performance.now();
  phaseTimes.clear();
  const cpu0 = process.cpuUsage();
  const db0 = postgresCpuMs();
  const profiler = await startProfile(database, 'batch');
  await runDueJobs({ database, config: deps.config, log: silentLogger, definitions: jobDefinitions }, 1);
  const t2 = performance.now();
  await profiler?.stop();
  const cpu = process.cpuUsage(cpu0);
  const jobCpuMs = (cpu.user + cpu.system) / 1000;
  const db1 = postgresCpuMs();
  const phases = [...phaseTimes].map(([name, ms]) => ({ name, ms }));
  for (const { name, ms } of phases) {
    log(`    ${name}: ${Math.round(ms)} ms`);
  }
  const status = (await (
    await fetch(`${deps.base}/stays/batches/${batchId}`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { status: string; acceptedCount: number };
  const t3 = performance.now();
  if (status.status !== 'accepted') {
    throw new Error(`batch ended ${status.status}`);
  }
  const result: BatchResult = {
    rows,
    register: registerSize,
    linked: onFile.length,
    bodyMb: body.length / 1e6,
    submitMs: t1 - t0,
    processMs: t2 - t1,
    totalMs: t3 - t0,
    accepted: status.acceptedCount,
    copyMs: null,
    phases,
    jobCpuMs,
    jobDbCpuMs: db0 !== null && db1 !== null ? db1 - db0 : null,
    review: { guests: 0, ms: 0 },
  };
  if (copyUrl) {
    result.copyMs = rawCopy(copyUrl, guests, arrivedAt);
  }
  // the close-candidate check of the batch's new guests (the job stays.review-new-guests), for a bounded time
  const ctx: Ctx = {
    actor: { kind: 'system', name: 'bench' },
    database,
    config: deps.config,
    log: silentLogger,
    requestId: 'bench',
    ip: null,
    userAgent: null,
    now: () => new Date(),
  };
  const r0 = performance.now();
  const reviewed = await reviewPendingGuests(ctx, { maxMs: REVIEW_SECONDS * 1000, chunk: 50 });
  result.review = { guests: reviewed, ms: performance.now() - r0 };
  log(`  close-candidate review: ${reviewed} guests in ${(result.review.ms / 1000).toFixed(1)} s`);
  return result;
}

/** With --profile, on PostgreSQL: starts the V8 CPU profiler of this process; stop() writes DIR/NAME.cpuprofile. */
async function startProfile(database: Database, name: string) {
  if (!args.profile || database.mode !== 'server') {
    return null;
  }
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      const file = path.join(args.profile as string, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      log(`  CPU profile: ${file}`);
    },
  };
}

/** The same rows as CSV through psql's \copy into a plain table: what storing them costs without any rule. */
function rawCopy(url: string, guests: readonly Guest[], arrivedAt: string): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pora-bench-stays-'));
  const file = path.join(dir, 'rows.csv');
  writeFileSync(
    file,
    guests
      .map(
        (g, i) =>
          `${randomUUID()},R${i},${arrivedAt},tourism,${g.surname},${g.givenNames},${g.state},${g.number},${g.birthDate},"${g.mrz}"`,
      )
      .join('\n'),
  );
  execFileSync('psql', [
    url,
    '-qc',
    'create table if not exists bench_raw (id uuid, ref text, arrived_at timestamptz, purpose text, surname text, given_names text, state text, number text, birth_date date, mrz text)',
  ]);
  const t0 = performance.now();
  execFileSync('psql', [url, '-qc', `\\copy bench_raw from '${file}' csv`]);
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

type SinglesResult = {
  /** requests a second offered by the clients together; 0: each client sends again as soon as it is answered */
  rate: number;
  requests: number;
  clients: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** requests written together in one transaction, on average (group commit, ARCHITECTURE D20) */
  perGroup: number;
  /** CPU time of the server process per request (the clients run in their own process) */
  serverCpuMs: number;
  /** CPU time of the local PostgreSQL server's processes per request (null on PGlite, which runs in the server's
   * process) */
  dbCpuMs: number | null;
  /** distinct 100 ms windows in which the slowest 1 % of requests were due (tailWindows) */
  tailWindows: number;
};

/** The load generator: a child process (on the other core when one is free), so that the clients' CPU neither stalls
 * the server's event loop nor counts in the server process's CPU time; it posts each body on kept-alive
 * `node:http` connections (cheaper for the client than fetch) and sends back every latency. */
const clientSource = `
const http = require('node:http');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => run(JSON.parse(Buffer.concat(chunks).toString())));
function run({ url, tokens, bodies, rate }) {
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const post = (token, body) => new Promise((resolve, reject) => {
  const req = http.request(url, { method: 'POST', agent, headers: {
    authorization: 'Bearer ' + token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
    (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); res.on('error', reject); });
  req.on('error', reject);
  req.end(body);
});
let next = 0;
let errors = 0;
const latencies = [];
const sent = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// rate 0: each client sends its next request as soon as the last is answered (closed loop, the machine's maximum);
// rate R: the clients together send R requests a second, each on its own schedule (client k at k/R s, then every
// C/R s); a latency counts from the scheduled time, so a late answer also delays (and charges) the next request.
const worker = async (token, k) => {
  const every = rate > 0 ? (tokens.length / rate) * 1000 : 0;
  let slot = t0 + (rate > 0 ? (k / rate) * 1000 : 0);
  for (;;) {
    const i = next++;
    if (i >= bodies.length) return;
    if (rate > 0) {
      const wait = slot - performance.now();
      if (wait > 0) await sleep(wait);
    }
    const start = rate > 0 ? slot : performance.now();
    const status = await post(token, bodies[i]);
    latencies.push(performance.now() - start);
    sent.push(start - t0);
    if (status !== 201) errors += 1;
    slot += every;
  }
};
const t0 = performance.now();
Promise.all(tokens.map(worker)).then(() => process.stdout.write(JSON.stringify({ latencies, sent, errors, ms: performance.now() - t0 })));
}
`;

async function measureSingles(
  database: Database,
  base: string,
  tokens: readonly string[],
  total: number,
  tag: string,
  rate = 0,
): Promise<SinglesResult> {
  const clients = tokens.length;
  const arrivedAt = new Date(Date.now() - 3_600_000).toISOString();
  const expectedCheckOut = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const bodies = Array.from({ length: total }, (_, i) =>
    JSON.stringify({ arrivedAt, expectedCheckOut, visitPurpose: 'business', guests: [{ mrz: guestAt(i, tag).mrz }] }),
  );
  const groups0 = { ...checkInGroupStats(database) };
  phaseTimes.clear();
  const cpu0 = process.cpuUsage();
  const db0 = postgresCpuMs();
  const profiler = tag === 'P' ? await startProfile(database, 'paced') : null;
  const result = await new Promise<{ latencies: number[]; sent: number[]; errors: number; ms: number }>(
    (resolve, reject) => {
      const client = spawn(process.execPath, ['-e', clientSource], { stdio: ['pipe', 'pipe', 'inherit'] });
      const out: Buffer[] = [];
      client.stdout.on('data', (c: Buffer) => out.push(c));
      client.once('error', reject);
      client.once('close', (code) =>
        code === 0 ? resolve(JSON.parse(Buffer.concat(out).toString())) : reject(new Error(`client exited ${code}`)),
      );
      client.stdin.end(JSON.stringify({ url: `${base}/stays/check-ins`, tokens, bodies, rate }));
    },
  );
  const seconds = result.ms / 1000;
  await profiler?.stop();
  const cpu = process.cpuUsage(cpu0);
  const db1 = postgresCpuMs();
  for (const [name, ms] of phaseTimes) {
    log(`    ${name}: ${(ms / total).toFixed(2)} ms a request`);
  }
  const groups1 = { ...checkInGroupStats(database) };
  const groups = (groups1.groups ?? 0) - (groups0.groups ?? 0);
  const tail = tailWindows(result.latencies, result.sent);
  const latencies = result.latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    rate,
    requests: total,
    clients,
    seconds,
    rps: total / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? 0,
    errors: result.errors,
    serverCpuMs: (cpu.user + cpu.system) / 1000 / total,
    perGroup: groups > 0 ? ((groups1.items ?? 0) - (groups0.items ?? 0)) / groups : 0,
    dbCpuMs: db0 !== null && db1 !== null ? (db1 - db0) / total : null,
    tailWindows: tail,
  };
}

/** A run of single check-ins in one log line. */
function summary(s: SinglesResult): string {
  return `  ${Math.round(s.rps)} req/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (slowest 1 % due in ${s.tailWindows} windows of 100 ms), errors ${s.errors}, ${s.perGroup.toFixed(1)} a group, server ${s.serverCpuMs.toFixed(2)} ms, database ${s.dbCpuMs?.toFixed(2) ?? '—'} ms a request`;
}

/** In how many distinct 100 ms windows (by the time a request was due) the slowest 1 % of the requests fall: one or
 * two mean a stall of the whole process or machine (a pause, another job), dozens mean queueing spread over the run. */
function tailWindows(latencies: readonly number[], sent: readonly number[]): number {
  const order = latencies.map((_, i) => i).sort((a, b) => (latencies[b] ?? 0) - (latencies[a] ?? 0));
  const slowest = order.slice(0, Math.max(1, Math.floor(latencies.length / 100)));
  return new Set(slowest.map((i) => Math.floor((sent[i] ?? 0) / 100))).size;
}

/** CPU time (user + system) of every local process named "postgres", in ms; null when there is none (PGlite). */
function postgresCpuMs(): number | null {
  if (!measuresServerProcesses) {
    return null;
  }
  let ticks = 0;
  let found = false;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') {
        continue;
      }
      const fields = stat.slice(close + 2).split(' ');
      // own user + system time, and that of children it has reaped (the postmaster: ended backends)
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      found = true;
    } catch {
      // the process ended meanwhile
    }
  }
  return found ? (ticks * 1000) / CLOCK_TICKS : null;
}
const CLOCK_TICKS = 100;
let measuresServerProcesses = true;

/** How long one audited write holds the audit lock, measured directly: N sequential appendAudit-only transactions. */
async function auditLockCost(database: Database): Promise<number> {
  const { appendAudit } = await import('../../server/platform/audit');
  const ctx = {
    actor: { kind: 'system', name: 'bench' },
    database,
    config: loadConfig({}),
    log: silentLogger,
    requestId: 'bench',
    ip: null,
    userAgent: null,
    now: () => new Date(),
  } as Parameters<typeof appendAudit>[1];
  const n = 500;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await database.transaction((tx) => appendAudit(tx, ctx, { action: 'bench.audit' }));
  }
  return (performance.now() - t0) / n;
}

const silentLogger = {
  level: 'silent',
  fatal: () => undefined,
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
  silent: () => undefined,
  child: () => silentLogger,
} as unknown as import('fastify').FastifyBaseLogger;

// ─── Runs ────────────────────────────────────────────────────────────────────────────────────────────────────────

type RunResult = {
  mode: string;
  batch: BatchResult;
  singles: SinglesResult;
  /** the same clients at a fixed rate (the target's load) */
  paced: SinglesResult;
  /** the same clients all reporting for one property */
  oneProperty: SinglesResult;
  auditTxMs: number;
  version: string;
  loadBefore: number;
};

async function run(
  database: Database,
  mode: string,
  sizes: { rows: number; singles: number; register: number },
  copyUrl: string | null,
) {
  const { rows, singles, register: registerBase } = sizes;
  // the PostgreSQL server's processes are measured only when it is the database of this run
  measuresServerProcesses = database.mode === 'server';
  const [v] = await selectRows<{ v: string }>(database.db, sql`select current_setting('server_version') as v`);
  const loadBefore = os.loadavg()[0] ?? 0;
  const { app, config, base } = await startApp(database);
  try {
    const property = await buildProperty(database);
    log(`${mode}: batch`);
    const batch = await measureBatch(
      database,
      { base, config },
      property.token,
      rows,
      Number(args.linked),
      registerBase,
      copyUrl,
    );
    log(
      `  ${batch.rows} rows in ${(batch.totalMs / 1000).toFixed(2)} s → ${Math.round(batch.rows / (batch.totalMs / 1000))} rows/s; job CPU: server process ${(batch.jobCpuMs / 1000).toFixed(2)} s, database ${batch.jobDbCpuMs === null ? '—' : (batch.jobDbCpuMs / 1000).toFixed(2)} s`,
    );
    // one client per property (a PMS each), so that the per-property lock is not what is measured
    const tokens: string[] = [];
    for (let i = 0; i < Number(args.clients); i++) {
      tokens.push((await buildProperty(database)).token);
    }
    // warm-up (not counted): the first thousand requests of a fresh process run unoptimised code
    await measureSingles(database, base, tokens, Math.min(1000, singles), 'W');
    log(`${mode}: ${singles} single check-ins from ${tokens.length} clients`);
    const single = await measureSingles(database, base, tokens, singles, 'S');
    log(summary(single));
    const rate = Number(database.mode === 'server' ? args.rate : args['pglite-rate']);
    log(`${mode}: ${singles} single check-ins from ${tokens.length} clients at ${rate} a second together`);
    const paced = await measureSingles(database, base, tokens, singles, 'P', rate);
    log(summary(paced));
    const shared = (await buildProperty(database)).token;
    log(`${mode}: ${singles} single check-ins from ${tokens.length} clients, all for one property`);
    const oneProperty = await measureSingles(
      database,
      base,
      tokens.map(() => shared),
      singles,
      'O',
    );
    log(summary(oneProperty));
    const auditTxMs = await auditLockCost(database);
    log(`  one audit-only transaction: ${auditTxMs.toFixed(2)} ms`);
    return {
      mode,
      batch,
      singles: single,
      paced,
      oneProperty,
      auditTxMs,
      version: v?.v ?? '?',
      loadBefore,
    } satisfies RunResult;
  } finally {
    await app.close();
  }
}

async function adminQuery(statement: string) {
  const client = new pg.Client({ connectionString: `${args['pg-url']}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function onPostgres(): Promise<RunResult> {
  await adminQuery(`DROP DATABASE IF EXISTS ${benchDatabase} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${benchDatabase}`);
  const url = `${args['pg-url']}/${benchDatabase}`;
  const database = await openServer(url, 10);
  try {
    await prepareDatabase(database);
    return await run(
      database,
      'PostgreSQL',
      { rows: Number(args.rows), singles: Number(args.singles), register: Number(args.register) },
      url,
    );
  } finally {
    await database.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${benchDatabase} WITH (FORCE)`);
  }
}

async function onPglite(): Promise<RunResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pora-bench-stays-'));
  const database = await openEmbedded(dir);
  try {
    await prepareDatabase(database);
    return await run(
      database,
      'PGlite',
      {
        rows: Number(args['pglite-rows']),
        singles: Number(args['pglite-singles']),
        register: Number(args['pglite-register']),
      },
      null,
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(results: RunResult[]): string {
  const f = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    '## Guest reporting (issue 4)',
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${f(os.totalmem() / 2 ** 30, 1)} GiB, shared with other work (load average ${results
      .map((r) => `${r.loadBefore.toFixed(1)} before the ${r.mode} run`)
      .join(', ')}; ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' / ',
      )} at the end); benchmark at the same priority as PostgreSQL (not niced: a niced server competing with PostgreSQL measures the scheduler); ` +
      `Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z. Command: \`npm run bench:stays\`.`,
    '',
    '### Batch through the API (POST /stays/batches → job → GET /stays/batches/{id})',
    '',
    '| database | register | rows | on file | body | submit | process | end to end | rows/s | raw COPY | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const b = r.batch;
      const rps = b.rows / (b.totalMs / 1000);
      return `| ${r.mode} ${r.version} | ${f(b.register)} | ${f(b.rows)} | ${f(b.linked)} | ${f(b.bodyMb, 1)} MB | ${f(b.submitMs / 1000, 2)} s | ${f(b.processMs / 1000, 2)} s | ${f(b.totalMs / 1000, 2)} s | **${f(rps)}** | ${b.copyMs === null ? '—' : `${f(b.copyMs / 1000, 2)} s (${f(b.rows / (b.copyMs / 1000))} rows/s)`} | ${b.copyMs === null ? '—' : `${f(b.totalMs / b.copyMs, 1)}×`} |`;
    }),
    '',
    'End to end: every row read from its MRZ (check digits), dated, linked by document (guests on file get the',
    'property as their address), new guests entered in the register, a receipt number each; one transaction for the',
    'good rows. The close-candidate check of new register entries runs afterwards as its own job, timed apart for',
    `${REVIEW_SECONDS} s after the batch (a register search each; the benchmark's names are few and alike, so most guests have`,
    'candidates):',
    '',
    ...results.map(
      (r) =>
        `- ${r.mode}: **${f(r.batch.review.guests / (r.batch.review.ms / 1000))} guests/s** (${f(r.batch.review.guests)} in ${f(r.batch.review.ms / 1000, 1)} s)`,
    ),
    '',
    "Where the job's time went (timers in the code, same run):",
    '',
    `| phase | ${results.map((r) => r.mode).join(' | ')} |`,
    `|---|${results.map(() => '---:|').join('')}`,
    ...[...new Set(results.flatMap((r) => r.batch.phases.map((p) => p.name)))].map(
      (name) =>
        `| ${name} | ${results
          .map((r) => {
            const p = r.batch.phases.find((x) => x.name === name);
            return p ? `${f(p.ms / 1000, 2)} s` : '—';
          })
          .join(' | ')} |`,
    ),
    `| CPU of the server process during the job | ${results.map((r) => `${f(r.batch.jobCpuMs / 1000, 2)} s`).join(' | ')} |`,
    `| CPU of the PostgreSQL processes during the job | ${results.map((r) => (r.batch.jobDbCpuMs === null ? '— (in the server process)' : `${f(r.batch.jobDbCpuMs / 1000, 2)} s`)).join(' | ')} |`,
    '',
    '### Single check-ins (POST /stays/check-ins, one guest each)',
    '',
    '| database | properties | clients send | requests | clients | req/s | p50 | p99 | max | slowest 1 % | errors | a group | server CPU | database CPU | audit-only tx |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.flatMap((r) =>
      (
        [
          [`one per client`, r.singles],
          [`one per client`, r.paced],
          ['all on one', r.oneProperty],
        ] as const
      ).map(
        ([label, s]) =>
          `| ${r.mode} | ${label} | ${s.rate > 0 ? `${f(s.rate)}/s together` : 'at once when answered'} | ${f(s.requests)} | ${s.clients} | **${f(s.rps)}** | ${f(s.p50, 1)} ms | **${f(s.p99, 1)} ms** | ${f(s.max, 1)} ms | in ${s.tailWindows} × 100 ms | ${s.errors} | ${f(s.perGroup, 1)} | ${f(s.serverCpuMs, 2)} ms | ${s.dbCpuMs === null ? '—' : `${f(s.dbCpuMs, 2)} ms`} | ${f(r.auditTxMs, 2)} ms |`,
      ),
    ),
    '',
    '"clients send": each client sends its next request as soon as its last is answered (the most the machine does),',
    'or the clients together send a fixed number a second, each on its own schedule, and a latency counts from the',
    'scheduled time (a late answer also delays and charges the next request). 1,000 requests warm the server up first.',
    '"slowest 1 %": in how many distinct 100-ms windows the slowest 1 % of the requests were due — a few mean stalls of',
    'the whole process or machine (a pause, other work), dozens mean queueing spread over the run.',
    '"a group": check-in requests written together in one transaction, on average (group commit, ARCHITECTURE D20).',
    '"audit-only tx": one transaction that only appends an audit row (advisory lock, read the last row, insert),',
    'measured alone; a group of check-ins takes that lock with its other locks and holds it until it commits, so groups',
    'are written one after another (ARCHITECTURE D3, D20).',
    '"server CPU": CPU time (user + system) of the server process per request (the clients run in another process);',
    '"database CPU": CPU time of all PostgreSQL processes per request. Both are per request and so depend far less on',
    'the other work sharing the machine than req/s and latencies do: with 2 cores, at most 2000 / (server + database +',
    'client CPU) requests a second fit in the machine, and fewer than 1000 / server CPU in the one server thread.',
    '',
  ];
  return lines.join('\n');
}

async function main() {
  const results: RunResult[] = [];
  if (!args['skip-pg']) {
    results.push(await onPostgres());
  }
  if (!args['skip-pglite']) {
    results.push(await onPglite());
  }
  const section = report(results);
  process.stdout.write(`\n${section}\n`);
  if (!args['no-write']) {
    writeResultsSection('## Guest reporting (issue 4)', section);
    log('written to bench/RESULTS.md');
  }
}

await main();
