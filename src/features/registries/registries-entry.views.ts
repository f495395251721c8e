import type { OrganisationScope } from '../../core/http/context.ts';
import { hasRole } from '../../core/http/access.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { alert, button, csrfField, dataList, table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { registryFields, type FieldSpec } from './registries-fields.ts';
import { isRegistryMessageKey } from './registries.messages.ts';
import type { EntryRow } from './registries.queries.ts';
import { exitReadiness, maxExitReadiness } from './registries-scoring.ts';
import type { RegistryKind } from './registries.tables.ts';
import { updatedLine } from './registries.views.ts';
import { displayValue, labelOf, registryCrumbs, registryPath } from './registries-shared.views.ts';
import { registryMessage } from './registries.messages.ts';
import { choiceGroup } from '../../core/render/form-fields.ts';

export interface LinkableAction {
  id: number;
  title: string;
}

export interface EntryPageData {
  organisation: OrganisationScope;
  registry: RegistryKind;
  entry: EntryRow;
  notice?: string | undefined;
  /** Undefined when the strategy capability is not available. */
  actions?: { available: LinkableAction[]; linked: number[]; error?: string } | undefined;
}

function details(ctx: PageContext, registry: RegistryKind, entry: EntryRow): SafeHtml {
  const plain = registryFields[registry].filter((f) => f.key !== 'name' && f.group === undefined);
  return dataList(
    plain.map((f) => ({
      label: labelOf(ctx.locale, registry, f.key),
      value: displayValue(ctx.locale, f, entry.data[f.key]),
    })),
    coreMessage(ctx.locale, 'value.empty'),
  );
}

/** The VNG principles or procurement points, one row each: checked or not, with the note. */
function checklist(ctx: PageContext, registry: RegistryKind, entry: EntryRow, group: 'vng' | 'procurement') {
  const t = registryMessage.for(ctx.locale);
  const items = registryFields[registry].filter((f) => f.group === group && f.kind === 'boolean');
  if (items.length === 0) return '';
  const note = (f: FieldSpec) => registryFields[registry].find((n) => n.key === `${f.key}_note`);
  return table({
    caption: t(`group.${group}`),
    columns: [{ label: t('column.item') }, { label: t('column.checked') }, { label: t('column.note') }],
    rows: items.map((f) => {
      const noteField = note(f);
      return {
        header: labelOf(ctx.locale, registry, f.key),
        cells: [
          displayValue(ctx.locale, f, entry.data[f.key]),
          noteField ? displayValue(ctx.locale, noteField, entry.data[noteField.key]) : '—',
        ],
      };
    }),
  });
}

/** The exit-readiness formula with this contract's points: the score is never a black box. */
export function scoreTable(ctx: PageContext, entry: EntryRow): SafeHtml {
  const t = registryMessage.for(ctx.locale);
  const score = exitReadiness(entry.data);
  return html`<section aria-labelledby="score-heading">
    <h2 class="utrecht-heading-2" id="score-heading">${t('score.title', { score: score.total })}</h2>
    <p class="utrecht-paragraph">${t('score.intro')}</p>
    ${table({
      caption: t('score.caption'),
      columns: [
        { label: t('score.field') },
        { label: t('score.rule') },
        { label: t('score.points'), isNumeric: true },
      ],
      rows: [
        ...score.lines.map((line) => ({
          header: labelOf(ctx.locale, 'contracts', line.field),
          cells: [ruleText(ctx, line.field), line.points],
        })),
        {
          header: t('score.total'),
          cells: [String(maxExitReadiness), html`<strong>${score.total}</strong>`],
        },
      ],
    })}
  </section>`;
}

function ruleText(ctx: PageContext, field: string): string {
  const key = `rule.${field}`;
  return isRegistryMessageKey(key) ? registryMessage.for(ctx.locale)(key) : '';
}

function actionsSection(ctx: PageContext, data: EntryPageData): SafeHtml | '' {
  const t = registryMessage.for(ctx.locale);
  const actions = data.actions;
  if (!actions) return '';
  const canEdit = hasRole(data.organisation.role, 'editor');
  const linked = actions.available.filter((a) => actions.linked.includes(a.id));
  const base = `${registryPath(data.organisation, data.registry)}/${data.entry.id}`;
  const list =
    linked.length === 0
      ? html`<p class="utrecht-paragraph">${t('actions.none')}</p>`
      : html`<ul class="utrecht-unordered-list">
          ${linked.map((a) => html`<li>${a.title}</li>`)}
        </ul>`;
  const form =
    canEdit && actions.available.length > 0
      ? html`<form method="post" action="${base}/actions">
          ${csrfField(ctx.csrfToken)}
          ${choiceGroup({
            type: 'checkbox',
            name: 'actions',
            label: t('actions.legend'),
            error: actions.error,
            choices: actions.available.map((a) => ({
              value: String(a.id),
              name: 'actionIds',
              id: `action-${a.id}`,
              label: a.title,
            })),
            chosen: actions.linked.map(String),
            locale: ctx.locale,
          })}
          ${button(t('actions.save'), 'secondary')}
        </form>`
      : actions.available.length === 0
        ? html`<p class="utrecht-paragraph">${t('actions.noStrategy')}</p>`
        : '';
  return html`<section aria-labelledby="actions-heading">
    <h2 class="utrecht-heading-2" id="actions-heading">${t('actions.heading')}</h2>
    ${list} ${form}
  </section>`;
}

export function entryPage(ctx: PageContext, data: EntryPageData): string {
  const t = registryMessage.for(ctx.locale);
  const { organisation, registry: registry, entry } = data;
  const base = `${registryPath(organisation, registry)}/${entry.id}`;
  const canEdit = hasRole(organisation.role, 'editor');
  return renderPage(ctx, {
    title: `${entry.name} · ${t(`register.${registry}`)}`,
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation, registry),
    main: html`<h1 class="utrecht-heading-1">${entry.name}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      <p class="utrecht-paragraph rk-muted">${updatedLine(ctx, entry)}</p>
      ${
        canEdit
          ? html`<div class="rk-actions">
              <a
                class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                href="${base}/edit"
                >${t('entry.edit')}</a
              >
              <a
                class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                href="${base}/delete"
                >${t('entry.delete')}</a
              >
            </div>`
          : ''
      }
      <h2 class="utrecht-heading-2">${t('entry.details')}</h2>
      ${details(ctx, registry, entry)} ${checklist(ctx, registry, entry, 'vng')}
      ${checklist(ctx, registry, entry, 'procurement')}
      ${registry === 'contracts' ? scoreTable(ctx, entry) : ''}
      ${
        registry === 'algorithms'
          ? html`<p class="utrecht-paragraph">
              <a class="utrecht-link" href="${base}/publication.json">${t('entry.publication')}</a>
            </p>`
          : ''
      }
      ${actionsSection(ctx, data)}`,
  });
}
