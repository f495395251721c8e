import { formatDecimal, type Locale } from '../../core/i18n/i18n.ts';
import { dataTable } from '../../core/render/data-table.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { minimumGroupSize } from './benchmark-anonymity.ts';
import { sizeClassLabel } from './benchmark-groups.ts';
import { openDataLicence } from './benchmark-api.routes.ts';
import { openDataMessage } from './open-data.messages.ts';
import type { OpenDataSet } from './open-data.service.ts';

/** A score (level 1–5) with the locale's decimal sign. */
export function formatScore(locale: Locale, n: number): string {
  return formatDecimal(locale, n);
}

/** A readable name for a group id: all, province:PV28, network:mrdh, size:5. */
export function groupLabel(locale: Locale, id: string, names: Map<string, string>): string {
  if (id === 'all') return openDataMessage(locale, 'group.all');
  const size = /^size:(\d)$/.exec(id)?.[1];
  if (size) return openDataMessage(locale, 'group.size', { label: sizeClassLabel(Number(size), locale) });
  const name = names.get(id);
  if (!name) return id;
  return id.startsWith('network:') ? openDataMessage(locale, 'group.network', { name }) : name;
}

function shownGroups(ctx: PageContext, data: OpenDataSet, names: Map<string, string>): SafeHtml {
  const t = openDataMessage.for(ctx.locale);
  const overall = data.items.filter((f) => f.kind === 'overall');
  if (data.period === null || overall.length === 0)
    return html`<p class="utrecht-paragraph">${t('empty')}</p>`;
  const period = data.period;
  return html`${dataTable({
    caption: t('table.caption', { period }),
    rowHeaderLabel: t('table.group'),
    columns: [
      { label: t('table.size'), numeric: true },
      { label: t('table.q1'), numeric: true },
      { label: t('table.median'), numeric: true },
      { label: t('table.q3'), numeric: true },
    ],
    rows: overall.map((f) => ({
      header: groupLabel(ctx.locale, f.group, names),
      cells: [String(f.groupSize), f.q1, f.median, f.q3],
    })),
    formatNumber: (n) => formatScore(ctx.locale, n),
  })}
  ${
    data.withheld.length > 0
      ? html`<p class="utrecht-paragraph">${t.plural('table.withheld', data.withheld.length)}</p>`
      : ''
  }`;
}

function explanation(ctx: PageContext): SafeHtml {
  const t = openDataMessage.for(ctx.locale);
  return html`<h2 class="utrecht-heading-2">${t('groups.title')}</h2>
    <p class="utrecht-paragraph">${t('groups.intro')}</p>
    <ul class="utrecht-unordered-list">
      <li>${t('groups.all')}</li>
      <li>${t('groups.province')}</li>
      <li>${t('groups.network')}</li>
      <li>${t('groups.size')}</li>
    </ul>
    <h2 class="utrecht-heading-2">${t('licence.title')}</h2>
    <p class="utrecht-paragraph">${t('licence.text')}</p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="${openDataLicence.url}" rel="license">${t('licence.link')}</a>
    </p>
    <h2 class="utrecht-heading-2">${t('rule.title')}</h2>
    <ul class="utrecht-unordered-list">
      <li>${t('rule.size', { minimum: minimumGroupSize })}</li>
      <li>${t('rule.differencing', { below: minimumGroupSize - 1 })}</li>
      <li>${t('rule.figure')}</li>
      <li>${t('rule.period')}</li>
    </ul>`;
}

function downloads(ctx: PageContext): SafeHtml {
  const t = openDataMessage.for(ctx.locale);
  return html`<h2 class="utrecht-heading-2">${t('download.title')}</h2>
    <ul class="utrecht-unordered-list">
      <li><a class="utrecht-link" href="/open-data/benchmarks.csv" download>${t('download.csv')}</a></li>
      <li><a class="utrecht-link" href="/api/v1/benchmarks">${t('download.api')}</a></li>
      <li><a class="utrecht-link" href="/api/v1/openapi.json">${t('download.openapi')}</a></li>
    </ul>
    <h3 class="utrecht-heading-3">${t('fields.title')}</h3>
    <p class="utrecht-paragraph">${t('fields.text')}</p>`;
}

function catalogues(ctx: PageContext, publishers: OpenDataPublisher[]): SafeHtml {
  const t = openDataMessage.for(ctx.locale);
  return html`<h2 class="utrecht-heading-2">${t('catalogues.title')}</h2>
    <p class="utrecht-paragraph">${t('catalogues.intro')}</p>
    ${
      publishers.length === 0
        ? html`<p class="utrecht-paragraph">${t('catalogues.none')}</p>`
        : html`<ul class="utrecht-unordered-list">
            ${publishers.map(
              (p) =>
                html`<li>
                  <a class="utrecht-link" href="/open-data/${p.code}/catalog.ttl"
                    >${t.plural('catalogues.item', p.sources, { name: p.name })}</a
                  >
                </li>`,
            )}
          </ul>`
    }`;
}

export interface OpenDataPublisher {
  code: string;
  name: string;
  sources: number;
}

export function openDataPage(
  ctx: PageContext,
  data: OpenDataSet,
  names: Map<string, string>,
  publishers: OpenDataPublisher[] = [],
): string {
  const t = openDataMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('title'),
    main: html`<div class="rk-prose">
        <h1 class="utrecht-heading-1">${t('title')}</h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead">${t('lead')}</p>
        ${explanation(ctx)}
      </div>
      ${
        data.period === null
          ? html`<p class="utrecht-paragraph">${t('empty')}</p>`
          : html`<h2 class="utrecht-heading-2">${t('table.title', { period: data.period })}</h2>
              ${shownGroups(ctx, data, names)}`
      }
      <div class="rk-prose">${catalogues(ctx, publishers)} ${downloads(ctx)}</div>`,
  });
}
