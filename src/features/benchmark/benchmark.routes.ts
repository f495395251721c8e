import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { pageContext } from '../../core/render/layout.ts';
import { loadBenchmark } from './benchmark.page.ts';
import { benchmarkPage, noScanPage } from './benchmark.views.ts';

function organisationOf(request: FastifyRequest): OrganisationScope {
  if (!request.organisation) throw notFound();
  return request.organisation;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 40) : '');

export function registerBenchmarkRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;

  app.get<{ Querystring: Record<string, unknown> }>(
    '/o/:code/benchmark',
    { config: { access: access.organisation('viewer') } },
    async (request, reply) => {
      const organisation = organisationOf(request);
      const query = { group: text(request.query.group), period: text(request.query.period) };
      const data = await loadBenchmark(db, organisation, query, request.locale);
      const ctx = pageContext(request);
      return reply
        .type('text/html; charset=utf-8')
        .send(data ? benchmarkPage(ctx, data) : noScanPage(ctx, organisation));
    },
  );
}
