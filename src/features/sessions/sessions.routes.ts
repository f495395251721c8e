import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { formValue } from '../../core/http/forms.ts';
import { registerJob } from '../../core/jobs.ts';
import { pageContext } from '../../core/render/layout.ts';
import { calendarFile, type CalendarSession } from './sessions-ics.ts';
import { sessionsMessage } from './sessions.messages.ts';
import {
  findSession,
  memberOrganisationsIn,
  pastSessions,
  registrationOf,
  upcomingSessions,
  type SessionSummary,
} from './sessions.queries.ts';
import { cancelRegistration, signUpForSession, sendSessionReminders } from './sessions.service.ts';
import { cancelConfirmPage, sessionDetailPage, sessionsListPage, type Standing } from './sessions.views.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf } from '../../core/http/context.ts';

export type IdParams = { Params: { id: string }; Querystring: { notice?: string } };
export type NetworkParams = { Params: { network: string; id?: string }; Querystring: { notice?: string } };

export async function sessionOr404(
  request: FastifyRequest<{ Params: { id: string } }>,
): Promise<SessionSummary> {
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

export function registerSessionRoutes(app: FastifyInstance): void {
  registerMemberRoutes(app);
  const { db } = app.services.database;
  const { publicUrl } = app.services.config;
  registerJob(app, {
    name: 'knowledge-session-reminders',
    intervalMs: 15 * 60_000,
    run: () => sendSessionReminders(db, publicUrl),
  });
}
