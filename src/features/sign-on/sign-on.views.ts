import { roles, type Role } from '../../core/auth/auth.tables.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { actionButton, alert, button, csrfField, table, problemAlert } from '../../core/render/components.ts';
import {
  choiceGroup,
  errorSummary,
  selectField,
  textField,
  type FieldErrors,
} from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { narrowPage, renderPage, type PageContext } from '../../core/render/layout.ts';
import { signOnMessage } from './sign-on.messages.ts';
import type { ProviderProblem } from './sign-on.service.ts';

/** Asks for the work address, to find the organisation whose provider vouches for its domain. */
export function startPage(
  ctx: PageContext,
  values: { email?: string; next?: string },
  errors: FieldErrors,
): string {
  const t = signOnMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('start.title'),
    html`${errorSummary(ctx.locale, errors)}
      <p class="utrecht-paragraph">${t('start.intro')}</p>
      <form method="post" action="/login/organisation" novalidate>
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="next" value="${values.next ?? ''}" />
        ${textField({ name: 'email', label: t('start.email'), type: 'email', autocomplete: 'username', value: values.email, error: errors.email, required: true, locale: ctx.locale })}
        <div class="rk-actions">${button(t('start.submit'))}</div>
      </form>`,
  );
}

/** Why the provider's answer was refused, or that the new account waits for approval. */
export function problemPage(ctx: PageContext, problem: ProviderProblem | 'pending'): string {
  const t = signOnMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('problem.title'),
    html`${alert(problem === 'pending' ? 'info' : 'error', html`<p class="utrecht-paragraph" data-problem="${problem}">${t(`problem.${problem}`)}</p>`)}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/login">${t('problem.again')}</a>
      </p>`,
  );
}

export interface SettingsValues {
  issuer: string;
  clientId: string;
  authMethod: string;
  domains: string;
  newColleagues: string;
  defaultRole: string;
  requiredAcr: string;
}

export interface SettingsView {
  organisation: { code: string; displayName: string };
  values: SettingsValues;
  errors: FieldErrors;
  isConfigured: boolean;
  hasPublicKey: boolean;
  redirectUri: string;
  requests: { id: number; name: string; email: string }[];
  notice?: string | undefined;
  problem?: string | undefined;
}

function requestsSection(ctx: PageContext, view: SettingsView): SafeHtml | '' {
  const t = signOnMessage.for(ctx.locale);
  if (view.requests.length === 0) return '';
  const base = `/o/${view.organisation.code}/sign-on/requests`;
  return html`<section aria-labelledby="requests-heading">
    <h2 class="utrecht-heading-2" id="requests-heading">${t('requests.title')}</h2>
    ${table({
      caption: t('requests.caption'),
      columns: [
        { label: t('requests.name') },
        { label: t('requests.email') },
        { label: t('requests.decide') },
      ],
      rows: view.requests.map((r) => ({
        header: r.name,
        cells: [
          r.email,
          html`${actionButton({ action: `${base}/${r.id}`, label: t('requests.approve'), ariaLabel: t('requests.approveLabel', { name: r.name }), csrfToken: ctx.csrfToken, hidden: { decision: 'approve' } })}
          ${actionButton({ action: `${base}/${r.id}`, label: t('requests.refuse'), ariaLabel: t('requests.refuseLabel', { name: r.name }), csrfToken: ctx.csrfToken, kind: 'subtle', hidden: { decision: 'refuse' } })}`,
        ],
      })),
    })}
  </section>`;
}

