import type { OrganisationScope } from '../../core/http/context.ts';
import { formatDateTime } from '../../core/i18n/i18n.ts';
import { alert, button, csrfField } from '../../core/render/components.ts';
import { errorSummary, choiceGroup, type FieldErrors } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { sharingMessage } from './sharing.messages.ts';
import { minimumGroupSize } from './sharing-promise.ts';
import { sharingModes, type SharingMode } from './sharing.tables.ts';

export interface SharingPageData {
  organisation: OrganisationScope;
  setting: { mode: SharingMode; updatedBy: string | null; updatedAt: Date | null };
  networks: string[];
  /** What the form shows: the stored mode, or what was posted when it was refused. */
  value: string;
  errors: FieldErrors;
  notice: string | undefined;
}

function modeChoices(ctx: PageContext) {
  const t = sharingMessage.for(ctx.locale);
  return sharingModes.map((mode) => ({
    value: mode,
    label: t(`mode.${mode}`),
    description: t(`mode.${mode}.description`, { minimum: minimumGroupSize }),
  }));
}

function changed(ctx: PageContext, setting: SharingPageData['setting']): string {
  const t = sharingMessage.for(ctx.locale);
  if (!setting.updatedAt) return t('sharing.default');
  const date = formatDateTime(ctx.locale, setting.updatedAt);
  return setting.updatedBy
    ? t('sharing.changedBy', { name: setting.updatedBy, date })
    : t('sharing.changedAt', { date });
}

function sharingForm(ctx: PageContext, data: SharingPageData): SafeHtml {
  const t = sharingMessage.for(ctx.locale);
  const label = t('sharing.field', { organisation: data.organisation.displayName });
  return html`${errorSummary(ctx.locale, data.errors)}
    <form method="post" action="/o/${data.organisation.code}/sharing" novalidate>
      ${csrfField(ctx.csrfToken)}
      ${choiceGroup({ type: 'radio', name: 'mode', label, choices: modeChoices(ctx), chosen: [data.value], error: data.errors.mode, locale: ctx.locale })}
      <div class="rk-actions">${button(t('sharing.submit'))}</div>
    </form>`;
}

function currentChoice(ctx: PageContext, data: SharingPageData): SafeHtml {
  const t = sharingMessage.for(ctx.locale);
  const choice = modeChoices(ctx).find((c) => c.value === data.setting.mode);
  return html`<dl class="utrecht-data-list utrecht-data-list--rows">
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">${t('sharing.current')}</dt>
        <dd class="utrecht-data-list__item-value" id="sharing-mode">
          <strong>${choice?.label}</strong><br />${choice?.description}
        </dd>
      </div>
    </dl>
    <p class="utrecht-paragraph">
      ${t('sharing.adminOnly', { organisation: data.organisation.displayName })}
    </p>`;
}

export function sharingPage(ctx: PageContext, data: SharingPageData): string {
  const t = sharingMessage.for(ctx.locale);
  const o = data.organisation;
  const networks =
    data.networks.length > 0
      ? t('sharing.networks', { organisation: o.displayName, networks: data.networks.join(', ') })
      : t('sharing.noNetworks', { organisation: o.displayName });
  return renderPage(ctx, {
    title: `${t('sharing.title')} · ${o.displayName}`,
    nav: 'dashboard',
    breadcrumbs: [
      { href: `/o/${o.code}`, label: o.displayName },
      { href: `/o/${o.code}/benchmark`, label: t('benchmark.title') },
    ],
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${t('sharing.title')}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      <p class="utrecht-paragraph">${t('sharing.intro', { organisation: o.displayName })}</p>
      <p class="utrecht-paragraph">${networks}</p>
      ${o.role === 'admin' ? sharingForm(ctx, data) : currentChoice(ctx, data)}
      <p class="utrecht-paragraph rk-muted" id="sharing-changed">${changed(ctx, data.setting)}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/o/${o.code}/benchmark">${t('sharing.toBenchmark')}</a>
      </p>
    </div>`,
  });
}
