import type { FastifyInstance } from 'fastify';

/**
 * Work that runs on a timer inside each app process (mail delivery, retention clean-up, reminders).
 * On PostgreSQL with several instances, a run takes an advisory lock named after the job, so one
 * instance runs a job at a time and the others skip that tick (`Database.runExclusive`). A job
 * must still be safe to run twice in a row (claim rows with `FOR UPDATE SKIP LOCKED` or make each
 * step idempotent). Tests call a job's function directly instead of waiting for the timer.
 */
export interface Job {
  name: string;
  intervalMs: number;
  run(): Promise<unknown>;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Job[];
  }
}

export function registerJob(app: FastifyInstance, job: Job): void {
  app.jobs.push(job);
}

/** Starts every registered job; a run never overlaps the previous run of the same job. */
export function startJobs(app: FastifyInstance): () => void {
  const timers = app.jobs.map((job) => {
    let isRunning = false;
    return setInterval(() => {
      if (isRunning) return;
      isRunning = true;
      app.services.database
        .runExclusive(`job:${job.name}`, () => job.run())
        .catch((error: unknown) => app.log.error({ err: error, job: job.name }, 'scheduled job failed'))
        .finally(() => {
          isRunning = false;
        });
    }, job.intervalMs);
  });
  return () => timers.forEach((timer) => clearInterval(timer));
}
