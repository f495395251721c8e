import { hasRole } from '../../core/http/access.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import { councilLettersPath } from '../../core/http/paths.ts';
import { formatCalendarDay, formatDate } from '../../core/i18n/i18n.ts';
import { alert, csrfField, dataList, table } from '../../core/render/components.ts';
import { errorSummary, typedField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import type { LetterRow } from './council-letter.queries.ts';
import { councilLetterMessage } from './council-letter.messages.ts';
import type { VersionRow } from './documents.queries.ts';
import { documentsMessage } from './documents.messages.ts';
import {
  downloadHref,
  exportSubmit,
  formatChoice,
  languageChoice,
  organisationCrumbs,
  versionsTable,
} from './documents.views.ts';

export interface DraftValues {
  periodStart: string;
  format: string;
  language: string;
}

export type DraftOutcome = { kind: 'none' } | { kind: 'failed' } | { kind: 'invalid'; errors: FieldErrors };

function outcomeAlert(ctx: PageContext, outcome: DraftOutcome): SafeHtml | '' {
  if (outcome.kind === 'invalid') return errorSummary(ctx.locale, outcome.errors);
  if (outcome.kind === 'failed')
    return alert(
      'error',
      html`<p class="utrecht-paragraph">${documentsMessage(ctx.locale, 'export.failed')}</p>`,
    );
  return '';
}

function draftForm(ctx: PageContext, data: LettersPageData): SafeHtml {
  const t = councilLetterMessage.for(ctx.locale);
  const d = documentsMessage.for(ctx.locale);
  if (!hasRole(data.organisation.role, 'editor'))
    return html`<p class="utrecht-paragraph">${t('draft.viewerNote')}</p>`;
  const errors = data.outcome.kind === 'invalid' ? data.outcome.errors : {};
  const defaultDay = formatCalendarDay(ctx.locale, data.defaultStart);
  return html`<form method="post" action="${councilLettersPath(data.organisation.code)}" data-document-export>
    ${csrfField(ctx.csrfToken)}
    ${typedField({
      name: 'periodStart',
      type: 'date',
      label: t('draft.periodStart'),
      description: data.previousLetterOn
        ? t('draft.periodStart.previous', { date: defaultDay })
        : t('draft.periodStart.first', { date: defaultDay }),
      value: data.values.periodStart,
      error: errors.periodStart,
      required: true,
      locale: ctx.locale,
    })}
    ${formatChoice(ctx, data.values.format, errors.format)}
    ${languageChoice(ctx, data.values.language, errors.language)}
    ${exportSubmit(t('draft.submit'), t('draft.working'), data.outcome.kind === 'failed' ? d('export.retry') : undefined)}
  </form>`;
}

function lettersTable(ctx: PageContext, code: string, letters: LetterRow[], files: VersionRow[]): SafeHtml {
  const t = councilLetterMessage.for(ctx.locale);
  const d = documentsMessage.for(ctx.locale);
  if (letters.length === 0) return html`<p class="utrecht-paragraph">${t('letters.empty')}</p>`;
  return table({
    caption: t('letters.caption'),
    columns: [
      { label: t('col.drafted') },
      { label: t('col.periodCovered') },
      { label: t('col.strategyVersion'), isNumeric: true },
      { label: t('col.author') },
      { label: t('col.files') },
    ],
    rows: letters.map((letter) => {
      const date = formatDate(ctx.locale, letter.draftedAt);
      const own = files.filter((f) => f.subjectId === letter.id);
      return {
        header: html`<a class="utrecht-link" href="${councilLettersPath(code)}/${letter.id}">${date}</a>`,
        cells: [
          t('letter.periodValue', { start: formatCalendarDay(ctx.locale, letter.periodStart), end: date }),
          letter.strategyVersion,
          letter.draftedByName,
          html`<ul class="utrecht-unordered-list">
            ${own.map(
              (f) =>
                html`<li>
                  <a
                    class="utrecht-link"
                    href="${downloadHref(code, f.id)}"
                    download="${f.fileName}"
                    aria-label="${d('download', { format: d(`format.${f.format}`), version: `${f.version}, ${date}` })}"
                    >${d(`format.${f.format}`)}</a
                  >
                </li>`,
            )}
          </ul>`,
        ],
      };
    }),
  });
}

export interface LettersPageData {
  organisation: OrganisationScope;
  strategyTitle: string;
  defaultStart: string;
  previousLetterOn: string | null;
  values: DraftValues;
  outcome: DraftOutcome;
  letters: LetterRow[];
  files: VersionRow[];
}

/** Drafting a letter, and the letters drafted before. */
export function lettersPage(ctx: PageContext, data: LettersPageData): string {
  const t = councilLetterMessage.for(ctx.locale);
  const code = data.organisation.code;
  return renderPage(ctx, {
    title: t('page.title'),
    nav: 'dashboard',
    breadcrumbs: organisationCrumbs(data.organisation, [
      { href: `/o/${code}/strategy`, label: data.strategyTitle },
    ]),
    main: html`<h1 class="utrecht-heading-1">${t('page.title')}</h1>
      ${outcomeAlert(ctx, data.outcome)}
      <p class="utrecht-paragraph">${t('page.intro')}</p>
      <section aria-labelledby="draft-heading">
        <h2 class="utrecht-heading-2" id="draft-heading">${t('draft.heading')}</h2>
        ${draftForm(ctx, data)}
      </section>
      <section aria-labelledby="letters-heading">
        <h2 class="utrecht-heading-2" id="letters-heading">${t('letters.heading')}</h2>
        ${lettersTable(ctx, code, data.letters, data.files)}
      </section>`,
  });
}

export interface LetterPageData {
  organisation: OrganisationScope;
  letter: LetterRow & { strategyTitle: string };
  files: VersionRow[];
  isNew: boolean;
  format: string;
  outcome: DraftOutcome;
}

/** One letter: what it covers, its files, and the same letter in another format. */
export function letterPage(ctx: PageContext, data: LetterPageData): string {
  const t = councilLetterMessage.for(ctx.locale);
  const d = documentsMessage.for(ctx.locale);
  const { organisation, letter } = data;
  const date = formatDate(ctx.locale, letter.draftedAt);
  const title = t('letter.pageTitle', { date });
  const action = `${councilLettersPath(organisation.code)}/${letter.id}`;
  const errors = data.outcome.kind === 'invalid' ? data.outcome.errors : {};
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: organisationCrumbs(organisation, [
      { href: councilLettersPath(organisation.code), label: t('page.title') },
    ]),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      ${data.isNew ? alert('ok', html`<p class="utrecht-paragraph">${t('draft.done')}</p>`) : ''}
      ${outcomeAlert(ctx, data.outcome)}
      <p class="utrecht-paragraph">${t('letter.pageIntro', { date })}</p>
      ${dataList(
        [
          {
            label: t('letter.facts.period'),
            value: t('letter.periodValue', {
              start: formatCalendarDay(ctx.locale, letter.periodStart),
              end: date,
            }),
          },
          {
            label: t('letter.facts.strategy'),
            value: t('letter.facts.strategyValue', {
              title: letter.strategyTitle,
              version: letter.strategyVersion,
            }),
          },
          { label: t('letter.facts.author'), value: letter.draftedByName },
          {
            label: t('letter.facts.language'),
            value: d(letter.locale === 'en' ? 'export.language.en' : 'export.language.nl'),
          },
        ],
        '—',
      )}
      <section aria-labelledby="files-heading">
        <h2 class="utrecht-heading-2" id="files-heading">${t('letter.files')}</h2>
        ${versionsTable(ctx, organisation.code, data.files, t('letter.filesCaption'))}
      </section>
      ${
        hasRole(organisation.role, 'editor')
          ? html`<section aria-labelledby="format-heading">
              <h2 class="utrecht-heading-2" id="format-heading">${t('letter.otherFormat')}</h2>
              <form method="post" action="${action}" data-document-export>
                ${csrfField(ctx.csrfToken)} ${formatChoice(ctx, data.format, errors.format)}
                ${exportSubmit(t('letter.otherSubmit'), d('export.working'), data.outcome.kind === 'failed' ? d('export.retry') : undefined)}
              </form>
            </section>`
          : ''
      }
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${councilLettersPath(organisation.code)}">${t('letter.back')}</a>
      </p>`,
  });
}
