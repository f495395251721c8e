import { latestTaskMaturity } from '../scan/index.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { pageContext } from '../../core/render/layout.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { getFramework, latestFrameworkVersion, localise, type Framework } from '../framework/index.ts';
import { activeStrategyOf, strategyVersionOf, type StrategyParams } from './strategy-context.ts';
import { strategyMessage } from './strategy.messages.ts';
import type { StrategyFields } from './strategy.model.ts';
import { lastStrategyEditor, listStrategyVersions } from './strategy.queries.ts';
import { evaluateStrategy } from './strategy-roadmap.ts';
import { createStrategy, getActiveStrategy, startNewVersion, updateStrategy } from './strategy.service.ts';
import { strategyFormPage, type StrategyFormData, type StrategyFormValues } from './strategy-form.views.ts';
import { newVersionPage, strategyPage, versionsPage } from './strategy.views.ts';
import { organisationOf, userIdOf, dbOf } from '../../core/http/context.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type Key = Parameters<typeof strategyMessage>[1];

function readValues(body: unknown, framework: Framework): StrategyFormValues {
  const chosenTasks = framework.societalTasks
    .map((s) => s.id)
    .filter((id) => formValue(body, `task.${id}`) !== '');
  const ambitions = Object.fromEntries(
    framework.societalTasks.map((s) => [s.id, formValue(body, `ambition.${s.id}`)]),
  );
  return {
    title: formValue(body, 'title'),
    startYear: formValue(body, 'startYear'),
    endYear: formValue(body, 'endYear'),
    vision: formValue(body, 'vision'),
    chosenTasks,
    ambitions,
    version: formValue(body, 'version'),
  };
}

function isYear(text: string): boolean {
  return /^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100;
}

export function checkStrategyForm(
  locale: Locale,
  framework: Framework,
  v: StrategyFormValues,
): { fields?: StrategyFields; errors: FieldErrors } {
  const t = strategyMessage.for(locale);
  const form = new FormChecker(locale).required('title', t('field.title'), v.title);
  if (!isYear(v.startYear))
    form.add('startYear', t('field.year.invalid', { label: t('field.startYear').toLowerCase() }));
  if (!isYear(v.endYear))
    form.add('endYear', t('field.year.invalid', { label: t('field.endYear').toLowerCase() }));
  else if (isYear(v.startYear) && Number(v.endYear) < Number(v.startYear))
    form.add('endYear', t('field.endYear.beforeStart'));
  if (v.vision.length > 20_000) form.add('vision', t('field.vision'));
  for (const id of v.chosenTasks) {
    const task = framework.societalTasks.find((s) => s.id === id);
    if ((v.ambitions[id] ?? '') === '' && task)
      form.add(`ambition.${id}`, t('field.ambition.missing', { task: localise(task.title, locale) }));
  }
  if (!form.isValid) return { errors: form.errors };
  return {
    errors: {},
    fields: {
      title: v.title,
      startYear: Number(v.startYear),
      endYear: Number(v.endYear),
      vision: v.vision,
      tasks: v.chosenTasks.map((taskId) => ({ taskId, ambition: v.ambitions[taskId] ?? '' })),
    },
  };
}

function valuesOf(fields: StrategyFields, version: number): StrategyFormValues {
  return {
    title: fields.title,
    startYear: String(fields.startYear),
    endYear: String(fields.endYear),
    vision: fields.vision,
    chosenTasks: fields.tasks.map((x) => x.taskId),
    ambitions: Object.fromEntries(fields.tasks.map((x) => [x.taskId, x.ambition])),
    version: String(version),
  };
}

async function sendForm(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  data: Omit<StrategyFormData, 'organisation' | 'taskMaturity'>,
) {
  const organisation = organisationOf(request);
  // The position per task, beside the choice of tasks: what each would ask of the foundation.
  const taskMaturity = await latestTaskMaturity(dbOf(request), organisation.id);
  return reply
    .code(status)
    .type(contentTypes.html)
    .send(strategyFormPage(pageContext(request), { organisation, ...data, taskMaturity }));
}

function conflictRows(locale: Locale, yours: StrategyFields, stored: StrategyFields) {
  const t = strategyMessage.for(locale);
  const text = (f: StrategyFields) => ({
    [t('field.title')]: f.title,
    [t('field.startYear')]: String(f.startYear),
    [t('field.endYear')]: String(f.endYear),
    [t('field.vision')]: f.vision,
    [t('field.tasks')]: f.tasks.map((x) => `${x.taskId}: ${x.ambition}`).join('; '),
  });
  const a = text(yours);
  const b = text(stored);
  return Object.keys(a)
    .filter((k) => a[k] !== b[k])
    .map((field) => ({ field, yours: a[field] ?? '', stored: b[field] ?? '' }));
}

