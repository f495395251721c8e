import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { formValue } from '../../core/http/forms.ts';
import { formFile } from '../../core/http/uploads.ts';
import { pageContext } from '../../core/render/layout.ts';
import { entryPage } from './registries-entry.views.ts';
import { registryFields } from './registries-fields.ts';
import { entryFormPage, type EntryForm } from './registries-form.views.ts';
import { importFile } from './registries-import.ts';
import { importPage } from './registries-import.views.ts';
import { exportCsv, exportXlsx } from './registries-io.ts';
import { countEntries, findEntry, listEntries, type EntryRow } from './registries.queries.ts';
import { rawFromBody, valueContext } from './registries-context.ts';
import { createEntry, deleteEntry, updateEntry, type SaveResult } from './registries.service.ts';
import { registryKinds, type RegistryKind } from './registries.tables.ts';
import { parseEntry, rawOf, type Raw } from './registries-values.ts';
import { deletePage, listPage, overviewPage } from './registries.views.ts';
import { labelOf, registryPath } from './registries-shared.views.ts';
import { registryMessage } from './registries.messages.ts';
import { entryActions, registerActionLinkRoute } from './registries-actions.ts';
import { organisationOf, userIdOf, dbOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type EntryRequest = FastifyRequest<{ Params: { code: string; id: string } }>;
type NoticeQuery = { Querystring: { notice?: string; name?: string; created?: string; updated?: string } };

export async function entryOf(request: EntryRequest, registry: RegistryKind): Promise<EntryRow> {
  const id = idParam(request.params.id);
  const entry = await findEntry(dbOf(request), organisationOf(request).id, registry, id);
  if (!entry) throw notFound();
  return entry;
}

async function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  form: Omit<EntryForm, 'organisation' | 'contractNames' | 'societalTasks' | 'linkedNames'>,
  status = 200,
) {
  const organisation = organisationOf(request);
  const context = await valueContext(dbOf(request), organisation.id);
  const page = entryFormPage(pageContext(request), {
    ...form,
    organisation,
    contractNames: context.contractNames.filter(
      (name) => form.registry !== 'contracts' || name !== form.entry?.name,
    ),
    societalTasks: context.societalTasks,
    linkedNames: {
      assessments: context.assessmentNames ?? [],
      dataSources: context.dataSourceNames ?? [],
    },
  });
  return reply.code(status).type(contentTypes.html).send(page);
}

function conflictsOf(request: FastifyRequest, registry: RegistryKind, current: EntryRow, typed: Raw) {
  const stored = rawOf(registryFields[registry], current.data);
  return registryFields[registry]
    .filter((f) => (stored[f.key] ?? '') !== (typed[f.key] ?? ''))
    .map((f) => ({
      label: labelOf(request.locale, registry, f.key),
      current: stored[f.key] ?? '',
      typed: typed[f.key] ?? '',
    }));
}

/** Creates or updates from the posted form; re-renders it with the typed values on any problem. */
async function save(
  request: FastifyRequest,
  reply: FastifyReply,
  registry: RegistryKind,
  existing?: EntryRow,
) {
  const db = dbOf(request);
  const organisation = organisationOf(request);
  const t = registryMessage.for(request.locale);
  const values = rawFromBody(registry, request.body);
  const entry = existing ? { id: existing.id, name: existing.name, version: existing.version } : undefined;
  const parsed = parseEntry(
    request.locale,
    registry,
    registryFields[registry],
    values,
    await valueContext(db, organisation.id),
  );
  if (!parsed.ok)
    return renderForm(request, reply, { registry: registry, entry, values, errors: parsed.errors }, 400);
  const input = {
    organisationId: organisation.id,
    registry,
    name: parsed.name,
    data: parsed.data,
    actorUserId: userIdOf(request),
  };
  const version = Number(formValue(request.body, 'version'));
  const result: SaveResult = existing
    ? await updateEntry(db, existing.id, version, input)
    : await createEntry(db, input);
  if (result.ok) {
    const notice = existing ? 'updated' : 'created';
    return reply.redirect(`${registryPath(organisation, registry)}/${result.id}?notice=${notice}`, 303);
  }
  if (result.problem === 'notFound') throw notFound();
  if (result.problem === 'duplicateName')
    return renderForm(
      request,
      reply,
      { registry: registry, entry, values, errors: { name: t('form.duplicateName') } },
      409,
    );
  const fresh = { id: result.current.id, name: result.current.name, version: result.current.version };
  const conflicts = conflictsOf(request, registry, result.current, values);
  return renderForm(request, reply, { registry: registry, entry: fresh, values, errors: {}, conflicts }, 409);
}

function noticeText(request: FastifyRequest<NoticeQuery>): string | undefined {
  const t = registryMessage.for(request.locale);
  const q = request.query;
  if (q.notice === 'created') return t('entry.created');
  if (q.notice === 'updated') return t('entry.updated');
  if (q.notice === 'linked') return t('actions.saved');
  if (q.notice === 'deleted') return t('entry.deleted', { name: q.name ?? '' });
  if (q.notice === 'imported')
    return t('import.done', { created: Number(q.created) || 0, updated: Number(q.updated) || 0 });
  return undefined;
}

function routeContext(app: FastifyInstance, registry: RegistryKind) {
  return {
    db: app.services.database.db,
    viewer: { config: { access: access.organisation('viewer') } },
    editor: { config: { access: access.organisation('editor') } },
    base: `/o/:code/registers/${registry}`,
    fields: registryFields[registry],
  };
}

