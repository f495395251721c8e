import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { toCsv } from '../../core/render/csv.ts';
import { pageContext } from '../../core/render/layout.ts';
import { writeWorkbookTask } from '../../core/render/workbook.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { getFramework } from '../framework/index.ts';
import { resultsPage } from './results.views.ts';
import { scanOf, type ScanParams } from './scan-context.ts';
import { scanMessage } from './scan.messages.ts';
import { previousSubmittedScan, type ScanRow } from './scan.queries.ts';
import { scanExportTables } from './scan-export.ts';
import { comparisonWith, resultsOf } from './scan-results.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { scanExportMessage } from './scan-export.messages.ts';
import { lowConnectivityOf } from './scan-connectivity.ts';
import { taskMaturityFor } from './task-maturity.queries.ts';

const fileName = (scan: ScanRow, suffix: string) => `zelfscan-${scan.period}-${scan.id}-${suffix}`;

export function registerResultRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };

  app.get<ScanParams & { Querystring: { notice?: string } }>(
    '/o/:code/scans/:scanId/results',
    viewer,
    async (request, reply) => {
      const { organisation, scan } = await scanOf(request);
      const before = await previousSubmittedScan(db, scan);
      const results = await resultsOf(db, scan);
      const themeScores = new Map(results.themes.map((s) => [s.key, s.score]));
      const page = resultsPage(pageContext(request), {
        organisation,
        scan,
        framework: getFramework(scan.frameworkVersion),
        results,
        taskMaturity: await taskMaturityFor(
          db,
          organisation.id,
          scan.frameworkVersion,
          scan.period,
          themeScores,
        ),
        previous: before ? await comparisonWith(db, scan, before) : undefined,
        notice: request.query.notice === 'submitted' ? scanMessage(request.locale, 'submitted') : undefined,
        offersBrigade:
          organisation.role !== 'viewer' &&
          (await lowConnectivityOf(db, organisation.id))?.scanId === scan.id,
      });
      return reply.type(contentTypes.html).send(page);
    },
  );

  // Two tables, so two CSV files (a CSV file holds one table) and one workbook with two sheets.
  for (const table of ['answers', 'scores'] as const)
    app.get<ScanParams>(`/o/:code/scans/:scanId/${table}.csv`, viewer, async (request, reply) => {
      const { scan } = await scanOf(request);
      const tables = await scanExportTables(db, scan, request.locale);
      const name = scanExportMessage(request.locale, `file.${table}`);
      return reply
        .type(contentTypes.csv)
        .header('content-disposition', `attachment; filename="${fileName(scan, `${name}.csv`)}"`)
        .send(toCsv(tables[table]));
    });

  app.get<ScanParams>('/o/:code/scans/:scanId/export.xlsx', viewer, async (request, reply) => {
    const { scan } = await scanOf(request);
    const { answers, scores } = await scanExportTables(db, scan, request.locale);
    const t = scanExportMessage.for(request.locale);
    const buffer = await workersOf(request).run(writeWorkbookTask, [
      [
        { name: t('answers.sheet'), rows: answers },
        { name: t('scores.sheet'), rows: scores },
      ],
    ]);
    return reply
      .type(contentTypes.xlsx)
      .header('content-disposition', `attachment; filename="${fileName(scan, 'export.xlsx')}"`)
      .send(buffer);
  });
}
