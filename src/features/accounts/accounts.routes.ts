import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { destroySession } from '../../core/auth/sessions.ts';
import { access } from '../../core/http/access.ts';
import { FormChecker, formSecret, formValue } from '../../core/http/forms.ts';
import { safeNextPath } from '../../core/http/redirects.ts';
import { clearSessionCookie } from '../../core/http/request-context.ts';
import { pageContext } from '../../core/render/layout.ts';
import { accountsMessage } from './accounts.messages.ts';
import {
  acceptInvitation,
  checkNewPassword,
  createPlatformAdministrator,
  describeInvitation,
  isLinkUsable,
  requestPasswordReset,
  resetPassword,
  signIn,
} from './accounts.service.ts';
import {
  forgotPasswordPage,
  invalidLinkPage,
  invitationPage,
  loginPage,
  resetPasswordPage,
  setupPage,
} from './accounts.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { secondFactorMessage } from './second-factor.messages.ts';
import { completeSignIn } from './sign-in-steps.ts';

type TokenParams = { Params: { token: string } };
const page = (reply: FastifyReply, markup: string, status = 200) =>
  reply.code(status).type(contentTypes.html).send(markup);

/** Every way in goes through the second-factor step when the user has or needs one. */
const startSession = completeSignIn;

/** Checks a new password and its repetition; adds messages to the form. */
function checkPasswordFields(request: FastifyRequest, form: FormChecker, personal: string[]): string {
  const password = formSecret(request.body, 'password');
  const problem = checkNewPassword(password, formSecret(request.body, 'confirmation'), personal);
  if (problem === 'mismatch') form.add('confirmation', accountsMessage(request.locale, 'password.mismatch'));
  else if (problem) form.add('password', accountsMessage(request.locale, `password.${problem}`));
  return password;
}

