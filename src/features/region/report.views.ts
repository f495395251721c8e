import { errorSummary, selectField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { periodChoices } from './report-period.ts';
import { reportMessage } from './report.messages.ts';
import type { RegionNetwork } from './workspace.queries.ts';
import { workspaceMessage } from './workspace.messages.ts';

export const reportFormats = ['docx', 'pdf', 'odt', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface ReportFormValues {
  from: string;
  to: string;
  language: string;
}

/**
 * The period and language, and a download button per format. A GET form: a report changes nothing,
 * and the address of a report can be kept and opened again. A wrong choice comes back on the
 * report's own page with the choices kept.
 */
function reportForm(
  ctx: PageContext,
  code: string,
  values: ReportFormValues,
  errors: FieldErrors,
  now: Date,
) {
  const t = reportMessage.for(ctx.locale);
  const choices = periodChoices(ctx.locale, now);
  return html`<form method="get" action="/networks/${code}/report" novalidate>
    <div class="rk-filter">
      ${selectField({ name: 'from', label: t('form.from'), value: values.from, error: errors.from, choices, locale: ctx.locale })}
      ${selectField({ name: 'to', label: t('form.to'), value: values.to, error: errors.to, choices, locale: ctx.locale })}
      ${selectField({
        name: 'language',
        label: t('form.language'),
        value: values.language,
        error: errors.language,
        choices: (['nl', 'en'] as const).map((l) => ({ value: l, label: t(`language.${l}`) })),
        locale: ctx.locale,
      })}
    </div>
    <div class="rk-actions">
      ${reportFormats.map(
        (format) =>
          html`<button
            type="submit"
            name="format"
            value="${format}"
            class="utrecht-button ${format === 'docx' ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action'}"
          >
            ${t('form.download', { format: t(`format.${format}`) })}
          </button>`,
      )}
    </div>
  </form>`;
}

/** The workspace's section with the form, its defaults filled in. */
export function reportSection(ctx: PageContext, code: string, values: ReportFormValues, now: Date): SafeHtml {
  const t = reportMessage.for(ctx.locale);
  return html`<section aria-labelledby="report-heading">
    <h2 class="utrecht-heading-2" id="report-heading">${t('form.title')}</h2>
    <p class="utrecht-paragraph">${t('form.intro')}</p>
    ${reportForm(ctx, code, values, {}, now)}
  </section>`;
}

/** The report's own page: the form again, with what was wrong above it and the choices kept. */
export function reportPage(
  ctx: PageContext,
  network: RegionNetwork,
  values: ReportFormValues,
  errors: FieldErrors,
  now: Date,
): string {
  const t = reportMessage.for(ctx.locale);
  const w = workspaceMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('form.pageTitle', { name: network.name }),
    nav: 'region',
    breadcrumbs: [
      { href: '/networks', label: w('crumb') },
      { href: `/networks/${network.code}`, label: w('title', { name: network.name }) },
    ],
    main: html`<h1 class="utrecht-heading-1">${t('form.pageTitle', { name: network.name })}</h1>
      ${errorSummary(ctx.locale, errors)}
      <p class="utrecht-paragraph">${t('form.intro')}</p>
      ${reportForm(ctx, network.code, values, errors, now)}`,
  });
}
