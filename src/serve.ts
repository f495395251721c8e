import fs from 'node:fs';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { writeBackup } from './core/db/backup.ts';
import { startControlSocket } from './core/db/control-socket.ts';
import type { Database } from './core/db/database.ts';
import { startJobs } from './core/jobs.ts';
import { assetsDir } from './core/render/assets.ts';
import { createSetupLinkIfNeeded } from './features/accounts/index.ts';

/** Builds the application on an opened database, listens, and stops cleanly on SIGTERM/SIGINT. */
export async function serve(config: Config, database: Database, startedAt: number): Promise<void> {
  fs.mkdirSync(assetsDir, { recursive: true });
  const app = await buildApp({ config, database });

  const setupLink = await createSetupLinkIfNeeded(database.db, config.publicUrl);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: database.kind, startupMs: Math.round(performance.now() - startedAt) },
    `Routekaart listens on ${config.publicUrl}`,
  );
  if (setupLink) {
    // Printed on the console on purpose: only the operator who started the process sees it.
    console.warn(
      `\nNo platform administrator exists yet. Open this one-time link to create one:\n\n  ${setupLink}\n`,
    );
  }
  if (!app.services.mailer.isConfigured) {
    app.log.warn(
      'SMTP_URL is not set: mail stays in the outbox; the platform administrator can read it under /admin/mail',
    );
  }

  const stopJobs = startJobs(app);
  // `routekaart backup` asks a running server on the embedded database through this socket.
  const controlSocket =
    database.kind === 'pglite'
      ? await startControlSocket(config.dataDir, (file) => writeBackup(database, file))
      : undefined;
  // Without its database the process can only fail requests: better to stop, so that the service
  // manager starts it again.
  database.onFailure?.((error) => {
    app.log.fatal({ err: error }, 'the embedded database stopped; exiting');
    process.exit(1);
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    stopJobs();
    await controlSocket?.close();
    await app.close();
    app.services.mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
