import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { pageContext } from '../../core/render/layout.ts';
import { apiTokensMessage } from './api-tokens.messages.ts';
import { readTokenForm } from './api-tokens-form.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';
import { apiTokenCreatedPage, apiTokensPage } from './api-tokens.views.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

export function registerApiTokenRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const admin = { config: { access: access.organisation('admin') } };

  app.get<{ Querystring: { notice?: string } }>('/o/:code/api-tokens', admin, async (request, reply) => {
    const organisation = request.organisation;
    if (!organisation) throw notFound();
    const notice =
      request.query.notice === 'revoked' ? apiTokensMessage(request.locale, 'revoked.notice') : undefined;
    const tokens = await listApiTokens(db, organisation.id);
    return reply
      .type(contentTypes.html)
      .send(apiTokensPage(pageContext(request), { organisation, tokens, errors: {}, notice }));
  });

  const sensitive = {
    config: { ...admin.config, recentAuthentication: { returnTo: '/o/:code/api-tokens' } },
  };
  app.post('/o/:code/api-tokens', sensitive, async (request, reply) => {
    const organisation = request.organisation;
    if (!organisation || !request.user) throw notFound();
    const { values, errors, grant } = readTokenForm(request.body, request.locale);
    if (!grant) {
      const tokens = await listApiTokens(db, organisation.id);
      return reply
        .code(400)
        .type(contentTypes.html)
        .send(apiTokensPage(pageContext(request), { organisation, tokens, values, errors }));
    }
    const token = await createApiToken(db, organisation.id, values.name, request.user.id, grant);
    // Shown once, never stored: the page must not be cached anywhere.
    return reply
      .header('cache-control', 'no-store')
      .type(contentTypes.html)
      .send(apiTokenCreatedPage(pageContext(request), organisation, token));
  });

  app.post<{ Params: { code: string; tokenId: string } }>(
    '/o/:code/api-tokens/:tokenId/revoke',
    admin,
    async (request, reply) => {
      const organisation = request.organisation;
      if (!organisation || !request.user) throw notFound();
      await revokeApiToken(db, organisation.id, idParam(request.params.tokenId), request.user.id);
      return reply.redirect(`/o/${organisation.code}/api-tokens?notice=revoked`, 303);
    },
  );
}
