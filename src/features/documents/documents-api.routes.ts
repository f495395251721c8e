import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiFileResponses, apiPrefix, apiResponses } from '../../core/http/api.ts';
import { cursorAfter, pageOf, PageQuery, sendPage, sendVersioned } from '../../core/http/api-resources.ts';
import { mediaTypes } from '../../core/http/content-types.ts';
import { organisationOf } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { sendVersion } from './documents.routes.ts';
import { findVersion, versionsBefore, type VersionRow } from './documents.queries.ts';
import { documentFormats, documentKinds } from './documents.tables.ts';

const DocumentVersion = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.String({
      enum: [...documentKinds],
      description: 'What it is of: the strategy, a scan’s results or a council letter',
    }),
    subjectId: Type.Integer({ description: 'The strategy’s, scan’s or council letter’s id' }),
    version: Type.Integer({ description: 'The subject’s document version: 1, 2, … per export' }),
    format: Type.String({ enum: [...documentFormats] }),
    mediaType: Type.String({ example: mediaTypes.pdf }),
    title: Type.String(),
    fileName: Type.String(),
    language: Type.String({ example: 'nl', description: 'The language it was written in' }),
    sizeBytes: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    file: Type.String({ format: 'uri-reference', description: 'Where the file is downloaded' }),
  },
  { $id: 'DocumentVersion' },
);
const DocumentVersionPage = pageOf(Type.Ref(DocumentVersion), 'DocumentVersionPage');
const OrgParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' }),
});
const DocumentParams = Type.Object({ ...OrgParams.properties, documentId: Type.Integer({ minimum: 1 }) });
const ListQuery = Type.Object({
  ...PageQuery.properties,
  kind: Type.Optional(Type.String({ enum: [...documentKinds], description: 'Only documents of this kind' })),
});
type DocumentRequest = FastifyRequest<{ Params: Static<typeof DocumentParams> }>;

const common = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['documents'],
  security: [{ organisationToken: [] }],
});

/**
 * The documents an organisation made, read with a token that reaches documents: each stored version
 * as the documents page lists it, and its file as the page's download link gives it. A version
 * never changes once made, so its ETag is fixed.
 */
export function registerDocumentApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of [DocumentVersion, DocumentVersionPage]) app.addSchema(schema);
  const route = { config: { access: access.organisationApi('documents') } };
  const base = `${apiPrefix}/organisations/:code/documents`;
  const errors = [400, 401, 403, 404] as const;

  const asJson = (v: VersionRow, code: string) => ({
    id: v.id,
    kind: v.kind,
    subjectId: v.subjectId,
    version: v.version,
    format: v.format,
    mediaType: mediaTypes[v.format],
    title: v.title,
    fileName: v.fileName,
    language: v.locale,
    sizeBytes: v.sizeBytes,
    createdAt: v.createdAt.toISOString(),
    file: `${apiPrefix}/organisations/${code}/documents/${v.id}/file`,
  });

  app.get(
    base,
    {
      ...route,
      schema: {
        ...common('List the documents', 'listDocuments', 'Every stored version, newest first.'),
        params: OrgParams,
        querystring: ListQuery,
        response: apiResponses('A page of document versions', Type.Ref(DocumentVersionPage), [...errors], {
          headers: ['Link'],
        }),
      },
    },
    async (
      request: FastifyRequest<{ Params: Static<typeof OrgParams>; Querystring: Static<typeof ListQuery> }>,
      reply,
    ) => {
      const organisation = organisationOf(request);
      const size = request.query.pageSize ?? 20;
      const kind = documentKinds.find((k) => k === request.query.kind);
      const rows = await versionsBefore(
        db,
        organisation.id,
        cursorAfter(request.query.cursor),
        size + 1,
        kind,
      );
      return sendPage(
        request,
        reply,
        rows.map((v) => asJson(v, organisation.code)),
        size,
      );
    },
  );

  app.get(
    `${base}/:documentId`,
    {
      ...route,
      schema: {
        ...common('Get a document version', 'getDocument', 'What it is, and where its file is.'),
        params: DocumentParams,
        response: apiResponses('The document version', Type.Ref(DocumentVersion), [...errors], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: DocumentRequest, reply) => {
      const organisation = organisationOf(request);
      const version = await findVersion(db, organisation.id, request.params.documentId);
      if (!version) throw notFound();
      return sendVersioned(request, reply, 1, asJson(version, organisation.code));
    },
  );

  app.get(
    `${base}/:documentId/file`,
    {
      ...route,
      schema: {
        ...common(
          'Download a document version',
          'downloadDocument',
          'The stored file, with its media type (DOCX, PDF or ODT).',
        ),
        params: DocumentParams,
        response: apiFileResponses(
          'The file',
          documentFormats.map((f) => mediaTypes[f]),
          [...errors],
        ),
      },
    },
    async (request: DocumentRequest, reply) => {
      const version = await findVersion(db, organisationOf(request).id, request.params.documentId);
      if (!version) throw notFound();
      return sendVersion(reply, version);
    },
  );
}
