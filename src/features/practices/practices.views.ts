import { formatDate, type Locale } from '../../core/i18n/i18n.ts';
import { actionButton, alert, button, csrfField, table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { renderRichText } from '../../core/render/rich-text.ts';
import { fileSize, pillarLabel, statusLabel, taskLabel, themeLabel } from './practices-labels.ts';
import { practiceMessage, type PracticeKey } from './practices.messages.ts';
import type { PracticeDetail } from './practices.queries.ts';
import type { PracticeStatus } from './practices.tables.ts';
import { mediaTypes } from '../../core/http/content-types.ts';

const crumbs = (locale: Locale) => [
  { href: '/knowledge', label: practiceMessage.for(locale)('knowledge.title') },
];

export function periodText(locale: Locale, start: number, end: number | null): string {
  if (end === null) return practiceMessage.for(locale)('detail.periodOngoing', { start });
  return start === end ? String(start) : `${start}–${end}`;
}

function facts(locale: Locale, p: PracticeDetail, canEdit: boolean): SafeHtml {
  const t = practiceMessage.for(locale);
  const row = (label: string, value: SafeHtml | string) =>
    html`<div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">${label}</dt>
      <dd class="utrecht-data-list__item-value">${value}</dd>
    </div>`;
  return html`<h2 class="utrecht-heading-2 rk-visually-hidden">${t('detail.facts')}</h2>
    <dl class="utrecht-data-list utrecht-data-list--rows">
      ${canEdit ? row(t('detail.status'), statusLabel(locale, p.status)) : ''}
      ${row(t('detail.period'), periodText(locale, p.periodStart, p.periodEnd))}
      ${row(t('detail.pillar'), pillarLabel(locale, p.pillar))}
      ${row(t('detail.themes'), p.themes.map((id) => themeLabel(locale, id)).join(', '))}
      ${p.tasks.length > 0 ? row(t('detail.tasks'), p.tasks.map((id) => taskLabel(locale, id)).join(', ')) : ''}
      ${p.partners ? row(t('field.partners'), p.partners) : ''}
      ${row(
        t('detail.contact'),
        p.contact
          ? html`${p.contact.name} (<a class="utrecht-link" href="mailto:${p.contact.email}"
                >${p.contact.email}</a
              >)`
          : t('detail.contact.none'),
      )}
    </dl>`;
}

function textSection(id: string, heading: string, text: string): SafeHtml | '' {
  if (text === '') return '';
  return html`<section aria-labelledby="${id}">
    <h2 class="utrecht-heading-2" id="${id}">${heading}</h2>
    ${text.split(/\r?\n\s*\r?\n/).map((para) => html`<p class="utrecht-paragraph">${para}</p>`)}
  </section>`;
}

function linksAndFiles(locale: Locale, p: PracticeDetail): SafeHtml {
  const t = practiceMessage.for(locale);
  const kind = (mime: string) => (mime === mediaTypes.pdf ? 'PDF' : mime.replace('image/', '').toUpperCase());
  return html`${
    p.links.length > 0
      ? html`<h2 class="utrecht-heading-2" id="links">${t('detail.links')}</h2>
          <ul class="utrecht-unordered-list">
            ${p.links.map((l) => html`<li><a class="utrecht-link" href="${l.url}" rel="noopener noreferrer nofollow">${l.label}</a></li>`)}
          </ul>`
      : ''
  }
  ${
    p.attachments.length > 0
      ? html`<h2 class="utrecht-heading-2" id="attachments">${t('detail.attachments')}</h2>
          <ul class="utrecht-unordered-list">
            ${p.attachments.map(
              (a) =>
                html`<li>
                  <a class="utrecht-link" href="/knowledge/practices/${p.id}/attachments/${a.id}"
                    >${t('attachment.download', { name: a.filename, kind: kind(a.mime), size: fileSize(locale, a.size) })}</a
                  >
                </li>`,
            )}
          </ul>`
      : ''
  }`;
}

function editorActions(ctx: PageContext, p: PracticeDetail): SafeHtml {
  const t = practiceMessage.for(ctx.locale);
  const base = `/o/${p.organisationCode}/practices/${p.id}`;
  const publish = (audience: 'network' | 'public', key: PracticeKey) =>
    p.status === audience
      ? ''
      : actionButton({
          action: `${base}/publish`,
          label: t(key),
          ariaLabel: `${t(key)}: ${p.title}`,
          csrfToken: ctx.csrfToken,
          hidden: { audience },
        });
  return html`<section aria-labelledby="actions-heading" class="rk-card">
    <h2 class="utrecht-heading-2" id="actions-heading">${t('publish.title')}</h2>
    <p class="utrecht-paragraph">${t('detail.status')}: ${statusLabel(ctx.locale, p.status)}</p>
    <div class="rk-actions">
      <a
        class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        href="${base}/edit"
        >${t('edit')}</a
      >
      ${publish('network', 'publish.network')} ${publish('public', 'publish.public')}
      ${
        p.status === 'network' || p.status === 'public'
          ? html`<a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href="${base}/withdraw"
              >${t('withdraw.action')}</a
            >`
          : ''
      }
    </div>
  </section>`;
}

export function practicePage(
  ctx: PageContext,
  p: PracticeDetail,
  o: { canEdit: boolean; notice?: string | undefined },
): string {
  const t = practiceMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: p.title,
    nav: 'knowledge',
    breadcrumbs: [...crumbs(ctx.locale), { href: '/knowledge/practices', label: t('list') }],
    main: html`<article>
      ${o.notice ? alert('ok', html`<p class="utrecht-paragraph">${o.notice}</p>`) : ''}
      <h1 class="utrecht-heading-1">${p.title}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${p.summary}</p>
      <p class="utrecht-paragraph">
        ${t('detail.by', { organisation: p.organisationName })}${p.publishedAt ? ` · ${formatDate(ctx.locale, p.publishedAt)}` : ''}
      </p>
      ${o.canEdit ? editorActions(ctx, p) : ''} ${facts(ctx.locale, p, o.canEdit)}
      ${p.body ? html`<div class="rk-prose">${renderRichText(p.body)}</div>` : ''}
      ${textSection('results', t('field.results'), p.results)}
      ${textSection('lessons', t('field.lessons'), p.lessons)} ${linksAndFiles(ctx.locale, p)}
    </article>`,
  });
}