export function registerAccountRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const publicRoute = { config: { access: access.public } };

  app.get<{ Querystring: { next?: string; notice?: string } }>(
    '/login',
    publicRoute,
    async (request, reply) => {
      if (request.user) return reply.redirect(safeNextPath(request.query.next), 303);
      const expired =
        request.query.notice === 'second-factor-expired'
          ? secondFactorMessage(request.locale, 'step.expired')
          : undefined;
      return page(reply, loginPage(pageContext(request), { next: request.query.next ?? '' }, {}, expired));
    },
  );

  app.post('/login', publicRoute, async (request, reply) => {
    const values = { email: formValue(request.body, 'email'), next: formValue(request.body, 'next') };
    const password = formSecret(request.body, 'password');
    const t = accountsMessage.for(request.locale);
    const form = new FormChecker(request.locale).email('email', t('login.email'), values.email);
    if (password === '') form.required('password', t('login.password'), '');
    if (!form.isValid) return page(reply, loginPage(pageContext(request), values, form.errors), 400);
    const result = await signIn(db, values.email, password, { address: request.ip, locale: request.locale });
    if (!result.ok && result.problem === 'wait') {
      reply.header('Retry-After', String(result.seconds));
      const failure = t('login.wait', { seconds: String(result.seconds) });
      return page(reply, loginPage(pageContext(request), values, {}, failure), 429);
    }
    if (!result.ok) return page(reply, loginPage(pageContext(request), values, {}, t('login.failed')), 401);
    return startSession(request, reply, result.userId, safeNextPath(values.next));
  });

  app.post('/logout', publicRoute, async (request, reply) => {
    if (request.sessionId) await destroySession(db, request.sessionId);
    clearSessionCookie(reply);
    return reply.redirect('/?notice=signed-out', 303);
  });

  app.get('/forgot-password', publicRoute, async (request, reply) =>
    page(reply, forgotPasswordPage(pageContext(request), {}, {}, false)),
  );

  app.post('/forgot-password', publicRoute, async (request, reply) => {
    const email = formValue(request.body, 'email');
    const form = new FormChecker(request.locale).email(
      'email',
      accountsMessage(request.locale, 'login.email'),
      email,
    );
    if (!form.isValid)
      return page(reply, forgotPasswordPage(pageContext(request), { email }, form.errors, false), 400);
    const client = { address: request.ip, locale: request.locale };
    if (!(await requestPasswordReset(db, email, client))) {
      form.add('email', accountsMessage(request.locale, 'forgot.tooMany'));
      return page(reply, forgotPasswordPage(pageContext(request), { email }, form.errors, false), 429);
    }
    return page(reply, forgotPasswordPage(pageContext(request), {}, {}, true));
  });

  app.get<TokenParams>('/reset-password/:token', publicRoute, async (request, reply) => {
    if (!(await isLinkUsable(db, request.params.token, 'password-reset'))) {
      return page(reply, invalidLinkPage(pageContext(request)), 410);
    }
    return page(reply, resetPasswordPage(pageContext(request), request.params.token, {}));
  });

  app.post<TokenParams>('/reset-password/:token', publicRoute, async (request, reply) => {
    const form = new FormChecker(request.locale);
    const password = checkPasswordFields(request, form, []);
    if (!form.isValid)
      return page(reply, resetPasswordPage(pageContext(request), request.params.token, form.errors), 400);
    const userId = await resetPassword(db, request.params.token, password);
    if (userId === undefined) return page(reply, invalidLinkPage(pageContext(request)), 410);
    return startSession(request, reply, userId, '/dashboard?notice=password-reset');
  });

  app.get<TokenParams>('/setup/:token', publicRoute, async (request, reply) => {
    if (!(await isLinkUsable(db, request.params.token, 'setup')))
      return page(reply, invalidLinkPage(pageContext(request)), 410);
    return page(reply, setupPage(pageContext(request), request.params.token, {}, {}));
  });

  app.post<TokenParams>('/setup/:token', publicRoute, async (request, reply) => {
    const values = { name: formValue(request.body, 'name'), email: formValue(request.body, 'email') };
    const t = accountsMessage.for(request.locale);
    const form = new FormChecker(request.locale)
      .required('name', t('name'), values.name)
      .email('email', t('login.email'), values.email);
    const password = checkPasswordFields(request, form, [values.name, values.email]);
    const ctx = pageContext(request);
    if (!form.isValid) return page(reply, setupPage(ctx, request.params.token, values, form.errors), 400);
    const result = await createPlatformAdministrator(db, request.params.token, { ...values, password });
    if (!result.ok && result.problem === 'emailTaken') {
      form.add('email', accountsMessage(request.locale, 'setup.emailTaken'));
      return page(reply, setupPage(ctx, request.params.token, values, form.errors), 409);
    }
    if (!result.ok) return page(reply, invalidLinkPage(ctx), 410);
    return startSession(request, reply, result.userId, '/admin?notice=setup-done');
  });

  app.get<TokenParams>('/invitation/:token', publicRoute, async (request, reply) => {
    const invitation = await describeInvitation(db, request.params.token);
    if (!invitation) return page(reply, invalidLinkPage(pageContext(request)), 410);
    return page(reply, invitationPage(pageContext(request), request.params.token, invitation, {}, {}));
  });

  app.post<TokenParams>('/invitation/:token', publicRoute, async (request, reply) => {
    const ctx = pageContext(request);
    const invitation = await describeInvitation(db, request.params.token);
    if (!invitation) return page(reply, invalidLinkPage(ctx), 410);
    let account: Parameters<typeof acceptInvitation>[2];
    if (request.user) {
      account = { signedInUserId: request.user.id };
    } else {
      const name = formValue(request.body, 'name');
      const form = new FormChecker(request.locale).required(
        'name',
        accountsMessage(request.locale, 'name'),
        name,
      );
      const password = checkPasswordFields(request, form, [name, invitation.email]);
      if (!form.isValid) {
        return page(reply, invitationPage(ctx, request.params.token, invitation, { name }, form.errors), 400);
      }
      account = { name, password };
    }
    const result = await acceptInvitation(db, request.params.token, account);
    if (!result.ok && result.problem !== 'invalidLink') {
      // Not the invited address: the page says whose invitation it is, and the link stays usable.
      return page(reply, invitationPage(ctx, request.params.token, invitation, {}, {}), 403);
    }
    if (!result.ok) return page(reply, invalidLinkPage(ctx), 410);
    return startSession(request, reply, result.userId, '/dashboard?notice=invitation-accepted');
  });
}
