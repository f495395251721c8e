import type { OrganisationScope } from '../../core/http/context.ts';
import { hasRole } from '../../core/http/access.ts';
import { alert, button, csrfField } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import type { Framework, Question, Theme } from '../framework/index.ts';
import { localise } from '../framework/index.ts';
import type { Distribution } from './scan-scoring.ts';
import type { ScanRow } from './scan.queries.ts';
import type { Response } from './scan.tables.ts';
import { scanCrumbs, targetAndNoteFields } from './scan.views.ts';
import { scanMessage } from './scan.messages.ts';

export interface AnswerSummary {
  response: Response;
  currentLevel: number | null;
  targetLevel: number | null;
  note: string;
}

export interface ConsensusQuestion {
  question: Question;
  distribution: Distribution;
  individual: (AnswerSummary & { name: string })[];
  agreed: (AnswerSummary & { version: number; updatedBy: string | null }) | undefined;
}

export interface ConsensusPageData {
  organisation: OrganisationScope;
  scan: ScanRow;
  framework: Framework;
  theme: Theme;
  questions: ConsensusQuestion[];
  agenda: { questionId: string; themeId: string; text: string; spread: number }[];
  notice: string | undefined;
  /** Per question: a conflict or validation message, and the values the editor had chosen. */
  problems: Map<string, { message: string; chosen?: AnswerSummary }>;
}

export function describeAnswer(
  ctx: PageContext,
  framework: Framework,
  a: Pick<AnswerSummary, 'response' | 'currentLevel'>,
): string {
  const t = scanMessage.for(ctx.locale);
  if (a.response === 'unknown') return t('answer.unknown');
  if (a.response === 'not-applicable') return t('answer.notApplicable');
  const label = framework.levels[(a.currentLevel ?? 1) - 1]?.label;
  return `${a.currentLevel} · ${label ? localise(label, ctx.locale) : ''}`;
}

const domId = (q: Question, part: string) => `c-${q.id.replace(/\./g, '-')}-${part}`;

function distributionTable(ctx: PageContext, data: ConsensusPageData, item: ConsensusQuestion): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const rows: [string, number][] = [
    ...data.framework.levels.map((l, i): [string, number] => [
      `${l.level} · ${localise(l.label, ctx.locale)}`,
      item.distribution.levels[i] ?? 0,
    ]),
    [t('answer.unknown'), item.distribution.unknown],
    [t('answer.notApplicable'), item.distribution.notApplicable],
  ];
  return html`<table class="utrecht-table utrecht-table--html-table rk-compact">
    <caption class="utrecht-table__caption">
      ${t('consensus.distributionCaption')}
    </caption>
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        <th scope="col" class="utrecht-table__header-cell">${t('answer.current')}</th>
        <th scope="col" class="utrecht-table__header-cell rk-number">${t('consensus.count')}</th>
      </tr>
    </thead>
    <tbody class="utrecht-table__body">
      ${rows.map(
        ([label, count]) =>
          html`<tr class="utrecht-table__row">
            <th scope="row" class="utrecht-table__header-cell">${label}</th>
            <td class="utrecht-table__cell rk-number">
              <span class="rk-bar" data-count="${count}">${'▮'.repeat(count)}</span> ${count}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function consensusForm(ctx: PageContext, data: ConsensusPageData, item: ConsensusQuestion): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const q = item.question;
  const chosen = data.problems.get(q.id)?.chosen ?? item.agreed;
  const value = chosen ? (chosen.response === 'level' ? String(chosen.currentLevel) : chosen.response) : '';
  const options = [
    ...data.framework.levels.map((l) => ({
      value: String(l.level),
      label: `${l.level} · ${localise(l.label, ctx.locale)}`,
    })),
    { value: 'unknown', label: t('answer.unknown') },
    { value: 'not-applicable', label: t('answer.notApplicable') },
  ];
  return html`<form
    method="post"
    action="/o/${data.organisation.code}/scans/${data.scan.id}/consensus/${data.theme.id}"
    class="rk-consensus-form"
  >
    ${csrfField(ctx.csrfToken)}
    <input type="hidden" name="questionId" value="${q.id}" />
    <input type="hidden" name="expectedVersion" value="${item.agreed?.version ?? 0}" />
    <fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset rk-inline-choices">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        ${t('consensus.agreed')}
      </legend>
      ${options.map(
        (o) =>
          html`<span class="rk-choice"
            ><input
              type="radio"
              class="utrecht-radio-button utrecht-radio-button--html-input"
              id="${domId(q, o.value)}"
              name="response"
              value="${o.value}"
              ${o.value === value ? 'checked' : ''}
            />
            <label class="utrecht-form-label utrecht-form-label--radio" for="${domId(q, o.value)}"
              >${o.label}</label
            ></span
          >`,
      )}
    </fieldset>
    ${targetAndNoteFields(
      ctx,
      data.framework,
      { targetId: domId(q, 'target'), noteId: domId(q, 'note'), targetName: 'target', noteName: 'note' },
      { target: chosen?.targetLevel ?? null, note: chosen?.note ?? '' },
    )}
    ${button(t('consensus.save'), 'secondary')}
  </form>`;
}