export function registerStrategyRoutes(app: FastifyInstance): void {
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };

  app.get<{ Params: { code: string }; Querystring: { notice?: string } }>(
    '/o/:code/strategy',
    viewer,
    async (request, reply) => {
      const organisation = organisationOf(request);
      const strategy = await getActiveStrategy(dbOf(request), organisation.id);
      const evaluation = strategy ? await evaluateStrategy(dbOf(request), strategy) : null;
      const notices: Record<string, Key> = {
        saved: 'strategySaved',
        deleted: 'actionDeleted',
        versioned: 'newVersion.done',
      };
      const key = notices[request.query.notice ?? ''];
      const notice = key
        ? strategyMessage(request.locale, key, { number: strategy?.versionNumber ?? '' })
        : undefined;
      return reply
        .type(contentTypes.html)
        .send(strategyPage(pageContext(request), { organisation, strategy, evaluation, notice }));
    },
  );

  app.get('/o/:code/strategy/new', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    if (await getActiveStrategy(dbOf(request), organisation.id))
      return reply.redirect(`/o/${organisation.code}/strategy/edit`, 303);
    const year = new Date().getFullYear();
    const values = valuesOf({ title: '', startYear: year, endYear: year + 3, vision: '', tasks: [] }, 0);
    return sendForm(request, reply, 200, {
      framework: getFramework(latestFrameworkVersion()),
      values,
      errors: {},
      isNew: true,
    });
  });

  app.post('/o/:code/strategy', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const framework = getFramework(latestFrameworkVersion());
    const values = readValues(request.body, framework);
    const { fields, errors } = checkStrategyForm(request.locale, framework, values);
    if (!fields) return sendForm(request, reply, 400, { framework, values, errors, isNew: true });
    const result = await createStrategy(dbOf(request), {
      organisationId: organisation.id,
      actorUserId: userIdOf(request),
      fields,
    });
    if (!result.ok)
      return sendForm(request, reply, 409, {
        framework,
        values,
        errors: { title: strategyMessage(request.locale, 'strategy.exists') },
        isNew: true,
      });
    return reply.redirect(`/o/${organisation.code}/strategy?notice=saved`, 303);
  });

  app.get('/o/:code/strategy/edit', editor, async (request, reply) => {
    const { strategy } = await activeStrategyOf(request);
    const framework = getFramework(strategy.frameworkVersion);
    return sendForm(request, reply, 200, {
      framework,
      values: valuesOf(strategy, strategy.version),
      errors: {},
      isNew: false,
    });
  });

  app.post('/o/:code/strategy/edit', editor, async (request, reply) => {
    const { organisation, strategy } = await activeStrategyOf(request);
    const framework = getFramework(strategy.frameworkVersion);
    const values = readValues(request.body, framework);
    const { fields, errors } = checkStrategyForm(request.locale, framework, values);
    if (!fields) return sendForm(request, reply, 400, { framework, values, errors, isNew: false });
    const result = await updateStrategy(dbOf(request), {
      organisationId: organisation.id,
      strategyId: strategy.id,
      actorUserId: userIdOf(request),
      expectedVersion: Number(values.version),
      fields,
    });
    if (result.ok) return reply.redirect(`/o/${organisation.code}/strategy?notice=saved`, 303);
    if (result.problem !== 'conflict') return reply.redirect(`/o/${organisation.code}/strategy`, 303);
    const name = await lastStrategyEditor(dbOf(request), strategy.id);
    const conflict = { name, rows: conflictRows(request.locale, fields, result.stored) };
    // The next save is a deliberate overwrite: it names the stored version the user has now seen.
    const next = { ...values, version: String(result.storedVersion) };
    return sendForm(request, reply, 409, { framework, values: next, errors: {}, isNew: false, conflict });
  });

  app.get('/o/:code/strategy/new-version', editor, async (request, reply) => {
    const { organisation, strategy } = await activeStrategyOf(request);
    return reply.type(contentTypes.html).send(newVersionPage(pageContext(request), organisation, strategy));
  });

  app.post('/o/:code/strategy/new-version', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    await startNewVersion(dbOf(request), { organisationId: organisation.id, actorUserId: userIdOf(request) });
    return reply.redirect(`/o/${organisation.code}/strategy?notice=versioned`, 303);
  });

  app.get('/o/:code/strategy/versions', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const items = await listStrategyVersions(dbOf(request), organisation.id);
    return reply.type(contentTypes.html).send(versionsPage(pageContext(request), organisation, items));
  });

  app.get<StrategyParams>('/o/:code/strategy/versions/:strategyId', viewer, async (request, reply) => {
    const { organisation, strategy } = await strategyVersionOf(request);
    if (strategy.status === 'active') return reply.redirect(`/o/${organisation.code}/strategy`, 303);
    const evaluation = await evaluateStrategy(dbOf(request), strategy);
    return reply
      .type(contentTypes.html)
      .send(strategyPage(pageContext(request), { organisation, strategy, evaluation }));
  });
}
