import type { OrganisationScope } from '../../core/http/context.ts';
import { councilLettersPath, strategyDocumentsPath } from '../../core/http/paths.ts';
import { hasRole } from '../../core/http/access.ts';
import { formatDate } from '../../core/i18n/i18n.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { renderRichText } from '../../core/render/rich-text.ts';
import { localise, type Framework } from '../framework/index.ts';
import type { StrategyEvaluation } from './strategy-roadmap.ts';
import type { Strategy } from './strategy.model.ts';
import {
  actionStatusBadge,
  periodText,
  progressBar,
  strategyBase,
  strategyCrumbs,
  themeTitle,
  warningList,
} from './strategy-common.views.ts';
import { strategyMessage } from './strategy.messages.ts';
import { actionWarningText, strategyWarningText } from './strategy-warnings.ts';

export interface StrategyPageData {
  organisation: OrganisationScope;
  strategy: Strategy | null;
  evaluation: StrategyEvaluation | null;
  notice?: string | undefined;
}

function emptyPage(ctx: PageContext, organisation: OrganisationScope): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  const canEdit = hasRole(organisation.role, 'editor');
  return html`<p class="utrecht-paragraph">${canEdit ? t('page.empty') : t('page.emptyViewer')}</p>
    ${
      canEdit
        ? html`<p class="utrecht-paragraph">
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href="${strategyBase(organisation)}/new"
              >${t('page.create')}</a
            >
          </p>`
        : ''
    }
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="${strategyBase(organisation)}/versions">${t('page.versions')}</a>
    </p>`;
}

function toolLinks(ctx: PageContext, organisation: OrganisationScope, strategy: Strategy): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  const base = strategyBase(organisation);
  const canEdit = hasRole(organisation.role, 'editor') && strategy.status === 'active';
  const isActive = strategy.status === 'active';
  // A small set of buttons instead of eleven links: the roadmap and the documents are one click
  // away in the section navigation, so they are not repeated here; each target appears once.
  const button = (href: string, label: string, kind: 'primary' | 'secondary' | 'subtle' = 'secondary') =>
    html`<a
      class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${kind}-action"
      href="${href}"
      >${label}</a
    >`;
  return html`<div class="utrecht-button-group rk-page-actions" role="group" aria-label="${t('page.tools')}">
    ${canEdit ? button(`${base}/actions/new`, t('page.addAction'), 'primary') : ''}
    ${isActive ? button(`${base}/suggestions`, t('page.suggestions')) : ''}
    ${canEdit ? button(`${base}/edit`, t('page.edit')) : ''}
    ${isActive ? button(strategyDocumentsPath(organisation.code), t('link.documents')) : ''}
    ${isActive ? button(councilLettersPath(organisation.code), t('link.councilLetter')) : ''}
    ${isActive ? button(`${base}/actions.xlsx`, t('page.exportXlsx'), 'subtle') : ''}
    ${isActive ? button(`${base}/actions.csv`, t('page.exportCsv'), 'subtle') : ''}
    ${canEdit ? button(`${base}/import`, t('page.import'), 'subtle') : ''}
    ${canEdit ? button(`${base}/new-version`, t('page.newVersion'), 'subtle') : ''}
    ${button(`${base}/versions`, t('page.versions'), 'subtle')}
  </div>`;
}

function tasksSection(ctx: PageContext, framework: Framework, strategy: Strategy): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  if (strategy.tasks.length === 0) return html`<p class="utrecht-paragraph">${t('page.noTasks')}</p>`;
  return table({
    caption: t('page.tasksCaption'),
    columns: [{ label: t('page.task') }, { label: t('page.ambition') }],
    rows: strategy.tasks.map((task) => {
      const known = framework.societalTasks.find((s) => s.id === task.taskId);
      return { header: known ? localise(known.title, ctx.locale) : task.taskId, cells: [task.ambition] };
    }),
  });
}

function actionsSection(
  ctx: PageContext,
  data: StrategyPageData,
  strategy: Strategy,
  evaluation: StrategyEvaluation,
): SafeHtml {
  const t = strategyMessage.for(ctx.locale);
  const { framework } = evaluation;
  const base = strategyBase(data.organisation);
  const actionBase =
    strategy.status === 'active' ? `${base}/actions` : `${base}/versions/${strategy.id}/actions`;
  return html`${[...framework.pillars]
    .sort((a, b) => a.number - b.number)
    .map((pillar) => {
      const actions = strategy.actions.filter((a) => a.pillar === pillar.id);
      const title = localise(pillar.title, ctx.locale);
      return html`<h3 class="utrecht-heading-3">${pillar.number}. ${title}</h3>
        ${
          actions.length === 0
            ? html`<p class="utrecht-paragraph">${t('page.noActions')}</p>`
            : table({
                caption: t('page.actionsCaption', { pillar: title }),
                className: 'rk-compact',
                columns: [
                  { label: t('column.action') },
                  { label: t('column.theme') },
                  { label: t('column.period') },
                  { label: t('column.status') },
                  { label: t('column.progress') },
                  { label: t('column.warnings') },
                ],
                rows: actions.map((a) => ({
                  header: html`<a class="utrecht-link" href="${actionBase}/${a.id}">${a.title}</a>`,
                  cells: [
                    themeTitle(ctx, framework, a.themeId),
                    periodText(ctx.locale, a),
                    actionStatusBadge(ctx, a.status),
                    progressBar(ctx, a),
                    warningList(
                      (evaluation.actionWarnings.get(a.id) ?? []).map((w) =>
                        actionWarningText(ctx.locale, w),
                      ),
                    ),
                  ],
                })),
              })
        }`;
    })}`;
}

