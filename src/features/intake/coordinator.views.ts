import { formatDate, formatDateTime, formatInteger } from '../../core/i18n/i18n.ts';
import { actionButton, button, csrfField, table } from '../../core/render/components.ts';
import { selectField, textField } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { casesMessage } from './cases.messages.ts';
import type { GuideRequestRow } from './guide.service.ts';
import { requestStates } from './guide.service.ts';
import { fileField, notice, problem } from './intake-components.ts';
import { formatSize } from './public.views.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';

export function crumbs(ctx: PageContext, network: string) {
  return [
    { href: `/networks/${network}`, label: coreMessage(ctx.locale, 'nav.region') },
    { href: `/networks/${network}/intake`, label: casesMessage.for(ctx.locale)('overview.title') },
  ];
}

export interface OverviewData {
  network: string;
  requests: { open: number; total: number };
  cases: { open: number; total: number };
  documentVersion: number | undefined;
  failedMail: { recipient: string; subject: string; lastError: string | null }[];
  waitingMail: number;
}

export function overviewPage(ctx: PageContext, d: OverviewData): string {
  const t = casesMessage.for(ctx.locale);
  const base = `/networks/${d.network}`;
  return renderPage(ctx, {
    title: t('overview.title'),
    nav: 'region',
    breadcrumbs: crumbs(ctx, d.network).slice(0, 1),
    main: html`<h1 class="utrecht-heading-1">${t('overview.title')}</h1>
      <p class="utrecht-paragraph">${t('overview.lead')}</p>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href="${base}/intake/requests">${t('overview.requests')}</a>:
          ${t('overview.counts', d.requests)}
        </li>
        <li>
          <a class="utrecht-link" href="${base}/brigade">${t('overview.cases')}</a>:
          ${t('overview.counts', d.cases)}
        </li>
        <li>
          <a class="utrecht-link" href="${base}/intake/document">${t('overview.document')}</a
          >${d.documentVersion ? ` (${t('col.version').toLowerCase()} ${d.documentVersion})` : ''}
        </li>
      </ul>
      <h2 class="utrecht-heading-2">${t('overview.failedMail')}</h2>
      ${d.waitingMail > 0 ? html`<p class="utrecht-paragraph">${t.plural('overview.waitingMail', d.waitingMail)}</p>` : ''}
      ${
        d.failedMail.length === 0
          ? html`<p class="utrecht-paragraph">${t('overview.failedMail.none')}</p>`
          : table({
              caption: t('overview.failedMail.caption'),
              columns: [
                { label: t('col.recipient') },
                { label: t('col.subject') },
                { label: t('col.error') },
              ],
              rows: d.failedMail.map((m) => ({ header: m.recipient, cells: [m.subject, m.lastError ?? ''] })),
            })
      }`,
  });
}

function filterForm(
  ctx: PageContext,
  action: string,
  o: { search: string; state: string; states: { value: string; label: string }[]; csv: string },
): SafeHtml {
  const t = casesMessage.for(ctx.locale);
  return html`<form method="get" action="${action}" class="rk-form rk-filter">
      ${textField({ name: 'q', label: t('filter.search'), value: o.search, type: 'search', locale: ctx.locale })}
      ${selectField({ name: 'status', label: t('filter.state'), value: o.state, choices: [{ value: '', label: t('filter.all') }, ...o.states], locale: ctx.locale })}
      ${button(t('filter.apply'), 'secondary')}
    </form>
    <p class="utrecht-paragraph"><a class="utrecht-link" href="${o.csv}">${t('filter.csv')}</a></p>`;
}