/** The organisation administrator's configuration of the identity provider. */
export function settingsPage(ctx: PageContext, view: SettingsView): string {
  const t = signOnMessage.for(ctx.locale);
  const organisation = view.organisation.displayName;
  const base = `/o/${view.organisation.code}/sign-on`;
  const v = view.values;
  const roleChoices = roles.map((r: Role) => ({ value: r, label: coreMessage(ctx.locale, `role.${r}`) }));
  return renderPage(ctx, {
    title: t('settings.title', { organisation }),
    nav: 'dashboard',
    breadcrumbs: [{ href: `/o/${view.organisation.code}`, label: organisation }],
    main: html`<h1 class="utrecht-heading-1">${t('settings.title', { organisation })}</h1>
      ${view.notice ? alert('ok', html`<p class="utrecht-paragraph">${view.notice}</p>`) : ''}
      ${problemAlert(view.problem)} ${requestsSection(ctx, view)}
      <p class="utrecht-paragraph">${t('settings.intro')}</p>
      <p class="utrecht-paragraph">${t('settings.redirectUri')} <code>${view.redirectUri}</code></p>
      ${view.hasPublicKey ? html`<p class="utrecht-paragraph">${t('settings.jwks')} <a class="utrecht-link" href="/sso/${view.organisation.code}/jwks.json">/sso/${view.organisation.code}/jwks.json</a></p>` : ''}
      ${errorSummary(ctx.locale, view.errors)}
      <form method="post" action="${base}" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${textField({ name: 'issuer', label: t('settings.issuer'), type: 'url', description: t('settings.issuerHint'), value: v.issuer, error: view.errors.issuer, required: true, locale: ctx.locale })}
        ${textField({ name: 'clientId', label: t('settings.clientId'), autocomplete: 'off', value: v.clientId, error: view.errors.clientId, required: true, locale: ctx.locale })}
        ${choiceGroup({
          name: 'authMethod',
          type: 'radio',
          label: t('settings.authMethod'),
          choices: [
            { value: 'private_key_jwt', label: t('settings.privateKeyJwt') },
            { value: 'client_secret_basic', label: t('settings.clientSecretBasic') },
          ],
          chosen: [v.authMethod],
          error: view.errors.authMethod,
          locale: ctx.locale,
        })}
        ${textField({ name: 'clientSecret', label: t('settings.clientSecret'), type: 'password', autocomplete: 'off', description: t('settings.clientSecretHint'), error: view.errors.clientSecret, required: false, locale: ctx.locale })}
        ${textField({ name: 'domains', label: t('settings.domains'), description: t('settings.domainsHint'), value: v.domains, error: view.errors.domains, required: true, locale: ctx.locale })}
        ${choiceGroup({
          name: 'newColleagues',
          type: 'radio',
          label: t('settings.newColleagues'),
          choices: [
            { value: 'create', label: t('settings.create') },
            { value: 'approve', label: t('settings.approve') },
          ],
          chosen: [v.newColleagues],
          error: view.errors.newColleagues,
          locale: ctx.locale,
        })}
        ${selectField({ name: 'defaultRole', label: t('settings.defaultRole'), choices: roleChoices, value: v.defaultRole, error: view.errors.defaultRole, locale: ctx.locale })}
        ${selectField({
          name: 'requiredAcr',
          label: t('settings.requiredAcr'),
          description: t('settings.requiredAcrHint'),
          choices: [
            { value: '', label: t('settings.acr.none') },
            { value: 'http://eidas.europa.eu/LoA/low', label: t('settings.acr.low') },
            { value: 'http://eidas.europa.eu/LoA/substantial', label: t('settings.acr.substantial') },
            { value: 'http://eidas.europa.eu/LoA/high', label: t('settings.acr.high') },
          ],
          value: v.requiredAcr,
          error: view.errors.requiredAcr,
          locale: ctx.locale,
        })}
        <div class="rk-actions">${button(t('settings.save'))}</div>
      </form>
      ${view.isConfigured ? actionButton({ action: `${base}/remove`, label: t('settings.remove'), ariaLabel: t('settings.remove'), csrfToken: ctx.csrfToken }) : ''}`,
  });
}

/** Sends the browser on to the provider: a refresh at once, and a link for browsers that do not. */
export function handOverPage(ctx: PageContext, url: string): string {
  const t = signOnMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('start.title'),
    head: html`<meta http-equiv="refresh" content="0;url=${url}" />`,
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${t('start.title')}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" id="provider-link" href="${url}">${t('start.submit')}</a>
      </p>
    </div>`,
  });
}
