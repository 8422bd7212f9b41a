// How CLI commands reach the database: the configured one (embedded data directory, locked for this process, or
// DATABASE_URL), checked to be migrated, and a system actor to act as.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pino from 'pino';
import { openDatabase, prepareDatabase } from '../server/boot';
import type { Config } from '../server/config';
import { type Database, migrationsFolder } from '../server/db/client';
import { keyFingerprint, listAppliedMigrations } from '../server/modules/backup/backup.service';
import { resolveSecretKey } from '../server/platform/auth/secrets';
import type { Ctx } from '../server/platform/context';
import { lockDataDir } from './data-dir-lock';

export class CliError extends Error {
  override name = 'CliError';
}

/** Refuses to work on a database whose schema is not the one this version of PORA expects. */
export async function requireCurrentSchema(database: Database): Promise<void> {
  const applied = await listAppliedMigrations(database.db);
  const known = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
  if (applied.length === 0) {
    throw new CliError('basis data belum disiapkan: jalankan "pora migrate" dulu');
  }
  if (applied.length < known.length && applied.every((h, i) => known[i] === h)) {
    throw new CliError(
      `basis data belum diperbarui (${known.length - applied.length} migrasi tertunda): jalankan "pora migrate"`,
    );
  }
  if (applied.length !== known.length || applied.some((h, i) => known[i] !== h)) {
    throw new CliError('skema basis data berasal dari versi PORA lain; gunakan versi PORA yang membuatnya');
  }
}

/**
 * Opens the configured database for one command and closes it afterwards. `prepare` runs migrations and loads the
 * areas (as the server does at start); otherwise the schema must already be current.
 */
export async function withDatabase<T>(
  config: Config,
  command: string,
  opts: { prepare: boolean },
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  let release: (() => void) | undefined;
  if (!config.databaseUrl) {
    mkdirSync(config.dataDir, { recursive: true });
    release = lockDataDir(config.dataDir, command);
  }
  try {
    const database = await openDatabase(config).catch((error: unknown) => {
      throw new CliError(`tidak dapat membuka basis data: ${error instanceof Error ? error.message : String(error)}`);
    });
    try {
      if (opts.prepare) {
        await prepareDatabase(database);
      } else {
        await requireCurrentSchema(database);
      }
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    release?.();
  }
}

/** The context of a command: the system actor "cli", recorded as such in the audit log. */
export function systemContext(database: Database, config: Config, name = 'cli'): Ctx {
  return {
    actor: { kind: 'system', name },
    database,
    config,
    log: pino({ level: 'silent' }),
    requestId: `cli-${randomUUID()}`,
    ip: null,
    userAgent: 'pora-cli',
    now: () => new Date(),
  };
}

/** Fingerprint of the instance secret, when there is one (a server without PORA_SECRET_KEY has none yet). */
export function instanceKeyFingerprint(config: Config): string | null {
  try {
    return keyFingerprint(
      resolveSecretKey({ secretKeyHex: config.secretKeyHex, dataDir: config.dataDir, embedded: !config.databaseUrl }),
    );
  } catch {
    return null;
  }
}
