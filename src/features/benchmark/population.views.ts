import { alert, button, csrfField } from '../../core/render/components.ts';
import { errorSummary, type FieldErrors } from '../../core/render/form-fields.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { populationMessage } from './population.messages.ts';
import { maximumPopulation, type BadLine } from './population.service.ts';
import { formatInteger } from '../../core/i18n/i18n.ts';

export interface PopulationPageData {
  coverage: { withPopulation: number; total: number };
  input: string;
  errors: FieldErrors;
  bad: BadLine[];
  /** Set right after a successful import: how many municipalities it updated. */
  imported?: number | undefined;
}

function badLines(ctx: PageContext, bad: BadLine[]): SafeHtml | '' {
  const t = populationMessage.for(ctx.locale);
  if (bad.length === 0) return '';
  const maximum = formatInteger(ctx.locale, maximumPopulation);
  return html`<section aria-labelledby="bad-heading" class="rk-card">
    <h2 class="utrecht-heading-2" id="bad-heading">${t('bad.title')}</h2>
    <ul class="utrecht-unordered-list">
      ${bad.map(
        (b) =>
          html`<li>
            ${t('bad.item', {
              line: b.line,
              text: b.text,
              reason: t(`problem.${b.problem}`, { first: b.first ?? '', maximum }),
            })}
          </li>`,
      )}
    </ul>
  </section>`;
}

function csvField(ctx: PageContext, data: PopulationPageData): SafeHtml {
  const t = populationMessage.for(ctx.locale);
  const error = data.errors.csv;
  const describedBy = error ? 'field-csv-description field-csv-error' : 'field-csv-description';
  return html`<div class="utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}">
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="field-csv">${t('field.label')}</label>
    </div>
    <div class="utrecht-form-field-description" id="field-csv-description">${t('field.description')}</div>
    ${
      error
        ? html`<p class="utrecht-form-field-error-message" id="field-csv-error">
            <span class="rk-visually-hidden">${coreMessage(ctx.locale, 'form.error')} </span>${error}
          </p>`
        : ''
    }
    <div class="utrecht-form-field__input">
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}"
        id="field-csv"
        name="csv"
        rows="12"
        spellcheck="false"
        aria-describedby="${describedBy}"
        ${error ? html`aria-invalid="true"` : ''}
      >
${data.input}</textarea>
    </div>
  </div>`;
}

export function populationPage(ctx: PageContext, data: PopulationPageData): string {
  const t = populationMessage.for(ctx.locale);
  const { withPopulation, total } = data.coverage;
  return renderPage(ctx, {
    title: t('title'),
    nav: 'admin',
    breadcrumbs: [{ href: '/admin', label: coreMessage(ctx.locale, 'nav.admin') }],
    main: html`<h1 class="utrecht-heading-1">${t('title')}</h1>
      ${
        data.imported === undefined
          ? ''
          : alert('ok', html`<p class="utrecht-paragraph">${t.plural('imported', data.imported)}</p>`)
      }
      <p class="utrecht-paragraph">${t('intro')}</p>
      <p class="utrecht-paragraph">${t('coverage', { count: withPopulation, total })}</p>
      ${errorSummary(ctx.locale, data.errors)} ${badLines(ctx, data.bad)}
      <form method="post" action="/admin/population" novalidate>
        ${csrfField(ctx.csrfToken)} ${csvField(ctx, data)}
        <div class="rk-actions">${button(t('submit'))}</div>
      </form>`,
  });
}
