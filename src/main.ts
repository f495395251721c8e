import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './core/db/lock.ts';
import { FrameworkError } from './features/framework/index.ts';
import { openAndPrepareDatabase } from './startup.ts';

/**
 * Starts the server. Only what opens the database is imported up front: the embedded database
 * opens on its own thread while the rest of the application (most of the modules) loads on this
 * one, which takes about a second off a start.
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const database = openAndPrepareDatabase(config);
  const loading = import('./serve.ts');
  // Both settle before anything is used: a failure of either is reported, none is left dangling.
  const [opened, server] = await Promise.allSettled([database, loading]);
  if (opened.status === 'rejected') throw opened.reason;
  if (server.status === 'rejected') {
    await opened.value.close();
    throw server.reason;
  }
  await server.value.serve(config, opened.value, startedAt);
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof FrameworkError
  ) {
    console.error(`Routekaart cannot start: ${error.message}`);
  } else {
    console.error('Routekaart cannot start:', error);
  }
  process.exit(1);
});
