import { formatDecimal } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { localise, type Framework } from '../framework/index.ts';
import { glossaryLink } from '../glossary/index.ts';
import { routeMessage } from './development-route.messages.ts';
import { routeDrawing, routeStages, type RoutePosition } from './route-drawing.ts';

export interface RoutePageData {
  framework: Framework;
  /** The signed-in municipality's standing, from its latest submitted scan. */
  position?: { name: string; period: number; pillars: RoutePosition };
}

function textVersion(ctx: PageContext, d: RoutePageData): SafeHtml {
  const t = routeMessage.for(ctx.locale);
  return html`<section aria-labelledby="route-text-heading" class="rk-route-text">
    <h2 class="utrecht-heading-2" id="route-text-heading">${t('text.title')}</h2>
    <ol class="utrecht-ordered-list">
      ${routeStages(d.framework).map((stage) => {
        const score = d.position?.pillars.get(stage.pillar.id);
        return html`<li>
          <h3 class="utrecht-heading-3">${localise(stage.pillar.title, ctx.locale)}</h3>
          ${
            score !== undefined && d.position
              ? html`<p class="utrecht-paragraph">
                  <strong
                    >${t('text.position', { score: formatDecimal(ctx.locale, score), period: d.position.period })}</strong
                  >
                </p>`
              : ''
          }
          <p class="utrecht-paragraph">
            <strong>${t('text.asks')}:</strong> ${localise(stage.pillar.description, ctx.locale)}
          </p>
          <p class="utrecht-paragraph">${t('text.themes')}:</p>
          <ul class="utrecht-unordered-list">
            ${stage.themes.map(
              ({ theme, questions }) =>
                html`<li>
                  ${t('text.theme', { title: localise(theme.title, ctx.locale), count: questions })}
                </li>`,
            )}
          </ul>
        </li>`;
      })}
    </ol>
  </section>`;
}

export function routePage(ctx: PageContext, d: RoutePageData): string {
  const t = routeMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('title'),
    nav: 'home',
    main: html`<h1 class="utrecht-heading-1">${t('title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${t('lead')}</p>
      <div class="rk-chart-frame rk-route-drawing">${routeDrawing(ctx.locale, d.framework, d.position)}</div>
      <section aria-labelledby="route-download-heading" class="rk-route-downloads">
        <h2 class="utrecht-heading-2" id="route-download-heading">${t('download.title')}</h2>
        <ul class="utrecht-unordered-list">
          <li><a class="utrecht-link" href="/handreiking/route.png" download>${t('download.png')}</a></li>
          <li><a class="utrecht-link" href="/handreiking/route.pdf" download>${t('download.pdf')}</a></li>
          <li><a class="utrecht-link" href="/handreiking/route.svg" download>${t('download.svg')}</a></li>
        </ul>
        <p class="utrecht-paragraph">${t('download.print')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/handreiking">${t('links.guide')}</a> · ${glossaryLink(ctx.locale)}
        </p>
      </section>
      ${textVersion(ctx, d)}`,
  });
}
