import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '../http/context.ts';
import { coreMessage } from '../i18n/core.messages.ts';
import type { Locale } from '../i18n/i18n.ts';
import { csrfField } from './components.ts';
import { html, type HtmlValue, type SafeHtml } from './html.ts';
import { assetUrl, fontUrls } from './assets.ts';
import { sectionNav, type CurrentOrganisation } from './section-nav.ts';

export interface PageContext {
  locale: Locale;
  /** Path and query of the current page, for the language switch and sign-in return. */
  path: string;
  user: SessionUser | null;
  csrfToken: string;
  operatorName: string;
  organisationCode: string | undefined;
  /** The organisation of an organisation's page (/o/{code}/…): its sections are shown. */
  currentOrganisation?: CurrentOrganisation;
}

export function pageContext(request: FastifyRequest): PageContext {
  return {
    locale: request.locale,
    path: request.url,
    user: request.user,
    csrfToken: request.csrfToken,
    operatorName: request.server.services.config.operatorName,
    organisationCode: request.organisation?.code ?? request.user?.memberships[0]?.code,
    currentOrganisation: request.organisation ?? undefined,
  };
}

export interface PageOptions {
  title: string;
  main: HtmlValue;
  /** Which main-navigation item is current. */
  nav?: 'home' | 'dashboard' | 'organisations' | 'knowledge' | 'region' | 'admin';
  breadcrumbs?: { href: string; label: string }[];
  /** Extra elements in the head, such as a refresh that hands the browser on to another site. */
  head?: SafeHtml;
}

function navLink(href: string, label: string, isCurrent: boolean): SafeHtml {
  return html`<li class="utrecht-nav-list__item">
    <a class="utrecht-link rk-nav-link" href="${href}" ${isCurrent ? html`aria-current="page"` : ''}
      >${label}</a
    >
  </li>`;
}

function organisationSwitcher(ctx: PageContext): SafeHtml | '' {
  const memberships = ctx.user?.memberships ?? [];
  if (memberships.length < 2) return '';
  const t = coreMessage.for(ctx.locale);
  return html`<form class="rk-org-switcher" method="get" action="/switch-organisation">
    <label class="utrecht-form-label" for="org-switcher">${t('layout.organisation')}</label>
    <select class="utrecht-select utrecht-select--html-select" id="org-switcher" name="code">
      ${memberships.map(
        (m) =>
          html`<option value="${m.code}" ${m.code === ctx.organisationCode ? 'selected' : ''}>
            ${m.displayName}
          </option>`,
      )}
    </select>
    <button type="submit" class="utrecht-button utrecht-button--secondary-action">
      ${t('layout.switch')}
    </button>
  </form>`;
}

function header(ctx: PageContext, nav: PageOptions['nav']): SafeHtml {
  const t = coreMessage.for(ctx.locale);
  const other: Locale = ctx.locale === 'nl' ? 'en' : 'nl';
  const user = ctx.user;
  const dashboardHref = ctx.organisationCode ? `/o/${ctx.organisationCode}` : '/dashboard';
  return html`<header class="utrecht-page-header rk-header">
    <div class="rk-header__bar">
      <a class="rk-brand" href="/"><span class="rk-brand__mark" aria-hidden="true"></span>${t('app.name')}</a>
      <div class="rk-header__tools">
        ${organisationSwitcher(ctx)}
        <a
          class="utrecht-link"
          href="/language?lang=${other}&amp;next=${encodeURIComponent(ctx.path)}"
          lang="${other}"
          hreflang="${other}"
          aria-label="${t('layout.switchToLabel')}"
          >${t('layout.switchTo')}</a
        >
        ${
          user
            ? html`<a class="utrecht-link rk-user" href="/account/sessions"
                  >${t('layout.signedInAs', { name: user.name })}</a
                >
                <form method="post" action="/logout" class="rk-inline-form">
                  ${csrfField(ctx.csrfToken)}
                  <button type="submit" class="utrecht-button utrecht-button--subtle-action">
                    ${t('layout.signOut')}
                  </button>
                </form>`
            : html`<a class="utrecht-link" href="/login">${t('layout.signIn')}</a>`
        }
      </div>
    </div>
    <nav class="utrecht-nav-bar rk-nav" aria-label="${t('layout.mainNav')}">
      <button type="button" class="rk-nav-toggle" aria-expanded="false" aria-controls="rk-nav-list" hidden>
        <span class="rk-nav-toggle__icon" aria-hidden="true"></span>${t('nav.menu')}
      </button>
      <ul class="utrecht-nav-list rk-nav-list" id="rk-nav-list">
        ${navLink('/', t('nav.home'), nav === 'home')}
        ${user ? navLink(dashboardHref, t('nav.dashboard'), nav === 'dashboard') : ''}
        ${navLink('/organisations', t('nav.organisations'), nav === 'organisations')}
        ${navLink('/knowledge', t('nav.knowledge'), nav === 'knowledge')}
        ${user && (user.coordinatorOf.length > 0 || user.isPlatformAdmin) ? navLink('/networks', t('nav.region'), nav === 'region') : ''}
        ${user?.isPlatformAdmin ? navLink('/admin', t('nav.admin'), nav === 'admin') : ''}
      </ul>
    </nav>
  </header>`;
}

