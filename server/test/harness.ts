// A fresh database and app per test file, plus builders that create what a test needs (and its parents).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role } from '../../contracts/common';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { type Database, openEmbedded, openServer } from '../db/client';
import { users } from '../db/schema/auth';
import { agencies, offices } from '../db/schema/orgs';
import type { Actor } from '../platform/access';
import { hashPassword } from '../platform/auth/passwords';
import { createSealer, type Sealer } from '../platform/auth/secrets';
import type { Ctx } from '../platform/context';
import type { App } from '../platform/http';

export type TestEnv = {
  database: Database;
  app: App;
  sealer: Sealer;
  ctx(actor: Actor): Ctx;
  close(): Promise<void>;
};

async function cloneDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverTemplate = inject('serverTemplate');
  if (!serverTemplate) {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return { database: await openEmbedded(undefined, blob), drop: async () => undefined };
  }
  const name = `pora_test_${randomBytes(6).toString('hex')}`;
  const admin = new URL(serverTemplate);
  admin.pathname = '/postgres';
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name} TEMPLATE ${new URL(serverTemplate).pathname.slice(1)}`);
  const url = new URL(serverTemplate);
  url.pathname = `/${name}`;
  return {
    database: await openServer(url.toString(), 4),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Rate limiting is off unless asked for, so that tests can exercise the database-level sign-in throttle. `now` fixes
 * the clock of the services (the app's requests and `env.ctx`) for a test whose outcome depends on the date or the
 * time of day. Sessions are still checked against the real clock (a session made at a fixed instant hours ago is idle),
 * so fix it at the real time: a `new Date()` taken once when the file starts.
 */
export async function createTestEnv(opts: { rateLimit?: boolean; now?: () => Date } = {}): Promise<TestEnv> {
  const { database, drop } = await cloneDatabase();
  const config = { ...loadConfig({}), dataDir: '/nonexistent', secretKeyHex: randomBytes(32).toString('hex') };
  const sealer = createSealer(Buffer.from(config.secretKeyHex, 'hex'));
  const now = opts.now ?? (() => new Date());
  const app = await buildApp({ config, database, sealer, now }, { rateLimit: opts.rateLimit ?? false });
  await app.ready();
  const log = app.log;
  return {
    database,
    app,
    sealer,
    ctx: (actor) => ({
      actor,
      database,
      config,
      log,
      requestId: randomUUID(),
      ip: '127.0.0.1',
      userAgent: 'vitest',
      now,
    }),
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

export const MUARA_ENIM_AREA = ['16.03', '16.04', '16.11', '16.72'];

export async function buildOffice(env: TestEnv, over: Partial<typeof offices.$inferInsert> = {}) {
  const row = {
    id: randomUUID(),
    name: 'Kantor Imigrasi Kelas II Non TPI Muara Enim',
    officeClass: 'II_NON_TPI',
    regionCode: '16.03',
    workingArea: MUARA_ENIM_AREA,
    ...over,
  };
  await env.database.db.insert(offices).values(row);
  return row;
}

export async function buildAgency(env: TestEnv, over: Partial<typeof agencies.$inferInsert> = {}) {
  const row = {
    id: randomUUID(),
    name: `Polres ${randomBytes(3).toString('hex')}`,
    kind: 'polri',
    regionCode: '16.72',
    ...over,
  };
  await env.database.db.insert(agencies).values(row);
  return row;
}

export const TEST_PASSWORD = 'Kopi-Pagar-Alam-2026';

export type BuiltUser = { id: string; email: string; password: string; agencyId: string; roles: Role[] };

/** A user (and, when not given, an agency for it). TOTP is not enrolled unless asked. */
export async function buildUser(
  env: TestEnv,
  over: { roles?: Role[]; agencyId?: string; email?: string; mustChangePassword?: boolean; totpSecret?: string } = {},
): Promise<BuiltUser> {
  const agencyId = over.agencyId ?? (await buildAgency(env)).id;
  const roles = over.roles ?? ['agency_member'];
  const email = over.email ?? `u-${randomBytes(4).toString('hex')}@pora.test`;
  const id = randomUUID();
  await env.database.db.insert(users).values({
    id,
    email,
    name: `Petugas ${email.split('@')[0]}`,
    agencyId,
    roles,
    passwordHash: await hashPassword(TEST_PASSWORD),
    mustChangePassword: over.mustChangePassword ?? false,
    ...(over.totpSecret ? { totpSecretSealed: env.sealer.seal(over.totpSecret), totpEnabledAt: new Date() } : {}),
  });
  return { id, email, password: TEST_PASSWORD, agencyId, roles };
}

export async function setUserTotp(env: TestEnv, userId: string, secret: string) {
  await env.database.db
    .update(users)
    .set({ totpSecretSealed: env.sealer.seal(secret), totpEnabledAt: new Date() })
    .where(eq(users.id, userId));
}

/** Signs in through the API and returns the cookie header to send with later requests. */
export async function signIn(env: TestEnv, user: { email: string; password: string }, totp?: string) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: user.password, ...(totp ? { totp } : {}) },
  });
  if (res.statusCode !== 200) {
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  }
  const cookie = res.cookies.find((c) => c.name === 'pora_session');
  if (!cookie) {
    throw new Error('no session cookie');
  }
  return { cookie: `pora_session=${cookie.value}`, me: res.json() as { id: string } };
}
