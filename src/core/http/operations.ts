import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import client from 'prom-client';
import { appliedMigrations, shippedMigrations } from '../db/table-catalogue.ts';
import { access } from './access.ts';

/**
 * /health for load balancers, /health/live and /health/ready for container orchestrators, /metrics
 * for Prometheus. All are cheap and carry no personal data.
 */
export function registerOperations(app: FastifyInstance): void {
  const shipped = shippedMigrations();
  let isMigrated = false;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests, by route pattern',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/health', { config: { access: access.public } }, async (_request, reply) => {
    try {
      await app.services.database.db.execute(sql`select 1`);
      return { status: 'ok', database: app.services.database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: app.services.database.kind });
    }
  });

  // Liveness: the process answers. Not the database: a database outage must not restart every instance.
  app.get('/health/live', { config: { access: access.public } }, async () => ({ status: 'ok' }));

  // Readiness: the database answers and has every migration of this version (a new instance during
  // a rolling upgrade waits for the migration job).
  app.get('/health/ready', { config: { access: access.public } }, async (_request, reply) => {
    const database = app.services.database;
    try {
      if (!isMigrated) {
        const applied = await appliedMigrations(database.db);
        isMigrated = shipped.every((hash, i) => applied[i] === hash);
        if (!isMigrated)
          return reply.code(503).send({ status: 'migrations pending', database: database.kind });
      } else {
        await database.db.execute(sql`select 1`);
      }
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  app.get('/metrics', { config: { access: access.public } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
