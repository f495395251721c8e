import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, pageContext, type PageContext } from '../../core/render/layout.ts';
import { practiceMessage } from './practices.messages.ts';
import { mapSection, sessionsSection } from './sessions.landing.ts';
import { contentTypes } from '../../core/http/content-types.ts';

function practicesSection(ctx: PageContext): SafeHtml {
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

/**
 * Sections of the landing page, in order. Knowledge sessions and the project map add theirs here:
 * one function per capability; it may read the database through the request.
 */
type LandingSection = (ctx: PageContext, request: FastifyRequest) => SafeHtml | Promise<SafeHtml>;
const sections: LandingSection[] = [
  practicesSection,
  // ── knowledge sessions / project map / collaboration opportunities: add their section functions here ──
  sessionsSection,
  mapSection,
];

export function registerKnowledgeLanding(app: FastifyInstance): void {
  app.get('/knowledge', { config: { access: access.public } }, async (request, reply) => {
    const ctx = pageContext(request);
    const t = practiceMessage.for(ctx.locale);
    const parts = await Promise.all(sections.map((section) => section(ctx, request)));
    const page = renderPage(ctx, {
      title: t('knowledge.title'),
      nav: 'knowledge',
      main: html`<h1 class="utrecht-heading-1">${t('knowledge.title')}</h1>
        <p class="utrecht-paragraph">${t('knowledge.intro')}</p>
        ${parts}`,
    });
    return reply.type(contentTypes.html).send(page);
  });
}
