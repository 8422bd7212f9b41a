// Boot: config → database → app (listening, not ready) → migrations and reference data → ready → job runner.
import pino from 'pino';
import { buildApp } from './app';
import { openDatabase, prepareDatabase, sealerFor } from './boot';
import { loadConfig } from './config';
import { jobDefinitions, jobSchedules } from './jobs';
import { startJobRunner } from './platform/jobs';
import { startupHooks } from './startup';

export async function serve() {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const sealer = sealerFor(config);
  const database = await openDatabase(config);
  const state = { ready: false };
  const app = await buildApp({ config, database, sealer }, { logger, state });
  await app.listen({ port: config.port, host: config.host });
  await prepareDatabase(database, logger);
  for (const hook of startupHooks) {
    await hook({ config, database, logger });
  }
  state.ready = true;
  logger.info({ mode: database.mode, port: config.port }, 'PORA is ready');
  const runner = config.jobs
    ? startJobRunner({ database, config, log: logger, definitions: jobDefinitions, schedules: jobSchedules })
    : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    runner?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