export function strategyPage(ctx: PageContext, data: StrategyPageData): string {
  const t = strategyMessage.for(ctx.locale);
  const { organisation, strategy, evaluation } = data;
  const heading = t('page.title', { organisation: organisation.displayName });
  if (!strategy || !evaluation)
    return renderPage(ctx, {
      title: heading,
      nav: 'dashboard',
      breadcrumbs: strategyCrumbs(ctx, organisation).slice(0, 1),
      main: html`<h1 class="utrecht-heading-1">${heading}</h1>
        ${emptyPage(ctx, organisation)}`,
    });
  const warnings = evaluation.strategyWarnings.map((w) =>
    strategyWarningText(ctx.locale, evaluation.framework, w),
  );
  const isArchived = strategy.status === 'archived';
  return renderPage(ctx, {
    title: strategy.title,
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, organisation).slice(0, isArchived ? 2 : 1),
    main: html`<h1 class="utrecht-heading-1">${strategy.title}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      ${
        isArchived && strategy.archivedAt
          ? alert(
              'info',
              html`<p class="utrecht-paragraph">
                ${t('page.archived', { date: formatDate(ctx.locale, strategy.archivedAt) })}
                <a class="utrecht-link" href="${strategyBase(organisation)}">${t('page.toActive')}</a>
              </p>`,
            )
          : ''
      }
      <p class="utrecht-paragraph">
        ${t('page.period', { start: strategy.startYear, end: strategy.endYear })} ·
        ${t('page.version', { number: strategy.versionNumber })} · ${t(`strategyStatus.${strategy.status}`)}
      </p>
      ${toolLinks(ctx, organisation, strategy)}
      ${
        warnings.length > 0
          ? html`<div class="utrecht-alert utrecht-alert--warning" role="status">
              <div class="utrecht-alert__content">
                <h2 class="utrecht-heading-2">${t('page.warnings')}</h2>
                ${warningList(warnings)}
              </div>
            </div>`
          : ''
      }
      <h2 class="utrecht-heading-2">${t('page.vision')}</h2>
      <div class="rk-rich-text">${renderRichText(strategy.vision)}</div>
      <h2 class="utrecht-heading-2">${t('page.tasks')}</h2>
      ${tasksSection(ctx, evaluation.framework, strategy)}
      <h2 class="utrecht-heading-2">${t('page.actions')}</h2>
      ${actionsSection(ctx, data, strategy, evaluation)}`,
  });
}

export interface VersionItem {
  id: number;
  title: string;
  versionNumber: number;
  status: 'active' | 'archived';
  startYear: number;
  endYear: number;
  createdAt: Date;
  archivedAt: Date | null;
}

export function versionsPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  items: VersionItem[],
): string {
  const t = strategyMessage.for(ctx.locale);
  const base = strategyBase(organisation);
  return renderPage(ctx, {
    title: t('versions.title'),
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, organisation),
    main: html`<h1 class="utrecht-heading-1">${t('versions.title')}</h1>
      ${table({
        caption: t('versions.caption'),
        columns: [
          { label: t('field.title') },
          { label: t('column.version'), isNumeric: true },
          { label: t('column.period') },
          { label: t('column.status') },
          { label: t('column.created') },
          { label: t('column.archived') },
        ],
        rows: items.map((v) => ({
          header: html`<a
            class="utrecht-link"
            href="${v.status === 'active' ? base : `${base}/versions/${v.id}`}"
            >${v.title}</a
          >`,
          cells: [
            v.versionNumber,
            `${v.startYear}–${v.endYear}`,
            t(`strategyStatus.${v.status}`),
            formatDate(ctx.locale, v.createdAt),
            v.archivedAt ? formatDate(ctx.locale, v.archivedAt) : '',
          ],
        })),
      })}`,
  });
}

export function newVersionPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  strategy: Strategy,
): string {
  const t = strategyMessage.for(ctx.locale);
  const base = strategyBase(organisation);
  return renderPage(ctx, {
    title: t('newVersion.title'),
    nav: 'dashboard',
    breadcrumbs: strategyCrumbs(ctx, organisation),
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${t('newVersion.title')}</h1>
      <p class="utrecht-paragraph">${t('newVersion.confirm', { number: strategy.versionNumber })}</p>
      <form method="post" action="${base}/new-version">
        ${csrfField(ctx.csrfToken)}
        <div class="rk-actions">
          ${button(t('newVersion.submit'))} <a class="utrecht-link" href="${base}">${t('form.cancel')}</a>
        </div>
      </form>
    </div>`,
  });
}
