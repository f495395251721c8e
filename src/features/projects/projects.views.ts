import type { OrganisationScope } from '../../core/http/context.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { actionButton, alert, button, csrfField, table } from '../../core/render/components.ts';
import {
  errorSummary,
  selectField,
  textField,
  type FieldErrors,
  choiceGroup,
} from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { getFramework, latestFrameworkVersion, localise } from '../framework/index.ts';
import { projectsMessage } from './projects.messages.ts';
import type { Municipality, ProjectView } from './projects.queries.ts';
import { projectStatuses } from './projects.tables.ts';

/** Theme and societal-task choices of the current framework, localised. */
export function frameworkChoices(locale: Locale) {
  const framework = getFramework(latestFrameworkVersion());
  return {
    themes: framework.themes.map((t) => ({ value: t.id, label: localise(t.title, locale) })),
    tasks: framework.societalTasks.map((t) => ({ value: t.id, label: localise(t.title, locale) })),
  };
}

function labelOf(choices: { value: string; label: string }[], id: string): string {
  return choices.find((c) => c.value === id)?.label ?? id;
}

/** A table of projects; `actions` adds a cell per row (the owner's delete button). */
export function projectsTable(
  ctx: PageContext,
  caption: string,
  projects: ProjectView[],
  actions?: (p: ProjectView) => SafeHtml,
): SafeHtml {
  const t = projectsMessage.for(ctx.locale);
  const choices = frameworkChoices(ctx.locale);
  const title = (p: ProjectView) =>
    p.link ? html`<a class="utrecht-link" href="${p.link}">${p.title}</a>` : p.title;
  return table({
    caption,
    columns: [
      { label: t('column.title') },
      { label: t('column.organisation') },
      { label: t('column.municipalities') },
      { label: t('column.theme') },
      { label: t('column.task') },
      { label: t('column.status') },
      ...(actions ? [{ label: t('column.source') }, { label: '' }] : []),
    ],
    rows: projects.map((p) => ({
      header: title(p),
      cells: [
        p.ownerName,
        p.municipalities.map((m) => m.name).join(', '),
        labelOf(choices.themes, p.theme),
        labelOf(choices.tasks, p.task),
        t(`status.${p.status}`),
        ...(actions ? [p.sourceActionId ? t('source.strategy') : t('source.direct'), actions(p)] : []),
      ],
    })),
  });
}

