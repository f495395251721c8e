import { formatInteger, type Locale } from '../../core/i18n/i18n.ts';
import { alert } from '../../core/render/components.ts';
import { textField } from '../../core/render/form-fields.ts';
import { escapeHtml, html, SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { pillarLabel, taskLabel, themeLabel } from './practices-labels.ts';
import { practiceMessage } from './practices.messages.ts';
import { periodText } from './practices.views.ts';
import type { FacetValue } from './search-parse.ts';
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  type SearchFilters,
  type SearchHit,
  type SearchResult,
} from './search.queries.ts';

const markedPair = new RegExp(
  `${HIGHLIGHT_START}([^${HIGHLIGHT_START}${HIGHLIGHT_STOP}]*)${HIGHLIGHT_STOP}`,
  'g',
);
const strayMarker = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_STOP}]`, 'g');

/**
 * A ts_headline fragment as safe HTML: the text is escaped first, and only then are the database's
 * match markers (control characters no user text contains) turned into <mark> pairs.
 */
export function highlightFragment(fragment: string): SafeHtml {
  const escaped = escapeHtml(fragment);
  return new SafeHtml(escaped.replace(markedPair, '<mark>$1</mark>').replace(strayMarker, ''));
}

type FilterName = 'pillar' | 'theme' | 'task' | 'organisation' | 'year';

function filterSelect(
  locale: Locale,
  o: {
    name: FilterName;
    label: string;
    values: FacetValue[];
    chosen: string | undefined;
    labelOf: (v: FacetValue) => string;
  },
): SafeHtml {
  const t = practiceMessage.for(locale);
  const values = [...o.values];
  if (o.chosen && !values.some((v) => v.value === o.chosen)) values.unshift({ value: o.chosen, count: 0 });
  return html`<div class="utrecht-form-field utrecht-form-field--select">
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="filter-${o.name}">${o.label}</label>
    </div>
    <div class="utrecht-form-field__input">
      <select class="utrecht-select utrecht-select--html-select" id="filter-${o.name}" name="${o.name}">
        <option value="">${t('search.any')}</option>
        ${values.map(
          (v) =>
            html`<option value="${v.value}" ${v.value === o.chosen ? 'selected' : ''}>
              ${t('filter.option', { label: o.labelOf(v), count: formatInteger(locale, v.count) })}
            </option>`,
        )}
      </select>
    </div>
  </div>`;
}

function filters(locale: Locale, f: SearchFilters, r: SearchResult): SafeHtml {
  const t = practiceMessage.for(locale);
  return html`<fieldset
    class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset rk-filter"
  >
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
      ${t('search.filters')}
    </legend>
    ${filterSelect(locale, { name: 'pillar', label: t('filter.pillar'), values: r.facets.pillar, chosen: f.pillar, labelOf: (v) => pillarLabel(locale, v.value) })}
    ${filterSelect(locale, { name: 'theme', label: t('filter.theme'), values: r.facets.theme, chosen: f.theme, labelOf: (v) => themeLabel(locale, v.value) })}
    ${filterSelect(locale, { name: 'task', label: t('filter.task'), values: r.facets.task, chosen: f.task, labelOf: (v) => taskLabel(locale, v.value) })}
    ${filterSelect(locale, { name: 'organisation', label: t('filter.organisation'), values: r.facets.organisation, chosen: f.organisation, labelOf: (v) => v.label ?? v.value })}
    ${filterSelect(locale, { name: 'year', label: t('filter.period'), values: r.facets.year, chosen: f.year === undefined ? undefined : String(f.year), labelOf: (v) => v.value })}
  </fieldset>`;
}

function hitItem(locale: Locale, hit: SearchHit): SafeHtml {
  return html`<li class="rk-card">
    <h3 class="utrecht-heading-3">
      <a class="utrecht-link" href="/knowledge/practices/${hit.id}">${hit.title}</a>
    </h3>
    <p class="utrecht-paragraph">
      ${hit.organisationName} · ${periodText(locale, hit.periodStart, hit.periodEnd)} ·
      ${hit.themes.map((id) => themeLabel(locale, id)).join(', ')}
    </p>
    <p class="utrecht-paragraph">${highlightFragment(hit.fragment)}</p>
  </li>`;
}

export function searchUrl(f: SearchFilters, page: number): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  for (const name of ['pillar', 'theme', 'task', 'organisation'] as const) {
    const value = f[name];
    if (value) params.set(name, value);
  }
  if (f.year !== undefined) params.set('year', String(f.year));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/knowledge/practices${query ? `?${query}` : ''}`;
}

function pager(locale: Locale, f: SearchFilters, r: SearchResult): SafeHtml | '' {
  const t = practiceMessage.for(locale);
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  if (pages <= 1) return '';
  return html`<nav class="rk-pager" aria-label="${t('pager.label')}">
    ${r.page > 1 ? html`<a class="utrecht-link" rel="prev" href="${searchUrl(f, r.page - 1)}">${t('pager.previous')}</a>` : ''}
    <span>${t('pager.status', { page: r.page, pages })}</span>
    ${r.page < pages ? html`<a class="utrecht-link" rel="next" href="${searchUrl(f, r.page + 1)}">${t('pager.next')}</a>` : ''}
  </nav>`;
}

function results(locale: Locale, f: SearchFilters, r: SearchResult): SafeHtml {
  const t = practiceMessage.for(locale);
  const count =
    r.total === 1 ? t('search.countOne') : t('search.count', { count: formatInteger(locale, r.total) });
  return html`<section aria-labelledby="results-heading">
    <h2 class="utrecht-heading-2" id="results-heading">${t('search.results')}</h2>
    <p class="utrecht-paragraph" role="status">${count}</p>
    ${
      r.hits.length === 0
        ? html`<p class="utrecht-paragraph">${t('search.none')}</p>`
        : html`<ol class="rk-action-list" start="${(r.page - 1) * r.pageSize + 1}">
            ${r.hits.map((hit) => hitItem(locale, hit))}
          </ol>`
    }
    ${pager(locale, f, r)}
  </section>`;
}

export function searchPage(ctx: PageContext, f: SearchFilters, r: SearchResult): string {
  const t = practiceMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('search.title'),
    nav: 'knowledge',
    breadcrumbs: [{ href: '/knowledge', label: t('knowledge.title') }],
    main: html`<h1 class="utrecht-heading-1">${t('search.title')}</h1>
      <p class="utrecht-paragraph">${t('search.intro')}</p>
      ${ctx.user ? '' : alert('info', html`<p class="utrecht-paragraph">${t('search.signedOut')}</p>`)}
      <form method="get" action="/knowledge/practices" role="search">
        ${textField({ name: 'q', label: t('search.query'), value: f.q, type: 'search', locale: ctx.locale })}
        ${filters(ctx.locale, f, r)}
        <div class="rk-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            ${t('search.submit')}
          </button>
          <a class="utrecht-link" href="/knowledge/practices">${t('search.clear')}</a>
        </div>
      </form>
      ${results(ctx.locale, f, r)}`,
  });
}
