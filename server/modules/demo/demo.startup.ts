// At start on an embedded database: load the demo scenario into an empty installation (PORA_DEMO=off disables it),
// or the demo parts added by an upgrade into an installation that runs the demo. A server database (DATABASE_URL)
// gets the demo only on request: `pora seed demo`.
import type { StartupHook } from '../../startup';
import { countUsers, formatDemoAccounts, readDemoState, seedDemo, signInUrl } from './demo.service';

export const loadDemoAtStartup: StartupHook = async ({ config, database, logger }) => {
  if (database.mode !== 'embedded' || config.demo === false) {
    return;
  }
  const state = await readDemoState(database.db);
  if (!state && (await countUsers(database.db)) > 0) {
    return;
  }
  const result = await seedDemo(database, { config, log: logger });
  if (result.accounts.length > 0) {
    const text = formatDemoAccounts(result.accounts, signInUrl(config));
    process.stdout.write(`\n${text}(disimpan juga di ${result.accountsFile})\n\n`);
  }
};
