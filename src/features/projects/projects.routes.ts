import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { hasRole } from '../../core/http/access.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { sharingModeOf } from '../sharing/index.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import { mapProvinceCode } from './map.routes.ts';
import { projectsMessage } from './projects.messages.ts';
import {
  findOwnProject,
  municipalitiesOfProvince,
  organisationsByCode,
  ownProjects,
} from './projects.queries.ts';
import { createProject, deleteProject, importActions } from './projects.service.ts';
import { projectStatuses, type ProjectStatus } from './projects.tables.ts';
import { formValues } from '../../core/http/forms.ts';
import {
  deleteProjectPage,
  frameworkChoices,
  importPage,
  newProjectPage,
  ownProjectsPage,
  type ProjectFormValues,
} from './projects.views.ts';
import { organisationOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type OrgParams = { Params: { code: string; id?: string }; Querystring: { notice?: string; count?: string } };
const isStatus = (v: string): v is ProjectStatus => projectStatuses.some((s) => s === v);

function readForm(body: unknown): ProjectFormValues {
  return {
    title: formValue(body, 'title'),
    municipalities: formValues(body, 'municipalities'),
    theme: formValue(body, 'theme'),
    task: formValue(body, 'task'),
    status: formValue(body, 'status'),
    partners: formValue(body, 'partners'),
    link: formValue(body, 'link'),
  };
}

function checkForm(request: FastifyRequest, v: ProjectFormValues, known: string[]): FieldErrors {
  const t = projectsMessage.for(request.locale);
  const { themes, tasks } = frameworkChoices(request.locale);
  const form = new FormChecker(request.locale);
  form.required('title', t('field.title'), v.title, 200);
  form.oneOf(
    'theme',
    t('field.theme'),
    v.theme,
    themes.map((c) => c.value),
  );
  form.oneOf(
    'task',
    t('field.task'),
    v.task,
    tasks.map((c) => c.value),
  );
  form.oneOf('status', t('field.status'), v.status, projectStatuses);
  if (v.partners.length > 500) form.add('partners', t('field.partners'));
  if (v.link && !/^https?:\/\/\S+$/.test(v.link)) form.add('link', t('field.link.invalid'));
  if (v.municipalities.length === 0 || v.municipalities.some((c) => !known.includes(c))) {
    form.add('municipalities', t('field.municipalities.none'));
  }
  return form.errors;
}

export function registerProjectRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };
  const municipalities = () => municipalitiesOfProvince(db, mapProvinceCode);

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: ProjectFormValues,
    errors: FieldErrors,
  ) {
    const page = newProjectPage(pageContext(request), {
      organisation: organisationOf(request),
      municipalities: await municipalities(),
      values,
      errors,
    });
    return reply
      .code(Object.keys(errors).length > 0 ? 422 : 200)
      .type(contentTypes.html)
      .send(page);
  }

  app.get<OrgParams>('/o/:code/projects', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const { notice, count } = request.query;
    const t = (key: Parameters<typeof projectsMessage>[1]) =>
      projectsMessage(request.locale, key, { count: Number(count) || 0 });
    const notices = new Map([
      ['created', t('done.created')],
      ['deleted', t('done.deleted')],
      ['imported', projectsMessage.for(request.locale).plural('done.imported', Number(count) || 0)],
    ]);
    const page = ownProjectsPage(pageContext(request), {
      organisation,
      projects: await ownProjects(db, organisation.id),
      mode: (await sharingModeOf(db, organisation.id)).mode,
      notice: notice ? notices.get(notice) : undefined,
      canEdit: hasRole(organisation.role, 'editor'),
      hasStrategy: (await getActiveStrategy(db, organisation.id)) !== null,
    });
    return reply.type(contentTypes.html).send(page);
  });

  app.get<OrgParams>('/o/:code/projects/new', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const own = organisation.kind === 'municipality' ? [organisation.code] : [];
    return renderForm(
      request,
      reply,
      { title: '', municipalities: own, theme: '', task: '', status: 'running', partners: '', link: '' },
      {},
    );
  });

  app.post<OrgParams>('/o/:code/projects', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const values = readForm(request.body);
    const known = (await municipalities()).map((m) => m.code);
    const errors = checkForm(request, values, known);
    if (Object.keys(errors).length > 0 || !isStatus(values.status))
      return renderForm(request, reply, values, errors);
    const ids = (await organisationsByCode(db, values.municipalities)).map((m) => m.id);
    const input = {
      ...values,
      status: values.status,
      link: values.link || null,
      sourceActionId: null,
      municipalityIds: ids,
    };
    await createProject(db, organisation.id, input, request.user?.id ?? null);
    return reply.redirect(`/o/${organisation.code}/projects?notice=created`, 303);
  });

  app.post<OrgParams>('/o/:code/projects/:id/delete', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const project = await findOwnProject(db, organisation.id, idParam(request.params.id));
    if (!project) throw notFound();
    if (formValue(request.body, 'confirm') !== 'yes') {
      return reply
        .type(contentTypes.html)
        .send(deleteProjectPage(pageContext(request), { organisation, project }));
    }
    await deleteProject(db, organisation.id, project.id, request.user?.id ?? null);
    return reply.redirect(`/o/${organisation.code}/projects?notice=deleted`, 303);
  });

  async function importableActions(organisation: OrganisationScope) {
    const strategy = await getActiveStrategy(db, organisation.id);
    const taken = new Set((await ownProjects(db, organisation.id)).map((p) => p.sourceActionId));
    return (strategy?.actions ?? []).filter(
      (a) => a.status !== 'stopped' && a.taskIds.length > 0 && !taken.has(String(a.id)),
    );
  }

  app.get<OrgParams>('/o/:code/projects/from-strategy', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const actions = await importableActions(organisation);
    return reply.type(contentTypes.html).send(importPage(pageContext(request), { organisation, actions }));
  });

  app.post<OrgParams>('/o/:code/projects/from-strategy', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const actions = await importableActions(organisation);
    const chosen = new Set(formValues(request.body, 'actions'));
    const picked = actions.filter((a) => chosen.has(String(a.id)));
    if (picked.length === 0) {
      const error = projectsMessage(request.locale, 'import.choose');
      return reply
        .code(422)
        .type(contentTypes.html)
        .send(importPage(pageContext(request), { organisation, actions, error }));
    }
    const own = organisation.kind === 'municipality' ? [organisation.id] : [];
    const count = await importActions(db, organisation.id, picked, own, request.user?.id ?? null);
    return reply.redirect(`/o/${organisation.code}/projects?notice=imported&count=${count}`, 303);
  });
}
