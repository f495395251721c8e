import { formatDateTime, type Locale, formatTime } from '../../core/i18n/i18n.ts';
import { actionButton, alert, button, csrfField, table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { renderRichText } from '../../core/render/rich-text.ts';
import { getFramework, latestFrameworkVersion, localise } from '../framework/index.ts';
import { sessionsMessage } from './sessions.messages.ts';
import type { SessionSummary } from './sessions.queries.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';

/** Framework themes as choices, in the framework's order. */
export function themeChoices(locale: Locale) {
  return getFramework(latestFrameworkVersion()).themes.map((t) => ({
    value: t.id,
    label: localise(t.title, locale),
  }));
}

function themeNames(locale: Locale, ids: string[]): string {
  const names = new Map(themeChoices(locale).map((c) => [c.value, c.label]));
  return ids.map((id) => names.get(id) ?? id).join(', ');
}

function whenText(locale: Locale, s: SessionSummary): string {
  return `${formatDateTime(locale, s.startsAt)} – ${formatTime(locale, s.endsAt)}`;
}

function whereText(ctx: PageContext, s: SessionSummary): string {
  return [s.location, s.onlineUrl ? sessionsMessage.for(ctx.locale)('online') : null]
    .filter(Boolean)
    .join(' · ');
}

function placesText(ctx: PageContext, s: SessionSummary): string {
  const t = sessionsMessage.for(ctx.locale);
  const places = t('places', { taken: s.confirmed, capacity: s.capacity });
  return s.confirmed >= s.capacity ? `${places} (${t('full')})` : places;
}

function sessionsTable(
  ctx: PageContext,
  caption: string,
  list: SessionSummary[],
  hrefOf: (s: SessionSummary) => string,
) {
  const t = sessionsMessage.for(ctx.locale);
  return table({
    caption,
    columns: [
      { label: t('column.session') },
      { label: t('column.when') },
      { label: t('column.where') },
      { label: t('column.places'), isNumeric: true },
      { label: t('column.waiting'), isNumeric: true },
    ],
    rows: list.map((s) => ({
      header: html`<a class="utrecht-link" href="${hrefOf(s)}">${s.title}</a>`,
      cells: [whenText(ctx.locale, s), whereText(ctx, s), placesText(ctx, s), s.waiting],
    })),
  });
}

/** The two lists every sessions page shows, each with its own empty state. */
export function upcomingAndPast(
  ctx: PageContext,
  data: { upcoming: SessionSummary[]; past: SessionSummary[] },
  href: (s: SessionSummary) => string,
): SafeHtml {
  const t = sessionsMessage.for(ctx.locale);
  return html`<h2 class="utrecht-heading-2">${t('list.upcoming')}</h2>
    ${
      data.upcoming.length > 0
        ? sessionsTable(ctx, t('list.upcoming'), data.upcoming, href)
        : html`<p class="utrecht-paragraph">${t('list.none')}</p>`
    }
    <h2 class="utrecht-heading-2">${t('list.past')}</h2>
    ${
      data.past.length > 0
        ? sessionsTable(ctx, t('list.past'), data.past, href)
        : html`<p class="utrecht-paragraph">${t('list.nonePast')}</p>`
    }`;
}

export function sessionsListPage(
  ctx: PageContext,
  data: { upcoming: SessionSummary[]; past: SessionSummary[] },
) {
  const t = sessionsMessage.for(ctx.locale);
  const href = (s: SessionSummary) => `/knowledge/sessions/${s.id}`;
  return renderPage(ctx, {
    title: t('list.title'),
    nav: 'knowledge',
    breadcrumbs: [{ href: '/knowledge', label: coreMessage(ctx.locale, 'nav.knowledge') }],
    main: html`<h1 class="utrecht-heading-1">${t('list.title')}</h1>
      <p class="utrecht-paragraph">${t('list.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/knowledge/sessions.ics">${t('list.feed')}</a
        ><br />${t('list.feed.hint')}
      </p>
      ${upcomingAndPast(ctx, data, href)}`,
  });
}

export type Standing =
  | { kind: 'anonymous' }
  | { kind: 'past' }
  | { kind: 'notMember' }
  | { kind: 'open' }
  | { kind: 'confirmed' }
  | { kind: 'waiting'; position: number };

export function detailsList(ctx: PageContext, s: SessionSummary): SafeHtml {
  const t = sessionsMessage.for(ctx.locale);
  const item = (key: string, value: SafeHtml | string) =>
    html`<div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">${key}</dt>
      <dd class="utrecht-data-list__item-value">${value}</dd>
    </div>`;
  const left = Math.max(0, s.capacity - s.confirmed);
  return html`<dl class="utrecht-data-list utrecht-data-list--rows">
    ${item(t('detail.when'), whenText(ctx.locale, s))}
    ${s.location ? item(t('detail.where'), s.location) : ''}
    ${s.onlineUrl ? item(t('detail.online'), html`<a class="utrecht-link" href="${s.onlineUrl}">${s.onlineUrl}</a>`) : ''}
    ${item(
      t('detail.places'),
      left > 0
        ? t('detail.placesLeft', { count: left, capacity: s.capacity })
        : t('detail.full', { waiting: s.waiting }),
    )}
    ${s.themes.length > 0 ? item(t('detail.themes'), themeNames(ctx.locale, s.themes)) : ''}
    ${item(t('detail.organiser'), s.networkName)}
  </dl>`;
}

function standingBlock(ctx: PageContext, s: SessionSummary, standing: Standing): SafeHtml {
  const t = sessionsMessage.for(ctx.locale);
  const action = `/knowledge/sessions/${s.id}`;
  const isFull = s.confirmed >= s.capacity;
  switch (standing.kind) {
    case 'anonymous':
      return html`<p class="utrecht-paragraph">
        <a class="utrecht-link" href="/login?next=${encodeURIComponent(action)}">${t('detail.signIn')}</a>
      </p>`;
    case 'past':
      return html`<p class="utrecht-paragraph">${t('detail.past')}</p>`;
    case 'notMember':
      return html`<p class="utrecht-paragraph">${t('detail.notMember', { network: s.networkName })}</p>`;
    case 'open':
      return html`<form method="post" action="${action}/register" class="rk-actions">
        ${csrfField(ctx.csrfToken)} ${button(isFull ? t('register.waiting') : t('register'))}
      </form>`;
    case 'confirmed':
    case 'waiting':
      return html`${alert(
          'info',
          html`<p class="utrecht-paragraph">
            ${standing.kind === 'confirmed' ? t('you.confirmed') : t('you.waiting', { position: standing.position })}
          </p>`,
        )}
        <div class="rk-actions">
          ${actionButton({ action: `${action}/cancel`, label: t('cancel'), ariaLabel: `${t('cancel')}: ${s.title}`, csrfToken: ctx.csrfToken })}
        </div>`;
  }
}

export function sessionDetailPage(
  ctx: PageContext,
  data: { session: SessionSummary; standing: Standing; notice?: string | undefined },
) {
  const t = sessionsMessage.for(ctx.locale);
  const s = data.session;
  return renderPage(ctx, {
    title: s.title,
    nav: 'knowledge',
    breadcrumbs: [{ href: '/knowledge/sessions', label: t('list.title') }],
    main: html`${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      <h1 class="utrecht-heading-1">${s.title}</h1>
      ${detailsList(ctx, s)}
      <div class="rk-rich-text">${renderRichText(s.description)}</div>
      ${standingBlock(ctx, s, data.standing)}
      <p class="utrecht-paragraph">
        <a
          class="utrecht-link"
          href="/knowledge/sessions/${s.id}/calendar.ics"
          download="kennissessie-${s.id}.ics"
          >${t('detail.calendar')}</a
        >
      </p>`,
  });
}

export function cancelConfirmPage(ctx: PageContext, s: SessionSummary) {
  const t = sessionsMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('cancel.title', { title: s.title }),
    nav: 'knowledge',
    breadcrumbs: [{ href: `/knowledge/sessions/${s.id}`, label: s.title }],
    main: html`<h1 class="utrecht-heading-1">${t('cancel.title', { title: s.title })}</h1>
      <p class="utrecht-paragraph">${t('cancel.question')}</p>
      <form method="post" action="/knowledge/sessions/${s.id}/cancel" class="rk-actions">
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="confirm" value="yes" />
        ${button(t('cancel.confirm'))}
        <a class="utrecht-link" href="/knowledge/sessions/${s.id}">${t('cancel.back')}</a>
      </form>`,
  });
}
