import { scrollRegion } from './data-table.ts';
import { html, type HtmlValue, type SafeHtml } from './html.ts';

/** A table with a caption, column headers and a header cell per row; cells may hold markup. */
export function table(o: {
  caption: string;
  columns: { label: string; isNumeric?: boolean }[];
  rows: { header: HtmlValue; cells: HtmlValue[] }[];
  className?: string;
}): SafeHtml {
  const cellClass = (i: number) => `utrecht-table__cell${o.columns[i + 1]?.isNumeric ? ' rk-number' : ''}`;
  return scrollRegion(
    o.caption,
    html`<table class="utrecht-table utrecht-table--html-table${o.className ? ` ${o.className}` : ''}">
      <caption class="utrecht-table__caption">
        ${o.caption}
      </caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          ${o.columns.map((c) => html`<th scope="col" class="utrecht-table__header-cell${c.isNumeric ? ' rk-number' : ''}">${c.label}</th>`)}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        ${o.rows.map(
          (r) =>
            html`<tr class="utrecht-table__row">
              <th scope="row" class="utrecht-table__header-cell">${r.header}</th>
              ${r.cells.map((cell, i) => html`<td class="${cellClass(i)}">${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

export function alert(kind: 'info' | 'ok' | 'warning' | 'error', content: HtmlValue): SafeHtml {
  return html`<div
    class="utrecht-alert utrecht-alert--${kind}"
    role="${kind === 'error' ? 'alert' : 'status'}"
  >
    <div class="utrecht-alert__content">${content}</div>
  </div>`;
}

/** A single-button form for one action on a row (remove, revoke), with its CSRF token. */
export function actionButton(o: {
  action: string;
  label: string;
  /** Names the row for screen readers when the label alone ("Remove") is ambiguous. */
  ariaLabel: string;
  csrfToken: string;
  kind?: 'secondary' | 'subtle';
  hidden?: Record<string, string>;
}): SafeHtml {
  return html`<form method="post" action="${o.action}" class="rk-inline-form">
    ${csrfField(o.csrfToken)}
    ${Object.entries(o.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
    <button
      type="submit"
      class="utrecht-button utrecht-button--${o.kind ?? 'secondary'}-action"
      aria-label="${o.ariaLabel}"
    >
      ${o.label}
    </button>
  </form>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}" />`;
}

export function button(
  label: string,
  kind: 'primary' | 'secondary' | 'subtle' = 'primary',
  name?: string,
  value?: string,
) {
  return html`<button
    type="submit"
    class="utrecht-button utrecht-button--${kind}-action"
    ${name ? html`name="${name}" value="${value ?? ''}"` : ''}
  >
    ${label}
  </button>`;
}
