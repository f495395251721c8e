import type { OrganisationScope } from '../../core/http/context.ts';
import { alert, csrfField } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import type { Framework, Question, Source, Theme } from '../framework/index.ts';
import { localise } from '../framework/index.ts';
import { factsHeading, type RegistryFacts } from '../registries/index.ts';
import { scanCrumbs, targetAndNoteFields } from './scan.views.ts';
import { scanMessage } from './scan.messages.ts';
import type { ScanRow } from './scan.queries.ts';
import type { CarriedAnswer } from './scan-carry-over.ts';

/** What the form shows per question: the stored answer or, after a failed save, what was typed. */
export interface AnswerValues {
  response: string;
  target: string;
  note: string;
  evidence: string;
}

export interface AnswerPageData {
  organisation: OrganisationScope;
  scan: ScanRow;
  framework: Framework;
  theme: Theme;
  values: Map<string, AnswerValues>;
  /** Answers filled in from the previous framework version's scan, to review before saving. */
  carried?: Map<string, CarriedAnswer>;
  errors: Map<string, string>;
  answeredPerTheme: Map<string, number>;
  notice: string | undefined;
  isLocked: boolean;
  /** The register facts behind this theme's answers (data ownership, ethics, coalitions…). */
  registryFacts?: RegistryFacts[];
}

function registerFactsAside(ctx: PageContext, facts: RegistryFacts[] | undefined): SafeHtml | '' {
  if (!facts || facts.length === 0) return '';
  return html`<aside class="rk-card" aria-labelledby="register-facts">
    <h2 class="utrecht-heading-3" id="register-facts">${factsHeading(ctx.locale)}</h2>
    ${facts.map(
      (f) =>
        html`<h3 class="utrecht-heading-4">${f.heading}</h3>
          <ul class="utrecht-unordered-list">
            ${f.facts.map((fact) => html`<li>${fact}</li>`)}
          </ul>
          <p class="utrecht-paragraph"><a class="utrecht-link" href="${f.link.href}">${f.link.label}</a></p>`,
    )}
  </aside>`;
}

const fieldName = (q: Question, part: string) => `q.${q.id}.${part}`;
const domId = (q: Question, part: string) => `q-${q.id.replace(/\./g, '-')}-${part}`;

function themeNav(ctx: PageContext, data: AnswerPageData): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const base = `/o/${data.organisation.code}/scans/${data.scan.id}/answer`;
  return html`<nav class="rk-theme-nav" aria-label="${t('answer.themeNav')}">
    ${data.framework.pillars.map(
      (pillar) =>
        html`<h2 class="utrecht-heading-4">${pillar.number}. ${localise(pillar.title, ctx.locale)}</h2>
          <ul class="rk-theme-nav__list">
            ${data.framework.themes
              .filter((theme) => theme.pillar === pillar.id)
              .map((theme) => {
                const answered = data.answeredPerTheme.get(theme.id) ?? 0;
                return html`<li>
                  <a
                    class="utrecht-link"
                    href="${base}/${theme.id}"
                    ${theme.id === data.theme.id ? html`aria-current="page"` : ''}
                  >
                    ${localise(theme.title, ctx.locale)}</a
                  >
                  <span class="rk-count">${answered}/${theme.questions.length}</span>
                </li>`;
              })}
          </ul>`,
    )}
  </nav>`;
}

function levelChoices(ctx: PageContext, data: AnswerPageData, q: Question, value: AnswerValues): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const choices = [
    ...q.levels.map((statement, i) => ({
      value: String(i + 1),
      label: `${i + 1} · ${localise(data.framework.levels[i]?.label ?? statement, ctx.locale)}`,
      description: localise(statement, ctx.locale),
    })),
    { value: 'unknown', label: t('answer.unknown'), description: '' },
    { value: 'not-applicable', label: t('answer.notApplicable'), description: '' },
  ];
  return html`<fieldset
    class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset rk-levels"
  >
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
      ${t('answer.current')}
    </legend>
    ${choices.map((c) => {
      const id = `${domId(q, 'r')}-${c.value}`;
      return html`<div class="rk-level">
        <input
          type="radio"
          class="utrecht-radio-button utrecht-radio-button--html-input"
          id="${id}"
          name="${fieldName(q, 'response')}"
          value="${c.value}"
          ${value.response === c.value ? 'checked' : ''}
          ${data.isLocked ? 'disabled' : ''}
          ${c.description ? html`aria-describedby="${id}-d"` : ''}
        />
        <label class="utrecht-form-label utrecht-form-label--radio" for="${id}"
          ><strong>${c.label}</strong></label
        >
        ${c.description ? html`<p class="rk-level__text" id="${id}-d">${c.description}</p>` : ''}
      </div>`;
    })}
  </fieldset>`;
}

/** The handreiking, or an addition named with its publisher and linked (framework 2026.2 on). */
function sourceLine(ctx: PageContext, source: Source): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const title = localise(source.title, ctx.locale);
  if (source.kind !== 'aanvulling' || !source.url)
    return html`<p class="utrecht-paragraph rk-muted">${t('answer.sourceLabel')}: ${title}</p>`;
  return html`<p class="utrecht-paragraph rk-muted" data-source-kind="aanvulling">
    ${t('answer.additionLabel')}:
    <a class="utrecht-link" href="${source.url}">${title}</a
    >${source.publisher ? ` (${source.publisher})` : ''}
  </p>`;
}

