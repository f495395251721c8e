import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { HttpError, notFound } from '../../core/http/errors.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { councilLettersPath, scanDocumentsPath, strategyDocumentsPath } from '../../core/http/paths.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { isLocale } from '../../core/i18n/i18n.ts';
import { pageContext } from '../../core/render/layout.ts';
import type { DocumentBuilder } from './documents-build.ts';
import { findVersion, listVersions, type VersionRow } from './documents.queries.ts';
import { exportDocument } from './documents.service.ts';
import { documentFormats, type DocumentFormat, type DocumentKind } from './documents.tables.ts';
import {
  documentsPage,
  exportPage,
  type ExportOutcome,
  type ExportPageData,
  type ExportValues,
} from './documents.views.ts';
import { documentsMessage } from './documents.messages.ts';
import { organisationOf, dbOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

export type DocumentParams = { Params: { code: string; documentId: string } };

/** Where a version's subject lives: the strategy's document page or the scan's. */
export function subjectHref(code: string, v: Pick<VersionRow, 'kind' | 'subjectId'>): string {
  if (v.kind === 'council-letter') return `${councilLettersPath(code)}/${v.subjectId}`;
  return v.kind === 'strategy' ? strategyDocumentsPath(code) : scanDocumentsPath(code, v.subjectId);
}

export interface ExportSubject {
  kind: DocumentKind;
  subjectId: number;
  page: Omit<ExportPageData, 'values' | 'outcome' | 'versions' | 'action'>;
  build: DocumentBuilder;
}

export function defaultValues(request: FastifyRequest): ExportValues {
  return { format: 'pdf', language: request.locale };
}

/** The subject's page; `?made=<id>` after an export shows the new version with its download link. */
export async function showExportPage(
  request: FastifyRequest<{ Querystring: { made?: string } }>,
  reply: FastifyReply,
  subject: ExportSubject,
  outcome: ExportOutcome = { kind: 'none' },
  values: ExportValues = defaultValues(request),
) {
  const organisation = organisationOf(request);
  const db = dbOf(request);
  const versions = await listVersions(db, organisation.id, {
    kind: subject.kind,
    subjectId: subject.subjectId,
  });
  const made = versions.find((v) => String(v.id) === request.query.made);
  const shown: ExportOutcome = outcome.kind === 'none' && made ? { kind: 'made', version: made } : outcome;
  const status = outcome.kind === 'invalid' ? 400 : outcome.kind === 'failed' ? 503 : 200;
  const page = exportPage(pageContext(request), {
    ...subject.page,
    action: request.url.split('?')[0] ?? request.url,
    values,
    outcome: shown,
    versions,
  });
  return reply.code(status).type(contentTypes.html).send(page);
}

/**
 * Checks the form, makes the version, and sends the browser to the page that offers it. A failed
 * render is logged and answered with the form again (the choices kept) and a retry button, not a 500.
 */
export async function handleExport(
  request: FastifyRequest<{ Querystring: { made?: string } }>,
  reply: FastifyReply,
  subject: ExportSubject,
) {
  const organisation = organisationOf(request);
  const t = documentsMessage.for(request.locale);
  const values = { format: formValue(request.body, 'format'), language: formValue(request.body, 'language') };
  const check = new FormChecker(request.locale)
    .oneOf('format', t('export.format'), values.format, documentFormats)
    .oneOf('language', t('export.language'), values.language, ['nl', 'en']);
  const format = documentFormats.find((f) => f === values.format);
  const locale = isLocale(values.language) ? values.language : undefined;
  if (!check.isValid || !format || !locale || !request.user)
    return showExportPage(request, reply, subject, { kind: 'invalid', errors: check.errors }, values);
  try {
    const made = await exportDocument(dbOf(request), {
      organisation,
      kind: subject.kind,
      subjectId: subject.subjectId,
      format,
      actor: { id: request.user.id, name: request.user.name },
      build: (version, createdAt) => subject.build(locale, version, createdAt),
      runner: workersOf(request),
    });
    const path = request.url.split('?')[0] ?? request.url;
    return reply.redirect(`${path}?made=${made.id}`, 303);
  } catch (error) {
    // The pool is full or the work ran out of time: the error page asks to try again in a minute.
    if (error instanceof HttpError) throw error;
    request.log.error(
      { err: error, kind: subject.kind, subjectId: subject.subjectId },
      'document export failed',
    );
    return showExportPage(request, reply, subject, { kind: 'failed' }, values);
  }
}

function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`;
}

export function sendVersion(
  reply: FastifyReply,
  version: { format: DocumentFormat; fileName: string; data: Buffer },
) {
  return reply
    .type(contentTypes[version.format])
    .header('content-disposition', contentDisposition(version.fileName))
    .header('cache-control', 'private, no-store')
    .send(version.data);
}

export function registerDocumentRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };

  app.get<{ Params: { code: string } }>('/o/:code/documents', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const page = documentsPage(pageContext(request), {
      organisation,
      versions: await listVersions(db, organisation.id),
      subjectHref: (v) => subjectHref(organisation.code, v),
    });
    return reply.type(contentTypes.html).send(page);
  });

  app.get<DocumentParams>('/o/:code/documents/:documentId', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const version = await findVersion(db, organisation.id, idParam(request.params.documentId));
    if (!version) throw notFound();
    return sendVersion(reply, version);
  });
}
