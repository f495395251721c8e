import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { formValue, formValues } from '../../core/http/forms.ts';
import { formFiles } from '../../core/http/uploads.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import {
  checkAttachments,
  checkPracticeForm,
  formValuesOf,
  readPracticeForm,
  type PracticeFormValues,
} from './practices-form.ts';
import { practiceFormPage, type PracticeFormData } from './practices-form.views.ts';
import { practiceMessage, type PracticeKey } from './practices.messages.ts';
import {
  consentingMembers,
  findPractice,
  listOrganisationPractices,
  type PracticeDetail,
} from './practices.queries.ts';
import { createPractice, setPracticeStatus, updatePractice, type SaveProblem } from './practices.service.ts';
import { organisationPracticesPage, withdrawPage } from './practices.views.ts';
import { hasRole } from '../../core/http/access.ts';
import { organisationOf, userIdOf, dbOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type PracticeParams = { Params: { code: string; practiceId: string } };

/** The route's practice, only when it belongs to the route's organisation. */
async function ownPracticeOf(request: FastifyRequest<PracticeParams>): Promise<PracticeDetail> {
  const organisation = organisationOf(request);
  const id = idParam(request.params.practiceId);
  const practice = await findPractice(dbOf(request), id);
  if (!practice || practice.organisationId !== organisation.id) throw notFound();
  return practice;
}

async function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  o: Omit<PracticeFormData, 'organisation' | 'contacts' | 'attachments'> & {
    practice?: PracticeDetail;
    status?: number;
  },
) {
  const organisation = organisationOf(request);
  const contacts = await consentingMembers(dbOf(request), organisation.id);
  const { practice, status, ...rest } = o;
  const page = practiceFormPage(pageContext(request), {
    ...rest,
    organisation,
    contacts,
    attachments: practice?.attachments ?? [],
  });
  return reply
    .code(status ?? 200)
    .type(contentTypes.html)
    .send(page);
}

const problemFields: Record<Exclude<SaveProblem, 'conflict' | 'notFound'>, [string, PracticeKey]> = {
  contact: ['contact', 'field.contact.invalid'],
  tooManyAttachments: ['attachments', 'field.attachments.tooMany'],
};

/** Checks text and files; on a problem returns the errors to show, otherwise what to save. */
async function checkSubmission(request: FastifyRequest) {
  const values = readPracticeForm(request.body);
  const { input, errors } = checkPracticeForm(request.locale, values);
  const files = await checkAttachments(request.locale, request.body);
  const allErrors: FieldErrors = { ...errors, ...(files.error ? { attachments: files.error } : {}) };
  const filesDropped = formFiles(request.body, 'attachments').length > 0;
  return { values, input, files: files.files, errors: allErrors, filesDropped };
}

function conflictRows(request: FastifyRequest, stored: PracticeDetail, yours: PracticeFormValues) {
  const t = practiceMessage.for(request.locale);
  const fields = ['title', 'summary', 'body', 'results', 'lessons'] as const;
  return fields
    .filter((f) => stored[f] !== yours[f])
    .map((f) => ({ field: t(`field.${f}`), stored: stored[f], yours: yours[f] }));
}

