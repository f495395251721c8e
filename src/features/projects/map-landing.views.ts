import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { mapMessage } from './map.messages.ts';

/** The landing page's section on the project map and collaboration opportunities. */
export function mapSection(ctx: PageContext): SafeHtml {
  const t = mapMessage.for(ctx.locale);
  const own = ctx.user?.memberships.find((m) => m.code === ctx.organisationCode) ?? ctx.user?.memberships[0];
  return html`<section aria-labelledby="map-heading" class="rk-card">
    <h2 class="utrecht-heading-2" id="map-heading">${t('landing.title')}</h2>
    <p class="utrecht-paragraph">${t('landing.intro')}</p>
    ${
      ctx.user
        ? html`<ul class="utrecht-unordered-list">
            <li><a class="utrecht-link" href="/knowledge/map">${t('landing.map')}</a></li>
            ${
              own
                ? html`<li>
                      <a class="utrecht-link" href="/o/${own.code}/projects"
                        >${t('landing.own', { organisation: own.displayName })}</a
                      >
                    </li>
                    <li>
                      <a class="utrecht-link" href="/o/${own.code}/opportunities"
                        >${t('landing.opportunities', { organisation: own.displayName })}</a
                      >
                    </li>`
                : ''
            }
          </ul>`
        : html`<p class="utrecht-paragraph">
            <a class="utrecht-link" href="/login?next=%2Fknowledge%2Fmap">${t('landing.signIn')}</a>
          </p>`
    }
  </section>`;
}
