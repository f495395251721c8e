import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OrganisationScope } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';

export function organisationOf(request: FastifyRequest): OrganisationScope {
  if (!request.organisation) throw notFound();
  return request.organisation;
}

/**
 * Registers nothing any more: the roadmap pages draw a strategy, so the strategy slice registers
 * them (strategy.roadmap.routes.ts) and the roadmap stays a renderer that strategy calls. Kept while
 * index.ts still calls it; the slice's plugin file will not need it.
 */
export function registerRoadmapRoutes(app: FastifyInstance): void {
  void app;
}
