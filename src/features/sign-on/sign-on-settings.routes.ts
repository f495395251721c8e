import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roles, type Role } from '../../core/auth/auth.tables.ts';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf, organisationOf, userIdOf } from '../../core/http/context.ts';
import { FormChecker, formSecret, formValue } from '../../core/http/forms.ts';
import { idParam } from '../../core/http/params.ts';
import { pageContext } from '../../core/render/layout.ts';
import { signOnMessage } from './sign-on.messages.ts';
import { findConnection, listAccountRequests, listMailDomains } from './sign-on.queries.ts';
import { isIssuerReachable, isLoopbackHttp } from './sign-on.service.ts';
import { decideAccountRequest, removeConnection, saveConnection } from './sign-on-settings.service.ts';
import { callbackPath } from './sign-on.routes.ts';
import { isAssuranceLevel } from './sign-on-assurance.ts';
import {
  clientAuthMethods,
  newColleagueModes,
  type ClientAuthMethod,
  type NewColleagueMode,
} from './sign-on.tables.ts';
import { settingsPage, type SettingsValues } from './sign-on.views.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';

const domainPattern = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const notices = ['saved', 'removed', 'approved', 'refused'] as const;
const isRole = (v: string): v is Role => roles.some((r) => r === v);
const isMethod = (v: string): v is ClientAuthMethod => clientAuthMethods.some((m) => m === v);
const isMode = (v: string): v is NewColleagueMode => newColleagueModes.some((m) => m === v);

async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  extra: { values?: SettingsValues; errors?: FieldErrors; problem?: string; status?: number } = {},
) {
  const db = dbOf(request);
  const organisation = organisationOf(request);
  const connection = await findConnection(db, organisation.id);
  const t = signOnMessage.for(request.locale);
  const query = request.query as Record<string, string | undefined>;
  const notice = notices.find((n) => n === query.notice);
  const noticeKey = notice === 'saved' || notice === 'removed' ? `settings.${notice}` : `requests.${notice}`;
  const values = extra.values ?? {
    issuer: connection?.issuer ?? '',
    clientId: connection?.clientId ?? '',
    authMethod: connection?.authMethod ?? 'private_key_jwt',
    domains: (await listMailDomains(db, organisation.id)).join(', '),
    newColleagues: connection?.newColleagues ?? 'approve',
    defaultRole: connection?.defaultRole ?? 'viewer',
    requiredAcr: connection?.requiredAcr ?? '',
  };
  const html = settingsPage(pageContext(request), {
    organisation,
    values,
    errors: extra.errors ?? {},
    isConfigured: Boolean(connection),
    hasPublicKey: Boolean(connection?.publicKeyJwk && connection.authMethod === 'private_key_jwt'),
    redirectUri: `${request.server.services.config.publicUrl}${callbackPath}`,
    requests: await listAccountRequests(db, organisation.id),
    notice: notice && t(noticeKey as Parameters<typeof t>[0], { name: query.name ?? '' }),
    problem: extra.problem,
  });
  return reply
    .code(extra.status ?? 200)
    .type(contentTypes.html)
    .send(html);
}

export function registerSignOnSettingsRoutes(app: FastifyInstance): void {
  const admin = { config: { access: access.organisation('admin') } };
  /** Who may sign in for the organisation, and how: only after a recent sign-in or password. */
  const sensitive = {
    config: { ...admin.config, recentAuthentication: { returnTo: '/o/:code/sign-on' } },
  };
  const back = (code: string, notice: string, name = '') =>
    `/o/${code}/sign-on?notice=${notice}${name ? `&name=${encodeURIComponent(name)}` : ''}`;

  app.get('/o/:code/sign-on', admin, (request, reply) => render(request, reply));

  app.post('/o/:code/sign-on', sensitive, async (request, reply) => {
    const organisation = organisationOf(request);
    const t = signOnMessage.for(request.locale);
    const field = (name: keyof SettingsValues) => formValue(request.body, name);
    const values: SettingsValues = {
      issuer: field('issuer'),
      clientId: field('clientId'),
      authMethod: field('authMethod'),
      domains: field('domains').toLowerCase(),
      newColleagues: field('newColleagues'),
      defaultRole: field('defaultRole'),
      requiredAcr: field('requiredAcr'),
    };
    const domains = [...new Set(values.domains.split(/[\s,;]+/).filter(Boolean))];
    const form = new FormChecker(request.locale)
      .required('issuer', t('settings.issuer'), values.issuer, 500)
      .required('clientId', t('settings.clientId'), values.clientId, 500)
      .oneOf('authMethod', t('settings.authMethod'), values.authMethod, clientAuthMethods)
      .oneOf('newColleagues', t('settings.newColleagues'), values.newColleagues, newColleagueModes)
      .oneOf('defaultRole', t('settings.defaultRole'), values.defaultRole, roles);
    if (values.requiredAcr !== '' && !isAssuranceLevel(values.requiredAcr))
      form.add('requiredAcr', t('settings.requiredAcrInvalid'));
    let issuer: URL | undefined;
    try {
      issuer = new URL(values.issuer);
    } catch {
      issuer = undefined;
    }
    if (values.issuer && (!issuer || (issuer.protocol !== 'https:' && !isLoopbackHttp(issuer))))
      form.add('issuer', t('settings.issuerInvalid'));
    if (domains.length === 0 || domains.some((d) => !domainPattern.test(d)))
      form.add('domains', t('settings.domainsInvalid'));
    if (form.isValid && issuer && !(await isIssuerReachable(issuer)))
      form.add('issuer', t('settings.unreachable'));
    const { authMethod, newColleagues, defaultRole } = values;
    if (!form.isValid || !isMethod(authMethod) || !isMode(newColleagues) || !isRole(defaultRole))
      return render(request, reply, { values, errors: form.errors, status: 400 });
    const result = await saveConnection(
      dbOf(request),
      organisation.id,
      {
        ...values,
        authMethod,
        newColleagues,
        defaultRole,
        domains,
        requiredAcr: isAssuranceLevel(values.requiredAcr) ? values.requiredAcr : null,
        clientSecret: formSecret(request.body, 'clientSecret'),
      },
      userIdOf(request),
    );
    if (!result.ok) {
      const errors: FieldErrors =
        result.problem === 'domainTaken'
          ? { domains: t('settings.domainTaken', { domain: result.domain }) }
          : { clientSecret: t('settings.secretRequired') };
      return render(request, reply, { values, errors, status: 409 });
    }
    return reply.redirect(back(organisation.code, 'saved'), 303);
  });

  app.post('/o/:code/sign-on/remove', admin, async (request, reply) => {
    const organisation = organisationOf(request);
    await removeConnection(dbOf(request), organisation.id, userIdOf(request));
    return reply.redirect(back(organisation.code, 'removed'), 303);
  });

  app.post<{ Params: { code: string; id: string } }>(
    '/o/:code/sign-on/requests/:id',
    admin,
    async (request, reply) => {
      const organisation = organisationOf(request);
      const result = await decideAccountRequest(dbOf(request), {
        organisationId: organisation.id,
        requestId: idParam(request.params.id),
        approve: formValue(request.body, 'decision') === 'approve',
        actorUserId: userIdOf(request),
      });
      if (result.ok) {
        const notice = formValue(request.body, 'decision') === 'approve' ? 'approved' : 'refused';
        return reply.redirect(back(organisation.code, notice, result.name), 303);
      }
      const t = signOnMessage.for(request.locale);
      return render(request, reply, { problem: t(`requests.${result.problem}`), status: 409 });
    },
  );
}