/** The list, and adding an entry. */
function registerListRoutes(app: FastifyInstance, registry: RegistryKind): void {
  const { db, viewer, editor, base } = routeContext(app, registry);

  app.get<NoticeQuery>(base, viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const entries = await listEntries(db, organisation.id, registry);
    return reply
      .type(contentTypes.html)
      .send(listPage(pageContext(request), organisation, registry, entries, noticeText(request)));
  });

  app.get(`${base}/new`, editor, async (request, reply) =>
    renderForm(request, reply, { registry: registry, values: {}, errors: {} }),
  );
  app.post(base, editor, async (request, reply) => save(request, reply, registry));
}

/** Export as CSV and XLSX, and the all-or-nothing import. */
function registerFileRoutes(app: FastifyInstance, registry: RegistryKind): void {
  const { db, viewer, editor, base, fields } = routeContext(app, registry);

  app.get(`${base}/export.csv`, viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    return reply
      .type(contentTypes.csv)
      .header('content-disposition', `attachment; filename="${registry}-${organisation.code}.csv"`)
      .send(exportCsv(fields, await listEntries(db, organisation.id, registry)));
  });

  app.get(`${base}/export.xlsx`, viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const buffer = await exportXlsx(
      workersOf(request),
      registryMessage.for(request.locale)(`register.${registry}`),
      fields,
      await listEntries(db, organisation.id, registry),
    );
    return reply
      .type(contentTypes.xlsx)
      .header('content-disposition', `attachment; filename="${registry}-${organisation.code}.xlsx"`)
      .send(buffer);
  });

  app.get(`${base}/import`, editor, async (request, reply) =>
    reply.type(contentTypes.html).send(importPage(pageContext(request), organisationOf(request), registry)),
  );

  app.post(`${base}/import`, editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const t = registryMessage.for(request.locale);
    const file = formFile(request.body, 'file');
    const problem = !file ? t('import.noFile') : file.isTooLarge ? t('import.tooLarge') : undefined;
    if (!file || problem)
      return reply
        .code(400)
        .type(contentTypes.html)
        .send(importPage(pageContext(request), organisation, registry, { problem }));
    const scope = { organisationId: organisation.id, registry, actorUserId: userIdOf(request) };
    const outcome = await importFile(
      db,
      request.locale,
      scope,
      file.data,
      await valueContext(db, organisation.id),
      workersOf(request),
    );
    if (!outcome.ok)
      return reply
        .code(422)
        .type(contentTypes.html)
        .send(importPage(pageContext(request), organisation, registry, { errors: outcome.errors }));
    return reply.redirect(
      `${registryPath(organisation, registry)}?notice=imported&created=${outcome.created}&updated=${outcome.updated}`,
      303,
    );
  });
}

/** One entry: read, edit, delete (after confirmation). */
function registerEntryRoutes(app: FastifyInstance, registry: RegistryKind): void {
  const { db, viewer, editor, base, fields } = routeContext(app, registry);
  app.get<{ Params: { code: string; id: string } } & NoticeQuery>(
    `${base}/:id`,
    viewer,
    async (request, reply) => {
      const organisation = organisationOf(request);
      const entry = await entryOf(request, registry);
      const page = entryPage(pageContext(request), {
        organisation,
        registry: registry,
        entry,
        notice: noticeText(request),
        actions: await entryActions(db, organisation.id, entry.id),
      });
      return reply.type(contentTypes.html).send(page);
    },
  );

  app.get<{ Params: { code: string; id: string } }>(`${base}/:id/edit`, editor, async (request, reply) => {
    const entry = await entryOf(request, registry);
    return renderForm(request, reply, {
      registry: registry,
      entry: { id: entry.id, name: entry.name, version: entry.version },
      values: rawOf(fields, entry.data),
      errors: {},
    });
  });

  app.post<{ Params: { code: string; id: string } }>(`${base}/:id`, editor, async (request, reply) =>
    save(request, reply, registry, await entryOf(request, registry)),
  );

  app.get<{ Params: { code: string; id: string } }>(`${base}/:id/delete`, editor, async (request, reply) => {
    const entry = await entryOf(request, registry);
    return reply
      .type(contentTypes.html)
      .send(deletePage(pageContext(request), organisationOf(request), registry, entry));
  });

  app.post<{ Params: { code: string; id: string } }>(`${base}/:id/delete`, editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const entry = await entryOf(request, registry);
    await deleteEntry(db, {
      organisationId: organisation.id,
      registry: registry,
      id: entry.id,
      actorUserId: userIdOf(request),
    });
    const name = encodeURIComponent(entry.name);
    return reply.redirect(`${registryPath(organisation, registry)}?notice=deleted&name=${name}`, 303);
  });
}

export function registerRegistryRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  app.get(
    '/o/:code/registers',
    { config: { access: access.organisation('viewer') } },
    async (request, reply) => {
      const organisation = organisationOf(request);
      return reply
        .type(contentTypes.html)
        .send(overviewPage(pageContext(request), organisation, await countEntries(db, organisation.id)));
    },
  );
  for (const registry of registryKinds) {
    registerListRoutes(app, registry);
    registerFileRoutes(app, registry);
    registerEntryRoutes(app, registry);
    registerActionLinkRoute(app, registry);
  }
}
