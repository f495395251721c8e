import { html, type SafeHtml } from './html.ts';
import { formatNumber } from './svg.ts';

export interface DataTableOptions {
  caption: string;
  /** For screen readers only: when the heading right above already says what the table holds. */
  isCaptionHidden?: boolean;
  /** Heads the column of row headers; without it that corner stays empty. */
  rowHeaderLabel?: string;
  /** One per cell of each row. */
  columns: { label: string; numeric?: boolean }[];
  rows: { header: string; cells: (string | number | null)[] }[];
  /** Read by screen readers for a missing value, e.g. "geen waarde"; sighted users see an em dash. */
  emptyLabel?: string;
  formatNumber?: (n: number) => string;
}

function emptyCell(label: string): SafeHtml {
  if (label === '—') return html`—`;
  return html`<span aria-hidden="true">—</span><span class="rk-visually-hidden">${label}</span>`;
}

/**
 * The container of every data table: a wide table scrolls inside it instead of widening the page
 * (WCAG 1.4.10), and keyboard users can focus it to scroll it (a region named after the caption).
 */
export function scrollRegion(label: string, content: SafeHtml): SafeHtml {
  return html`<div class="rk-table-scroll" tabindex="0" role="region" aria-label="${label}">${content}</div>`;
}

/** The table alternative to a chart (WCAG 1.1.1). */
export function dataTable(o: DataTableOptions): SafeHtml {
  const format = o.formatNumber ?? formatNumber;
  const numeric = (column: number) => (o.columns[column]?.numeric ? ' rk-number' : '');
  const cell = (value: string | number | null, column: number) =>
    html`<td class="utrecht-table__cell${numeric(column)}">
      ${value === null ? emptyCell(o.emptyLabel ?? '—') : typeof value === 'number' ? format(value) : value}
    </td>`;
  const corner = o.rowHeaderLabel
    ? html`<th scope="col" class="utrecht-table__header-cell">${o.rowHeaderLabel}</th>`
    : html`<td class="utrecht-table__header-cell"></td>`;
  const headers = o.columns.map(
    (column, i) => html`<th scope="col" class="utrecht-table__header-cell${numeric(i)}">${column.label}</th>`,
  );
  const rows = o.rows.map(
    (row) =>
      html`<tr class="utrecht-table__row">
        <th scope="row" class="utrecht-table__header-cell">${row.header}</th>
        ${row.cells.map(cell)}
      </tr>`,
  );
  return scrollRegion(
    o.caption,
    html`<table class="utrecht-table utrecht-table--html-table">
      <caption class="utrecht-table__caption${o.isCaptionHidden ? ' rk-visually-hidden' : ''}">
        ${o.caption}
      </caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          ${corner}${headers}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        ${rows}
      </tbody>
    </table>`,
  );
}
