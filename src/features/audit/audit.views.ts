import { formatDateTime } from '../../core/i18n/i18n.ts';
import { button, table } from '../../core/render/components.ts';
import { errorSummary, selectField, typedField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { auditMessage } from './audit.messages.ts';
import type { AuditFilter, AuditRow } from './audit.queries.ts';

export interface AuditPageData {
  /** The organisation's name, or undefined for the platform trail. */
  organisationName?: string | undefined;
  basePath: string;
  rows: AuditRow[];
  actions: string[];
  filter: AuditFilter;
  errors: FieldErrors;
  limit: number;
  retentionMonths: number;
}

/** Details as short "key: value" pairs; the trail never holds secrets, so all may be shown. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

export function actorText(row: AuditRow, systemLabel: string): string {
  return row.actorName ? `${row.actorName} <${row.actorEmail ?? ''}>` : systemLabel;
}

export function auditPage(ctx: PageContext, data: AuditPageData): string {
  const t = auditMessage.for(ctx.locale);
  const months = String(data.retentionMonths);
  const title = data.organisationName
    ? t('title.organisation', { organisation: data.organisationName })
    : t('title.platform');
  const query = new URLSearchParams(
    Object.entries(data.filter).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  return renderPage(ctx, {
    title,
    nav: data.organisationName ? 'dashboard' : 'admin',
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      ${errorSummary(ctx.locale, data.errors)}
      <p class="utrecht-paragraph">
        ${data.organisationName ? t('intro.organisation', { months }) : t('intro.platform', { months })}
      </p>
      <form method="get" action="${data.basePath}" class="rk-filter-form" novalidate>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">${t('filter.legend')}</legend>
          ${selectField({
            name: 'action',
            label: t('filter.action'),
            value: data.filter.action ?? '',
            choices: [
              { value: '', label: t('filter.allActions') },
              ...data.actions.map((a) => ({ value: a, label: a })),
            ],
            locale: ctx.locale,
          })}
          ${typedField({ name: 'from', label: t('filter.from'), type: 'date', value: data.filter.from ?? '', error: data.errors.from, locale: ctx.locale })}
          ${typedField({ name: 'to', label: t('filter.to'), type: 'date', value: data.filter.to ?? '', error: data.errors.to, locale: ctx.locale })}
          <div class="rk-actions">${button(t('filter.submit'), 'secondary')}</div>
        </fieldset>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${data.basePath}.csv${query ? `?${query}` : ''}">${t('csv')}</a>
      </p>
      ${
        data.rows.length === 0
          ? html`<p class="utrecht-paragraph">${t('empty')}</p>`
          : table({
              caption: t('caption', { limit: String(data.limit) }),
              columns: [
                { label: t('col.at') },
                { label: t('col.actor') },
                { label: t('col.action') },
                { label: t('col.details') },
                { label: t('col.address') },
              ],
              rows: data.rows.map((row) => ({
                header: formatDateTime(ctx.locale, row.at),
                cells: [
                  actorText(row, t('system')),
                  row.action,
                  detailsText(row.details),
                  row.address ?? '—',
                ],
              })),
            })
      }`,
  });
}
