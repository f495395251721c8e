import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiFileResponses, apiPrefix, apiResponses } from '../../core/http/api.ts';
import {
  cursorAfter,
  etagOf,
  invalidInput,
  PageQuery,
  preconditionFailed,
  requireIfMatch,
  sendPage,
  sendVersioned,
} from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import {
  apiFieldNames,
  attachmentMediaTypes,
  AttachmentParams,
  formValuesFromBody,
  OrgParams,
  Practice,
  PracticeInput,
  PracticePage,
  PracticeParams,
  PracticeSummary,
  practiceJson,
  type PracticeInputBody,
} from './practices-api.schemas.ts';
import { checkPracticeForm } from './practices-form.ts';
import { practiceMessage } from './practices.messages.ts';
import { findAttachment, findPractice, listOrganisationPractices } from './practices.queries.ts';
import {
  createPractice,
  updatePractice,
  type PracticeInput as Input,
  type SaveResult,
} from './practices.service.ts';

type PracticeRequest = FastifyRequest<{ Params: Static<typeof PracticeParams>; Body: PracticeInputBody }>;

const common = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['practices'],
  security: [{ organisationToken: [] }],
});

/**
 * An organisation's practices through the API, drafts included: read with a token that reaches
 * practices, added and changed with a read-write one through the form's checks and the form's
 * services. Attachments are downloaded here and uploaded or removed in
 * practices-attachments-api.routes.ts; a practice is published or withdrawn on the web.
 */
export function registerPracticeApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of [Practice, PracticeSummary, PracticePage, PracticeInput]) app.addSchema(schema);
  const route = { config: { access: access.organisationApi('practices') } };
  const base = `${apiPrefix}/organisations/:code/practices`;
  const errors = [400, 401, 403, 404] as const;

  async function ownPractice(request: FastifyRequest<{ Params: { practiceId: number } }>) {
    const practice = await findPractice(db, request.params.practiceId);
    if (!practice || practice.organisationId !== organisationOf(request).id) throw notFound();
    return practice;
  }

  function inputOf(request: PracticeRequest): Input {
    const { input, errors } = checkPracticeForm(request.locale, formValuesFromBody(request.body));
    if (!input)
      throw invalidInput(
        Object.fromEntries(Object.entries(errors).map(([k, v]) => [apiFieldNames[k] ?? k, String(v)])),
      );
    return input;
  }

  async function saved(request: PracticeRequest, result: SaveResult) {
    if (!result.ok) {
      if (result.problem === 'contact')
        throw invalidInput({ contactUserId: practiceMessage(request.locale, 'field.contact.invalid') });
      if (result.problem === 'conflict') {
        const stored = await findPractice(db, request.params.practiceId);
        if (stored) throw preconditionFailed(stored.version);
      }
      throw notFound();
    }
    const practice = await findPractice(db, result.practiceId);
    if (!practice) throw notFound();
    return practiceJson(practice, organisationOf(request).code);
  }

  app.get(
    base,
    {
      ...route,
      schema: {
        ...common('List the practices', 'listPractices', 'Every practice of the organisation, drafts too.'),
        params: OrgParams,
        querystring: PageQuery,
        response: apiResponses('A page of practices', Type.Ref(PracticePage), [...errors], {
          headers: ['Link'],
        }),
      },
    },
    async (
      request: FastifyRequest<{ Params: Static<typeof OrgParams>; Querystring: Static<typeof PageQuery> }>,
      reply,
    ) => {
      const after = cursorAfter(request.query.cursor);
      const size = request.query.pageSize ?? 20;
      const rows = (await listOrganisationPractices(db, organisationOf(request).id))
        .filter((p) => p.id > after)
        .sort((a, b) => a.id - b.id)
        .slice(0, size + 1);
      const items = rows.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() }));
      return sendPage(request, reply, items, size);
    },
  );

  app.post(
    base,
    {
      ...route,
      schema: {
        ...common('Add a practice', 'createPractice', 'Needs a read-write token; it starts as a draft.'),
        params: OrgParams,
        body: Type.Ref(PracticeInput),
        response: apiResponses('The new practice', Type.Ref(Practice), [...errors, 422], {
          status: 201,
          headers: ['ETag', 'Location'],
        }),
      },
    },
    async (request: PracticeRequest, reply) => {
      const result = await createPractice(db, {
        organisationId: organisationOf(request).id,
        actorId: null,
        input: inputOf(request),
        attachments: [],
      });
      const practice = await saved(request, result);
      return reply
        .code(201)
        .header('Location', `${request.url.split('?')[0]}/${practice.id}`)
        .header('ETag', etagOf(practice.version))
        .send(practice);
    },
  );

  app.get(
    `${base}/:practiceId`,
    {
      ...route,
      schema: {
        ...common('Get a practice', 'getPractice', 'With its attachments’ descriptions and its ETag.'),
        params: PracticeParams,
        response: apiResponses('The practice', Type.Ref(Practice), [...errors], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: PracticeRequest, reply) => {
      const practice = await ownPractice(request);
      return sendVersioned(
        request,
        reply,
        practice.version,
        practiceJson(practice, organisationOf(request).code),
      );
    },
  );

  app.put(
    `${base}/:practiceId`,
    {
      ...route,
      schema: {
        ...common(
          'Replace a practice',
          'replacePractice',
          'Needs a read-write token and If-Match; its status and attachments stay as they are.',
        ),
        params: PracticeParams,
        body: Type.Ref(PracticeInput),
        response: apiResponses('The practice as saved', Type.Ref(Practice), [...errors, 412, 422, 428], {
          headers: ['ETag'],
        }),
      },
    },
    async (request: PracticeRequest, reply) => {
      const current = await ownPractice(request);
      const version = requireIfMatch(request, current.version);
      const result = await updatePractice(db, {
        practiceId: current.id,
        organisationId: current.organisationId,
        actorId: null,
        expectedVersion: version,
        input: inputOf(request),
        attachments: [],
        removeAttachmentIds: [],
      });
      const practice = await saved(request, result);
      return reply.header('ETag', etagOf(practice.version)).send(practice);
    },
  );

  app.get(
    `${base}/:practiceId/attachments/:attachmentId`,
    {
      ...route,
      schema: {
        ...common(
          'Download an attachment',
          'downloadPracticeAttachment',
          'The file, with its detected type.',
        ),
        params: AttachmentParams,
        response: apiFileResponses('The attachment', attachmentMediaTypes, [...errors]),
      },
    },
    async (request: FastifyRequest<{ Params: Static<typeof AttachmentParams> }>, reply) => {
      const practice = await ownPractice(request);
      const file = await findAttachment(db, practice.id, request.params.attachmentId);
      if (!file) throw notFound();
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );
}
