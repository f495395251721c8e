import { formatDecimal } from '../../core/i18n/i18n.ts';
import type { Framework } from '../framework/index.ts';
import { taskMaturityMessage, taskMaturityRows, type TaskMaturity } from '../scan/index.ts';
import type { DocumentBlock, DocumentLocale, DocumentSection } from './document.model.ts';

/**
 * Maturity per societal task as a document section: the same rows as the results page (a table of
 * the positions, then per task the actions that would move it), so that page and paper agree.
 */
export function taskMaturityDocumentSection(
  locale: DocumentLocale,
  framework: Framework,
  tasks: TaskMaturity[],
  period: number,
): DocumentSection {
  const t = taskMaturityMessage.for(locale);
  const rows = taskMaturityRows(locale, framework, tasks);
  const score = (n: number | null) =>
    n === null ? t('noScore') : formatDecimal(locale, Math.round(n * 10) / 10);
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', text: t('intro', { period }) },
    {
      kind: 'table',
      caption: t('caption'),
      hasRowHeaders: true,
      columns: [{ label: t('task') }, { label: t('position'), isNumeric: true }, { label: t('weakest') }],
      rows: rows.map((r) => [r.task, score(r.score), r.weakest]),
    },
  ];
  for (const row of rows) {
    if (row.actions.length === 0) continue;
    blocks.push(
      { kind: 'heading', level: 3, text: t('detailsSummary', { task: row.task }) },
      { kind: 'list', items: row.actions },
    );
  }
  return { heading: t('heading'), blocks };
}
