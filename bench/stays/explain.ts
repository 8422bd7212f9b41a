// EXPLAIN ANALYZE of the batch's statements on PostgreSQL (profiling aid for the stays benchmark):
// `nice -n 10 tsx bench/stays/explain.ts [--rows 2000] [--pg-url URL]`. Builds a scratch database through the app's
// migrations, a property and `rows` new register entries, then explains the stays + check-in reports statement as the
// batch sends it (in a rolled-back transaction), once with its foreign keys and once with them off
// (session_replication_role = replica), and times the register's bulk writer for the same rows. Drops what it made.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { prepareDatabase } from '../../server/boot';
import { openServer, selectRows } from '../../server/db/client';
import { accommodations } from '../../server/db/schema/accommodations';
import { type ImportedPerson, insertImportedPersons } from '../../server/modules/persons/person-import';
import type { NewReport, NewStay } from '../../server/modules/stays/stays.repo';
import { staysWithReportsSql } from '../../server/modules/stays/stays.repo';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '2000' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
});
const n = Number(args.rows);
const name = 'pora_bench_stays_explain';
const admin = async (statement: string) => {
  const c = new pg.Client({ connectionString: `${args['pg-url']}/postgres` });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
};

await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin(`CREATE DATABASE ${name}`);
const database = await openServer(`${args['pg-url']}/${name}`, 2);
class Rollback extends Error {}
try {
  await prepareDatabase(database);
  const property = randomUUID();
  await database.db.insert(accommodations).values({
    id: property,
    name: 'Hotel Explain',
    nameKey: `hotel explain ${property}`,
    kind: 'hotel',
    nib: '9000000000001',
    address: 'Jl. Explain 1',
    villageCode: '16.72.01.1005',
    phone: '0730 1',
    email: 'explain@hotel.example',
    picName: 'Explain',
    status: 'verified',
    verifiedAt: new Date(),
    applicantEmail: 'explain@hotel.example',
  });
  const now = new Date();
  const people: ImportedPerson[] = Array.from({ length: n }, (_, i) => ({
    identity: {
      surname: `SURNAME${i % 97}`,
      givenNames: `GIVEN${i % 89}`,
      fullName: null,
      sex: 'M',
      birthDate: '1980-01-01',
      birthPlace: null,
      nationality: 'DEU',
    },
    workplace: null,
    notes: null,
    sponsorId: null,
    recordedByAgencyId: null,
    agencyZone: null,
    regionCode: '16.72.01.1005',
    addressText: 'Hotel Explain, Jl. Explain 1',
    document: {
      type: 'P',
      number: `X${String(i).padStart(8, '0')}`,
      numberNorm: `X${String(i).padStart(8, '0')}`,
      issuingState: 'DEU',
      issueDate: null,
      expiryDate: '2032-06-30',
    },
    permit: null,
    source: { sourceKind: 'stay_report', sourceAgencyId: null, sourceUserId: null, sourceRef: 'x', recordedAt: now },
  }));
  // warm-up chunk (name keys, caches), then the timed one
  await database.transaction((tx) => insertImportedPersons(tx, people.slice(0, n / 2), now));
  const t0 = performance.now();
  const ids = await database.transaction((tx) => insertImportedPersons(tx, people.slice(n / 2), now));
  const personsMs = performance.now() - t0;
  await database.db.execute(sql`analyze`);
  const stays: NewStay[] = ids.map((personId, i) => ({
    id: randomUUID(),
    accommodationId: property,
    villageCode: '16.72.01.1005',
    personId,
    groupId: null,
    status: 'open',
    arrivedAt: now,
    expectedCheckOut: '2026-12-31',
    room: String(100 + i),
    visitPurpose: 'tourism',
    guest: {
      surname: 'S',
      givenNames: 'G',
      sex: 'M',
      birthDate: '1980-01-01',
      nationality: 'DEU',
      document: { type: 'P', number: `X${i}`, issuingState: 'DEU', expiryDate: '2032-06-30' },
      mrzLines: ['P<DEUS<<G<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'X0000000<0DEU8001011M3206300<<<<<<<<<<<<<<04'],
    },
    nationality: 'DEU',
    isLate: false,
    checkInReportedAt: now,
    personLink: 'new_pending',
    channel: 'batch',
    batchId: null,
    receiptNumber: `STT-X-${i}`,
    createdAt: now,
    updatedAt: now,
  }));
  const reports: NewReport[] = stays.map((s) => ({
    id: randomUUID(),
    stayId: s.id as string,
    accommodationId: property,
    kind: 'check_in',
    reportedAt: now,
    data: { arrivedAt: now.toISOString(), expectedCheckOut: '2026-12-31', room: s.room, visitPurpose: 'tourism' },
    isLate: false,
    receiptNumber: s.receiptNumber,
    channel: 'batch',
    batchId: null,
    reportedByUserId: null,
    reportedByKeyId: null,
  }));
  for (const mode of ['origin', 'replica'] as const) {
    await database
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`set local session_replication_role = ${mode}`));
        // three runs in savepoints (the fastest counts): the round trip is noisy on a shared machine
        let ms = Number.POSITIVE_INFINITY;
        let plan: { 'QUERY PLAN': string }[] = [];
        for (let run = 0; run < 3; run++) {
          await tx.execute(sql`savepoint s`);
          const t = performance.now();
          const statement = staysWithReportsSql(stays, reports);
          plan = await selectRows<{ 'QUERY PLAN': string }>(tx, {
            sql: `explain (analyze, buffers, costs off) ${statement.sql}`,
            params: statement.params,
          });
          ms = Math.min(ms, performance.now() - t);
          await tx.execute(sql`rollback to savepoint s`);
        }
        console.log(
          `\n── stays + reports, ${ids.length} rows, foreign keys ${mode === 'origin' ? 'on' : 'off'}: ${ms.toFixed(0)} ms round trip`,
        );
        console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) {
          throw e;
        }
      });
  }
  console.log(
    `\ninsertImportedPersons of ${ids.length} new persons (one call, its own transaction): ${personsMs.toFixed(0)} ms`,
  );
} finally {
  await database.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
