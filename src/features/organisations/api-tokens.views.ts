import type { OrganisationScope } from '../../core/http/context.ts';
import { actionButton, alert, button, csrfField, table } from '../../core/render/components.ts';
import { apiResources } from '../../core/auth/auth.tables.ts';
import { formatDate, formatDateTime } from '../../core/i18n/i18n.ts';
import {
  choiceGroup,
  errorSummary,
  textField,
  typedField,
  type FieldErrors,
} from '../../core/render/form-fields.ts';
import { defaultTokenForm, type TokenFormValues } from './api-tokens-form.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { apiTokensMessage } from './api-tokens.messages.ts';
import type { listApiTokens } from './api-tokens.service.ts';

export interface ApiTokensPageData {
  organisation: OrganisationScope;
  tokens: Awaited<ReturnType<typeof listApiTokens>>;
  /** What was typed; a new form when absent. */
  values?: TokenFormValues;
  errors: FieldErrors;
  notice?: string | undefined;
}

export function apiTokensPage(ctx: PageContext, data: ApiTokensPageData): string {
  const t = apiTokensMessage.for(ctx.locale);
  const o = data.organisation;
  const values = data.values ?? defaultTokenForm();
  const list =
    data.tokens.length === 0
      ? html`<p class="utrecht-paragraph">${t('empty')}</p>`
      : table({
          caption: t('caption'),
          columns: [
            { label: t('name') },
            { label: t('prefix') },
            { label: t('access') },
            { label: t('created') },
            { label: t('expires') },
            { label: t('lastUsed') },
            { label: t('status') },
          ],
          rows: data.tokens.map((k) => ({
            header: k.name,
            cells: [
              html`<code>${k.prefix}…</code>`,
              html`${t(`access.${k.access}`)}<br />${(k.resources ?? apiResources).map((r) => t(`resource.${r}`)).join(', ')}`,
              formatDateTime(ctx.locale, k.createdAt),
              formatDate(ctx.locale, k.expiresAt),
              k.lastUsedAt ? formatDateTime(ctx.locale, k.lastUsedAt) : t('never'),
              k.revokedAt
                ? t('revoked')
                : k.expiresAt.getTime() <= Date.now()
                  ? t('expired')
                  : html`${t('active')}
                    ${actionButton({ action: `/o/${o.code}/api-tokens/${k.id}/revoke`, label: t('revoke'), ariaLabel: t('revokeLabel', { name: k.name }), csrfToken: ctx.csrfToken })}`,
            ],
          })),
        });
  return renderPage(ctx, {
    title: t('title', { organisation: o.displayName }),
    nav: 'dashboard',
    breadcrumbs: [{ href: `/o/${o.code}`, label: o.displayName }],
    main: html`<h1 class="utrecht-heading-1">${t('title', { organisation: o.displayName })}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      <p class="utrecht-paragraph">${t('intro', { organisation: o.displayName })}</p>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/api/v1/openapi.json">${t('docs')}</a></p>
      ${list}
      <h2 class="utrecht-heading-2">${t('new')}</h2>
      ${errorSummary(ctx.locale, data.errors)}
      <form method="post" action="/o/${o.code}/api-tokens" novalidate class="rk-narrow">
        ${csrfField(ctx.csrfToken)}
        ${textField({ name: 'name', label: t('new.name'), description: t('new.hint'), value: values.name, error: data.errors.name, required: true, locale: ctx.locale })}
        ${choiceGroup({
          type: 'radio',
          name: 'access',
          label: t('new.access'),
          chosen: [values.access],
          error: data.errors.access,
          locale: ctx.locale,
          choices: [
            { value: 'read', label: t('access.read'), description: t('new.access.read') },
            { value: 'read-write', label: t('access.read-write'), description: t('new.access.read-write') },
          ],
        })}
        ${choiceGroup({ type: 'checkbox', name: 'resources', label: t('new.resources'), description: t('new.resources.hint'), chosen: values.resources, error: data.errors.resources, locale: ctx.locale, choices: apiResources.map((r) => ({ value: r, label: t(`resource.${r}`) })) })}
        ${typedField({ type: 'date', name: 'expires', label: t('new.expires'), description: t('new.expires.hint'), value: values.expires, error: data.errors.expires, required: true, locale: ctx.locale })}
        <div class="rk-actions">${button(t('new.submit'))}</div>
      </form>`,
  });
}

export function apiTokenCreatedPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  token: string,
): string {
  const t = apiTokensMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('created.title'),
    nav: 'dashboard',
    breadcrumbs: [{ href: `/o/${organisation.code}`, label: organisation.displayName }],
    main: html`<h1 class="utrecht-heading-1">${t('created.title')}</h1>
      ${alert('warning', html`<p class="utrecht-paragraph">${t('created.body')}</p>`)}
      <p class="utrecht-paragraph">
        <label class="utrecht-form-label" for="token">${t('created.title')}</label>
      </p>
      <input
        class="utrecht-textbox utrecht-textbox--html-input rk-token"
        id="token"
        readonly
        value="${token}"
      />
      <p class="utrecht-paragraph">${t('created.usage')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/o/${organisation.code}/api-tokens">${t('created.back')}</a>
      </p>`,
  });
}
