import type { FastifyInstance } from 'fastify';
import { destroyOwnSession, destroyUserSessions, listActiveSessions } from '../../core/auth/sessions.ts';
import { recordAudit } from '../../core/db/audit.ts';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf, userOf } from '../../core/http/context.ts';
import { formValue } from '../../core/http/forms.ts';
import { pageContext } from '../../core/render/layout.ts';
import { accountSessionsPage } from './account-sessions.views.ts';

const notices = ['ended', 'othersEnded', 'passwordChanged'] as const;
const isNotice = (value: unknown): value is (typeof notices)[number] => notices.some((n) => n === value);

/** A user's own sessions: where they are signed in, and ending any of them (issue 15, item 4). */
export function registerAccountSessionRoutes(app: FastifyInstance): void {
  const signedIn = { config: { access: access.signedIn } };
  const { sessionLifetimes } = app.services.config;

  app.get<{ Querystring: { notice?: string } }>('/account/sessions', signedIn, async (request, reply) => {
    const user = userOf(request);
    const sessions = await listActiveSessions(dbOf(request), user.id, sessionLifetimes);
    const notice = isNotice(request.query.notice) ? request.query.notice : undefined;
    return reply.type(contentTypes.html).send(
      accountSessionsPage(pageContext(request), {
        sessions,
        currentSessionId: request.sessionId,
        lifetimes: sessionLifetimes,
        notice,
      }),
    );
  });

  const sensitive = {
    config: { access: access.signedIn, recentAuthentication: { returnTo: '/account/sessions' } },
  };
  app.post('/account/sessions/end', sensitive, async (request, reply) => {
    const user = userOf(request);
    const which = formValue(request.body, 'session');
    const db = dbOf(request);
    const ended = await db.transaction(async (tx) => {
      const count =
        which === 'others'
          ? await destroyUserSessions(tx, user.id, request.sessionId ?? undefined)
          : Number(which !== request.sessionId && (await destroyOwnSession(tx, user.id, which)));
      if (count > 0)
        await recordAudit(tx, {
          actorUserId: user.id,
          action: 'session.ended',
          details: { sessions: count },
        });
      return count;
    });
    if (which === 'others') return reply.redirect('/account/sessions?notice=othersEnded', 303);
    if (ended > 0) return reply.redirect('/account/sessions?notice=ended', 303);
    const sessions = await listActiveSessions(db, user.id, sessionLifetimes);
    return reply
      .code(404)
      .type(contentTypes.html)
      .send(
        accountSessionsPage(pageContext(request), {
          sessions,
          currentSessionId: request.sessionId,
          lifetimes: sessionLifetimes,
          problem: 'notFound',
        }),
      );
  });
}
