import type { ActiveSession, SessionLifetimes } from '../../core/auth/sessions.ts';
import { formatDateTime } from '../../core/i18n/i18n.ts';
import { actionButton, alert, table } from '../../core/render/components.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { describeDevice } from './account-sessions.model.ts';
import { accountSessionsMessage } from './account-sessions.messages.ts';

export interface AccountSessionsData {
  sessions: ActiveSession[];
  currentSessionId: string | null;
  lifetimes: SessionLifetimes;
  notice?: 'ended' | 'othersEnded' | 'passwordChanged' | undefined;
  problem?: 'notFound' | undefined;
}

export function accountSessionsPage(ctx: PageContext, data: AccountSessionsData): string {
  const t = accountSessionsMessage.for(ctx.locale);
  const deviceName = (userAgent: string) => {
    const { browser, system } = describeDevice(userAgent);
    if (browser && system) return t('deviceName', { browser, system });
    return browser || system || t('unknownDevice');
  };
  const rows = data.sessions.map((session) => {
    const device = deviceName(session.userAgent);
    const lastUsed = formatDateTime(ctx.locale, session.lastUsedAt);
    const isCurrent = session.id === data.currentSessionId;
    return {
      header: html`<span title="${session.userAgent}">${device}</span>`,
      cells: [
        formatDateTime(ctx.locale, session.createdAt),
        lastUsed,
        isCurrent
          ? html`<strong>${t('current')}</strong>`
          : actionButton({
              action: '/account/sessions/end',
              label: t('end'),
              ariaLabel: t('endLabel', { device, lastUsed }),
              csrfToken: ctx.csrfToken,
              hidden: { session: session.id },
            }),
      ],
    };
  });
  const others = data.sessions.filter((s) => s.id !== data.currentSessionId).length;
  return renderPage(ctx, {
    title: t('title'),
    main: html`<h1 class="utrecht-heading-1">${t('title')}</h1>
      ${data.notice ? alert('ok', t(data.notice)) : ''} ${data.problem ? alert('error', t(data.problem)) : ''}
      <p class="utrecht-paragraph">${t('intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/account/password">${t('changePassword')}</a>
      </p>
      <p class="utrecht-paragraph">
        ${t('lifetimes', { idle: String(data.lifetimes.idleMinutes), absolute: String(data.lifetimes.absoluteHours) })}
      </p>
      ${table({
        caption: t('caption'),
        columns: [
          { label: t('device') },
          { label: t('started') },
          { label: t('lastUsed') },
          { label: t('action') },
        ],
        rows,
      })}
      ${
        others > 0
          ? html`<div class="rk-actions">
              ${actionButton({
                action: '/account/sessions/end',
                label: t('endOthers'),
                ariaLabel: t('endOthers'),
                csrfToken: ctx.csrfToken,
                hidden: { session: 'others' },
              })}
            </div>`
          : ''
      }`,
  });
}
