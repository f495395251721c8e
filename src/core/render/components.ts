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

/** The error alert of a form that failed as a whole (a wrong password, a stale version), or nothing. */
export function problemAlert(problem: HtmlValue | undefined): SafeHtml | '' {
  return problem ? alert('error', html`<p class="utrecht-paragraph">${problem}</p>`) : '';
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

/** One term of a description list; a value that is `null`, `''` or `[]` counts as not filled in. */
export interface DataListItem {
  label: string;
  value: HtmlValue;
}

function isEmptyValue(value: HtmlValue): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * A description list as the NL Design System's data list (term and value side by side, stacked on a
 * phone). An empty value shows an em dash, which screen readers read as `emptyLabel` ("niet
 * ingevuld"), never a bare term with nothing after it.
 */
export function dataList(items: DataListItem[], emptyLabel: string): SafeHtml {
  return html`<dl class="utrecht-data-list utrecht-data-list--rows">
    ${items.map(
      (item) =>
        html`<div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">${item.label}</dt>
          <dd class="utrecht-data-list__item-value">
            ${
              isEmptyValue(item.value)
                ? html`<span aria-hidden="true">—</span><span class="rk-visually-hidden">${emptyLabel}</span>`
                : item.value
            }
          </dd>
        </div>`,
    )}
  </dl>`;
}
