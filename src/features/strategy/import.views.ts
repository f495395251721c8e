import type { OrganisationScope } from '../../core/http/context.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import { errorSummary, type FieldErrors } from '../../core/render/form-fields.ts';
import { html } from '../../core/render/html.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import type { RowProblem } from './strategy-import.ts';
import { strategyBase, strategyCrumbs } from './strategy-common.views.ts';
import { strategyMessage } from './strategy.messages.ts';
import { mediaTypes } from '../../core/http/content-types.ts';

export interface ImportPageData {
  organisation: OrganisationScope;
  errors: FieldErrors;
  rows?: RowProblem[];
  notice?: string | undefined;
}

export function importPage(ctx: PageContext, data: ImportPageData): string {
  const t = strategyMessage.for(ctx.locale);
  const base = strategyBase(data.organisation);
  const error = data.errors.file;
  return renderPage(ctx, {
    title: t('import.title'),
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, data.organisation),
    main: html`<h1 class="utrecht-heading-1">${t('import.title')}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      ${errorSummary(ctx.locale, data.errors)}
      ${
        data.rows && data.rows.length > 0
          ? html`${alert('error', html`<p class="utrecht-paragraph">${t('import.failed', { count: data.rows.length })}</p>`)}
            ${table({
              caption: t('import.reportCaption'),
              columns: [{ label: t('import.row') }, { label: t('import.reason') }],
              rows: data.rows.map((r) => ({
                header: r.line,
                cells: [
                  html`<ul class="utrecht-unordered-list">
                    ${r.reasons.map((reason) => html`<li>${reason}</li>`)}
                  </ul>`,
                ],
              })),
            })}`
          : ''
      }
      <p class="utrecht-paragraph">${t('import.intro')}</p>
      <ul class="utrecht-unordered-list">
        <li><a class="utrecht-link" href="${base}/actions.csv">${t('page.exportCsv')}</a></li>
        <li><a class="utrecht-link" href="${base}/actions.xlsx">${t('page.exportXlsx')}</a></li>
      </ul>
      <form method="post" action="${base}/import" enctype="multipart/form-data" novalidate>
        ${csrfField(ctx.csrfToken)}
        <div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="field-file">${t('import.file')}</label>
          </div>
          ${error ? html`<p class="utrecht-form-field-error-message" id="field-file-error"><span class="rk-visually-hidden">${coreMessage(ctx.locale, 'form.error')} </span>${error}</p>` : ''}
          <div class="utrecht-form-field__input">
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              type="file"
              id="field-file"
              name="file"
              accept=".csv,.xlsx,${mediaTypes.csv},${mediaTypes.xlsx}"
              ${error ? html`aria-invalid="true" aria-describedby="field-file-error"` : ''}
            />
          </div>
        </div>
        <div class="rk-actions">
          ${button(t('import.submit'))} <a class="utrecht-link" href="${base}">${t('form.cancel')}</a>
        </div>
      </form>`,
  });
}