function breadcrumbNav(ctx: PageContext, crumbs: PageOptions['breadcrumbs']): SafeHtml | '' {
  if (!crumbs || crumbs.length === 0) return '';
  return html`<nav
    class="utrecht-breadcrumb-nav rk-breadcrumbs"
    aria-label="${coreMessage(ctx.locale, 'layout.breadcrumb')}"
  >
    <ol class="utrecht-breadcrumb-nav__list">
      ${crumbs.map(
        (c) =>
          html`<li class="utrecht-breadcrumb-nav__item">
            <a class="utrecht-link" href="${c.href}">${c.label}</a>
          </li>`,
      )}
    </ol>
  </nav>`;
}

/** A page of one narrow column under its title: forms and short messages such as sign-in steps. */
export function narrowPage(
  ctx: PageContext,
  title: string,
  body: HtmlValue,
  options: Omit<PageOptions, 'title' | 'main'> = {},
): string {
  return renderPage(ctx, {
    ...options,
    title,
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${title}</h1>
      ${body}
    </div>`,
  });
}

export function renderPage(ctx: PageContext, options: PageOptions): string {
  const t = coreMessage.for(ctx.locale);
  return `<!doctype html>${html`<html lang="${ctx.locale}" class="routekaart-theme">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="csrf-token" content="${ctx.csrfToken}" />
      <title>${options.title} · ${t('app.name')}</title>
      <meta name="theme-color" content="#1a5a96" />
      ${fontUrls().map(
        (url) => html`<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin />`,
      )}
      <link rel="stylesheet" href="${assetUrl('app.css')}" />
      <link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml" />
      <link rel="manifest" href="${assetUrl('manifest.webmanifest')}" />
      <script type="module" src="${assetUrl('app.js')}"></script>
      ${options.head ?? ''}
    </head>
    <body class="utrecht-page-body utrecht-body">
      <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main"
        >${t('layout.skipLink')}</a
      >
      <div class="utrecht-page rk-page">
        ${header(ctx, options.nav)}
        <main class="utrecht-page-content rk-main" id="main" tabindex="-1">
          ${ctx.currentOrganisation ? sectionNav(ctx.locale, ctx.currentOrganisation, ctx.path) : ''}
          ${breadcrumbNav(ctx, options.breadcrumbs)} ${options.main}
        </main>
        <footer class="utrecht-page-footer rk-footer">
          <nav aria-label="${t('layout.footerNav')}">
            <ul class="rk-footer__links">
              <li><a class="utrecht-link" href="/open-data">${t('nav.openData')}</a></li>
              <li><a class="utrecht-link" href="/accessibility">${t('nav.accessibility')}</a></li>
              <li><a class="utrecht-link" href="/privacy">${t('nav.privacy')}</a></li>
              <li><a class="utrecht-link" href="/api/v1/openapi.json">${t('nav.api')}</a></li>
            </ul>
          </nav>
          <p class="utrecht-paragraph">${t('layout.footer', { operator: ctx.operatorName })}</p>
        </footer>
      </div>
    </body>
  </html>`}`;
}
