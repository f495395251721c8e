import type { FastifyInstance, FastifyReply } from 'fastify';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { notFound } from '../../core/http/errors.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { safeNextPath } from '../../core/http/redirects.ts';
import { pageContext } from '../../core/render/layout.ts';
import { completeSignIn } from '../accounts/index.ts';
import { signOnMessage } from './sign-on.messages.ts';
import { findConnectionForEmail, findPublicKey } from './sign-on.queries.ts';
import { finishProviderSignIn, startProviderSignIn } from './sign-on.service.ts';
import { handOverPage, problemPage, startPage } from './sign-on.views.ts';

/** The state of a started sign-in also lives in this browser, so a callback started elsewhere fails. */
const stateCookie = 'rk_oidc_state';
export const callbackPath = '/sso/callback';

const page = (reply: FastifyReply, markup: string, status = 200) =>
  reply.code(status).type(contentTypes.html).send(markup);

export function registerSignOnRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const { config } = app.services;
  const publicRoute = { config: { access: access.public } };
  const cookieOptions = { path: '/sso', httpOnly: true, sameSite: 'lax' as const, secure: config.isHttps };

  app.get<{ Querystring: { next?: string } }>('/login/organisation', publicRoute, async (request, reply) =>
    page(reply, startPage(pageContext(request), { next: request.query.next ?? '' }, {})),
  );

  app.post('/login/organisation', publicRoute, async (request, reply) => {
    const values = { email: formValue(request.body, 'email'), next: formValue(request.body, 'next') };
    const t = signOnMessage.for(request.locale);
    const form = new FormChecker(request.locale).email('email', t('start.email'), values.email);
    const connection = form.isValid ? await findConnectionForEmail(db, values.email) : undefined;
    if (form.isValid && !connection) form.add('email', t('start.unknown'));
    if (!form.isValid || !connection)
      return page(reply, startPage(pageContext(request), values, form.errors), 400);
    let started;
    try {
      started = await startProviderSignIn(db, {
        organisationId: connection.organisationId,
        redirectUri: `${config.publicUrl}${callbackPath}`,
        next: safeNextPath(values.next),
        loginHint: values.email,
      });
    } catch (error) {
      request.log.warn({ err: error }, 'identity provider unreachable');
    }
    if (!started) {
      form.add('email', t('start.unreachable'));
      return page(reply, startPage(pageContext(request), values, form.errors), 502);
    }
    reply.setCookie(stateCookie, started.state, { ...cookieOptions, maxAge: 600 });
    // Not a redirect: the Content-Security-Policy's form-action 'self' would stop a form's
    // redirect to another site. A page that moves on at once (and a link) is a plain navigation.
    return page(reply, handOverPage(pageContext(request), started.url));
  });

  app.get(callbackPath, publicRoute, async (request, reply) => {
    const url = new URL(request.url, config.publicUrl);
    const result = await finishProviderSignIn(db, url, request.cookies[stateCookie]);
    reply.clearCookie(stateCookie, cookieOptions);
    if (result.ok) return completeSignIn(request, reply, result.userId, result.next);
    if (result.problem !== 'pending')
      request.log.warn({ problem: result.problem }, 'provider sign-in refused');
    const status = result.problem === 'pending' ? 202 : result.problem === 'provider' ? 502 : 403;
    return page(reply, problemPage(pageContext(request), result.problem), status);
  });

  /** The public half of the key the platform signs its client assertions with (private_key_jwt). */
  app.get<{ Params: { code: string } }>('/sso/:code/jwks.json', publicRoute, async (request, reply) => {
    const jwk = await findPublicKey(db, request.params.code);
    if (!jwk) throw notFound();
    const keys = [JSON.parse(jwk) as unknown];
    return reply.type('application/jwk-set+json').send({ keys });
  });
}
