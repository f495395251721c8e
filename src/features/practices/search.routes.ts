import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { pageContext } from '../../core/render/layout.ts';
import { viewerOf } from './practices.queries.ts';
import { searchPractices, type SearchFilters } from './search.queries.ts';
import { searchPage } from './search.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type SearchQuery = Partial<
  Record<'q' | 'pillar' | 'theme' | 'task' | 'organisation' | 'year' | 'page', unknown>
>;

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/g;

const text = (value: unknown, max = 200): string | undefined => {
  const s = typeof value === 'string' ? value.replace(controlCharacters, ' ').trim().slice(0, max) : '';
  return s === '' ? undefined : s;
};

/** Unknown or malformed filter values are dropped, never an error: links from elsewhere keep working. */
export function filtersOf(query: SearchQuery): SearchFilters {
  const year = Number(text(query.year));
  const page = Number(text(query.page));
  return {
    q: text(query.q) ?? '',
    pillar: text(query.pillar, 80),
    theme: text(query.theme, 80),
    task: text(query.task, 80),
    organisation: text(query.organisation, 20),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function registerSearchRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  app.get<{ Querystring: SearchQuery }>(
    '/knowledge/practices',
    { config: { access: access.public } },
    async (request, reply) => {
      const filters = filtersOf(request.query);
      const result = await searchPractices(db, await viewerOf(db, request.user), filters);
      return reply.type(contentTypes.html).send(searchPage(pageContext(request), filters, result));
    },
  );
}
