import { formatDateTime } from '../../core/i18n/i18n.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import {
  errorSummary,
  textField,
  type FieldErrors,
  choiceGroup,
  textAreaField,
  typedField,
} from '../../core/render/form-fields.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { sessionsMessage } from './sessions.messages.ts';
import type { SessionSummary } from './sessions.queries.ts';
import { detailsList, themeChoices, upcomingAndPast } from './sessions.views.ts';

export interface SessionFormValues {
  title: string;
  description: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  onlineUrl: string;
  capacity: string;
  themes: string[];
}

export function newSessionPage(
  ctx: PageContext,
  data: { network: { code: string; name: string }; values: SessionFormValues; errors: FieldErrors },
) {
  const t = sessionsMessage.for(ctx.locale);
  const v = data.values;
  const e = data.errors;
  const l = ctx.locale;
  return renderPage(ctx, {
    title: t('new.title'),
    nav: 'region',
    breadcrumbs: [
      {
        href: `/networks/${data.network.code}/sessions`,
        label: t('coordinator.title', { network: data.network.name }),
      },
    ],
    main: html`<h1 class="utrecht-heading-1">${t('new.title')}</h1>
      <p class="utrecht-paragraph">${t('new.intro')}</p>
      ${errorSummary(l, e)}
      <form method="post" action="/networks/${data.network.code}/sessions" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${textField({ name: 'title', label: t('field.title'), value: v.title, error: e.title, required: true, locale: l })}
        ${textAreaField({ name: 'description', label: t('field.description'), description: t('field.description.hint'), value: v.description, error: e.description, locale: l, required: false })}
        ${typedField({ name: 'date', type: 'date', label: t('field.date'), value: v.date, error: e.date, locale: l })}
        ${typedField({ name: 'startTime', type: 'time', label: t('field.startTime'), description: t('field.time.hint'), value: v.startTime, error: e.startTime, locale: l })}
        ${typedField({ name: 'endTime', type: 'time', label: t('field.endTime'), description: t('field.time.hint'), value: v.endTime, error: e.endTime, locale: l })}
        ${textField({ name: 'location', label: t('field.location'), description: t('field.location.hint'), value: v.location, error: e.location, required: false, locale: l })}
        ${typedField({ name: 'onlineUrl', type: 'url', label: t('field.onlineUrl'), value: v.onlineUrl, error: e.onlineUrl, locale: l, required: false })}
        ${typedField({ name: 'capacity', type: 'number', min: '1', label: t('field.capacity'), value: v.capacity, error: e.capacity, locale: l })}
        ${choiceGroup({ type: 'checkbox', name: 'themes', label: t('field.themes'), choices: themeChoices(l), chosen: v.themes, locale: l, required: false })}
        <div class="rk-actions">${button(t('new.submit'))}</div>
      </form>`,
  });
}

export function coordinatorSessionsPage(
  ctx: PageContext,
  data: {
    network: { code: string; name: string };
    upcoming: SessionSummary[];
    past: SessionSummary[];
    notice?: string | undefined;
  },
) {
  const t = sessionsMessage.for(ctx.locale);
  const base = `/networks/${data.network.code}/sessions`;
  const href = (s: SessionSummary) => `${base}/${s.id}`;
  return renderPage(ctx, {
    title: t('coordinator.title', { network: data.network.name }),
    nav: 'region',
    breadcrumbs: [{ href: `/networks/${data.network.code}`, label: data.network.name }],
    main: html`${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      <h1 class="utrecht-heading-1">${t('coordinator.title', { network: data.network.name })}</h1>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="${base}/new"
          >${t('coordinator.new')}</a
        >
      </p>
      ${upcomingAndPast(ctx, data, href)}`,
  });
}

export interface Participant {
  name: string;
  email: string;
  organisation: string;
  status: string;
  queuedAt: Date;
}

function participantsTable(ctx: PageContext, caption: string, list: Participant[]) {
  const t = sessionsMessage.for(ctx.locale);
  return table({
    caption,
    columns: [{ label: t('column.name') }, { label: t('column.organisation') }, { label: t('column.since') }],
    rows: list.map((p) => ({
      header: p.name,
      cells: [p.organisation, formatDateTime(ctx.locale, p.queuedAt)],
    })),
  });
}

export function coordinatorSessionPage(
  ctx: PageContext,
  data: { network: { code: string; name: string }; session: SessionSummary; participants: Participant[] },
) {
  const t = sessionsMessage.for(ctx.locale);
  const s = data.session;
  const confirmed = data.participants.filter((p) => p.status === 'confirmed');
  const waiting = data.participants.filter((p) => p.status === 'waiting');
  return renderPage(ctx, {
    title: s.title,
    nav: 'region',
    breadcrumbs: [
      {
        href: `/networks/${data.network.code}/sessions`,
        label: t('coordinator.title', { network: data.network.name }),
      },
    ],
    main: html`<h1 class="utrecht-heading-1">${s.title}</h1>
      ${detailsList(ctx, s)}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/knowledge/sessions/${s.id}">${t('list.title')}: ${s.title}</a>
      </p>
      <h2 class="utrecht-heading-2">${t('coordinator.participants')}</h2>
      ${confirmed.length > 0 ? participantsTable(ctx, t('coordinator.participants'), confirmed) : html`<p class="utrecht-paragraph">${t('coordinator.noParticipants')}</p>`}
      <h2 class="utrecht-heading-2">${t('coordinator.waitingList')}</h2>
      ${waiting.length > 0 ? participantsTable(ctx, t('coordinator.waitingList'), waiting) : html`<p class="utrecht-paragraph">${t('coordinator.noWaiting')}</p>`}`,
  });
}
