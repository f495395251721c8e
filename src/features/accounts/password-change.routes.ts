import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { userOf } from '../../core/http/context.ts';
import { FormChecker, formSecret, formValue } from '../../core/http/forms.ts';
import { confirmPasswordPath } from '../../core/http/recent-authentication.ts';
import { safeNextPath } from '../../core/http/redirects.ts';
import { pageContext } from '../../core/render/layout.ts';
import { accountsMessage } from './accounts.messages.ts';
import { findUserById } from './accounts.queries.ts';
import { checkNewPassword } from './accounts.service.ts';
import { passwordChangeMessage } from './password-change.messages.ts';
import { changePassword, confirmPassword, type PasswordClient } from './password-change.service.ts';
import { confirmPasswordPage, passwordChangePage } from './password-change.views.ts';

const page = (reply: FastifyReply, markup: string, status = 200) =>
  reply.code(status).type(contentTypes.html).send(markup);

function clientOf(request: FastifyRequest): PasswordClient {
  return {
    userId: userOf(request).id,
    sessionId: request.sessionId ?? '',
    address: request.ip,
    locale: request.locale,
  };
}

/** Changing one's password, and giving it again before a sensitive action (issue 15). */
export function registerPasswordChangeRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const signedIn = { config: { access: access.signedIn } };
  const hasPassword = async (request: FastifyRequest) =>
    Boolean((await findUserById(db, userOf(request).id))?.passwordHash);

  app.get('/account/password', signedIn, async (request, reply) =>
    page(
      reply,
      passwordChangePage(pageContext(request), { errors: {}, hasPassword: await hasPassword(request) }),
    ),
  );

  app.post('/account/password', signedIn, async (request, reply) => {
    const t = passwordChangeMessage.for(request.locale);
    const a = accountsMessage.for(request.locale);
    const user = userOf(request);
    const current = formSecret(request.body, 'current');
    const password = formSecret(request.body, 'password');
    const form = new FormChecker(request.locale);
    if (current === '') form.required('current', t('current'), '');
    const problem = checkNewPassword(password, formSecret(request.body, 'confirmation'), [
      user.name,
      user.email,
    ]);
    if (problem === 'mismatch') form.add('confirmation', a('password.mismatch'));
    else if (problem) form.add('password', a(`password.${problem}`));
    else if (password === current) form.add('password', t('same'));
    const show = (status: number, failure?: string) =>
      page(
        reply,
        passwordChangePage(pageContext(request), { errors: form.errors, failure, hasPassword: true }),
        status,
      );
    if (!form.isValid) return show(400);
    const result = await changePassword(db, clientOf(request), current, password);
    if (result.ok) return reply.redirect('/account/sessions?notice=passwordChanged', 303);
    if (result.problem === 'noPassword')
      return page(reply, passwordChangePage(pageContext(request), { errors: {}, hasPassword: false }), 409);
    if (result.problem === 'wait') {
      reply.header('Retry-After', String(result.seconds));
      return show(429, t('wait', { seconds: String(result.seconds) }));
    }
    form.add('current', t(result.problem === 'wrongPassword' ? 'wrong' : 'changedMeanwhile'));
    return show(result.problem === 'wrongPassword' ? 400 : 409);
  });

  app.get<{ Querystring: { next?: string } }>(confirmPasswordPath, signedIn, async (request, reply) =>
    page(
      reply,
      confirmPasswordPage(pageContext(request), {
        next: safeNextPath(request.query.next),
        errors: {},
        hasPassword: await hasPassword(request),
      }),
    ),
  );

  app.post(confirmPasswordPath, signedIn, async (request, reply) => {
    const t = passwordChangeMessage.for(request.locale);
    const next = safeNextPath(formValue(request.body, 'next'));
    const password = formSecret(request.body, 'password');
    const form = new FormChecker(request.locale);
    const show = (status: number, failure?: string, withPassword = true) =>
      page(
        reply,
        confirmPasswordPage(pageContext(request), {
          next,
          errors: form.errors,
          failure,
          hasPassword: withPassword,
        }),
        status,
      );
    if (password === '') form.required('password', t('confirm.password'), '');
    if (!form.isValid) return show(400);
    const result = await confirmPassword(db, clientOf(request), password);
    if (result.ok) return reply.redirect(next, 303);
    if (result.problem === 'noPassword') return show(409, undefined, false);
    if (result.problem === 'wait') {
      reply.header('Retry-After', String(result.seconds));
      return show(429, t('wait', { seconds: String(result.seconds) }));
    }
    form.add('password', t('wrong'));
    return show(400);
  });
}
