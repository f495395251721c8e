import type { OrganisationScope } from '../../core/http/context.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { alert } from '../../core/render/components.ts';
import { html, trustedHtml, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { assetUrl } from '../../core/render/assets.ts';
import { roadmapMessage } from './roadmap.messages.ts';
import type { RoadmapInput } from './roadmap.model.ts';
import { roadmapPageMessage } from './roadmap-page.messages.ts';
import { renderRoadmapSvg } from './roadmap-svg.ts';
import { roadmapHorizons, roadmapTextAlternative } from './roadmap-text.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';

/** What the roadmap page shows: the empty states are part of the data, so every page handles them alike. */
export type RoadmapState =
  | { kind: 'noStrategy' }
  | { kind: 'noActions'; input: RoadmapInput }
  | { kind: 'roadmap'; input: RoadmapInput };

export function roadmapStateOf(input: RoadmapInput | null): RoadmapState {
  if (!input) return { kind: 'noStrategy' };
  return input.actions.length === 0 ? { kind: 'noActions', input } : { kind: 'roadmap', input };
}

/** The SVG inline (it is our own escaped markup), in a keyboard-scrollable region at its designed size. */
function figure(locale: Locale, input: RoadmapInput): SafeHtml {
  const t = roadmapPageMessage.for(locale);
  return html`<div
    class="rk-table-scroll rk-roadmap-figure"
    role="region"
    tabindex="0"
    aria-label="${t('figure.scroll')}"
  >
    ${trustedHtml(renderRoadmapSvg(input))}
  </div>`;
}

function downloads(locale: Locale, base: string): SafeHtml {
  const t = roadmapPageMessage.for(locale);
  return html`<ul class="utrecht-unordered-list rk-roadmap-downloads">
    <li><a class="utrecht-link" href="${base}.svg" download>${t('download.svg')}</a></li>
    <li><a class="utrecht-link" href="${base}.png" download>${t('download.png')}</a></li>
  </ul>`;
}

function strategyWarnings(locale: Locale, input: RoadmapInput): SafeHtml | '' {
  const warnings = input.strategyWarnings ?? [];
  if (warnings.length === 0) return '';
  return alert(
    'warning',
    html`<h2 class="utrecht-heading-2">${roadmapPageMessage.for(locale)('strategyWarnings')}</h2>
      <ul class="utrecht-unordered-list">
        ${warnings.map((w) => html`<li>${w}</li>`)}
      </ul>`,
  );
}

/** Figure, downloads, text version and now/next/later: the same on the own, public and regional pages. */
export function roadmapSections(locale: Locale, input: RoadmapInput, downloadBase: string): SafeHtml {
  const t = roadmapPageMessage.for(locale);
  return html`${strategyWarnings(locale, input)}
    <h2 class="utrecht-heading-2">${t('figure')}</h2>
    ${figure(locale, input)}
    <h2 class="utrecht-heading-2">${t('downloads')}</h2>
    ${downloads(locale, downloadBase)}
    <section class="rk-roadmap-text" aria-labelledby="roadmap-text-heading">
      <h2 class="utrecht-heading-2" id="roadmap-text-heading">${roadmapMessage(locale, 'text.heading')}</h2>
      ${roadmapTextAlternative(input)}
    </section>
    <section class="rk-roadmap-horizon-view" aria-labelledby="roadmap-horizon-heading">
      <h2 class="utrecht-heading-2" id="roadmap-horizon-heading">
        ${roadmapMessage(locale, 'horizon.heading')}
      </h2>
      ${roadmapHorizons(input)}
    </section>`;
}

function emptyState(ctx: PageContext, organisation: OrganisationScope, state: RoadmapState): SafeHtml {
  const t = roadmapPageMessage.for(ctx.locale);
  const text =
    state.kind === 'noActions'
      ? t('empty.noActions', { strategy: state.input.strategyTitle })
      : t('empty.noStrategy', { organisation: organisation.displayName });
  return html`${alert('info', html`<p class="utrecht-paragraph">${text}</p>`)}
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/o/${organisation.code}/strategy">${t('empty.toStrategy')}</a>
    </p>`;
}

function shareSection(ctx: PageContext, organisation: OrganisationScope): SafeHtml {
  const t = roadmapPageMessage.for(ctx.locale);
  return html`<h2 class="utrecht-heading-2">${t('share')}</h2>
    <p class="utrecht-paragraph">${t('share.intro')}</p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/o/${organisation.code}/strategy/roadmap/links">${t('share.link')}</a>
    </p>`;
}

export function roadmapPage(
  ctx: PageContext,
  data: { organisation: OrganisationScope; state: RoadmapState; canShare: boolean },
): string {
  const t = roadmapPageMessage.for(ctx.locale);
  const { organisation, state } = data;
  const base = `/o/${organisation.code}/strategy/roadmap`;
  const main = html`<h1 class="utrecht-heading-1">${t('title')}</h1>
    ${
      state.kind === 'roadmap'
        ? html`<p class="utrecht-paragraph">${t('intro', { strategy: state.input.strategyTitle })}</p>
            ${roadmapSections(ctx.locale, state.input, base)}
            ${data.canShare ? shareSection(ctx, organisation) : ''}`
        : emptyState(ctx, organisation, state)
    }`;
  return renderPage(ctx, {
    title: `${t('title')} · ${organisation.displayName}`,
    main,
    nav: 'dashboard',
    breadcrumbs: [
      { href: `/o/${organisation.code}`, label: organisation.displayName },
      { href: `/o/${organisation.code}/strategy`, label: roadmapPageMessage(ctx.locale, 'crumb.strategy') },
    ],
  });
}

export function publicRoadmapPage(
  ctx: PageContext,
  data: { organisationName: string; state: RoadmapState; token: string },
): string {
  const t = roadmapPageMessage.for(ctx.locale);
  const title = t('title.public', { organisation: data.organisationName });
  const { state } = data;
  const main = html`<h1 class="utrecht-heading-1">${title}</h1>
    ${
      state.kind === 'roadmap'
        ? html`<p class="utrecht-paragraph">
              ${t('intro.public', { organisation: data.organisationName, strategy: state.input.strategyTitle })}
            </p>
            ${roadmapSections(ctx.locale, state.input, `/roadmap/${data.token}/roadmap`)}`
        : alert(
            'info',
            html`<p class="utrecht-paragraph">
              ${state.kind === 'noActions' ? t('empty.noActions', { strategy: state.input.strategyTitle }) : t('empty.noStrategy', { organisation: data.organisationName })}
            </p>`,
          )
    }`;
  return renderPage(ctx, { title, main });
}

/**
 * The embed: a bare document for an iframe on the organisation's own website (no site navigation),
 * the image with a link to the full public page, which has the text version.
 */
export function embedDocument(
  locale: Locale,
  data: { organisationName: string; state: RoadmapState; token: string },
): string {
  const t = roadmapPageMessage.for(locale);
  const title = t('title.public', { organisation: data.organisationName });
  const body =
    data.state.kind === 'roadmap'
      ? figure(locale, data.state.input)
      : html`<p class="utrecht-paragraph">
          ${t('empty.noStrategy', { organisation: data.organisationName })}
        </p>`;
  return `<!doctype html>${html`<html lang="${locale}" class="routekaart-theme">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
      <link rel="stylesheet" href="${assetUrl('app.css')}" />
    </head>
    <body class="utrecht-page-body utrecht-body">
      <main class="rk-roadmap-embed">
        <h1 class="utrecht-heading-3">${title}</h1>
        ${body}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/roadmap/${data.token}" target="_top">${t('embed.fullPage')}</a>
        </p>
      </main>
    </body>
  </html>`}`;
}

export function regionalRoadmapPage(
  ctx: PageContext,
  data: { network: { code: string; name: string }; members: string[]; input: RoadmapInput | null },
): string {
  const t = roadmapPageMessage.for(ctx.locale);
  const title = t('title.regional', { network: data.network.name });
  const intro =
    data.members.length === 0
      ? t('intro.regional.none', { network: data.network.name })
      : t('intro.regional', { network: data.network.name, members: data.members.join(', ') });
  const hasActions = data.input && data.input.actions.length > 0;
  const main = html`<h1 class="utrecht-heading-1">${title}</h1>
    <p class="utrecht-paragraph">${intro}</p>
    ${
      data.input && hasActions
        ? roadmapSections(ctx.locale, data.input, `/networks/${data.network.code}/roadmap`)
        : alert('info', html`<p class="utrecht-paragraph">${t('empty.regional')}</p>`)
    }`;
  return renderPage(ctx, {
    title,
    main,
    nav: 'region',
    breadcrumbs: [
      { href: '/networks', label: coreMessage(ctx.locale, 'nav.region') },
      { href: `/networks/${data.network.code}`, label: data.network.name },
    ],
  });
}
