import type { OrganisationScope } from '../../core/http/context.ts';
import { formatDate } from '../../core/i18n/i18n.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import {
  errorSummary,
  selectField,
  textField,
  type FieldErrors,
  choiceGroup,
} from '../../core/render/form-fields.ts';
import { scrollRegion } from '../../core/render/data-table.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { hasRole } from '../../core/http/access.ts';
import { scanMessage } from './scan.messages.ts';
import type { ScanRow } from './scan.queries.ts';
import type { ScanStatus } from './scan.tables.ts';
import type { Framework } from '../framework/index.ts';
import { localise } from '../framework/index.ts';
import { glossaryLink } from '../glossary/index.ts';

export function scanCrumbs(ctx: PageContext, organisation: OrganisationScope, scan?: ScanRow) {
  const t = scanMessage.for(ctx.locale);
  return [
    { href: `/o/${organisation.code}`, label: organisation.displayName },
    { href: `/o/${organisation.code}/scans`, label: t('nav') },
    ...(scan ? [{ href: `/o/${organisation.code}/scans/${scan.id}`, label: scan.title }] : []),
  ];
}

export function statusBadge(ctx: PageContext, status: ScanStatus): SafeHtml {
  const kind = status === 'submitted' ? 'success' : 'neutral';
  return html`<span class="utrecht-status-badge utrecht-status-badge--${kind}"
    >${scanMessage.for(ctx.locale)(`status.${status}`)}</span
  >`;
}

export interface ScanListItem {
  id: number;
  title: string;
  period: number;
  status: ScanStatus;
  frameworkVersion: string;
  respondents: number;
}

export function scanListPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  items: ScanListItem[],
): string {
  const t = scanMessage.for(ctx.locale);
  const canStart = hasRole(organisation.role, 'editor');
  const list =
    items.length === 0
      ? html`<p class="utrecht-paragraph">${canStart ? t('list.empty') : t('list.emptyViewer')}</p>`
      : table({
          caption: t('list.caption'),
          columns: [
            { label: t('column.title') },
            { label: t('column.period') },
            { label: t('column.status') },
            { label: t('column.respondents'), isNumeric: true },
            { label: t('column.framework') },
          ],
          rows: items.map((s) => ({
            header: html`<a class="utrecht-link" href="/o/${organisation.code}/scans/${s.id}">${s.title}</a>`,
            cells: [s.period, statusBadge(ctx, s.status), s.respondents, s.frameworkVersion],
          })),
        });
  return renderPage(ctx, {
    title: t('list.title', { organisation: organisation.displayName }),
    nav: 'dashboard',
    breadcrumbs: scanCrumbs(ctx, organisation).slice(0, 1),
    main: html`<h1 class="utrecht-heading-1">
        ${t('list.title', { organisation: organisation.displayName })}
      </h1>
      <p class="utrecht-paragraph">${t('list.intro')} ${glossaryLink(ctx.locale)}</p>
      ${
        canStart
          ? html`<p class="utrecht-paragraph">
              <a
                class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                href="/o/${organisation.code}/scans/new"
                >${t('list.start')}</a
              >
            </p>`
          : ''
      }
      ${list}`,
  });
}

export interface NewScanForm {
  values: { title: string; period: string; frameworkVersion: string; respondents: number[] };
  errors: FieldErrors;
  versions: string[];
  members: { userId: number; name: string; email: string }[];
}

