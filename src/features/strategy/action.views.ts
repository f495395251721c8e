import type { OrganisationScope } from '../../core/http/context.ts';
import { hasRole } from '../../core/http/access.ts';
import { formatCalendarDay, formatDateTime } from '../../core/i18n/i18n.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { alert, button, csrfField, dataList, table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { renderRichText } from '../../core/render/rich-text.ts';
import { localise, type Framework } from '../framework/index.ts';
import type { Strategy, StrategyAction } from './strategy.model.ts';
import type { FieldChange } from './strategy.tables.ts';
import {
  actionStatusBadge,
  budgetText,
  periodText,
  progressBar,
  strategyBase,
  strategyCrumbs,
  themeTitle,
  warningList,
  type Key,
} from './strategy-common.views.ts';
import { strategyMessage } from './strategy.messages.ts';

const fieldKeys: Record<string, Key> = {
  title: 'field.title',
  description: 'field.description',
  pillar: 'field.pillar',
  themeId: 'field.theme',
  frameworkActionId: 'field.frameworkAction',
  taskIds: 'field.actionTasks',
  departments: 'field.departments',
  start: 'field.start',
  end: 'field.end',
  budget: 'field.budget',
  budgetKind: 'field.budgetKind',
  partners: 'field.partners',
  status: 'field.status',
  progress: 'field.progress',
  milestones: 'field.milestones',
  dependsOn: 'field.dependsOn',
};

export function fieldLabel(ctx: PageContext, field: string): string {
  const key = fieldKeys[field];
  return key ? strategyMessage.for(ctx.locale)(key) : field;
}

export interface HistoryEntry {
  id: number;
  kind: string;
  changes: FieldChange[];
  at: Date;
  actorName: string | null;
}

export interface ActionPageData {
  organisation: OrganisationScope;
  strategy: Strategy;
  framework: Framework;
  action: StrategyAction;
  warnings: string[];
  history: HistoryEntry[];
  notice?: string | undefined;
  problem?: string | undefined;
}

function historyKind(ctx: PageContext, kind: string): string {
  const t = strategyMessage.for(ctx.locale);
  const kinds: Record<string, Key> = {
    created: 'history.created',
    updated: 'history.updated',
    deleted: 'history.deleted',
    imported: 'history.imported',
  };
  const key = kinds[kind];
  return key ? t(key) : kind;
}

function historySection(ctx: PageContext, history: HistoryEntry[]): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  if (history.length === 0) return html`<p class="utrecht-paragraph">${t('action.historyEmpty')}</p>`;
  const empty = t('history.empty');
  return table({
    caption: t('action.historyCaption'),
    className: 'rk-compact',
    columns: [{ label: t('action.when') }, { label: t('action.who') }, { label: t('action.what') }],
    rows: history.map((h) => ({
      header: formatDateTime(ctx.locale, h.at),
      cells: [
        h.actorName ?? t('action.unknownUser'),
        html`<p class="utrecht-paragraph">${historyKind(ctx, h.kind)}</p>
          ${
            h.kind === 'updated' || h.kind === 'imported'
              ? html`<ul class="utrecht-unordered-list">
                  ${h.changes.map((c) => html`<li>${t('history.change', { field: fieldLabel(ctx, c.field), before: c.before || empty, after: c.after || empty })}</li>`)}
                </ul>`
              : ''
          }`,
      ],
    })),
  });
}

