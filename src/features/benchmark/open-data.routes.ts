import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { toCsv } from '../../core/render/csv.ts';
import { pageContext } from '../../core/render/layout.ts';
import { BenchmarkQuery } from './benchmark-api.routes.ts';
import { csvRows, groupNames, openDataSet } from './open-data.service.ts';
import { openDataPage } from './open-data.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { organisationsWithOpenData } from '../registries/index.ts';

/** benchmark-2026.csv, benchmark-2026-province-PV28.csv */
function fileName(period: number | null, group: string | undefined): string {
  const parts = [
    'benchmark',
    String(period ?? 'none'),
    ...(group ? [group.replace(/[^A-Za-z0-9-]/g, '-')] : []),
  ];
  return `${parts.join('-')}.csv`;
}

/** The open data outside the API: the CSV download and the page that explains the data set. */
export function registerOpenDataRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const open = { config: { access: access.public } };

  app.get<{ Querystring: BenchmarkQuery }>(
    '/open-data/benchmarks.csv',
    { ...open, schema: { querystring: BenchmarkQuery } },
    async (request, reply) => {
      const data = await openDataSet(db, request.query);
      return reply
        .type(contentTypes.csv)
        .header('content-disposition', `attachment; filename="${fileName(data.period, request.query.group)}"`)
        .send(toCsv(csvRows(data)));
    },
  );

  app.get('/open-data', open, async (request, reply) => {
    const data = await openDataSet(db);
    const [names, publishers] = await Promise.all([groupNames(db), organisationsWithOpenData(db)]);
    return reply.type(contentTypes.html).send(openDataPage(pageContext(request), data, names, publishers));
  });
}
