import type { OrganisationScope } from '../../core/http/context.ts';
import { formatDate } from '../../core/i18n/i18n.ts';
import { button, csrfField, table } from '../../core/render/components.ts';
import { errorSummary, type FieldErrors } from '../../core/render/form-fields.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { renderRichText } from '../../core/render/rich-text.ts';
import { casesMessage } from './cases.messages.ts';
import type { CaseRow } from './cases.queries.ts';
import { timelineTable, type LoadedCase, type TimelineEntry } from './case.views.ts';
import { intakeMessage } from './intake.messages.ts';
import { brigadeFields, type BrigadeFormValues } from './public.views.ts';

const crumbs = (ctx: PageContext, o: OrganisationScope) => [
  { href: `/o/${o.code}`, label: o.displayName },
  { href: `/o/${o.code}/brigade`, label: casesMessage.for(ctx.locale)('municipality.title') },
];

export function municipalityCasesPage(
  ctx: PageContext,
  o: OrganisationScope,
  rows: CaseRow[],
  notice?: string,
): string {
  const t = casesMessage.for(ctx.locale);
  const canAsk = o.role !== 'viewer';
  return renderPage(ctx, {
    title: t('municipality.title'),
    nav: 'dashboard',
    breadcrumbs: crumbs(ctx, o).slice(0, 1),
    main: html`<h1 class="utrecht-heading-1">${t('municipality.title')}</h1>
      ${
        notice
          ? html`<div class="utrecht-alert utrecht-alert--ok" role="status">
              <div class="utrecht-alert__content"><p class="utrecht-paragraph">${notice}</p></div>
            </div>`
          : ''
      }
      <p class="utrecht-paragraph">${t('municipality.lead', { organisation: o.displayName })}</p>
      ${canAsk ? html`<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/o/${o.code}/brigade/new">${t('municipality.new')}</a></p>` : ''}
      ${
        rows.length === 0
          ? html`<p class="utrecht-paragraph">${t('municipality.empty', { organisation: o.displayName })}</p>`
          : table({
              caption: t('municipality.caption', { organisation: o.displayName }),
              columns: [
                { label: t('col.number') },
                { label: t('col.category') },
                { label: t('col.state') },
                { label: t('col.submitted') },
              ],
              rows: rows.map((r) => ({
                header: html`<a class="utrecht-link" href="/o/${o.code}/brigade/${r.id}"
                  >${t('municipality.case', { id: r.id })}</a
                >`,
                cells: [
                  intakeMessage(ctx.locale, `category.${r.category}`),
                  t(`status.${r.status}`),
                  formatDate(ctx.locale, r.createdAt),
                ],
              })),
            })
      }`,
  });
}

export function municipalityCasePage(
  ctx: PageContext,
  o: OrganisationScope,
  loaded: LoadedCase,
  timeline: TimelineEntry[],
): string {
  const t = casesMessage.for(ctx.locale);
  const x = loaded.case;
  const title = t('municipality.case', { id: x.id });
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: crumbs(ctx, o),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <dl class="rk-compact">
        <dt>${t('case.status')}</dt>
        <dd><strong id="case-status">${t(`status.${x.status}`)}</strong></dd>
        <dt>${t('case.category')}</dt>
        <dd>${intakeMessage(ctx.locale, `category.${x.category}`)}</dd>
        <dt>${t('case.description')}</dt>
        <dd>${x.description}</dd>
      </dl>
      <h2 class="utrecht-heading-2">${t('case.assignment')}</h2>
      ${x.assignment ? renderRichText(x.assignment) : html`<p class="utrecht-paragraph">${t('case.assignment.empty')}</p>`}
      ${
        x.outcome
          ? html`<h2 class="utrecht-heading-2">${t('municipality.outcome')}</h2>
              ${renderRichText(x.outcome)}`
          : ''
      }
      ${
        x.declineReason
          ? html`<h2 class="utrecht-heading-2">${t('municipality.declined')}</h2>
              <p class="utrecht-paragraph">${x.declineReason}</p>`
          : ''
      }
      <h2 class="utrecht-heading-2">${t('municipality.history')}</h2>
      ${timelineTable(ctx, timeline, new Map(), t('municipality.history'))}`,
  });
}

export function municipalityAskPage(
  ctx: PageContext,
  o: OrganisationScope,
  state: { values: BrigadeFormValues; errors: FieldErrors; sourceScan?: number | undefined },
): string {
  const i = intakeMessage.for(ctx.locale);
  const fromScan = state.sourceScan
    ? html`<p class="utrecht-paragraph">${i('brigade.fromScan.note')}</p>
        <input type="hidden" name="sourceScan" value="${state.sourceScan}" />`
    : '';
  return renderPage(ctx, {
    title: i('brigade.title'),
    nav: 'dashboard',
    breadcrumbs: crumbs(ctx, o),
    main: html`<h1 class="utrecht-heading-1">${i('brigade.title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${i('brigade.lead')}</p>
      <p class="utrecht-paragraph">${i('brigade.municipality')}: <strong>${o.displayName}</strong></p>
      ${errorSummary(ctx.locale, state.errors)}
      <form method="post" action="/o/${o.code}/brigade" class="rk-form" novalidate>
        ${csrfField(ctx.csrfToken)} ${fromScan} ${brigadeFields(ctx, state)} ${button(i('brigade.submit'))}
      </form>`,
  });
}
