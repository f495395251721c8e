import { button, table } from '../../core/render/components.ts';
import { selectField } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { projectedShapes } from './map-geometry.ts';
import { mapMessage } from './map.messages.ts';
import { bucketOf, buckets, type Bucket } from './map-shading.ts';
import type { Municipality, ProjectFilters, ProjectView } from './projects.queries.ts';
import { frameworkChoices, projectsTable } from './projects.views.ts';
import { projectsMessage } from './projects.messages.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';

export interface MapData {
  municipalities: Municipality[];
  counts: Map<string, number>;
  filters: ProjectFilters;
  namedCount: number;
  aggregatedCount: number;
}

export function filterQuery(filters: ProjectFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.task) params.set('task', filters.task);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function municipalityLabel(ctx: PageContext, name: string, count: number): string {
  const t = mapMessage.for(ctx.locale);
  return count === 1 ? t('map.labelOne', { name }) : t('map.label', { name, count });
}

function countLabel(ctx: PageContext, count: number): string {
  const t = mapMessage.for(ctx.locale);
  return count === 1 ? t('count.one') : t('count.other', { count });
}

function bucketLabel(ctx: PageContext, b: Bucket): string {
  const t = mapMessage.for(ctx.locale);
  if (b.low === 0) return t('bucket.0');
  if (b.high === null) return t('bucket.more', { low: b.low });
  return b.low === b.high ? String(b.low) : t('bucket.range', { low: b.low, high: b.high });
}

/** The colour key: a row of swatches with their classes, named by its title for screen readers. */
function legend(ctx: PageContext): SafeHtml {
  return html`<div class="rk-map-legend">
    <p class="rk-map-legend__title" id="project-map-legend">${mapMessage.for(ctx.locale)('legend.title')}</p>
    <ul class="rk-map-legend__list" aria-labelledby="project-map-legend">
      ${buckets.map(
        (b) =>
          html`<li class="rk-map-legend__item">
            <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="27" height="15" fill="${b.fill}" stroke="#4b5560" />
            </svg>
            ${bucketLabel(ctx, b)}
          </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * The map: one link per municipality, named "Gemeente X: N projecten", in alphabetical order so that
 * Tab goes through it in the same order as the table. Not role="img": that would hide the links.
 * `src/client/map.ts` shows the name of the region under the pointer or the focus beside it.
 */
export function mapSvg(ctx: PageContext, data: MapData): SafeHtml {
  const t = mapMessage.for(ctx.locale);
  const { width, height, shapes } = projectedShapes(data.municipalities.map((m) => m.code));
  const pathOf = new Map(shapes.map((s) => [s.code, s.path]));
  const withProjects = data.municipalities.filter((m) => (data.counts.get(m.code) ?? 0) > 0).length;
  const links = data.municipalities.map((m) => {
    const d = pathOf.get(m.code);
    if (!d) return '';
    const count = data.counts.get(m.code) ?? 0;
    const href = `/knowledge/projects${filterQuery(data.filters, { municipality: m.code })}`;
    return html`<a
      href="${href}"
      aria-label="${municipalityLabel(ctx, m.name, count)}"
      data-name="${m.name}"
      data-count="${countLabel(ctx, count)}"
      class="rk-map-area"
      ><path
        d="${d}"
        fill="${bucketOf(count).fill}"
        stroke="#4b5560"
        stroke-width="0.8"
        stroke-linejoin="round"
    /></a>`;
  });
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="rk-chart rk-map"
    viewBox="0 0 ${Math.round(width)} ${Math.round(height)}"
    role="group"
    aria-labelledby="project-map-title project-map-desc"
  >
    <title id="project-map-title">${t('map.title')}</title>
    <desc id="project-map-desc">${t('map.desc', { count: data.municipalities.length, withProjects })}</desc>
    ${links}
  </svg>`;
}

function filterForm(ctx: PageContext, filters: ProjectFilters, action: string): SafeHtml {
  const t = mapMessage.for(ctx.locale);
  const choices = frameworkChoices(ctx.locale);
  const all = { value: '', label: t('filter.all') };
  return html`<form method="get" action="${action}" class="rk-filter-form">
    <h2 class="utrecht-heading-2">${t('filter.title')}</h2>
    ${selectField({ name: 'theme', label: t('filter.theme'), choices: [all, ...choices.themes], value: filters.theme ?? '', locale: ctx.locale })}
    ${selectField({ name: 'task', label: t('filter.task'), choices: [all, ...choices.tasks], value: filters.task ?? '', locale: ctx.locale })}
    <div class="rk-actions">${button(t('filter.submit'), 'secondary')}</div>
  </form>`;
}

/** Only the municipalities with projects: the map already shows which have none. */
function countsTable(ctx: PageContext, data: MapData): SafeHtml {
  const t = mapMessage.for(ctx.locale);
  const withProjects = data.municipalities.filter((m) => (data.counts.get(m.code) ?? 0) > 0);
  if (withProjects.length === 0) return html`<p class="utrecht-paragraph">${t('table.none')}</p>`;
  return table({
    caption: t('table.caption'),
    columns: [{ label: t('table.municipality') }, { label: t('table.projects'), isNumeric: true }],
    rows: withProjects.map((m) => ({
      header: html`<a
        class="utrecht-link"
        href="/knowledge/projects${filterQuery(data.filters, { municipality: m.code })}"
        >${m.name}</a
      >`,
      cells: [data.counts.get(m.code) ?? 0],
    })),
  });
}

export function mapPage(ctx: PageContext, data: MapData): string {
  const t = mapMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('title'),
    nav: 'knowledge',
    breadcrumbs: [{ href: '/knowledge', label: coreMessage(ctx.locale, 'nav.knowledge') }],
    main: html`<h1 class="utrecht-heading-1">${t('title')}</h1>
      <p class="utrecht-paragraph">${t('intro')}</p>
      ${filterForm(ctx, data.filters, '/knowledge/map')}
      <h2 class="utrecht-heading-2">${t('map.title')}</h2>
      <div class="rk-chart-frame">${mapSvg(ctx, data)}</div>
      ${legend(ctx)}
      <p class="utrecht-paragraph">${t('total', { count: data.namedCount })}</p>
      ${data.aggregatedCount > 0 ? html`<p class="utrecht-paragraph">${t('aggregated', { count: data.aggregatedCount })}</p>` : ''}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/knowledge/projects${filterQuery(data.filters)}">${t('allProjects')}</a>
      </p>
      ${countsTable(ctx, data)}
      <p class="utrecht-paragraph"><small>${t('source')}</small></p>`,
  });
}

export function sharedProjectsPage(
  ctx: PageContext,
  data: { projects: ProjectView[]; municipality: Municipality | undefined; filters: ProjectFilters },
): string {
  const t = projectsMessage.for(ctx.locale);
  const title = data.municipality
    ? t('list.titleMunicipality', { municipality: data.municipality.name })
    : t('list.title');
  return renderPage(ctx, {
    title,
    nav: 'knowledge',
    breadcrumbs: [
      { href: `/knowledge/map${filterQuery(data.filters)}`, label: mapMessage.for(ctx.locale)('title') },
    ],
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      ${
        data.projects.length > 0
          ? projectsTable(ctx, t('list.caption'), data.projects)
          : html`<p class="utrecht-paragraph">${t('list.none')}</p>`
      }
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/knowledge/map${filterQuery(data.filters)}">${t('list.toMap')}</a>
      </p>`,
  });
}
