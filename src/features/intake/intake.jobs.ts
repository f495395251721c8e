import type { FastifyInstance } from 'fastify';
import { registerJob } from '../../core/jobs.ts';
import { removeExpiredPersonalData } from './privacy.service.ts';

export const retentionJobName = 'intake-retention';

/** Hourly is plenty for a period counted in months; each run is idempotent. */
export function registerIntakeJobs(app: FastifyInstance): void {
  const { db } = app.services.database;
  registerJob(app, {
    name: retentionJobName,
    intervalMs: 3_600_000,
    run: () => removeExpiredPersonalData(db, app.services.config.intakeRetentionMonths),
  });
}
