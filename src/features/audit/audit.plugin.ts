import type { FastifyInstance } from 'fastify';
import { registerJob } from '../../core/jobs.ts';
import { removeOldAuditEntries } from './audit.queries.ts';
import { registerAuditRoutes } from './audit.routes.ts';

/** Registers the audit-trail pages and the retention job; only src/app.ts calls it. */
export function registerAudit(app: FastifyInstance): void {
  registerAuditRoutes(app);
  registerJob(app, {
    name: 'audit-retention',
    intervalMs: 3_600_000,
    run: () => removeOldAuditEntries(app.services.database.db, app.services.config.auditRetentionMonths),
  });
}
