import type { OrganisationScope } from '../../core/http/context.ts';
import { formatDate, type Locale } from '../../core/i18n/i18n.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import { errorSummary, textField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { roadmapPageMessage } from './roadmap-page.messages.ts';
import type { ShareLink } from './roadmap-share.ts';

export const publicLinkOf = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/roadmap/${token}`;

/** The iframe snippet an editor pastes into the organisation's website. */
export function embedSnippet(publicUrl: string, token: string, title: string): string {
  const src = `${publicLinkOf(publicUrl, token)}/embed`;
  const escapedTitle = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${src}" title="${escapedTitle}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;
}

export interface LinksPageData {
  organisation: OrganisationScope;
  links: ShareLink[];
  publicUrl: string;
  label: string;
  errors: FieldErrors;
  notice?: string | undefined;
}

function linkCell(locale: Locale, data: LinksPageData, link: ShareLink): SafeHtml | string {
  const t = roadmapPageMessage.for(locale);
  if (link.revokedAt) return '–';
  const url = publicLinkOf(data.publicUrl, link.token);
  const id = `embed-${link.id}`;
  const snippet = embedSnippet(
    data.publicUrl,
    link.token,
    t('title.public', { organisation: data.organisation.displayName }),
  );
  return html`<p class="utrecht-paragraph">
      <a class="utrecht-link rk-roadmap-public-link" href="${url}">${url}</a>
    </p>
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="${id}">${t('embed.label', { label: link.label })}</label>
      <div class="utrecht-form-field-description" id="${id}-hint">${t('embed.hint')}</div>
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea"
        id="${id}"
        rows="3"
        readonly
        aria-describedby="${id}-hint"
      >
${snippet}</textarea>
    </div>`;
}

function linksTable(locale: Locale, data: LinksPageData): SafeHtml {
  const t = roadmapPageMessage.for(locale);
  if (data.links.length === 0) return html`<p class="utrecht-paragraph">${t('links.none')}</p>`;
  const base = `/o/${data.organisation.code}/strategy/roadmap/links`;
  return table({
    caption: t('links.caption', { organisation: data.organisation.displayName }),
    columns: [
      t('column.label'),
      t('column.created'),
      t('column.state'),
      t('column.link'),
      t('column.actions'),
    ].map((label) => ({ label })),
    rows: data.links.map((link) => {
      const created = formatDate(locale, link.createdAt);
      return {
        header: link.label,
        cells: [
          link.createdBy ? t('createdBy', { date: created, name: link.createdBy }) : created,
          link.revokedAt
            ? t('state.revoked', { date: formatDate(locale, link.revokedAt) })
            : t('state.active'),
          linkCell(locale, data, link),
          link.revokedAt
            ? ''
            : html`<a
                class="utrecht-link"
                href="${base}/${link.id}/revoke"
                aria-label="${t('revoke.label', { label: link.label })}"
                >${t('revoke')}</a
              >`,
        ],
      };
    }),
  });
}

export function linksPage(ctx: PageContext, data: LinksPageData): string {
  const t = roadmapPageMessage.for(ctx.locale);
  const { organisation } = data;
  const main = html`<h1 class="utrecht-heading-1">${t('links.title')}</h1>
    ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
    <p class="utrecht-paragraph">${t('links.intro', { organisation: organisation.displayName })}</p>
    ${linksTable(ctx.locale, data)}
    <h2 class="utrecht-heading-2">${t('create.heading')}</h2>
    ${errorSummary(ctx.locale, data.errors)}
    <form method="post" action="/o/${organisation.code}/strategy/roadmap/links" novalidate>
      ${csrfField(ctx.csrfToken)}
      ${textField({ name: 'label', label: t('create.label'), description: t('create.label.hint'), value: data.label, error: data.errors.label, required: true, locale: ctx.locale })}
      <div class="rk-actions">${button(t('create.submit'))}</div>
    </form>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/o/${organisation.code}/strategy/roadmap">${t('back')}</a>
    </p>`;
  return renderPage(ctx, {
    title: t('links.title'),
    main,
    nav: 'dashboard',
    breadcrumbs: [
      { href: `/o/${organisation.code}`, label: organisation.displayName },
      { href: `/o/${organisation.code}/strategy/roadmap`, label: t('title') },
    ],
  });
}

export function revokePage(
  ctx: PageContext,
  data: { organisation: OrganisationScope; link: { id: number; label: string; revokedAt: Date | null } },
): string {
  const t = roadmapPageMessage.for(ctx.locale);
  const base = `/o/${data.organisation.code}/strategy/roadmap/links`;
  const main = html`<h1 class="utrecht-heading-1">${t('revoke.title')}</h1>
    ${
      data.link.revokedAt
        ? html`<p class="utrecht-paragraph">${t('revoke.already')}</p>`
        : html`<p class="utrecht-paragraph">${t('revoke.question', { label: data.link.label })}</p>
            <form method="post" action="${base}/${data.link.id}/revoke">
              ${csrfField(ctx.csrfToken)}
              <div class="rk-actions">${button(t('revoke.confirm'))}</div>
            </form>`
    }
    <p class="utrecht-paragraph"><a class="utrecht-link" href="${base}">${t('revoke.cancel')}</a></p>`;
  return renderPage(ctx, {
    title: t('revoke.title'),
    main,
    nav: 'dashboard',
    breadcrumbs: [
      { href: `/o/${data.organisation.code}`, label: data.organisation.displayName },
      { href: base, label: t('links.title') },
    ],
  });
}