export interface OrganisationPracticesData {
  organisation: { code: string; displayName: string };
  canWrite: boolean;
  rows: { id: number; title: string; status: PracticeStatus; updatedAt: Date }[];
}

export function organisationPracticesPage(ctx: PageContext, d: OrganisationPracticesData): string {
  const t = practiceMessage.for(ctx.locale);
  const title = t('list.title', { organisation: d.organisation.displayName });
  return renderPage(ctx, {
    title,
    nav: 'knowledge',
    breadcrumbs: crumbs(ctx.locale),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">${t('list.intro')}</p>
      ${
        d.canWrite
          ? html`<p class="utrecht-paragraph">
              <a
                class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                href="/o/${d.organisation.code}/practices/new"
                >${t('list.new')}</a
              >
            </p>`
          : ''
      }
      ${
        d.rows.length === 0
          ? html`<p class="utrecht-paragraph">${t('list.empty')}</p>`
          : table({
              caption: t('list.caption'),
              columns: [
                { label: t('column.title') },
                { label: t('column.status') },
                { label: t('column.updated') },
              ],
              rows: d.rows.map((r) => ({
                header: html`<a class="utrecht-link" href="/knowledge/practices/${r.id}">${r.title}</a>`,
                cells: [statusLabel(ctx.locale, r.status), formatDate(ctx.locale, r.updatedAt)],
              })),
            })
      }`,
  });
}

export function withdrawPage(ctx: PageContext, p: PracticeDetail): string {
  const t = practiceMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('withdraw.title'),
    nav: 'knowledge',
    breadcrumbs: [...crumbs(ctx.locale), { href: `/knowledge/practices/${p.id}`, label: p.title }],
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${t('withdraw.title')}</h1>
      <p class="utrecht-paragraph">${t('withdraw.confirm', { title: p.title })}</p>
      <form method="post" action="/o/${p.organisationCode}/practices/${p.id}/withdraw">
        ${csrfField(ctx.csrfToken)}
        <div class="rk-actions">
          ${button(t('withdraw.yes'))}
          <a class="utrecht-link" href="/knowledge/practices/${p.id}">${t('withdraw.no')}</a>
        </div>
      </form>
    </div>`,
  });
}

export function consentPage(ctx: PageContext, o: { isGiven: boolean; notice?: string | undefined }): string {
  const t = practiceMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('consent.title'),
    nav: 'knowledge',
    breadcrumbs: crumbs(ctx.locale),
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${t('consent.title')}</h1>
      ${o.notice ? alert('ok', html`<p class="utrecht-paragraph">${o.notice}</p>`) : ''}
      <p class="utrecht-paragraph">${t('consent.intro')}</p>
      <form method="post" action="/knowledge/contact">
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="submitted" value="1" />
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__input">
            <input
              type="checkbox"
              class="utrecht-checkbox utrecht-checkbox--html-input"
              id="field-consent"
              name="consent"
              value="yes"
              ${o.isGiven ? 'checked' : ''}
            />
          </div>
          <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="field-consent"
              >${t('consent.field')}</label
            >
          </div>
        </div>
        <div class="rk-actions">${button(t('save'))}</div>
      </form>
    </div>`,
  });
}