function carriedNote(ctx: PageContext, carried: CarriedAnswer | undefined): SafeHtml | '' {
  if (!carried) return '';
  const t = scanMessage.for(ctx.locale);
  const from = `${carried.from.title} (${carried.from.period}, ${t('column.framework')} ${carried.from.frameworkVersion})`;
  return html`<p class="utrecht-paragraph rk-carried" data-carried-from="${carried.from.id}">
    <strong>${t('answer.carried', { from })}</strong
    >${carried.reworded ? ` ${t('answer.carriedReworded')}` : ''}
  </p>`;
}

function questionBlock(ctx: PageContext, data: AnswerPageData, q: Question, index: number): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const value = data.values.get(q.id) ?? { response: '', target: '', note: '', evidence: '' };
  const error = data.errors.get(q.id);
  const source = data.framework.sources.find((s) => s.id === q.source);
  return html`<section
    class="rk-question${error ? ' rk-question--invalid' : ''}"
    id="${domId(q, 'section')}"
    data-question="${q.id}"
    aria-labelledby="${domId(q, 'title')}"
  >
    <h2 class="utrecht-heading-3" id="${domId(q, 'title')}">${index + 1}. ${localise(q.text, ctx.locale)}</h2>
    <details class="rk-why">
      <summary>${t('answer.why')}</summary>
      <p class="utrecht-paragraph">${localise(q.why, ctx.locale)}</p>
      ${source ? sourceLine(ctx, source) : ''}
    </details>
    ${carriedNote(ctx, data.carried?.get(q.id))}
    ${error ? html`<p class="utrecht-form-field-error-message" id="${domId(q, 'error')}" role="alert">${error}</p>` : ''}
    ${levelChoices(ctx, data, q, value)}
    ${targetAndNoteFields(
      ctx,
      data.framework,
      {
        targetId: domId(q, 'target'),
        noteId: domId(q, 'note'),
        targetName: fieldName(q, 'target'),
        noteName: fieldName(q, 'note'),
      },
      { target: value.target === '' ? null : Number(value.target), note: value.note },
      data.isLocked,
    )}
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="${domId(q, 'evidence')}">${t('answer.evidence')}</label>
      <p class="utrecht-form-field-description" id="${domId(q, 'evidence-hint')}">
        ${t('answer.evidence.hint')}
      </p>
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea"
        id="${domId(q, 'evidence')}"
        name="${fieldName(q, 'evidence')}"
        rows="2"
        aria-describedby="${domId(q, 'evidence-hint')}"
        ${data.isLocked ? 'disabled' : ''}
      >
${value.evidence}</textarea>
    </div>
    <p class="rk-save-status" role="status" aria-live="polite"></p>
  </section>`;
}

export function answerPage(ctx: PageContext, data: AnswerPageData): string {
  const t = scanMessage.for(ctx.locale);
  const total = data.framework.themes.reduce((n, theme) => n + theme.questions.length, 0);
  const answered = [...data.answeredPerTheme.values()].reduce((a, b) => a + b, 0);
  const mine = data.answeredPerTheme.get(data.theme.id) ?? 0;
  const title = localise(data.theme.title, ctx.locale);
  const index = data.framework.themes.findIndex((theme) => theme.id === data.theme.id);
  const isLast = index === data.framework.themes.length - 1;
  return renderPage(ctx, {
    title: `${title} · ${data.scan.title}`,
    nav: 'dashboard',
    breadcrumbs: scanCrumbs(ctx, data.organisation, data.scan),
    main: html`<div class="rk-answer-layout">
      ${themeNav(ctx, data)}
      <div>
        <h1 class="utrecht-heading-1">${title}</h1>
        <p class="utrecht-paragraph">${localise(data.theme.description, ctx.locale)}</p>
        ${registerFactsAside(ctx, data.registryFacts)}
        <p class="utrecht-paragraph">
          <progress
            class="rk-progress"
            max="${total}"
            value="${answered}"
            aria-label="${t('answer.overall', { answered, total })}"
          ></progress>
          ${t('answer.overall', { answered, total })} ·
          ${t('answer.progress', { answered: mine, total: data.theme.questions.length })}
        </p>
        ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
        ${data.isLocked ? alert('info', html`<p class="utrecht-paragraph">${t('answer.locked')}</p>`) : ''}
        <form
          method="post"
          action="/o/${data.organisation.code}/scans/${data.scan.id}/answer/${data.theme.id}"
          class="rk-answer-form"
          data-autosave="/o/${data.organisation.code}/scans/${data.scan.id}/answers"
          data-saved="${t('answer.autosaved')}"
          data-failed="${t('answer.autosaveFailed')}"
        >
          ${csrfField(ctx.csrfToken)} ${data.theme.questions.map((q, i) => questionBlock(ctx, data, q, i))}
          ${
            data.isLocked
              ? ''
              : html`<div class="rk-actions">
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action"
                    name="then"
                    value="stay"
                  >
                    ${t('answer.save')}
                  </button>
                  ${isLast ? '' : html`<button type="submit" class="utrecht-button utrecht-button--primary-action" name="then" value="next">${t('answer.saveNext')}</button>`}
                </div>`
          }
        </form>
      </div>
    </div>`,
  });
}
