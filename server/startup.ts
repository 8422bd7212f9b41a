// Work done once the database is ready, before the server reports ready (e.g. loading the demo scenario).
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Database } from './db/client';
import { loadDemoAtStartup } from './modules/demo/demo.startup';

export type StartupHook = (deps: { config: Config; database: Database; logger: Logger }) => Promise<void>;

export const startupHooks: StartupHook[] = [loadDemoAtStartup];