export function newScanPage(ctx: PageContext, organisation: OrganisationScope, form: NewScanForm): string {
  const t = scanMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('new.title'),
    nav: 'dashboard',
    breadcrumbs: scanCrumbs(ctx, organisation),
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${t('new.title')}</h1>
      ${errorSummary(ctx.locale, form.errors)}
      <p class="utrecht-paragraph">${t('new.intro')}</p>
      <form method="post" action="/o/${organisation.code}/scans" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${textField({ name: 'title', label: t('field.title'), description: t('field.title.hint'), value: form.values.title, error: form.errors.title, required: true, locale: ctx.locale })}
        ${textField({ name: 'period', label: t('field.period'), type: 'number', value: form.values.period, error: form.errors.period, required: true, locale: ctx.locale })}
        ${selectField({ name: 'frameworkVersion', label: t('field.framework'), value: form.values.frameworkVersion, choices: form.versions.map((v) => ({ value: v, label: v })), locale: ctx.locale })}
        ${choiceGroup({
          type: 'checkbox',
          name: 'respondents',
          label: t('field.respondents'),
          description: t('field.respondents.hint'),
          error: form.errors.respondents,
          // Browser journeys find each person's box by this id.
          choices: form.members.map((m) => ({
            value: String(m.userId),
            id: `respondent-${m.userId}`,
            label: `${m.name} (${m.email})`,
          })),
          chosen: form.values.respondents.map(String),
          locale: ctx.locale,
        })}
        <div class="rk-actions">${button(t('new.submit'))}</div>
      </form>
    </div>`,
  });
}

export interface OverviewData {
  organisation: OrganisationScope;
  scan: ScanRow;
  progress: { userId: number; name: string; answered: number }[];
  totalQuestions: number;
  isRespondent: boolean;
  submittedBy: string | undefined;
  reopenedBy: string | undefined;
  notice: string | undefined;
  problem: string | undefined;
}

function progressTable(ctx: PageContext, data: OverviewData): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  return html`<table class="utrecht-table utrecht-table--html-table rk-compact">
    <caption class="utrecht-table__caption">
      ${t('overview.progressCaption')}
    </caption>
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        <th scope="col" class="utrecht-table__header-cell">${t('overview.respondent')}</th>
        <th scope="col" class="utrecht-table__header-cell">${t('overview.answered')}</th>
      </tr>
    </thead>
    <tbody class="utrecht-table__body">
      ${data.progress.map(
        (p) =>
          html`<tr class="utrecht-table__row">
            <th scope="row" class="utrecht-table__header-cell">${p.name}</th>
            <td class="utrecht-table__cell">
              <progress
                class="rk-progress"
                max="${data.totalQuestions}"
                value="${p.answered}"
                aria-label="${p.name}: ${p.answered} / ${data.totalQuestions}"
              ></progress>
              ${p.answered} / ${data.totalQuestions}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function actions(ctx: PageContext, data: OverviewData): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const base = `/o/${data.organisation.code}/scans/${data.scan.id}`;
  const isDraft = data.scan.status === 'draft';
  const mine = data.progress.find((p) => p.userId === ctx.user?.id);
  return html`<ul class="utrecht-unordered-list rk-action-list">
      ${
        isDraft && data.isRespondent
          ? html`<li>
              <a class="utrecht-link" href="${base}/answer"
                >${mine && mine.answered > 0 ? t('overview.continue') : t('overview.answer')}</a
              >
            </li>`
          : ''
      }
      <li><a class="utrecht-link" href="${base}/consensus">${t('overview.consensus')}</a></li>
      <li><a class="utrecht-link" href="${base}/results">${t('overview.results')}</a></li>
      <li>
        ${t('overview.export')}:
        <a class="utrecht-link" href="${base}/answers.csv">${t('overview.exportAnswersCsv')}</a>,
        <a class="utrecht-link" href="${base}/scores.csv">${t('overview.exportScoresCsv')}</a>,
        <a class="utrecht-link" href="${base}/export.xlsx">${t('overview.exportXlsx')}</a>
      </li>
    </ul>
    ${
      isDraft && hasRole(data.organisation.role, 'editor')
        ? html`<form method="post" action="${base}/submit" class="rk-card">
            ${csrfField(ctx.csrfToken)}
            <p class="utrecht-paragraph">${t('overview.submit.hint')}</p>
            ${button(t('overview.submit'))}
          </form>`
        : ''
    }
    ${
      !isDraft && data.organisation.role === 'admin'
        ? html`<form method="post" action="${base}/reopen">
            ${csrfField(ctx.csrfToken)}${button(t('overview.reopen'), 'secondary')}
          </form>`
        : ''
    }`;
}

export function scanOverviewPage(ctx: PageContext, data: OverviewData): string {
  const t = scanMessage.for(ctx.locale);
  const scan = data.scan;
  return renderPage(ctx, {
    title: scan.title,
    nav: 'dashboard',
    breadcrumbs: scanCrumbs(ctx, data.organisation),
    main: html`<h1 class="utrecht-heading-1">${scan.title}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      ${data.problem ? alert('error', html`<p class="utrecht-paragraph">${data.problem}</p>`) : ''}
      <p class="utrecht-paragraph">
        ${statusBadge(ctx, scan.status)} ${scan.period} · ${t('column.framework')} ${scan.frameworkVersion}
      </p>
      ${scan.submittedAt && data.submittedBy ? html`<p class="utrecht-paragraph">${t('overview.submittedBy', { date: formatDate(ctx.locale, scan.submittedAt), name: data.submittedBy })}</p>` : ''}
      ${scan.reopenedAt && data.reopenedBy && scan.status === 'draft' ? html`<p class="utrecht-paragraph">${t('overview.reopenedBy', { date: formatDate(ctx.locale, scan.reopenedAt), name: data.reopenedBy })}</p>` : ''}
      ${!data.isRespondent && scan.status === 'draft' ? html`<p class="utrecht-paragraph">${t('overview.notRespondent')}</p>` : ''}
      ${actions(ctx, data)}
      <h2 class="utrecht-heading-2">${t('overview.progress')}</h2>
      ${scrollRegion(scanMessage(ctx.locale, 'overview.progressCaption'), progressTable(ctx, data))}`,
  });
}

/** The target-level choice and the note, shared by a respondent's answer and the agreed answer. */
export function targetAndNoteFields(
  ctx: PageContext,
  framework: Framework,
  field: { targetId: string; noteId: string; targetName: string; noteName: string },
  value: { target: number | null; note: string },
  isDisabled = false,
): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  return html`<div class="utrecht-form-field">
      <label class="utrecht-form-label" for="${field.targetId}">${t('answer.target')}</label>
      <select
        class="utrecht-select utrecht-select--html-select"
        id="${field.targetId}"
        name="${field.targetName}"
        ${isDisabled ? 'disabled' : ''}
      >
        <option value="">${t('answer.noTarget')}</option>
        ${framework.levels.map(
          (l) =>
            html`<option value="${l.level}" ${value.target === l.level ? 'selected' : ''}>
              ${l.level} · ${localise(l.label, ctx.locale)}
            </option>`,
        )}
      </select>
    </div>
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="${field.noteId}">${t('answer.note')}</label>
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea"
        id="${field.noteId}"
        name="${field.noteName}"
        rows="2"
        ${isDisabled ? 'disabled' : ''}
      >
${value.note}</textarea>
    </div>`;
}
