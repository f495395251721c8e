import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf, organisationOf, type OrganisationScope } from '../../core/http/context.ts';
import { toCsv } from '../../core/render/csv.ts';
import { pageContext } from '../../core/render/layout.ts';
import { writeWorkbookTask } from '../../core/render/workbook.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { listEntries } from './registries.queries.ts';
import { processingMessage } from './registries-processing.messages.ts';
import { processingActivities, type ProcessingActivity } from './registries-processing.ts';
import { processingPage, processingRows } from './registries-processing.views.ts';

/** The controller as the law names it: the municipality's or province's own name. */
function controllerOf(organisation: OrganisationScope): string {
  return organisation.kind === 'municipality' ? `Gemeente ${organisation.name}` : organisation.displayName;
}

async function activitiesOf(request: FastifyRequest): Promise<ProcessingActivity[]> {
  const db = dbOf(request);
  const organisation = organisationOf(request);
  return processingActivities({
    controller: controllerOf(organisation),
    dataSources: await listEntries(db, organisation.id, 'data-sources'),
    assessments: await listEntries(db, organisation.id, 'assessments'),
    contracts: await listEntries(db, organisation.id, 'contracts'),
  });
}

const attachment = (organisation: { code: string }, extension: string) =>
  `attachment; filename="verwerkingsregister-${organisation.code}.${extension}"`;

/** The processing register's page and its CSV, XLSX and JSON; for whoever may read the registers. */
export function registerProcessingRoutes(app: FastifyInstance): void {
  const viewer = { config: { access: access.organisation('viewer') } };
  const base = '/o/:code/registers/processing';

  app.get(base, viewer, async (request, reply) =>
    reply
      .type(contentTypes.html)
      .send(processingPage(pageContext(request), organisationOf(request), await activitiesOf(request))),
  );

  app.get(`${base}/export.csv`, viewer, async (request, reply) =>
    reply
      .type(contentTypes.csv)
      .header('content-disposition', attachment(organisationOf(request), 'csv'))
      .send(toCsv(processingRows(request.locale, await activitiesOf(request)))),
  );

  app.get(`${base}/export.xlsx`, viewer, async (request, reply) => {
    const rows = processingRows(request.locale, await activitiesOf(request));
    const name = processingMessage(request.locale, 'sheet');
    const buffer = await workersOf(request).run(writeWorkbookTask, [[{ name, rows }]]);
    return reply
      .type(contentTypes.xlsx)
      .header('content-disposition', attachment(organisationOf(request), 'xlsx'))
      .send(buffer);
  });

  app.get(`${base}/export.json`, viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const body = { controller: controllerOf(organisation), activities: await activitiesOf(request) };
    return reply
      .type(contentTypes.json)
      .header('content-disposition', attachment(organisation, 'json'))
      .send(JSON.stringify(body, null, 2));
  });
}
