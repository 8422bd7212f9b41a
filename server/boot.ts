// Opening and preparing the database, shared by the server, the CLI and the tests.
import type { Logger } from 'pino';
import type { Config } from './config';
import { type Database, openEmbedded, openServer, runMigrations } from './db/client';
import { loadRegions } from './modules/regions/regions.loader';
import { createSealer, resolveSecretKey } from './platform/auth/secrets';

export async function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openServer(config.databaseUrl) : openEmbedded(config.dataDir);
}

/** Migrations, then reference data that every installation needs (areas). */
export async function prepareDatabase(database: Database, log?: Logger): Promise<void> {
  const started = Date.now();
  await runMigrations(database);
  const { total } = await database.transaction((tx) => loadRegions(tx));
  log?.info({ ms: Date.now() - started, regions: total }, 'database ready');
}

export function sealerFor(config: Config) {
  return createSealer(
    resolveSecretKey({ secretKeyHex: config.secretKeyHex, dataDir: config.dataDir, embedded: !config.databaseUrl }),
  );
}
