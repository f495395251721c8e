import { formatDate, formatDecimal } from '../../core/i18n/i18n.ts';
import { button, table } from '../../core/render/components.ts';
import { selectField, textField } from '../../core/render/form-fields.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { casesMessage } from './cases.messages.ts';
import type { CaseRow } from './cases.queries.ts';
import { crumbs } from './coordinator.views.ts';
import { intakeMessage } from './intake.messages.ts';
import { caseStatuses } from './intake.tables.ts';

/** The coordinators' list of Brigade questions, with filter, search and CSV export. */
export function casesPage(
  ctx: PageContext,
  d: { network: string; rows: CaseRow[]; search: string; status: string },
): string {
  const t = casesMessage.for(ctx.locale);
  const base = `/networks/${d.network}/brigade`;
  const query = new URLSearchParams({ q: d.search, status: d.status }).toString();
  return renderPage(ctx, {
    title: t('cases.title'),
    nav: 'region',
    breadcrumbs: crumbs(ctx, d.network),
    main: html`<h1 class="utrecht-heading-1">${t('cases.title')}</h1>
      <form method="get" action="${base}" class="rk-form rk-filter">
        ${textField({ name: 'q', label: t('filter.search'), value: d.search, type: 'search', locale: ctx.locale })}
        ${selectField({ name: 'status', label: t('filter.state'), value: d.status, choices: [{ value: '', label: t('filter.all') }, ...caseStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))], locale: ctx.locale })}
        ${button(t('filter.apply'), 'secondary')}
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${base}.csv?${query}">${t('filter.csv')}</a>
      </p>
      ${
        d.rows.length === 0
          ? html`<p class="utrecht-paragraph">${t('cases.empty')}</p>`
          : table({
              caption: t('cases.caption', { count: d.rows.length }),
              columns: [
                { label: t('col.number') },
                { label: t('col.organisation') },
                { label: t('col.category') },
                { label: t('col.state') },
                { label: t('col.assignee') },
                { label: t('col.days'), isNumeric: true },
                { label: t('col.submitted') },
              ],
              rows: d.rows.map((r) => ({
                header: html`<a class="utrecht-link" href="${base}/${r.id}">${r.id}</a>`,
                cells: [
                  r.organisation,
                  r.fromScan
                    ? html`${intakeMessage(ctx.locale, `category.${r.category}`)}
                        <strong class="rk-badge"
                          >${intakeMessage(ctx.locale, 'brigade.fromScan.badge')}</strong
                        >`
                    : intakeMessage(ctx.locale, `category.${r.category}`),
                  t(`status.${r.status}`),
                  r.assignee ?? '',
                  formatDecimal(ctx.locale, Number(r.days)),
                  formatDate(ctx.locale, r.createdAt),
                ],
              })),
            })
      }`,
  });
}
