import type { FastifyInstance } from 'fastify';
import { removeStaleCounters } from '../../core/auth/throttle.ts';
import { registerJob } from '../../core/jobs.ts';
import { registerAccountRoutes } from './accounts.routes.ts';
import { sendPasswordResetMails } from './accounts.service.ts';
import { registerAccountSessionRoutes } from './account-sessions.routes.ts';
import { registerMemberRoutes } from './members.routes.ts';
import { registerPasswordChangeRoutes } from './password-change.routes.ts';
import { registerSecondFactorRoutes } from './second-factor.routes.ts';

/** Registers the accounts slice's routes and jobs; only src/app.ts calls it. */
export function registerAccounts(app: FastifyInstance): void {
  const { db } = app.services.database;
  registerAccountRoutes(app);
  registerAccountSessionRoutes(app);
  registerPasswordChangeRoutes(app);
  registerMemberRoutes(app);
  registerJob(app, {
    name: 'password-reset-mails',
    intervalMs: 3_000,
    run: () => sendPasswordResetMails(db, app.services.config.publicUrl),
  });
  registerJob(app, { name: 'sign-in-counters', intervalMs: 3_600_000, run: () => removeStaleCounters(db) });
  registerSecondFactorRoutes(app);
}
