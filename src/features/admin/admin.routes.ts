import type { FastifyInstance, FastifyReply } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { pageContext } from '../../core/render/layout.ts';
import { adminMessage } from './admin.messages.ts';
import {
  addCoordinator,
  findMail,
  latestMail,
  listNetworks,
  platformStatistics,
  removeCoordinator,
} from './admin.queries.ts';
import { adminHomePage, mailDetailPage, mailPage, networksPage } from './admin.views.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type NetworkParams = { Params: { network: string; userId?: string } };
const send = (reply: FastifyReply, markup: string, status = 200) =>
  reply.code(status).type(contentTypes.html).send(markup);

export function registerAdminRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const admin = { config: { access: access.platformAdmin } };
  /** Making someone a coordinator, or no longer one, is a role change: only after a recent sign-in. */
  const sensitive = {
    config: { ...admin.config, recentAuthentication: { returnTo: '/admin/networks' } },
  };

  app.get<{ Querystring: { notice?: string } }>('/admin', admin, async (request, reply) =>
    send(
      reply,
      adminHomePage(
        pageContext(request),
        await platformStatistics(db),
        request.query.notice === 'setup-done',
      ),
    ),
  );

  app.get('/admin/mail', admin, async (request, reply) =>
    send(reply, mailPage(pageContext(request), await latestMail(db), app.services.mailer.isConfigured)),
  );

  app.get<{ Params: { id: string } }>('/admin/mail/:id', admin, async (request, reply) => {
    const mail = await findMail(db, idParam(request.params.id));
    if (!mail) throw notFound();
    return send(reply, mailDetailPage(pageContext(request), mail));
  });

  app.get('/admin/networks', admin, async (request, reply) =>
    send(reply, networksPage(pageContext(request), await listNetworks(db), { errors: {} })),
  );

  app.post<NetworkParams>('/admin/networks/:network/coordinators', sensitive, async (request, reply) => {
    const network = request.params.network;
    const field = `email-${network}`;
    const email = formValue(request.body, field);
    const form = new FormChecker(request.locale).email(
      field,
      adminMessage(request.locale, 'networks.email'),
      email,
    );
    if (form.isValid) {
      const result = await addCoordinator(db, network, email, request.user?.id ?? 0);
      if (result.ok) return reply.redirect('/admin/networks', 303);
      if (result.problem === 'unknownNetwork') throw notFound();
      form.add(field, adminMessage(request.locale, 'networks.unknownUser'));
    }
    const networks = await listNetworks(db);
    return send(
      reply,
      networksPage(pageContext(request), networks, { network, email, errors: form.errors }),
      400,
    );
  });

  app.post<NetworkParams>(
    '/admin/networks/:network/coordinators/:userId/remove',
    sensitive,
    async (request, reply) => {
      const userId = idParam(request.params.userId);
      await removeCoordinator(db, request.params.network, userId, request.user?.id ?? 0);
      return reply.redirect('/admin/networks', 303);
    },
  );
}
