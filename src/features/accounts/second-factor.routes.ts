import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  confirmEnrolment,
  countUnusedRecoveryCodes,
  hasPendingEnrolment,
  membersWithSecondFactor,
  requiresSecondFactor,
  resetSecondFactor,
  secondFactorStatus,
  setSecondFactorPolicy,
  startEnrolment,
} from '../../core/auth/second-factor.ts';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf, organisationOf, userOf } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { formValue, formValues } from '../../core/http/forms.ts';
import { idParam } from '../../core/http/params.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { findUserById } from './accounts.queries.ts';
import { signInSecondStep } from './accounts.service.ts';
import { listMembers } from './members.service.ts';
import { secondFactorMessage } from './second-factor.messages.ts';
import {
  accountSecondFactorPage,
  enrolmentPage,
  organisationSecondFactorPage,
  recoveryCodesPage,
  secondFactorStepPage,
} from './second-factor.views.ts';
import { clearPendingSignIn, openSession, readPendingSignIn, secondFactorPath } from './sign-in-steps.ts';

const page = (reply: FastifyReply, markup: string, status = 200) =>
  reply.code(status).type(contentTypes.html).send(markup);

async function enrolment(request: FastifyRequest, userId: number, action: string, isRequired: boolean) {
  const user = await findUserById(dbOf(request), userId);
  const started = user && (await startEnrolment(dbOf(request), userId, user.email));
  if (!started) return undefined;
  const { default: QRCode } = await import('qrcode'); // on first use: start-up and memory
  const qrSvg = await QRCode.toString(started.uri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 224,
  });
  return { qrSvg, secret: started.secret, action, isRequired };
}

function registerSignInStep(app: FastifyInstance): void {
  const publicRoute = { config: { access: access.public } };
  const expired = (request: FastifyRequest, reply: FastifyReply) => {
    clearPendingSignIn(reply);
    return reply.redirect('/login?notice=second-factor-expired', 303);
  };

  app.get(secondFactorPath, publicRoute, async (request, reply) => {
    const pending = readPendingSignIn(request);
    if (!pending) return expired(request, reply);
    const status = await secondFactorStatus(dbOf(request), pending.userId);
    if (status.isActive) return page(reply, secondFactorStepPage(pageContext(request), {}));
    const view = await enrolment(request, pending.userId, secondFactorPath, status.isRequired);
    if (!view) return expired(request, reply);
    return page(reply, enrolmentPage(pageContext(request), view, {}));
  });

  app.post(secondFactorPath, publicRoute, async (request, reply) => {
    const pending = readPendingSignIn(request);
    if (!pending) return expired(request, reply);
    const t = secondFactorMessage.for(request.locale);
    const db = dbOf(request);
    const code = formValue(request.body, 'code');
    const status = await secondFactorStatus(db, pending.userId);
    if (!status.isActive) {
      const view = await enrolment(request, pending.userId, secondFactorPath, status.isRequired);
      if (!view) return expired(request, reply);
      const codes = code ? await confirmEnrolment(db, pending.userId, code) : undefined;
      if (!codes) {
        const errors: FieldErrors = { code: t(code ? 'enrol.failed' : 'enrol.codeRequired') };
        return page(reply, enrolmentPage(pageContext(request), view, errors), 400);
      }
      await openSession(request, reply, pending.userId);
      return page(reply, recoveryCodesPage(pageContext(request), codes, pending.next));
    }
    if (!code) {
      const errors = { code: t('enrol.codeRequired') };
      return page(reply, secondFactorStepPage(pageContext(request), errors), 400);
    }
    const result = await signInSecondStep(db, pending.userId, code, {
      address: request.ip,
      locale: request.locale,
    });
    if (!result.ok) {
      const failure =
        result.problem === 'wait' ? t('step.wait', { seconds: result.seconds }) : t('step.failed');
      const status = result.problem === 'wait' ? 429 : 401;
      return page(reply, secondFactorStepPage(pageContext(request), {}, failure), status);
    }
    await openSession(request, reply, pending.userId);
    return reply.redirect(pending.next, 303);
  });
}

