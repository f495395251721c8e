import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { registerJob } from '../../core/jobs.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { calendarFile, type CalendarSession } from './sessions-ics.ts';
import { formValues } from '../../core/render/input-fields.ts';
import { sessionsMessage } from './sessions.messages.ts';
import {
  findNetwork,
  findSession,
  memberOrganisationsIn,
  participantsOf,
  pastSessions,
  registrationOf,
  upcomingSessions,
  type SessionSummary,
} from './sessions.queries.ts';
import {
  announceSession,
  cancelRegistration,
  signUpForSession,
  sendSessionReminders,
} from './sessions.service.ts';
import { amsterdamToUtc } from './sessions-time.ts';
import {
  cancelConfirmPage,
  coordinatorSessionPage,
  coordinatorSessionsPage,
  newSessionPage,
  sessionDetailPage,
  sessionsListPage,
  themeChoices,
  type SessionFormValues,
  type Standing,
} from './sessions.views.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf } from '../../core/http/context.ts';

type IdParams = { Params: { id: string }; Querystring: { notice?: string } };
type NetworkParams = { Params: { network: string; id?: string }; Querystring: { notice?: string } };

async function sessionOr404(request: FastifyRequest<{ Params: { id: string } }>): Promise<SessionSummary> {
  const session = await findSession(dbOf(request), idParam(request.params.id));
  if (!session) throw notFound();
  return session;
}

async function standingOf(request: FastifyRequest, session: SessionSummary): Promise<Standing> {
  const user = request.user;
  if (!user) return { kind: 'anonymous' };
  const db = dbOf(request);
  const registration = await registrationOf(db, session.id, user.id);
  if (registration?.status === 'confirmed') return { kind: 'confirmed' };
  if (registration?.status === 'waiting') return { kind: 'waiting', position: registration.position };
  if (session.startsAt <= new Date()) return { kind: 'past' };
  const ids = user.memberships.map((m) => m.organisationId);
  const inNetwork = await memberOrganisationsIn(db, session.networkId, ids);
  return inNetwork.length > 0 ? { kind: 'open' } : { kind: 'notMember' };
}

const noticeKeys = {
  confirmed: 'done.confirmed',
  waiting: 'done.waiting',
  already: 'done.already',
  cancelled: 'done.cancelled',
  past: 'problem.past',
  notMember: 'problem.notMember',
  notSignedUp: 'problem.notSignedUp',
} as const;

function noticeOf(request: FastifyRequest, notice: string | undefined): string | undefined {
  const key = Object.entries(noticeKeys).find(([name]) => name === notice)?.[1];
  return key ? sessionsMessage(request.locale, key) : undefined;
}

function toCalendar(session: SessionSummary, publicUrl: string): CalendarSession {
  return { ...session, pageUrl: `${publicUrl}/knowledge/sessions/${session.id}` };
}

function sendCalendar(reply: FastifyReply, body: string, filename: string) {
  return reply
    .type(contentTypes.calendar)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-cache')
    .send(body);
}

function registerMemberRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const { publicUrl } = app.services.config;
  const host = new URL(publicUrl).host;

  app.get('/knowledge/sessions', { config: { access: access.public } }, async (request, reply) => {
    const now = new Date();
    const [upcoming, past] = [await upcomingSessions(db, now), await pastSessions(db, now)];
    return reply.type(contentTypes.html).send(sessionsListPage(pageContext(request), { upcoming, past }));
  });

  // The feed holds announcements only, no personal data: it is public so calendar programs can poll it.
  app.get('/knowledge/sessions.ics', { config: { access: access.public } }, async (request, reply) => {
    const sessions = (await upcomingSessions(db, new Date())).map((s) => toCalendar(s, publicUrl));
    const name = sessionsMessage(request.locale, 'feed.name');
    return sendCalendar(reply, calendarFile({ sessions, host, name }), 'kennissessies.ics');
  });

  app.get<IdParams>(
    '/knowledge/sessions/:id/calendar.ics',
    { config: { access: access.public } },
    async (request, reply) => {
      const session = await sessionOr404(request);
      const body = calendarFile({ sessions: [toCalendar(session, publicUrl)], host, name: session.title });
      return sendCalendar(reply, body, `kennissessie-${session.id}.ics`);
    },
  );

  app.get<IdParams>(
    '/knowledge/sessions/:id',
    { config: { access: access.public } },
    async (request, reply) => {
      const session = await sessionOr404(request);
      const page = sessionDetailPage(pageContext(request), {
        session,
        standing: await standingOf(request, session),
        notice: noticeOf(request, request.query.notice),
      });
      return reply.type(contentTypes.html).send(page);
    },
  );

  app.post<IdParams>(
    '/knowledge/sessions/:id/register',
    { config: { access: access.signedIn } },
    async (request, reply) => {
      const session = await sessionOr404(request);
      const user = request.user;
      if (!user) throw notFound();
      const person = { ...user, organisationIds: user.memberships.map((m) => m.organisationId) };
      const result = await signUpForSession(db, session.id, person, { publicUrl, locale: request.locale });
      if (!result.ok && result.problem === 'notFound') throw notFound();
      const notice = result.ok ? (result.isNew ? result.status : 'already') : result.problem;
      return reply.redirect(`/knowledge/sessions/${session.id}?notice=${notice}`, 303);
    },
  );

  app.post<IdParams>(
    '/knowledge/sessions/:id/cancel',
    { config: { access: access.signedIn } },
    async (request, reply) => {
      const session = await sessionOr404(request);
      const user = request.user;
      if (!user) throw notFound();
      if (formValue(request.body, 'confirm') !== 'yes') {
        return reply.type(contentTypes.html).send(cancelConfirmPage(pageContext(request), session));
      }
      const result = await cancelRegistration(db, session.id, user.id, { publicUrl, locale: request.locale });
      const notice = result.ok ? 'cancelled' : result.problem;
      return reply.redirect(`/knowledge/sessions/${session.id}?notice=${notice}`, 303);
    },
  );
}

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
  const capacity = Number(v.capacity);
  if (!/^\d+$/.test(v.capacity) || capacity < 1 || capacity > 10_000)
    form.add('capacity', t('field.capacity.invalid'));
  const known = new Set(themeChoices(request.locale).map((c) => c.value));
  const themes = v.themes.filter((id) => known.has(id));
  return { form, startsAt, endsAt, capacity, themes };
}

function registerCoordinatorRoutes(app: FastifyInstance): void {
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

export function registerSessionRoutes(app: FastifyInstance): void {
  registerMemberRoutes(app);
  registerCoordinatorRoutes(app);
  const { db } = app.services.database;
  const { publicUrl } = app.services.config;
  registerJob(app, {
    name: 'knowledge-session-reminders',
    intervalMs: 15 * 60_000,
    run: () => sendSessionReminders(db, publicUrl),
  });
}
