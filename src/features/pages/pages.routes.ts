import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { safeNextPath } from '../../core/http/redirects.ts';
import { setLocaleCookie } from '../../core/http/request-context.ts';
import { formatDate, isLocale, locales, type Locale } from '../../core/i18n/i18n.ts';
import { alert } from '../../core/render/components.ts';
import { escapeHtml, html, trustedHtml } from '../../core/render/html.ts';
import { pageContext, renderPage } from '../../core/render/layout.ts';
import { pagesMessage } from './pages.messages.ts';
import { intakeHomeLinks } from '../intake/index.ts';
import { contentTypes } from '../../core/http/content-types.ts';

const pagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/pages');
/** When the statements were last reviewed; change it with their text. */
const statementsReviewedOn = new Date('2026-11-28T12:00:00Z');
const statements = ['accessibility', 'privacy'] as const;
type Statement = (typeof statements)[number];

/** The statements are our own trusted HTML; only operator settings are filled in (escaped). */
function loadStatements(operatorName: string, contactEmail: string | undefined) {
  const texts = new Map<string, string>();
  for (const statement of statements) {
    for (const locale of locales) {
      const raw = fs.readFileSync(path.join(pagesDir, `${statement}.${locale}.html`), 'utf8');
      const contact = contactEmail ?? pagesMessage(locale, 'contact.fallback');
      const filled = raw
        .replaceAll(
          'mailto:{{contactEmail}}',
          contactEmail ? `mailto:${escapeHtml(contactEmail)}` : '/organisations',
        )
        .replaceAll('{{contactEmail}}', escapeHtml(contact))
        .replaceAll('{{operatorName}}', escapeHtml(operatorName))
        .replaceAll('{{date}}', formatDate(locale, statementsReviewedOn));
      texts.set(`${statement}.${locale}`, filled);
    }
  }
  return (statement: Statement, locale: Locale) => texts.get(`${statement}.${locale}`) ?? '';
}

function homePage(request: FastifyRequest): string {
  const ctx = pageContext(request);
  const t = pagesMessage.for(ctx.locale);
  const isSignedOut = (request.query as Record<string, unknown>).notice === 'signed-out';
  return renderPage(ctx, {
    title: t('home.title'),
    nav: 'home',
    main: html`${isSignedOut ? alert('ok', html`<p class="utrecht-paragraph">${t('home.signedOut')}</p>`) : ''}
      <h1 class="utrecht-heading-1">${t('home.title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${t('home.lead')}</p>
      <p class="utrecht-paragraph">${t('home.means')}</p>
      <h2 class="utrecht-heading-2">${t('home.pillars')}</h2>
      <ol class="utrecht-ordered-list rk-pillars">
        <li>${t('home.pillar1')}</li>
        <li>${t('home.pillar2')}</li>
        <li>${t('home.pillar3')}</li>
        <li>${t('home.pillar4')}</li>
      </ol>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/handreiking/route">${t('home.route')}</a>
      </p>
      <h2 class="utrecht-heading-2">${t('home.start')}</h2>
      ${
        ctx.user
          ? html`<p class="utrecht-paragraph">
              <a
                class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                href="/dashboard"
                >${t('home.toDashboard')}</a
              >
            </p>`
          : html`<p class="utrecht-paragraph">${t('home.signIn')}</p>
              <p class="utrecht-paragraph">
                <a
                  class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                  href="/login"
                  >${pagesMessage(ctx.locale, 'home.start')}</a
                >
              </p>`
      }
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/organisations">${t('home.findOrganisation')}</a>
      </p>
      <p class="utrecht-paragraph">
        ${t('home.openData')} <a class="utrecht-link" href="/open-data">${t('home.openDataLink')}</a>
      </p>
      ${intakeHomeLinks(ctx.locale)}`,
  });
}

export function registerPageRoutes(app: FastifyInstance): void {
  const { operatorName, contactEmail } = app.services.config;
  const statementText = loadStatements(operatorName, contactEmail);
  const publicRoute = { config: { access: access.public } };
  const send = (reply: FastifyReply, markup: string) => reply.type(contentTypes.html).send(markup);

  app.get('/', publicRoute, async (request, reply) => send(reply, homePage(request)));

  for (const statement of statements) {
    app.get(`/${statement}`, publicRoute, async (request, reply) => {
      const ctx = pageContext(request);
      const title = pagesMessage(ctx.locale, `${statement}.title`);
      return send(
        reply,
        renderPage(ctx, {
          title,
          main: html`<article class="utrecht-html rk-prose">
            <h1>${title}</h1>
            ${trustedHtml(statementText(statement, ctx.locale))}
          </article>`,
        }),
      );
    });
  }

  app.get<{ Querystring: { lang?: string; next?: string } }>(
    '/language',
    publicRoute,
    async (request, reply) => {
      if (isLocale(request.query.lang)) setLocaleCookie(reply, request.query.lang);
      return reply.redirect(safeNextPath(request.query.next, '/'), 303);
    },
  );
}
