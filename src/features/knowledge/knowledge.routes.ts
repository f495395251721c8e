import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, pageContext, type PageContext } from '../../core/render/layout.ts';
import { knowledgeMessage } from './knowledge.messages.ts';
import { practicesSection } from '../practices/index.ts';
import { mapSection } from '../projects/index.ts';
import { sessionsSection } from '../sessions/index.ts';
import { contentTypes } from '../../core/http/content-types.ts';

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
    const t = knowledgeMessage.for(ctx.locale);
    const parts = await Promise.all(sections.map((section) => section(ctx, request)));
    const page = renderPage(ctx, {
      title: t('title'),
      nav: 'knowledge',
      main: html`<h1 class="utrecht-heading-1">${t('title')}</h1>
        <p class="utrecht-paragraph">${t('intro')}</p>
        ${parts}`,
    });
    return reply.type(contentTypes.html).send(page);
  });
}
