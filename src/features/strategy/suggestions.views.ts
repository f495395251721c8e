import type { OrganisationScope } from '../../core/http/context.ts';
import { hasRole } from '../../core/http/access.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { localise } from '../framework/index.ts';
import { strategyBase, strategyCrumbs } from './strategy-common.views.ts';
import { strategyMessage } from './strategy.messages.ts';
import type { ThemeSuggestion } from './suggestions.ts';
import { formatOneDecimal } from '../../core/i18n/i18n.ts';

export function suggestionsPage(
  ctx: PageContext,
  data: {
    organisation: OrganisationScope;
    hasStrategy: boolean;
    scan: { period: number } | null;
    suggestions: ThemeSuggestion[];
  },
): string {
  const t = strategyMessage.for(ctx.locale);
  const canAdd = hasRole(data.organisation.role, 'editor') && data.hasStrategy;
  const base = strategyBase(data.organisation);
  const intro = !data.scan
    ? t('suggestions.noScan')
    : data.suggestions.length === 0
      ? t('suggestions.none')
      : t('suggestions.intro', { scan: data.scan.period });
  return renderPage(ctx, {
    title: t('suggestions.title'),
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, data.organisation),
    main: html`<h1 class="utrecht-heading-1">${t('suggestions.title')}</h1>
      <p class="utrecht-paragraph">${intro}</p>
      ${!data.hasStrategy ? html`<p class="utrecht-paragraph">${t('suggestions.needStrategy')}</p>` : ''}
      ${data.suggestions.map(
        (s) =>
          html`<section class="rk-card">
            <h2 class="utrecht-heading-2">
              ${t('suggestions.theme', { theme: localise(s.theme.title, ctx.locale), current: formatOneDecimal(ctx.locale, s.current), target: formatOneDecimal(ctx.locale, s.target) })}
            </h2>
            <ul class="utrecht-unordered-list">
              ${s.actions.map((a) => {
                const title = localise(a.action.title, ctx.locale);
                return html`<li>
                  <h3 class="utrecht-heading-3">${title}</h3>
                  <p class="utrecht-paragraph">${localise(a.action.description, ctx.locale)}</p>
                  ${
                    a.isAdded
                      ? html`<p class="utrecht-paragraph">
                          <span class="utrecht-status-badge utrecht-status-badge--success"
                            >${t('suggestions.added')}</span
                          >
                        </p>`
                      : canAdd
                        ? html`<p class="utrecht-paragraph">
                            <a
                              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                              href="${base}/actions/new?suggestion=${encodeURIComponent(a.action.id)}"
                              aria-label="${t('suggestions.addLabel', { title })}"
                              >${t('suggestions.add')}</a
                            >
                          </p>`
                        : ''
                  }
                </li>`;
              })}
            </ul>
          </section>`,
      )}`,
  });
}
