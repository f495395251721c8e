import type { OrganisationScope } from '../../core/http/context.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { localise, type Framework } from '../framework/index.ts';
import { strategyMessage } from './strategy.messages.ts';
import { type ActionStatus, type BudgetKind, type StrategyAction } from './strategy.model.ts';
import { formatEuros, formatQuarterOf, type Locale } from '../../core/i18n/i18n.ts';

export type Key = Parameters<typeof strategyMessage>[1];
export const strategyBase = (organisation: OrganisationScope) => `/o/${organisation.code}/strategy`;

export function strategyCrumbs(
  ctx: PageContext,
  organisation: OrganisationScope,
  extra: { href: string; label: string }[] = [],
) {
  return [
    { href: `/o/${organisation.code}`, label: organisation.displayName },
    { href: strategyBase(organisation), label: strategyMessage.for(ctx.locale)('nav') },
    ...extra,
  ];
}

const statusKinds: Record<ActionStatus, string> = {
  planned: 'neutral',
  running: 'info',
  done: 'success',
  paused: 'warning',
  stopped: 'danger',
};

export function actionStatusBadge(ctx: PageContext, status: ActionStatus): SafeHtml {
  return html`<span class="utrecht-status-badge utrecht-status-badge--${statusKinds[status]}"
    >${strategyMessage.for(ctx.locale)(`status.${status}`)}</span
  >`;
}

export function budgetText(ctx: PageContext, cents: number | null, kind: BudgetKind | null): string {
  const t = strategyMessage.for(ctx.locale);
  if (cents === null) return kind ? t(`budget.${kind}`) : t('budget.none');
  const amount = formatEuros(ctx.locale, cents);
  return kind ? `${amount} (${t(`budget.${kind}`).toLowerCase()})` : amount;
}

/** An action's period as the interface writes quarters: "K1 2026 – K4 2027" / "Q1 2026 – Q4 2027". */
export function periodText(locale: Locale, action: Pick<StrategyAction, 'start' | 'end'>): string {
  return `${formatQuarterOf(locale, action.start)} – ${formatQuarterOf(locale, action.end)}`;
}

export function themeTitle(ctx: PageContext, framework: Framework, themeId: string): string {
  const theme = framework.themes.find((t) => t.id === themeId);
  return theme ? localise(theme.title, ctx.locale) : themeId;
}

export function warningList(warnings: string[]): SafeHtml | '' {
  if (warnings.length === 0) return '';
  return html`<ul class="utrecht-unordered-list rk-warnings">
    ${warnings.map((w) => html`<li>${w}</li>`)}
  </ul>`;
}

export function progressBar(ctx: PageContext, action: Pick<StrategyAction, 'progress' | 'title'>): SafeHtml {
  return html`<progress
      class="rk-progress"
      max="100"
      value="${action.progress}"
      aria-label="${strategyMessage.for(ctx.locale)('column.progress')} ${action.title}: ${action.progress}%"
    ></progress>
    ${action.progress}%`;
}

export interface ConflictRow {
  field: string;
  yours: string;
  stored: string;
}

/** Both values side by side when an edit lost the race: nothing the user typed disappears. */
export function conflictNotice(ctx: PageContext, name: string | undefined, rows: ConflictRow[]): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  return html`<div class="utrecht-alert utrecht-alert--warning" role="alert">
    <div class="utrecht-alert__content">
      <h2 class="utrecht-heading-2">${t('conflict.title')}</h2>
      <p class="utrecht-paragraph">${t('conflict.intro', { name: name ?? t('conflict.someone') })}</p>
      <table class="utrecht-table utrecht-table--html-table rk-compact">
        <caption class="utrecht-table__caption">
          ${t('conflict.caption')}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">${t('conflict.field')}</th>
            <th scope="col" class="utrecht-table__header-cell">${t('conflict.yours')}</th>
            <th scope="col" class="utrecht-table__header-cell">${t('conflict.stored')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          ${rows.map(
            (r) =>
              html`<tr class="utrecht-table__row">
                <th scope="row" class="utrecht-table__header-cell">${r.field}</th>
                <td class="utrecht-table__cell">${r.yours}</td>
                <td class="utrecht-table__cell">${r.stored}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </div>`;
}

export function errorsOf(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