function detailRows(ctx: PageContext, data: ActionPageData): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  const { action, framework } = data;
  const pillar = framework.pillars.find((p) => p.id === action.pillar);
  const tasks = action.taskIds.map((id) => {
    const task = framework.societalTasks.find((s) => s.id === id);
    return task ? localise(task.title, ctx.locale) : id;
  });
  const suggestion = action.frameworkActionId
    ? framework.themes
        .flatMap((th) => Object.values(th.actions).flat())
        .find((a) => a.id === action.frameworkActionId)
    : undefined;
  const dependencies = data.strategy.actions.filter((a) => action.dependsOn.includes(a.id));
  const list = (items: SafeHtml[]) =>
    items.length > 0
      ? html`<ul class="utrecht-unordered-list">
          ${items}
        </ul>`
      : '';
  return dataList(
    [
      { label: t('field.pillar'), value: pillar ? localise(pillar.title, ctx.locale) : action.pillar },
      { label: t('column.theme'), value: themeTitle(ctx, framework, action.themeId) },
      { label: t('field.actionTasks'), value: tasks.length > 0 ? tasks.join(', ') : t('action.noTasks') },
      { label: t('field.departments'), value: action.departments.join(', ') },
      { label: t('column.period'), value: periodText(ctx.locale, action) },
      { label: t('field.budget'), value: budgetText(ctx, action.budgetCents, action.budgetKind) },
      { label: t('field.partners'), value: action.partners.join(', ') },
      { label: t('field.status'), value: actionStatusBadge(ctx, action.status) },
      { label: t('column.progress'), value: progressBar(ctx, action) },
      {
        label: t('field.milestones'),
        value: list(
          action.milestones.map(
            (m) => html`<li>${formatCalendarDay(ctx.locale, m.date)}: ${m.title}${m.isDone ? ' ✓' : ''}</li>`,
          ),
        ),
      },
      {
        label: t('field.dependsOn'),
        value: list(dependencies.map((d) => html`<li>${d.title} (${periodText(ctx.locale, d)})</li>`)),
      },
      ...(suggestion
        ? [{ label: t('field.frameworkAction'), value: localise(suggestion.title, ctx.locale) }]
        : []),
    ],
    coreMessage(ctx.locale, 'value.empty'),
  );
}

export function actionPage(ctx: PageContext, data: ActionPageData): string {
  const t = strategyMessage.for(ctx.locale);
  const { action, organisation, strategy } = data;
  const base = `${strategyBase(organisation)}/actions/${action.id}`;
  const canEdit = hasRole(organisation.role, 'editor') && strategy.status === 'active';
  return renderPage(ctx, {
    title: action.title,
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, organisation),
    main: html`<h1 class="utrecht-heading-1">${action.title}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      ${data.problem ? alert('error', html`<p class="utrecht-paragraph">${data.problem}</p>`) : ''}
      ${strategy.status === 'archived' ? alert('info', html`<p class="utrecht-paragraph">${t('archived.readOnly')}</p>`) : ''}
      ${data.warnings.length > 0 ? html`<div class="utrecht-alert utrecht-alert--warning" role="status"><div class="utrecht-alert__content">${warningList(data.warnings)}</div></div>` : ''}
      ${
        canEdit
          ? html`<ul class="utrecht-unordered-list rk-action-list">
              <li><a class="utrecht-link" href="${base}/edit">${t('action.edit')}</a></li>
              <li><a class="utrecht-link" href="${base}/delete">${t('action.delete')}</a></li>
            </ul>`
          : ''
      }
      <div class="rk-rich-text">${renderRichText(action.description)}</div>
      <h2 class="utrecht-heading-2">${t('action.details')}</h2>
      ${detailRows(ctx, data)}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/knowledge/practices?theme=${encodeURIComponent(action.themeId)}"
          >${t('action.practices')}</a
        >
      </p>
      <h2 class="utrecht-heading-2">${t('action.history')}</h2>
      ${historySection(ctx, data.history)}`,
  });
}

export function deleteActionPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  action: StrategyAction,
  problem?: string,
): string {
  const t = strategyMessage.for(ctx.locale);
  const base = `${strategyBase(organisation)}/actions/${action.id}`;
  return renderPage(ctx, {
    title: t('delete.title', { title: action.title }),
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, organisation, [{ href: base, label: action.title }]),
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${t('delete.title', { title: action.title })}</h1>
      ${problem ? alert('error', html`<p class="utrecht-paragraph">${problem}</p>`) : ''}
      <p class="utrecht-paragraph">${t('delete.confirm')}</p>
      <form method="post" action="${base}/delete">
        ${csrfField(ctx.csrfToken)}
        <div class="rk-actions">
          ${button(t('delete.submit'))} <a class="utrecht-link" href="${base}">${t('form.cancel')}</a>
        </div>
      </form>
    </div>`,
  });
}