function registerWriteRoutes(
  app: FastifyInstance,
  editor: { config: { access: ReturnType<typeof access.organisation> } },
) {
  const { db } = app.services.database;

  app.get('/o/:code/practices/new', editor, async (request, reply) => {
    const userId = String(userIdOf(request));
    const contacts = await consentingMembers(db, organisationOf(request).id);
    const values: PracticeFormValues = {
      ...readPracticeForm({}),
      periodStart: String(new Date().getFullYear()),
      contact: contacts.some((c) => String(c.id) === userId) ? userId : '',
    };
    return renderForm(request, reply, { values, errors: {} });
  });

  app.post('/o/:code/practices', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const s = await checkSubmission(request);
    if (!s.input || Object.keys(s.errors).length > 0)
      return renderForm(request, reply, {
        values: s.values,
        errors: s.errors,
        filesDropped: s.filesDropped,
        status: 422,
      });
    const result = await createPractice(db, {
      organisationId: organisation.id,
      actorId: userIdOf(request),
      input: s.input,
      attachments: s.files,
    });
    if (!result.ok) {
      const [field, key] = problemFields[result.problem === 'contact' ? 'contact' : 'tooManyAttachments'];
      const errors = { [field]: practiceMessage(request.locale, key) };
      return renderForm(request, reply, {
        values: s.values,
        errors,
        filesDropped: s.filesDropped,
        status: 422,
      });
    }
    return reply.redirect(`/knowledge/practices/${result.practiceId}?notice=saved`, 303);
  });

  app.get<PracticeParams>('/o/:code/practices/:practiceId/edit', editor, async (request, reply) => {
    const practice = await ownPracticeOf(request);
    return renderForm(request, reply, {
      practiceId: practice.id,
      practice,
      values: formValuesOf(practice),
      errors: {},
    });
  });

  app.post<PracticeParams>('/o/:code/practices/:practiceId', editor, async (request, reply) => {
    const practice = await ownPracticeOf(request);
    const s = await checkSubmission(request);
    const base = { practiceId: practice.id, practice, values: s.values, filesDropped: s.filesDropped };
    if (!s.input || Object.keys(s.errors).length > 0)
      return renderForm(request, reply, { ...base, errors: s.errors, status: 422 });
    const result = await updatePractice(db, {
      practiceId: practice.id,
      organisationId: practice.organisationId,
      actorId: userIdOf(request),
      expectedVersion: Number(s.values.version),
      input: s.input,
      attachments: s.files,
      removeAttachmentIds: formValues(request.body, 'removeAttachments')
        .map(Number)
        .filter(Number.isSafeInteger),
    });
    if (result.ok) return reply.redirect(`/knowledge/practices/${practice.id}?notice=saved`, 303);
    if (result.problem === 'conflict') {
      const stored = (await findPractice(db, practice.id)) ?? practice;
      const values = { ...s.values, version: String(stored.version) };
      const conflict = conflictRows(request, stored, s.values);
      return renderForm(request, reply, {
        ...base,
        practice: stored,
        values,
        conflict,
        errors: {},
        status: 409,
      });
    }
    const [field, key] = problemFields[result.problem === 'contact' ? 'contact' : 'tooManyAttachments'];
    return renderForm(request, reply, {
      ...base,
      errors: { [field]: practiceMessage(request.locale, key) },
      status: 422,
    });
  });
}

function registerStatusRoutes(
  app: FastifyInstance,
  editor: { config: { access: ReturnType<typeof access.organisation> } },
) {
  const { db } = app.services.database;

  app.post<PracticeParams>('/o/:code/practices/:practiceId/publish', editor, async (request, reply) => {
    const practice = await ownPracticeOf(request);
    const audience = formValue(request.body, 'audience') === 'public' ? 'public' : 'network';
    await setPracticeStatus(db, {
      practiceId: practice.id,
      organisationId: practice.organisationId,
      actorId: userIdOf(request),
      status: audience,
    });
    return reply.redirect(`/knowledge/practices/${practice.id}?notice=published`, 303);
  });

  app.get<PracticeParams>('/o/:code/practices/:practiceId/withdraw', editor, async (request, reply) => {
    const practice = await ownPracticeOf(request);
    return reply.type(contentTypes.html).send(withdrawPage(pageContext(request), practice));
  });

  app.post<PracticeParams>('/o/:code/practices/:practiceId/withdraw', editor, async (request, reply) => {
    const practice = await ownPracticeOf(request);
    await setPracticeStatus(db, {
      practiceId: practice.id,
      organisationId: practice.organisationId,
      actorId: userIdOf(request),
      status: 'withdrawn',
    });
    return reply.redirect(`/knowledge/practices/${practice.id}?notice=withdrawn`, 303);
  });
}

export function registerPracticeRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };

  app.get('/o/:code/practices', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const rows = await listOrganisationPractices(db, organisation.id);
    const page = organisationPracticesPage(pageContext(request), {
      organisation,
      canWrite: hasRole(organisation.role, 'editor'),
      rows,
    });
    return reply.type(contentTypes.html).send(page);
  });

  registerWriteRoutes(app, editor);
  registerStatusRoutes(app, editor);
}
