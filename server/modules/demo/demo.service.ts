// Loads the demo scenario (DOMAIN.md): offices, agencies, TIM PORA teams and one account per role, in one
// transaction with audit rows as the system actor. Idempotent: each part loads once, and the parts already loaded
// are remembered in the settings table under 'demo.loaded'.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import type { Config } from '../../config';
import type { Database, Db, Queryable, Tx } from '../../db/client';
import { users } from '../../db/schema/auth';
import { settings } from '../../db/schema/jobs';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { version } from '../../version';
import { type DemoAccount, type DemoPart, demoParts } from './demo.parts';

export const DEMO_SETTING = 'demo.loaded';
export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt';
const DEMO_LOCK = 0x44454d4f; // "DEMO"

export type DemoState = { parts: string[]; loadedAt: string; appVersion: string };
export type DemoResult = {
  /** parts loaded by this call (empty when everything was already there). */
  loadedParts: string[];
  accounts: DemoAccount[];
  /** where the accounts were written, when this call created any. */
  accountsFile: string | null;
};

/** The demo cannot be loaded as asked; the message (for the operator, in Bahasa Indonesia) says why. */
export class DemoError extends Error {
  override name = 'DemoError';
}

/** A stable id for a demo object: the same key gives the same UUID in every installation (RFC 9562 version 8). */
export function demoId(key: string): string {
  const h = createHash('sha256').update(`pora-demo/${key}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x80;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export async function readDemoState(db: Queryable): Promise<DemoState | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DEMO_SETTING));
  return (row?.value as DemoState | undefined) ?? null;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** A Database whose every transaction is a savepoint inside `tx`, so services called with it join the demo's
 * transaction (PGlite has one connection: reaching for the outer handle would wait for itself). */
function boundTo(database: Database, tx: Tx): Database {
  return {
    mode: database.mode,
    db: tx as unknown as Db,
    transaction: (fn) => tx.transaction(fn),
    execScript: async (text) => {
      await tx.execute(sql.raw(text));
    },
    close: async () => undefined,
  };
}

export async function seedDemo(
  database: Database,
  opts: {
    config: Config;
    log?: Logger;
    /** load next to existing accounts that are not the demo's (never done without being asked). */
    force?: boolean;
    parts?: readonly DemoPart[];
    /** where to write the accounts; default <dataDir>/demo-accounts.txt; null: do not write. */
    accountsFile?: string | null;
  },
): Promise<DemoResult> {
  const parts = opts.parts ?? demoParts;
  const log = opts.log ?? pino({ level: 'silent' });
  const accounts: DemoAccount[] = [];
  const loadedParts = await database.transaction(async (tx) => {
    // Two nodes starting at once must not load the demo twice.
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const state = await readDemoState(tx);
    const missing = parts.filter((p) => !state?.parts.includes(p.name));
    if (missing.length === 0) {
      return [];
    }
    if (!state && !opts.force && (await countUsers(tx)) > 0) {
      throw new DemoError(
        'basis data ini sudah berisi akun pengguna; demo (dengan akun yang kata sandinya dicetak) hanya dimuat ke basis data kosong, kecuali dengan --force',
      );
    }
    const ctx: Ctx = {
      actor: { kind: 'system', name: 'demo' },
      database: boundTo(database, tx),
      config: opts.config,
      log,
      requestId: `demo-${Date.now()}`,
      ip: null,
      userAgent: null,
      now: () => new Date(),
    };
    const audit = (entry: Parameters<typeof appendAudit>[2]) => appendAudit(tx, ctx, { purpose: 'demo', ...entry });
    for (const part of missing) {
      await part.load({ tx, ctx, demoId, audit, accounts });
    }
    const names = missing.map((p) => p.name);
    await audit({ action: 'demo.load', objectType: 'setting', objectId: DEMO_SETTING, details: { parts: names } });
    const next: DemoState = {
      parts: [...(state?.parts ?? []), ...names],
      loadedAt: new Date().toISOString(),
      appVersion: version,
    };
    await tx
      .insert(settings)
      .values({ key: DEMO_SETTING, value: next })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: new Date() } });
    return names;
  });

  let accountsFile: string | null = null;
  const target =
    opts.accountsFile === undefined ? path.join(opts.config.dataDir, DEMO_ACCOUNTS_FILE) : opts.accountsFile;
  if (accounts.length > 0 && target) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, formatDemoAccounts(accounts, signInUrl(opts.config)), { mode: 0o600 });
    chmodSync(target, 0o600);
    accountsFile = target;
  }
  if (loadedParts.length > 0) {
    log.info({ parts: loadedParts, accounts: accounts.length }, 'demo scenario loaded');
  }
  return { loadedParts, accounts, accountsFile };
}

export function signInUrl(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/** The accounts as a small table, for the terminal and for demo-accounts.txt. */
export function formatDemoAccounts(accounts: readonly DemoAccount[], url: string): string {
  const width = (pick: (a: DemoAccount) => string, title: string) =>
    Math.max(title.length, ...accounts.map((a) => pick(a).length));
  const w = [width((a) => a.role, 'peran'), width((a) => a.email, 'email'), width((a) => a.password, 'kata sandi')];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(w[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    'PORA — akun demo (Kantor Imigrasi Kelas II Non TPI Muara Enim)',
    `Masuk di ${url}`,
    '',
    line(['peran', 'email', 'kata sandi', 'instansi']),
    ...accounts.map((a) => line([a.role, a.email, a.password, a.agency])),
    '',
    'Kata sandi ini acak dan hanya untuk demo. Peran admin dan auditor diminta mendaftarkan 2FA saat pertama masuk.',
    '',
  ].join('\n');
}
