import { hasRole } from '../../core/http/access.ts';
import { councilLettersPath } from '../../core/http/paths.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import { formatDateTime, formatInteger } from '../../core/i18n/i18n.ts';
import { alert, csrfField, table } from '../../core/render/components.ts';
import { errorSummary, choiceGroup, type FieldErrors } from '../../core/render/form-fields.ts';
import { html, type HtmlValue, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import type { VersionRow } from './documents.queries.ts';
import { documentsMessage } from './documents.messages.ts';

export interface ExportValues {
  format: string;
  language: string;
}

export type ExportOutcome =
  | { kind: 'none' }
  | { kind: 'made'; version: VersionRow }
  | { kind: 'failed' }
  | { kind: 'invalid'; errors: FieldErrors };

export function organisationCrumbs(
  organisation: OrganisationScope,
  extra: { href: string; label: string }[] = [],
) {
  return [{ href: `/o/${organisation.code}`, label: organisation.displayName }, ...extra];
}

function fileSize(ctx: PageContext, bytes: number): string {
  return `${formatInteger(ctx.locale, Math.max(1, Math.round(bytes / 1024)))} kB`;
}

export function downloadHref(code: string, id: number): string {
  return `/o/${code}/documents/${id}`;
}

function downloadLink(ctx: PageContext, code: string, v: VersionRow): SafeHtml {
  const t = documentsMessage.for(ctx.locale);
  const format = t(`format.${v.format}`);
  return html`<a
    class="utrecht-link"
    href="${downloadHref(code, v.id)}"
    download="${v.fileName}"
    aria-label="${t('download', { format, version: v.version })}"
    >${t('downloadShort')}</a
  >`;
}

export function versionsTable(
  ctx: PageContext,
  code: string,
  versions: VersionRow[],
  caption: string,
  subjectLink?: (v: VersionRow) => HtmlValue,
): SafeHtml {
  const t = documentsMessage.for(ctx.locale);
  if (versions.length === 0) return html`<p class="utrecht-paragraph">${t('list.empty')}</p>`;
  return table({
    caption,
    columns: [
      { label: t('col.document') },
      { label: t('col.version'), isNumeric: true },
      { label: t('col.format') },
      { label: t('col.created') },
      { label: t('col.author') },
      { label: t('col.size'), isNumeric: true },
      { label: t('col.download') },
    ],
    rows: versions.map((v) => ({
      header: subjectLink ? subjectLink(v) : v.title,
      cells: [
        v.version,
        t(`format.${v.format}`),
        formatDateTime(ctx.locale, v.createdAt),
        v.createdByName,
        fileSize(ctx, v.sizeBytes),
        downloadLink(ctx, code, v),
      ],
    })),
  });
}

function outcomeMessage(ctx: PageContext, code: string, outcome: ExportOutcome): SafeHtml | '' {
  const t = documentsMessage.for(ctx.locale);
  if (outcome.kind === 'made') {
    const v = outcome.version;
    return alert(
      'ok',
      html`<p class="utrecht-paragraph">
        ${t('export.done', { version: v.version, format: t(`format.${v.format}`) })}
        ${downloadLink(ctx, code, v)}
      </p>`,
    );
  }
  if (outcome.kind === 'failed')
    return alert('error', html`<p class="utrecht-paragraph">${t('export.failed')}</p>`);
  if (outcome.kind === 'invalid') return errorSummary(ctx.locale, outcome.errors);
  return '';
}

/**
 * The export form. Without JavaScript the request simply takes its second; with it, the button is
 * disabled and the live region says the document is being made (src/client/documents.ts).
 */
export function exportForm(
  ctx: PageContext,
  o: { action: string; organisation: OrganisationScope; values: ExportValues; outcome: ExportOutcome },
): SafeHtml {
  const t = documentsMessage.for(ctx.locale);
  if (!hasRole(o.organisation.role, 'editor'))
    return html`<p class="utrecht-paragraph">${t('export.viewerNote')}</p>`;
  const errors = o.outcome.kind === 'invalid' ? o.outcome.errors : {};
  const isRetry = o.outcome.kind === 'failed';
  return html`<form method="post" action="${o.action}" data-document-export>
    ${csrfField(ctx.csrfToken)} ${formatChoice(ctx, o.values.format, errors.format)}
    ${languageChoice(ctx, o.values.language, errors.language)}
    ${exportSubmit(t('export.submit'), t('export.working'), isRetry ? t('export.retry') : undefined)}
  </form>`;
}

export interface ExportPageData {
  organisation: OrganisationScope;
  title: string;
  intro: string;
  crumbs: { href: string; label: string }[];
  action: string;
  values: ExportValues;
  outcome: ExportOutcome;
  versions: VersionRow[];
}

/** A subject's document page: what it contains, the export form, and its earlier versions. */
export function exportPage(ctx: PageContext, data: ExportPageData): string {
  const t = documentsMessage.for(ctx.locale);
  const code = data.organisation.code;
  return renderPage(ctx, {
    title: data.title,
    nav: 'dashboard',
    breadcrumbs: data.crumbs,
    main: html`<h1 class="utrecht-heading-1">${data.title}</h1>
      ${outcomeMessage(ctx, code, data.outcome)}
      <p class="utrecht-paragraph">${data.intro}</p>
      <section aria-labelledby="export-heading">
        <h2 class="utrecht-heading-2" id="export-heading">${t('export.heading')}</h2>
        <p class="utrecht-paragraph">${t('export.intro')}</p>
        ${exportForm(ctx, { action: data.action, organisation: data.organisation, values: data.values, outcome: data.outcome })}
      </section>
      <section aria-labelledby="versions-heading">
        <h2 class="utrecht-heading-2" id="versions-heading">${t('export.versions')}</h2>
        ${versionsTable(ctx, code, data.versions, t('list.caption'))}
      </section>`,
  });
}

export interface DocumentsPageData {
  organisation: OrganisationScope;
  versions: VersionRow[];
  subjectHref: (v: VersionRow) => string;
}

/** Every document the organisation made, newest first, with where to make new ones. */
export function documentsPage(ctx: PageContext, data: DocumentsPageData): string {
  const t = documentsMessage.for(ctx.locale);
  const code = data.organisation.code;
  const subject = (v: VersionRow) =>
    html`<a class="utrecht-link" href="${data.subjectHref(v)}">${v.title}</a>
      <span class="rk-muted">(${t(`kind.${v.kind}`)})</span>`;
  return renderPage(ctx, {
    title: `${t('list.title')} · ${data.organisation.displayName}`,
    nav: 'dashboard',
    breadcrumbs: organisationCrumbs(data.organisation),
    main: html`<h1 class="utrecht-heading-1">${t('list.title')}</h1>
      <p class="utrecht-paragraph">${t('list.intro')}</p>
      <section aria-labelledby="make-heading">
        <h2 class="utrecht-heading-2" id="make-heading">${t('list.makeHeading')}</h2>
        <ul class="utrecht-unordered-list">
          <li><a class="utrecht-link" href="/o/${code}/documents/strategy">${t('list.makeStrategy')}</a></li>
          <li><a class="utrecht-link" href="${councilLettersPath(code)}">${t('list.makeLetter')}</a></li>
          <li>
            ${t('list.makeScan')} <a class="utrecht-link" href="/o/${code}/scans">${t('list.scans')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="all-heading">
        <h2 class="utrecht-heading-2" id="all-heading">${t('export.versions')}</h2>
        ${versionsTable(ctx, code, data.versions, t('list.caption'), subject)}
      </section>`,
  });
}

/** The page of a subject that does not exist yet (no active strategy): says so, and where to go. */
export function noSubjectPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  title: string,
  message: string,
): string {
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: organisationCrumbs(organisation),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">${message}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/o/${organisation.code}/documents"
          >${documentsMessage.for(ctx.locale)('list.title')}</a
        >
      </p>`,
  });
}

/** The choice of DOCX, PDF or ODT, as every document form offers it. */
export function formatChoice(ctx: PageContext, chosen: string, error: string | undefined): SafeHtml {
  const t = documentsMessage.for(ctx.locale);
  return choiceGroup({
    type: 'radio',
    name: 'format',
    label: t('export.format'),
    chosen: [chosen],
    error,
    locale: ctx.locale,
    choices: (['docx', 'pdf', 'odt'] as const).map((format) => ({
      value: format,
      label: t(`export.format.${format}`),
      description: t(`export.format.${format}.hint`),
    })),
  });
}

/** The document's language, which may differ from the interface's. */
export function languageChoice(ctx: PageContext, chosen: string, error: string | undefined): SafeHtml {
  const t = documentsMessage.for(ctx.locale);
  return choiceGroup({
    type: 'radio',
    name: 'language',
    label: t('export.language'),
    chosen: [chosen],
    error,
    locale: ctx.locale,
    choices: [
      { value: 'nl', label: t('export.language.nl') },
      { value: 'en', label: t('export.language.en') },
    ],
  });
}

/** The submit button with the working text the documents' script shows, and its live region. */
export function exportSubmit(label: string, working: string, retry?: string): SafeHtml {
  return html`<p class="utrecht-paragraph">
      <button type="submit" class="utrecht-button utrecht-button--primary-action" data-working="${working}">
        ${retry ?? label}
      </button>
    </p>
    <p class="utrecht-paragraph" role="status" aria-live="polite" data-export-status></p>`;
}