function registerOwnFactor(app: FastifyInstance): void {
  const signedIn = { config: { access: access.signedIn } };
  const path = '/account/second-factor';

  app.get(path, signedIn, async (request, reply) => {
    const userId = userOf(request).id;
    const db = dbOf(request);
    const status = await secondFactorStatus(db, userId);
    if (status.isActive) {
      const unused = await countUnusedRecoveryCodes(db, userId);
      return page(reply, accountSecondFactorPage(pageContext(request), unused));
    }
    const view = await enrolment(request, userId, path, status.isRequired);
    if (!view) throw notFound();
    return page(reply, enrolmentPage(pageContext(request), view, {}));
  });

  app.post(path, signedIn, async (request, reply) => {
    const userId = userOf(request).id;
    const db = dbOf(request);
    const status = await secondFactorStatus(db, userId);
    // A code for an enrolment that was never shown: show it first, and store nothing on this post.
    if (status.isActive || !(await hasPendingEnrolment(db, userId))) return reply.redirect(path, 303);
    const view = await enrolment(request, userId, path, status.isRequired);
    if (!view) throw notFound();
    const code = formValue(request.body, 'code');
    const codes = code ? await confirmEnrolment(db, userId, code) : undefined;
    if (!codes) {
      const t = secondFactorMessage.for(request.locale);
      const errors = { code: t(code ? 'enrol.failed' : 'enrol.codeRequired') };
      return page(reply, enrolmentPage(pageContext(request), view, errors), 400);
    }
    return page(reply, recoveryCodesPage(pageContext(request), codes, '/dashboard'));
  });
}

const notices = ['policySaved', 'resetDone'] as const;

function registerOrganisationFactors(app: FastifyInstance): void {
  const admin = { config: { access: access.organisation('admin') } };

  app.get<{ Querystring: { notice?: string; name?: string } }>(
    '/o/:code/members/second-factor',
    admin,
    async (request, reply) => {
      const organisation = organisationOf(request);
      const db = dbOf(request);
      const [members, active] = [
        await listMembers(db, organisation.id),
        await membersWithSecondFactor(db, organisation.id),
      ];
      const t = secondFactorMessage.for(request.locale);
      const notice = notices.find((n) => n === request.query.notice);
      return page(
        reply,
        organisationSecondFactorPage(pageContext(request), {
          organisation,
          requireSecondFactor: await requiresSecondFactor(db, organisation.id),
          members: members.map((m) => ({ ...m, isActive: active.has(m.userId) })),
          notice:
            notice &&
            t(notice === 'policySaved' ? 'admin.policySaved' : 'admin.resetDone', {
              name: request.query.name ?? '',
            }),
        }),
      );
    },
  );

  app.post('/o/:code/members/second-factor', admin, async (request, reply) => {
    const organisation = organisationOf(request);
    await setSecondFactorPolicy(dbOf(request), {
      organisationId: organisation.id,
      requireSecondFactor: formValues(request.body, 'require').includes('yes'),
      actorUserId: userOf(request).id,
    });
    return reply.redirect(`/o/${organisation.code}/members/second-factor?notice=policySaved`, 303);
  });

  app.post<{ Params: { code: string; userId: string } }>(
    '/o/:code/members/:userId/second-factor/reset',
    {
      config: {
        ...admin.config,
        recentAuthentication: { returnTo: '/o/:code/members/second-factor' },
      },
    },
    async (request, reply) => {
      const organisation = organisationOf(request);
      const db = dbOf(request);
      const userId = idParam(request.params.userId);
      const member = (await listMembers(db, organisation.id)).find((m) => m.userId === userId);
      if (!member) throw notFound(secondFactorMessage(request.locale, 'admin.members'));
      await resetSecondFactor(db, {
        userId,
        actorUserId: userOf(request).id,
        organisationId: organisation.id,
      });
      const name = encodeURIComponent(member.name);
      return reply.redirect(
        `/o/${organisation.code}/members/second-factor?notice=resetDone&name=${name}`,
        303,
      );
    },
  );
}

export function registerSecondFactorRoutes(app: FastifyInstance): void {
  registerSignInStep(app);
  registerOwnFactor(app);
  registerOrganisationFactors(app);
}
