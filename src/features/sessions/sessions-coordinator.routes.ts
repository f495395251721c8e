import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readNumber } from '../../core/i18n/dutch-input.ts';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { formValues } from '../../core/http/forms.ts';
import { sessionsMessage } from './sessions.messages.ts';
import { findNetwork, participantsOf, pastSessions, upcomingSessions } from './sessions.queries.ts';
import { announceSession } from './sessions.service.ts';
import { amsterdamToUtc } from './sessions-time.ts';
import { themeChoices } from './sessions.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { sessionOr404, type NetworkParams } from './sessions.routes.ts';
import {
  coordinatorSessionPage,
  coordinatorSessionsPage,
  newSessionPage,
  type SessionFormValues,
} from './sessions-coordinator.views.ts';

const emptyForm: SessionFormValues = {
  title: '',
  description: '',
  date: '',
  startTime: '',
  endTime: '',
  location: '',
  onlineUrl: '',
  capacity: '',
  themes: [],
};

function readForm(body: unknown): SessionFormValues {
  const value = (name: keyof SessionFormValues) => formValue(body, name);
  return {
    title: value('title'),
    description: value('description'),
    date: value('date'),
    startTime: value('startTime'),
    endTime: value('endTime'),
    location: value('location'),
    onlineUrl: value('onlineUrl'),
    capacity: value('capacity'),
    themes: formValues(body, 'themes'),
  };
}

/** Checks the form; on success the instants, converted from Amsterdam wall-clock time. */
function checkForm(request: FastifyRequest, v: SessionFormValues, now: Date) {
  const t = sessionsMessage.for(request.locale);
  const form = new FormChecker(request.locale);
  form.required('title', t('field.title'), v.title, 200);
  if (v.description.length > 10_000) form.add('description', t('field.description'));
  const startsAt = amsterdamToUtc(v.date, v.startTime);
  const endsAt = amsterdamToUtc(v.date, v.endTime);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date) || !amsterdamToUtc(v.date, '12:00'))
    form.add('date', t('field.date.invalid'));
  if (!startsAt)
    form.add('startTime', t('field.time.invalid', { label: t('field.startTime').toLowerCase() }));
  if (!endsAt) form.add('endTime', t('field.time.invalid', { label: t('field.endTime').toLowerCase() }));
  if (startsAt && endsAt && endsAt <= startsAt) form.add('endTime', t('field.endTime.beforeStart'));
  if (startsAt && startsAt <= now) form.add('date', t('field.date.past'));
  if (v.location.length > 300) form.add('location', t('field.location'));
  if (v.onlineUrl && !/^https:\/\/[^\s]+$/.test(v.onlineUrl))
    form.add('onlineUrl', t('field.onlineUrl.invalid'));
  if (!v.location && !v.onlineUrl) form.add('location', t('field.where.none'));
  const capacityReading = readNumber(v.capacity, { decimals: 0, min: 1, max: 10_000 });
  const capacity = capacityReading.ok ? capacityReading.value : 0;
  if (!capacityReading.ok) form.add('capacity', t('field.capacity.invalid'));
  const known = new Set(themeChoices(request.locale).map((c) => c.value));
  const themes = v.themes.filter((id) => known.has(id));
  return { form, startsAt, endsAt, capacity, themes };
}

export function registerCoordinatorRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const rule = { config: { access: access.networkCoordinator } };

  async function networkOr404(request: FastifyRequest<{ Params: { network: string } }>) {
    const network = await findNetwork(db, request.params.network);
    if (!network) throw notFound();
    return network;
  }

  function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { code: string; name: string },
    values: SessionFormValues,
    errors: FieldErrors,
  ) {
    const status = Object.keys(errors).length > 0 ? 422 : 200;
    return reply
      .code(status)
      .type(contentTypes.html)
      .send(newSessionPage(pageContext(request), { network, values, errors }));
  }

  app.get<NetworkParams>('/networks/:network/sessions', rule, async (request, reply) => {
    const network = await networkOr404(request);
    const now = new Date();
    const page = coordinatorSessionsPage(pageContext(request), {
      network,
      upcoming: await upcomingSessions(db, now, network.code),
      past: await pastSessions(db, now, network.code),
      notice: request.query.notice === 'announced' ? sessionsMessage(request.locale, 'new.done') : undefined,
    });
    return reply.type(contentTypes.html).send(page);
  });

  app.get<NetworkParams>('/networks/:network/sessions/new', rule, async (request, reply) =>
    renderForm(request, reply, await networkOr404(request), emptyForm, {}),
  );

  app.post<NetworkParams>('/networks/:network/sessions', rule, async (request, reply) => {
    const network = await networkOr404(request);
    const values = readForm(request.body);
    const { form, startsAt, endsAt, capacity, themes } = checkForm(request, values, new Date());
    if (!form.isValid || !startsAt || !endsAt)
      return renderForm(request, reply, network, values, form.errors);
    const input = {
      networkId: network.id,
      title: values.title,
      description: values.description,
      startsAt,
      endsAt,
      location: values.location || null,
      onlineUrl: values.onlineUrl || null,
      capacity,
      themes,
    };
    await announceSession(db, input, request.user?.id ?? null);
    return reply.redirect(`/networks/${network.code}/sessions?notice=announced`, 303);
  });

  app.get<{ Params: { network: string; id: string } }>(
    '/networks/:network/sessions/:id',
    rule,
    async (request, reply) => {
      const network = await networkOr404(request);
      const session = await sessionOr404(request);
      if (session.networkId !== network.id) throw notFound();
      const participants = await participantsOf(db, session.id);
      return reply
        .type(contentTypes.html)
        .send(coordinatorSessionPage(pageContext(request), { network, session, participants }));
    },
  );
}
