import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiDeleteResponses, apiPrefix, apiResponses } from '../../core/http/api.ts';
import { etagOf, invalidInput, preconditionFailed, requireIfMatch } from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { HttpError, notFound } from '../../core/http/errors.ts';
import { maxUploadBytes } from '../../core/http/uploads.ts';
import { AttachmentParams, Practice, practiceJson, PracticeParams } from './practices-api.schemas.ts';
import { checkAttachments } from './practices-form.ts';
import { practiceMessage } from './practices.messages.ts';
import { findAttachment, findPractice } from './practices.queries.ts';
import { changePracticeAttachments, maxAttachments, type SaveResult } from './practices.service.ts';

/** The upload as OpenAPI describes it; the files are checked by the form's own check, not by this schema. */
const Upload = {
  type: 'object',
  required: ['attachments'],
  properties: {
    attachments: {
      type: 'array',
      minItems: 1,
      maxItems: maxAttachments,
      items: { type: 'string', format: 'binary' },
      description:
        'One or more files, each a part named attachments with its file name: PDF, PNG, JPEG, GIF or ' +
        `WebP by content, at most ${maxUploadBytes / 1024 / 1024} MB each, at most ${maxAttachments} per practice`,
    },
  },
} as const;

/** Ten files of the largest size, with room for the parts' headers. */
const maxRequestBytes = maxAttachments * maxUploadBytes + 1024 * 1024;

type Refusal = Exclude<SaveResult, { ok: true }>;

const common = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['practices'],
  security: [{ organisationToken: [] }],
});

/**
 * Uploading and removing a practice's attachments with a read-write token: the files are checked by
 * the form's check (count, size, type by content) and stored by the form's storage, under the
 * practice's ETag, whose version goes up as it does when the form saves attachments.
 */
export function registerPracticeAttachmentsApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  const route = { config: { access: access.organisationApi('practices') } };
  const path = `${apiPrefix}/organisations/:code/practices/:practiceId/attachments`;

  async function ownPractice(request: FastifyRequest<{ Params: { practiceId: number } }>) {
    const practice = await findPractice(db, request.params.practiceId);
    if (!practice || practice.organisationId !== organisationOf(request).id) throw notFound();
    return practice;
  }

  async function refused(request: FastifyRequest<{ Params: { practiceId: number } }>, result: Refusal) {
    const stored = result.problem === 'conflict' && (await findPractice(db, request.params.practiceId));
    if (stored) return preconditionFailed(stored.version);
    if (result.problem === 'tooManyAttachments')
      return invalidInput({ attachments: practiceMessage(request.locale, 'field.attachments.tooMany') });
    return notFound();
  }

  app.post(
    path,
    {
      ...route,
      // The schema documents the multipart body; the form's check reads the files (see below).
      attachValidation: true,
      // A body larger than ten files of the limit cannot be taken: refused before it is read.
      onRequest: async (request: FastifyRequest) => {
        if (Number(request.headers['content-length'] ?? 0) > maxRequestBytes)
          throw new HttpError(413, practiceMessage(request.locale, 'api.attachments.requestTooLarge'));
      },
      schema: {
        ...common(
          'Upload attachments',
          'uploadPracticeAttachments',
          'Needs a read-write token and If-Match with the practice’s ETag; sent as multipart/form-data. ' +
            'A file that is too large answers 413, one that is not a PDF or image 415, too many 400.',
        ),
        consumes: ['multipart/form-data'],
        params: PracticeParams,
        body: Upload,
        response: apiResponses(
          'The practice with its attachments',
          Type.Ref(Practice),
          [400, 401, 403, 404, 412, 413, 415, 422, 428],
          { status: 201, headers: ['ETag', 'Location'] },
        ),
      },
    },
    async (request: FastifyRequest<{ Params: Static<typeof PracticeParams> }>, reply) => {
      // Files are objects, not the strings the document names: only a refused address is an error.
      if (request.validationError && request.validationError.validationContext !== 'body')
        throw request.validationError;
      const current = await ownPractice(request);
      const version = requireIfMatch(request, current.version);
      const files = await checkAttachments(request.locale, request.body);
      if (files.problem === 'tooLarge') throw new HttpError(413, files.error);
      if (files.problem === 'type') throw new HttpError(415, files.error);
      if (files.error || files.files.length === 0)
        throw invalidInput({
          attachments: files.error ?? practiceMessage(request.locale, 'api.attachments.none'),
        });
      const result = await changePracticeAttachments(db, {
        practiceId: current.id,
        organisationId: current.organisationId,
        actorId: null,
        expectedVersion: version,
        attachments: files.files,
        removeAttachmentIds: [],
      });
      if (!result.ok) throw await refused(request, result);
      const practice = await findPractice(db, current.id);
      if (!practice) throw notFound();
      const json = practiceJson(practice, organisationOf(request).code);
      const added = json.attachments.at(-1);
      return reply
        .code(201)
        .header('Location', added?.file ?? request.url)
        .header('ETag', etagOf(practice.version))
        .send(json);
    },
  );

  app.delete(
    `${path}/:attachmentId`,
    {
      ...route,
      schema: {
        ...common(
          'Remove an attachment',
          'deletePracticeAttachment',
          'Needs a read-write token and If-Match with the practice’s ETag; the practice’s version goes up.',
        ),
        params: AttachmentParams,
        response: apiDeleteResponses([400, 401, 403, 404, 412, 422, 428]),
      },
    },
    async (request: FastifyRequest<{ Params: Static<typeof AttachmentParams> }>, reply) => {
      const current = await ownPractice(request);
      const file = await findAttachment(db, current.id, request.params.attachmentId);
      if (!file) throw notFound();
      const version = requireIfMatch(request, current.version);
      const result = await changePracticeAttachments(db, {
        practiceId: current.id,
        organisationId: current.organisationId,
        actorId: null,
        expectedVersion: version,
        attachments: [],
        removeAttachmentIds: [file.id],
      });
      if (!result.ok) throw await refused(request, result);
      return reply.code(204).send();
    },
  );
}
