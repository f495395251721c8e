import type { FastifyRequest } from 'fastify';
import { formatDateTime } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { sessionsMessage } from './sessions.messages.ts';
import { upcomingSessions } from './sessions.queries.ts';
import { dbOf } from '../../core/http/context.ts';

/** The knowledge landing page's section on sessions: the next three and links to all and to the feed. */
export async function sessionsSection(ctx: PageContext, request: FastifyRequest): Promise<SafeHtml> {
  const t = sessionsMessage.for(ctx.locale);
  const next = (await upcomingSessions(dbOf(request), new Date())).slice(0, 3);
  return html`<section aria-labelledby="sessions-heading" class="rk-card">
    <h2 class="utrecht-heading-2" id="sessions-heading">${t('landing.title')}</h2>
    <p class="utrecht-paragraph">${t('landing.intro')}</p>
    ${
      next.length > 0
        ? html`<h3 class="utrecht-heading-3">${t('landing.next')}</h3>
            <ul class="utrecht-unordered-list">
              ${next.map(
                (s) =>
                  html`<li>
                    <a class="utrecht-link" href="/knowledge/sessions/${s.id}">${s.title}</a>,
                    ${formatDateTime(ctx.locale, s.startsAt)}
                  </li>`,
              )}
            </ul>`
        : html`<p class="utrecht-paragraph">${t('landing.none')}</p>`
    }
    <ul class="utrecht-unordered-list">
      <li><a class="utrecht-link" href="/knowledge/sessions">${t('landing.all')}</a></li>
      <li><a class="utrecht-link" href="/knowledge/sessions.ics">${t('list.feed')}</a></li>
    </ul>
  </section>`;
}