function questionBlock(
  ctx: PageContext,
  data: ConsensusPageData,
  item: ConsensusQuestion,
  index: number,
): SafeHtml {
  const t = scanMessage.for(ctx.locale);
  const q = item.question;
  const problem = data.problems.get(q.id);
  const canEdit = data.scan.status === 'draft' && hasRole(data.organisation.role, 'editor');
  return html`<section
    class="rk-question${item.distribution.isDisagreement ? ' rk-question--disagreement' : ''}"
    id="${q.id}"
    aria-labelledby="${domId(q, 'title')}"
  >
    <h2 class="utrecht-heading-3" id="${domId(q, 'title')}">${index + 1}. ${localise(q.text, ctx.locale)}</h2>
    ${item.distribution.isDisagreement ? html`<p class="rk-flag"><strong>${t('consensus.disagreement', { spread: item.distribution.spread })}</strong></p>` : ''}
    ${problem ? alert('error', html`<p class="utrecht-paragraph">${problem.message}</p>`) : ''}
    ${
      item.individual.length === 0
        ? html`<p class="utrecht-paragraph">${t('consensus.noAnswers')}</p>`
        : html`${distributionTable(ctx, data, item)}
            <ul class="utrecht-unordered-list">
              ${item.individual.map((a) => html`<li>${t('consensus.byWhom', { name: a.name, answer: describeAnswer(ctx, data.framework, a) })}${a.note ? html` — <em>${a.note}</em>` : ''}</li>`)}
            </ul>`
    }
    <p class="utrecht-paragraph">
      <strong>${t('consensus.agreed')}:</strong>
      ${item.agreed ? `${describeAnswer(ctx, data.framework, item.agreed)}${item.agreed.updatedBy ? ` (${item.agreed.updatedBy})` : ''}` : t('consensus.notAgreed')}
    </p>
    ${canEdit ? consensusForm(ctx, data, item) : ''}
  </section>`;
}

export function consensusPage(ctx: PageContext, data: ConsensusPageData): string {
  const t = scanMessage.for(ctx.locale);
  const base = `/o/${data.organisation.code}/scans/${data.scan.id}/consensus`;
  return renderPage(ctx, {
    title: `${t('consensus.title')} · ${data.scan.title}`,
    nav: 'dashboard',
    breadcrumbs: scanCrumbs(ctx, data.organisation, data.scan),
    main: html`<h1 class="utrecht-heading-1">
        ${t('consensus.title')}: ${localise(data.theme.title, ctx.locale)}
      </h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      <p class="utrecht-paragraph">${t('consensus.intro')}</p>
      <section class="rk-card" aria-labelledby="agenda-heading">
        <h2 class="utrecht-heading-2" id="agenda-heading">
          ${
            data.agenda.length === 0
              ? t('consensus.noAgenda')
              : t.plural('consensus.agenda', data.agenda.length)
          }
        </h2>
        ${
          data.agenda.length > 0
            ? html`<ol class="utrecht-ordered-list">
                ${data.agenda.map((a) => html`<li><a class="utrecht-link" href="${base}/${a.themeId}#${a.questionId}">${a.text}</a> (${t('consensus.disagreement', { spread: a.spread })})</li>`)}
              </ol>`
            : ''
        }
      </section>
      <nav aria-label="${t('answer.themeNav')}" class="rk-theme-tabs">
        <ul class="rk-inline-list">
          ${data.framework.themes.map((theme) => html`<li><a class="utrecht-link" href="${base}/${theme.id}" ${theme.id === data.theme.id ? html`aria-current="page"` : ''}>${localise(theme.title, ctx.locale)}</a></li>`)}
        </ul>
      </nav>
      ${data.questions.map((item, i) => questionBlock(ctx, data, item, i))}`,
  });
}