export function requestsPage(
  ctx: PageContext,
  d: { network: string; rows: GuideRequestRow[]; search: string; state: string; notice?: string | undefined },
): string {
  const t = casesMessage.for(ctx.locale);
  const base = `/networks/${d.network}/intake/requests`;
  const query = new URLSearchParams({ q: d.search, status: d.state }).toString();
  const personal = (email: string) =>
    `/networks/${d.network}/intake/personal-data?${new URLSearchParams({ email }).toString()}`;
  return renderPage(ctx, {
    title: t('requests.title'),
    nav: 'region',
    breadcrumbs: crumbs(ctx, d.network),
    main: html`<h1 class="utrecht-heading-1">${t('requests.title')}</h1>
      ${notice(d.notice)}
      ${filterForm(ctx, base, { search: d.search, state: d.state, states: requestStates.map((s) => ({ value: s, label: t(`state.${s}`) })), csv: `${base}.csv?${query}` })}
      ${
        d.rows.length === 0
          ? html`<p class="utrecht-paragraph">${t('requests.empty')}</p>`
          : table({
              caption: t('requests.caption', { count: d.rows.length }),
              columns: [
                { label: t('col.name') },
                { label: t('col.organisation') },
                { label: t('col.requested') },
                { label: t('col.state') },
                { label: t('col.downloads'), isNumeric: true },
                { label: t('col.actions') },
              ],
              rows: d.rows.map((r) => ({
                header: r.name
                  ? html`${r.name}<br /><span class="rk-muted">${r.email}</span>`
                  : t('case.removed'),
                cells: [
                  html`${r.organisation ?? ''}${r.role ? html`<br /><span class="rk-muted">${r.role}</span>` : ''}`,
                  formatDate(ctx.locale, r.createdAt),
                  html`${t(`state.${r.state}`)}${r.state === 'active' ? html`<br /><span class="rk-muted">${t('col.expires')} ${formatDate(ctx.locale, r.expiresAt)}</span>` : ''}`,
                  formatInteger(ctx.locale, r.downloadCount),
                  r.email
                    ? html`${actionButton({ action: `${base}/${r.id}/renew`, label: t('action.renew'), ariaLabel: `${t('action.renew')}: ${r.name ?? ''}`, csrfToken: ctx.csrfToken })}
                        ${r.state === 'active' ? actionButton({ action: `${base}/${r.id}/close`, label: t('action.close'), ariaLabel: `${t('action.close')}: ${r.name ?? ''}`, csrfToken: ctx.csrfToken, kind: 'subtle' }) : ''}
                        <a class="utrecht-link" href="${personal(r.email)}">${t('delete.title')}</a>`
                    : '',
                ],
              })),
            })
      }`,
  });
}

export function documentPage(
  ctx: PageContext,
  d: {
    network: string;
    versions: { id: number; version: number; filename: string; sizeBytes: number; uploadedAt: Date }[];
    error?: string | undefined;
    notice?: string | undefined;
    status?: number;
  },
): string {
  const t = casesMessage.for(ctx.locale);
  const base = `/networks/${d.network}/intake/document`;
  return renderPage(ctx, {
    title: t('document.title'),
    nav: 'region',
    breadcrumbs: crumbs(ctx, d.network),
    main: html`<h1 class="utrecht-heading-1">${t('document.title')}</h1>
      <p class="utrecht-paragraph">${t('document.lead')}</p>
      ${notice(d.notice)} ${d.error ? problem(d.error) : ''}
      <form method="post" action="${base}" enctype="multipart/form-data" class="rk-form">
        ${csrfField(ctx.csrfToken)}
        ${fileField({ name: 'file', label: t('document.file'), error: d.error, locale: ctx.locale })}
        ${button(t('document.upload'))}
      </form>
      ${
        d.versions.length === 0
          ? html`<p class="utrecht-paragraph">${t('document.none')}</p>`
          : table({
              caption: t('document.caption'),
              columns: [
                { label: t('col.version') },
                { label: t('col.file') },
                { label: t('col.size'), isNumeric: true },
                { label: t('col.uploaded') },
              ],
              rows: d.versions.map((v) => ({
                header: String(v.version),
                cells: [
                  html`<a class="utrecht-link" href="${base}/${v.id}">${v.filename}</a>`,
                  formatSize(v.sizeBytes),
                  formatDateTime(ctx.locale, v.uploadedAt),
                ],
              })),
            })
      }`,
  });
}

export function personalDataPage(
  ctx: PageContext,
  d: { network: string; email: string; requests: number; cases: number; notice?: string | undefined },
): string {
  const t = casesMessage.for(ctx.locale);
  const base = `/networks/${d.network}/intake/personal-data`;
  const query = new URLSearchParams({ email: d.email }).toString();
  const hasData = d.requests + d.cases > 0;
  return renderPage(ctx, {
    title: t('delete.title'),
    nav: 'region',
    breadcrumbs: crumbs(ctx, d.network),
    main: html`<h1 class="utrecht-heading-1">${t('delete.title')}</h1>
      ${notice(d.notice)}
      <p class="utrecht-paragraph">
        ${d.email}: ${t('overview.requests').toLowerCase()} ${d.requests},
        ${t('overview.cases').toLowerCase()} ${d.cases}.
      </p>
      ${
        hasData
          ? html`<p class="utrecht-paragraph">
                <a class="utrecht-link" href="${base}.json?${query}" download>${t('action.export')}</a>
              </p>
              <p class="utrecht-paragraph">${t('delete.body', { email: d.email })}</p>
              <form method="post" action="${base}/delete" class="rk-form">
                ${csrfField(ctx.csrfToken)}
                <input type="hidden" name="email" value="${d.email}" />
                ${button(t('delete.confirm'), 'primary')}
                <a class="utrecht-link" href="/networks/${d.network}/intake/requests"
                  >${t('delete.cancel')}</a
                >
              </form>`
          : ''
      }`,
  });
}
