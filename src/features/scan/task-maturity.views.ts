import { formatDecimal, type Locale } from '../../core/i18n/i18n.ts';
import { barChart } from '../../core/render/bar-chart.ts';
import { dataTable } from '../../core/render/data-table.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { localise, type Framework } from '../framework/index.ts';
import type { TaskMaturity } from './task-maturity.model.ts';
import { taskMaturityMessage } from './task-maturity.messages.ts';
import type { TaskMaturityData } from './task-maturity.queries.ts';

/** The texts of the per-task view, localised once: the HTML below and the documents both use them. */
export interface TaskMaturityRow {
  task: string;
  score: number | null;
  /** "Ethiek: 1,0; Infrastructuur: 2,0": the weakest scored needed themes, weakest first. */
  weakest: string;
  themes: { title: string; weight: number; score: number | null }[];
  actions: string[];
}

const weakestShown = 2;

export function taskMaturityRows(
  locale: Locale,
  framework: Framework,
  tasks: TaskMaturity[],
): TaskMaturityRow[] {
  const t = taskMaturityMessage.for(locale);
  const themeTitle = (id: string) => {
    const theme = framework.themes.find((x) => x.id === id);
    return theme ? localise(theme.title, locale) : id;
  };
  return tasks.map((task) => {
    const title = framework.societalTasks.find((s) => s.id === task.taskId);
    const scored = task.themes.flatMap((x) => (x.score === null ? [] : [{ ...x, score: x.score }]));
    const weakest = [...scored]
      .sort((a, b) => a.score - b.score || b.weight - a.weight)
      .slice(0, weakestShown);
    return {
      task: title ? localise(title.title, locale) : task.taskId,
      score: task.score,
      weakest: weakest
        .map((x) => t('themeScore', { theme: themeTitle(x.themeId), score: formatDecimal(locale, x.score) }))
        .join('; '),
      themes: task.themes.map((x) => ({ title: themeTitle(x.themeId), weight: x.weight, score: x.score })),
      actions: task.actions.map((a) =>
        t('actionTheme', { action: localise(a.action.title, locale), theme: themeTitle(a.themeId) }),
      ),
    };
  });
}

const one = (locale: Locale, n: number | null) =>
  n === null ? null : formatDecimal(locale, Math.round(n * 10) / 10);

/**
 * The section: a bar chart of the positions with the same figures in a table, and per task a
 * disclosure with its needed themes (a table) and the actions that would move it.
 */
export function taskMaturitySection(
  locale: Locale,
  data: TaskMaturityData,
  headingLevel: 2 | 3 = 2,
): SafeHtml {
  const t = taskMaturityMessage.for(locale);
  const rows = taskMaturityRows(locale, data.framework, data.tasks);
  const heading =
    headingLevel === 2
      ? html`<h2 class="utrecht-heading-2" id="task-maturity-heading">${t('heading')}</h2>`
      : html`<h3 class="utrecht-heading-3" id="task-maturity-heading">${t('heading')}</h3>`;
  const details = rows.map(
    (row) => html`<details class="rk-disclosure">
      <summary>${t('detailsSummary', { task: row.task })}</summary>
      ${dataTable({
        caption: t('themesCaption', { task: row.task }),
        emptyLabel: t('noScore'),
        rowHeaderLabel: t('theme'),
        columns: [
          { label: t('weight'), numeric: true },
          { label: t('score'), numeric: true },
        ],
        rows: row.themes.map((x) => ({ header: x.title, cells: [String(x.weight), one(locale, x.score)] })),
      })}
      <h${headingLevel + 1} class="utrecht-heading-${headingLevel + 1}">${t('actions')}</h${headingLevel + 1}>
      ${
        row.actions.length === 0
          ? html`<p class="utrecht-paragraph">${t('noActions')}</p>`
          : html`<ul class="utrecht-unordered-list">
              ${row.actions.map((a) => html`<li>${a}</li>`)}
            </ul>`
      }
    </details>`,
  );
  return html`<section aria-labelledby="task-maturity-heading" class="rk-task-maturity">
    ${heading}
    <p class="utrecht-paragraph">${t('intro', { period: data.period })}</p>
    <div class="rk-chart-frame">
      ${barChart({
        title: t('chartTitle'),
        description: t('chartDescription'),
        rows: rows.map((r) => ({
          label: r.task,
          value: r.score === null ? null : Math.round(r.score * 10) / 10,
        })),
        min: 0,
        max: 5,
        tickStep: 1,
        seriesLabels: { value: t('value'), compare: t('value') },
        formatValue: (n) => formatDecimal(locale, n),
      })}
    </div>
    ${dataTable({
      caption: t('caption'),
      emptyLabel: t('noScore'),
      rowHeaderLabel: t('task'),
      columns: [{ label: t('position'), numeric: true }, { label: t('weakest') }],
      rows: rows.map((r) => ({ header: r.task, cells: [one(locale, r.score), r.weakest || null] })),
    })}
    ${details}
  </section>`;
}
