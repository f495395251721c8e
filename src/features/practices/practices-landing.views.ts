import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { practiceMessage } from './practices.messages.ts';

/** The practices' section of the knowledge landing page. */
export function practicesSection(ctx: PageContext): SafeHtml {
  const t = practiceMessage.for(ctx.locale);
  const own = ctx.user?.memberships.find((m) => m.code === ctx.organisationCode) ?? ctx.user?.memberships[0];
  return html`<section aria-labelledby="practices-heading" class="rk-card">
    <h2 class="utrecht-heading-2" id="practices-heading">${t('knowledge.practices')}</h2>
    <p class="utrecht-paragraph">${t('knowledge.practices.intro')}</p>
    <ul class="utrecht-unordered-list">
      <li><a class="utrecht-link" href="/knowledge/practices">${t('knowledge.practices.search')}</a></li>
      ${
        own
          ? html`<li>
                <a class="utrecht-link" href="/o/${own.code}/practices"
                  >${t('knowledge.practices.own', { organisation: own.displayName })}</a
                >
              </li>
              <li><a class="utrecht-link" href="/knowledge/contact">${t('knowledge.contact')}</a></li>`
          : ''
      }
    </ul>
  </section>`;
}