export function ownProjectsPage(
  ctx: PageContext,
  data: {
    organisation: OrganisationScope;
    projects: ProjectView[];
    mode: 'named' | 'aggregated' | 'not-shared';
    notice?: string | undefined;
    canEdit: boolean;
    hasStrategy: boolean;
  },
): string {
  const t = projectsMessage.for(ctx.locale);
  const o = data.organisation;
  const base = `/o/${o.code}/projects`;
  const remove = (p: ProjectView) =>
    actionButton({
      action: `${base}/${p.id}/delete`,
      label: t('delete'),
      ariaLabel: `${t('delete')}: ${p.title}`,
      csrfToken: ctx.csrfToken,
    });
  return renderPage(ctx, {
    title: t('own.title', { organisation: o.displayName }),
    nav: 'dashboard',
    breadcrumbs: [{ href: `/o/${o.code}`, label: o.displayName }],
    main: html`${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      <h1 class="utrecht-heading-1">${t('own.title', { organisation: o.displayName })}</h1>
      <p class="utrecht-paragraph">${t('own.intro')}</p>
      <p class="utrecht-paragraph">
        ${t('own.sharing', { mode: t(`mode.${data.mode}`) })}
        <a class="utrecht-link" href="/o/${o.code}/sharing">${t('own.sharingLink')}</a>
      </p>
      ${
        data.canEdit
          ? html`<p class="utrecht-paragraph rk-actions">
              <a
                class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                href="${base}/new"
                >${t('own.new')}</a
              >
              ${data.hasStrategy ? html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${base}/from-strategy">${t('own.fromStrategy')}</a>` : ''}
            </p>`
          : ''
      }
      ${
        data.projects.length > 0
          ? projectsTable(ctx, t('own.caption'), data.projects, data.canEdit ? remove : undefined)
          : html`<p class="utrecht-paragraph">${t('own.none')}</p>`
      }`,
  });
}

export interface ProjectFormValues {
  title: string;
  municipalities: string[];
  theme: string;
  task: string;
  status: string;
  partners: string;
  link: string;
}

export function newProjectPage(
  ctx: PageContext,
  data: {
    organisation: OrganisationScope;
    municipalities: Municipality[];
    values: ProjectFormValues;
    errors: FieldErrors;
  },
): string {
  const t = projectsMessage.for(ctx.locale);
  const { values: v, errors: e } = data;
  const l = ctx.locale;
  const choices = frameworkChoices(l);
  const statusChoices = projectStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }));
  const base = `/o/${data.organisation.code}/projects`;
  return renderPage(ctx, {
    title: t('new.title'),
    nav: 'dashboard',
    breadcrumbs: [{ href: base, label: t('own.title', { organisation: data.organisation.displayName }) }],
    main: html`<h1 class="utrecht-heading-1">${t('new.title')}</h1>
      ${errorSummary(l, e)}
      <form method="post" action="${base}" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${textField({ name: 'title', label: t('field.title'), value: v.title, error: e.title, required: true, locale: l })}
        ${selectField({ name: 'theme', label: t('field.theme'), choices: choices.themes, value: v.theme, error: e.theme, locale: l })}
        ${selectField({ name: 'task', label: t('field.task'), choices: choices.tasks, value: v.task, error: e.task, locale: l })}
        ${selectField({ name: 'status', label: t('field.status'), choices: statusChoices, value: v.status, error: e.status, locale: l })}
        ${textField({ name: 'partners', label: t('field.partners'), description: t('field.partners.hint'), value: v.partners, error: e.partners, required: false, locale: l })}
        ${textField({ name: 'link', type: 'url', label: t('field.link'), value: v.link, error: e.link, required: false, locale: l })}
        ${choiceGroup({ type: 'checkbox', name: 'municipalities', label: t('field.municipalities'), description: t('field.municipalities.hint'), choices: data.municipalities.map((m) => ({ value: m.code, label: m.name })), chosen: v.municipalities, error: e.municipalities, locale: l })}
        <div class="rk-actions">${button(t('new.submit'))}</div>
      </form>`,
  });
}

export function importPage(
  ctx: PageContext,
  data: {
    organisation: OrganisationScope;
    actions: { id: number; title: string }[];
    error?: string | undefined;
  },
): string {
  const t = projectsMessage.for(ctx.locale);
  const base = `/o/${data.organisation.code}/projects`;
  const errors: FieldErrors = data.error ? { actions: data.error } : {};
  return renderPage(ctx, {
    title: t('import.title'),
    nav: 'dashboard',
    breadcrumbs: [{ href: base, label: t('own.title', { organisation: data.organisation.displayName }) }],
    main: html`<h1 class="utrecht-heading-1">${t('import.title')}</h1>
      <p class="utrecht-paragraph">${t('import.intro')}</p>
      ${errorSummary(ctx.locale, errors)}
      ${
        data.actions.length === 0
          ? html`<p class="utrecht-paragraph">${t('import.none')}</p>`
          : html`<form method="post" action="${base}/from-strategy" novalidate>
              ${csrfField(ctx.csrfToken)}
              ${choiceGroup({ type: 'checkbox', name: 'actions', label: t('import.field'), choices: data.actions.map((a) => ({ value: String(a.id), label: a.title })), chosen: [], error: errors.actions, locale: ctx.locale })}
              <div class="rk-actions">${button(t('import.submit'))}</div>
            </form>`
      }`,
  });
}

export function deleteProjectPage(
  ctx: PageContext,
  data: { organisation: OrganisationScope; project: ProjectView },
): string {
  const t = projectsMessage.for(ctx.locale);
  const base = `/o/${data.organisation.code}/projects`;
  const title = t('delete.title', { title: data.project.title });
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: [{ href: base, label: t('own.title', { organisation: data.organisation.displayName }) }],
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">${t('delete.question')}</p>
      <form method="post" action="${base}/${data.project.id}/delete" class="rk-actions">
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="confirm" value="yes" />
        ${button(t('delete.confirm'))}
        <a class="utrecht-link" href="${base}">${t('delete.back')}</a>
      </form>`,
  });
}
