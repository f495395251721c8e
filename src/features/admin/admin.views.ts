import { formatDateTime } from '../../core/i18n/i18n.ts';
import { actionButton, alert, button, csrfField, table } from '../../core/render/components.ts';
import { errorSummary, textField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { adminMessage } from './admin.messages.ts';
import type { findMail, latestMail, listNetworks, platformStatistics } from './admin.queries.ts';

const adminCrumb = (ctx: PageContext) => [{ href: '/admin', label: adminMessage(ctx.locale, 'title') }];

export function adminHomePage(
  ctx: PageContext,
  stats: Awaited<ReturnType<typeof platformStatistics>>,
  isSetupDone: boolean,
) {
  const t = adminMessage.for(ctx.locale);
  const row = (label: string, value: number) =>
    html`<tr class="utrecht-table__row">
      <th scope="row" class="utrecht-table__header-cell">${label}</th>
      <td class="utrecht-table__cell rk-number">${value}</td>
    </tr>`;
  return renderPage(ctx, {
    title: t('title'),
    nav: 'admin',
    main: html`<h1 class="utrecht-heading-1">${t('title')}</h1>
      ${isSetupDone ? alert('ok', html`<p class="utrecht-paragraph">${t('setupDone')}</p>`) : ''}
      <p class="utrecht-paragraph">${t('intro')}</p>
      <table class="utrecht-table utrecht-table--html-table rk-compact">
        <caption class="utrecht-table__caption">
          ${t('stats.caption')}
        </caption>
        <tbody class="utrecht-table__body">
          ${row(t('stats.users'), stats.users)} ${row(t('stats.organisations'), stats.organisations)}
          ${row(t('stats.pendingMail'), stats.pendingMail)} ${row(t('stats.failedMail'), stats.failedMail)}
        </tbody>
      </table>
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href="/admin/mail">${t('links.mail')}</a></li>
        <li><a class="utrecht-link" href="/admin/networks">${t('links.networks')}</a></li>
        <li><a class="utrecht-link" href="/admin/audit">${t('links.audit')}</a></li>
        <li><a class="utrecht-link" href="/admin/population">${t('links.population')}</a></li>
        <li><a class="utrecht-link" href="/organisations">${t('links.organisations')}</a></li>
      </ul>`,
  });
}

export function mailPage(
  ctx: PageContext,
  mails: Awaited<ReturnType<typeof latestMail>>,
  isSmtpConfigured: boolean,
) {
  const t = adminMessage.for(ctx.locale);
  const list =
    mails.length === 0
      ? html`<p class="utrecht-paragraph">${t('mail.empty')}</p>`
      : html`${table({
          caption: t('mail.caption'),
          columns: [
            { label: t('mail.created') },
            { label: t('mail.to') },
            { label: t('mail.subject') },
            { label: t('mail.status') },
            { label: t('mail.attempts'), isNumeric: true },
            { label: t('mail.error') },
          ],
          rows: mails.map((m) => ({
            header: formatDateTime(ctx.locale, m.createdAt),
            cells: [
              m.recipient,
              html`<a
                class="utrecht-link"
                href="/admin/mail/${m.id}"
                aria-label="${t('mail.read', { to: m.recipient })}: ${m.subject}"
                >${m.subject}</a
              >`,
              t(`mail.status.${m.status}`),
              m.attempts,
              m.lastError ?? '',
            ],
          })),
        })}`;
  return renderPage(ctx, {
    title: t('mail.title'),
    nav: 'admin',
    breadcrumbs: adminCrumb(ctx),
    main: html`<h1 class="utrecht-heading-1">${t('mail.title')}</h1>
      ${alert('info', html`<p class="utrecht-paragraph">${isSmtpConfigured ? t('mail.smtp') : t('mail.noSmtp')}</p>`)}
      ${list}`,
  });
}

export function mailDetailPage(ctx: PageContext, mail: NonNullable<Awaited<ReturnType<typeof findMail>>>) {
  const t = adminMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: mail.subject,
    nav: 'admin',
    breadcrumbs: [...adminCrumb(ctx), { href: '/admin/mail', label: t('mail.title') }],
    main: html`<h1 class="utrecht-heading-1">${mail.subject}</h1>
      <dl class="utrecht-data-list utrecht-data-list--rows">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">${t('mail.to')}</dt>
          <dd class="utrecht-data-list__item-value">${mail.recipient}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">${t('mail.status')}</dt>
          <dd class="utrecht-data-list__item-value">${t(`mail.status.${mail.status}`)}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">${t('mail.created')}</dt>
          <dd class="utrecht-data-list__item-value">${formatDateTime(ctx.locale, mail.createdAt)}</dd>
        </div>
      </dl>
      <pre class="rk-mail-body">${mail.textBody}</pre>`,
  });
}

export function networksPage(
  ctx: PageContext,
  networks: Awaited<ReturnType<typeof listNetworks>>,
  form: { network?: string; email?: string; errors: FieldErrors },
) {
  const t = adminMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('networks.title'),
    nav: 'admin',
    breadcrumbs: adminCrumb(ctx),
    main: html`<h1 class="utrecht-heading-1">${t('networks.title')}</h1>
      <p class="utrecht-paragraph">${t('networks.intro')}</p>
      ${networks.map(
        (n) =>
          html`<section aria-labelledby="network-${n.code}" class="rk-card">
            <h2 class="utrecht-heading-2" id="network-${n.code}">${n.name}</h2>
            <p class="utrecht-paragraph">
              ${t.plural('networks.members', n.memberCount, { coordinator: n.coordinator })}
            </p>
            <h3 class="utrecht-heading-3">${t('networks.coordinators')}</h3>
            ${
              n.coordinators.length === 0
                ? html`<p class="utrecht-paragraph">${t('networks.none')}</p>`
                : html`<ul class="utrecht-unordered-list">
                    ${n.coordinators.map(
                      (c) =>
                        html`<li>
                          ${c.name} (${c.email})
                          ${actionButton({ action: `/admin/networks/${n.code}/coordinators/${c.userId}/remove`, label: t('networks.remove'), ariaLabel: t('networks.removeLabel', { name: c.name, network: n.name }), csrfToken: ctx.csrfToken, kind: 'subtle' })}
                        </li>`,
                    )}
                  </ul>`
            }
            <form method="post" action="/admin/networks/${n.code}/coordinators" novalidate>
              ${csrfField(ctx.csrfToken)}
              ${form.network === n.code ? errorSummary(ctx.locale, form.errors) : ''}
              ${textField({
                name: `email-${n.code}`,
                label: t('networks.email'),
                type: 'email',
                value: form.network === n.code ? form.email : '',
                error: form.network === n.code ? form.errors[`email-${n.code}`] : undefined,
                locale: ctx.locale,
              })}
              <div class="rk-actions">${button(t('networks.add'), 'secondary')}</div>
            </form>
          </section>`,
      )}`,
  });
}
