import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { notFound } from '../../core/http/errors.ts';
import { isLocale } from '../../core/i18n/i18n.ts';
import { pageContext } from '../../core/render/layout.ts';
import { writeWorkbookTask } from '../../core/render/workbook.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { regionReportDocument } from './report-document.ts';
import { renderRegionReportTask } from './report-file.ts';
import { checkPeriod, defaultPeriodValues, periodSlug } from './report-period.ts';
import { regionReportSheets } from './report-workbook.ts';
import { reportMessage } from './report.messages.ts';
import { loadRegionReport } from './report.service.ts';
import { reportFormats, reportPage } from './report.views.ts';
import { findRegionNetwork } from './workspace.queries.ts';

type ReportRequest = {
  Params: { network: string };
  Querystring: { from?: unknown; to?: unknown; language?: unknown; format?: unknown };
};

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The region report: without a choice the form (defaults: the current year, the user's language);
 * with one, the report as DOCX, PDF or ODT through the documents' renderers, or its figures as XLSX,
 * all made in the worker pool. The report is made anew each time and kept nowhere: it holds nothing
 * the workspace does not show, and the address says the period.
 */
export function registerReportRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  app.get<ReportRequest>(
    '/networks/:network/report',
    { config: { access: access.networkCoordinator } },
    async (request, reply) => {
      const network = await findRegionNetwork(db, request.params.network);
      if (!network) throw notFound();
      const now = new Date();
      const q = request.query;
      const isChosen = [q.from, q.to, q.format, q.language].some((v) => v !== undefined);
      const values = isChosen
        ? { from: text(q.from), to: text(q.to), language: text(q.language) }
        : { ...defaultPeriodValues(now), language: request.locale };
      const ctx = pageContext(request);
      if (!isChosen) return reply.type(contentTypes.html).send(reportPage(ctx, network, values, {}, now));
      const t = reportMessage.for(request.locale);
      const check = checkPeriod(request.locale, values, now);
      const errors = check.isValid ? {} : { ...check.errors };
      const format = reportFormats.find((f) => f === text(q.format));
      const locale = isLocale(values.language) ? values.language : undefined;
      if (!locale) errors.language = t('period.chooseLanguage');
      // The format comes from the button pressed: without one the form comes back, nothing to mend.
      if (!check.isValid || !format || !locale) {
        const status = Object.keys(errors).length > 0 ? 400 : 200;
        return reply
          .code(status)
          .type(contentTypes.html)
          .send(reportPage(ctx, network, values, errors, now));
      }

      const data = await loadRegionReport(db, network, check.period, now);
      const framework = getFramework(latestFrameworkVersion());
      const name = reportMessage(locale, 'form.title').toLowerCase().replace(/\s+/g, '-');
      const fileName = `${name}-${network.code}-${periodSlug(check.period)}.${format}`;
      const body =
        format === 'xlsx'
          ? await workersOf(request).run(writeWorkbookTask, [regionReportSheets(data, locale, framework)])
          : await workersOf(request).run(renderRegionReportTask, [
              regionReportDocument(data, locale, framework),
              format,
            ]);
      return reply
        .type(contentTypes[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
}
