import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { sessionsMessage } from './sessions.messages.ts';
import { findNetwork, participantsOf, pastSessions, upcomingSessions } from './sessions.queries.ts';
import { announceSession } from './sessions.service.ts';
import { announcement, checkSessionForm, emptySessionForm, readSessionForm } from './sessions-form.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { sessionOr404, type NetworkParams } from './sessions.routes.ts';
import {
  coordinatorSessionPage,
  coordinatorSessionsPage,
  newSessionPage,
  type SessionFormValues,
} from './sessions-coordinator.views.ts';

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
    renderForm(request, reply, await networkOr404(request), emptySessionForm, {}),
  );

  app.post<NetworkParams>('/networks/:network/sessions', rule, async (request, reply) => {
    const network = await networkOr404(request);
    const values = readSessionForm(request.body);
    const checked = checkSessionForm(request.locale, values, new Date());
    const input = announcement(network.id, values, checked);
    if (!input) return renderForm(request, reply, network, values, checked.form.errors);
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
