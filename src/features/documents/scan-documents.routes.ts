import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { handleExport, showExportPage, type ExportSubject } from './documents.routes.ts';
import { organisationCrumbs } from './documents.views.ts';
import { documentsMessage } from './documents.messages.ts';
import { loadScan } from './scan-document-data.ts';
import { scanDocumentBuilder } from './documents-build.ts';
import { organisationOf, dbOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';

type ScanDocumentRoute = { Params: { code: string; scanId: string }; Querystring: { made?: string } };

/** The scan-results document of the route's scan; another organisation's scan is not found. */
async function scanSubject(request: FastifyRequest<ScanDocumentRoute>): Promise<ExportSubject> {
  const organisation = organisationOf(request);
  const db = dbOf(request);
  const scan = await loadScan(db, organisation.id, idParam(request.params.scanId));
  if (!scan) throw notFound();
  const t = documentsMessage.for(request.locale);
  const scansHref = `/o/${organisation.code}/scans`;
  return {
    kind: 'scan-results',
    subjectId: scan.row.id,
    page: {
      organisation,
      title: t('scanDocs.title', { scan: scan.row.title }),
      intro: t('scanDocs.intro'),
      crumbs: organisationCrumbs(organisation, [
        { href: scansHref, label: t('fact.scan') },
        { href: `${scansHref}/${scan.row.id}/results`, label: scan.row.title },
      ]),
    },
    build: scanDocumentBuilder(db, organisation, scan),
  };
}

export function registerScanDocumentRoutes(app: FastifyInstance): void {
  const url = '/o/:code/scans/:scanId/documents';
  app.get<ScanDocumentRoute>(
    url,
    { config: { access: access.organisation('viewer') } },
    async (request, reply) => showExportPage(request, reply, await scanSubject(request)),
  );
  app.post<ScanDocumentRoute>(
    url,
    { config: { access: access.organisation('editor') } },
    async (request, reply) => handleExport(request, reply, await scanSubject(request)),
  );
}
