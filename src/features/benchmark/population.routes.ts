import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { formSecret } from '../../core/http/forms.ts';
import { pageContext } from '../../core/render/layout.ts';
import { setPopulation } from './benchmark.queries.ts';
import { populationMessage } from './population.messages.ts';
import { municipalityCodes, parsePopulation, populationCoverage } from './population.service.ts';
import { populationPage } from './population.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';

/** The platform administrator sets municipality populations, all or nothing, from pasted CSV. */
export function registerPopulationRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const admin = { config: { access: access.platformAdmin } };

  app.get<{ Querystring: { imported?: string } }>('/admin/population', admin, async (request, reply) => {
    const imported = Number.parseInt(request.query.imported ?? '', 10);
    const page = populationPage(pageContext(request), {
      coverage: await populationCoverage(db),
      input: '',
      errors: {},
      bad: [],
      imported: Number.isSafeInteger(imported) && imported >= 0 ? imported : undefined,
    });
    return reply.type(contentTypes.html).send(page);
  });

  app.post('/admin/population', admin, async (request, reply) => {
    const t = populationMessage.for(request.locale);
    const input = formSecret(request.body, 'csv');
    const parsed = parsePopulation(input, await municipalityCodes(db));
    const isEmpty = parsed.values.length === 0 && parsed.bad.length === 0;
    if (!isEmpty && parsed.bad.length === 0) {
      await setPopulation(db, parsed.values, request.user?.id ?? 0);
      return reply.redirect(`/admin/population?imported=${parsed.values.length}`, 303);
    }
    const message = isEmpty
      ? t('error.empty')
      : parsed.bad.length === 1
        ? t('error.line')
        : t.plural('error.lines', parsed.bad.length);
    const page = populationPage(pageContext(request), {
      coverage: await populationCoverage(db),
      input,
      errors: { csv: message },
      bad: parsed.bad,
    });
    return reply.code(400).type(contentTypes.html).send(page);
  });
}
