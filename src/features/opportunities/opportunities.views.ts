import { formatDate, formatQuarterOf, type Locale } from '../../core/i18n/i18n.ts';
import { table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { getFramework, latestFrameworkVersion, localise } from '../framework/index.ts';
import type { ProcurementOpportunity } from '../registries/index.ts';
import { contractKinds, opportunitiesMessage } from './opportunities.messages.ts';
import type { Opportunities, PlanOpportunity, SharingMode } from './opportunities.service.ts';

/** Who looks: a coordinator, or a member of an organisation with its own sharing choice. */
export type Viewer =
  { kind: 'coordinator' } | { kind: 'organisation'; organisationId: number; mode: SharingMode };

/**
 * The naming rule: an organisation appears by name only when it shares by name and the viewer is a
 * coordinator or itself shares by name ("to each other"); the viewer's own organisation always does.
 */
export function canName(viewer: Viewer, organisationId: number, mode: SharingMode | undefined): boolean {
  if (viewer.kind === 'organisation' && viewer.organisationId === organisationId) return true;
  if (mode !== 'named') return false;
  return viewer.kind === 'coordinator' || viewer.mode === 'named';
}

function frameworkActionTitle(
  locale: Locale,
  themeId: string,
  actionId: string,
): { action: string; theme: string } {
  const theme = getFramework(latestFrameworkVersion()).themes.find((t) => t.id === themeId);
  const action = Object.values(theme?.actions ?? {})
    .flat()
    .find((a) => a.id === actionId);
  return {
    action: action ? localise(action.title, locale) : actionId,
    theme: theme ? localise(theme.title, locale) : themeId,
  };
}

function othersLine(ctx: PageContext, hidden: number, shown: number): SafeHtml | '' {
  if (hidden === 0) return '';
  const t = opportunitiesMessage.for(ctx.locale);
  const text = shown > 0 ? t.plural('others', hidden) : t.plural('othersOnly', hidden);
  return html`<p class="utrecht-paragraph">${text}</p>`;
}

function nameOf(ctx: PageContext, viewer: Viewer, id: number, name: string): string {
  return viewer.kind === 'organisation' && viewer.organisationId === id
    ? opportunitiesMessage.for(ctx.locale)('you', { name })
    : name;
}

function planSection(ctx: PageContext, viewer: Viewer, o: PlanOpportunity, i: number): SafeHtml {
  const t = opportunitiesMessage.for(ctx.locale);
  const titles = frameworkActionTitle(ctx.locale, o.themeId, o.frameworkActionId);
  const shown = o.participants.filter((p) => canName(viewer, p.organisationId, p.mode));
  const id = `plan-${i}`;
  return html`<section aria-labelledby="${id}">
    <h3 class="utrecht-heading-3" id="${id}">${t('plan.item', titles)}</h3>
    <p class="utrecht-paragraph">
      ${t('period', { from: formatQuarterOf(ctx.locale, o.from), to: formatQuarterOf(ctx.locale, o.to) })}
    </p>
    ${
      shown.length > 0
        ? table({
            caption: `${t('caption')}: ${titles.action}`,
            columns: [{ label: t('column.organisation') }, { label: t('column.actions') }],
            rows: shown.map((p) => ({
              header: nameOf(ctx, viewer, p.organisationId, p.name),
              cells: [
                p.actions
                  .map(
                    (a) =>
                      `${a.title} (${formatQuarterOf(ctx.locale, a.start)} – ${formatQuarterOf(ctx.locale, a.end)})`,
                  )
                  .join('; '),
              ],
            })),
          })
        : ''
    }
    ${othersLine(ctx, o.participants.length - shown.length, shown.length)}
  </section>`;
}

function procureSection(
  ctx: PageContext,
  viewer: Viewer,
  modes: Map<number, SharingMode>,
  o: ProcurementOpportunity,
  i: number,
) {
  const t = opportunitiesMessage.for(ctx.locale);
  const category = contractKinds[o.subjectCategory]?.[ctx.locale] ?? o.subjectCategory;
  const day = (iso: string) => formatDate(ctx.locale, new Date(`${iso}T12:00:00Z`));
  const shown = o.contracts.filter((c) => canName(viewer, c.organisationId, modes.get(c.organisationId)));
  const hiddenOrganisations = new Set(
    o.contracts.filter((c) => !shown.includes(c)).map((c) => c.organisationId),
  ).size;
  const id = `procure-${i}`;
  return html`<section aria-labelledby="${id}">
    <h3 class="utrecht-heading-3" id="${id}">
      ${t('procure.item', { category, from: day(o.from), to: day(o.to) })}
    </h3>
    ${
      shown.length > 0
        ? table({
            caption: `${t('caption')}: ${category}`,
            columns: [
              { label: t('column.organisation') },
              { label: t('column.contract') },
              { label: t('column.endDate') },
            ],
            rows: shown.map((c) => ({
              header: nameOf(ctx, viewer, c.organisationId, c.organisationName),
              cells: [c.name, day(c.endDate)],
            })),
          })
        : ''
    }
    ${othersLine(ctx, hiddenOrganisations, shown.length)}
  </section>`;
}

/** The two lists; used on the coordinators' page and the organisation's own page. */
export function opportunitiesBody(
  ctx: PageContext,
  data: { viewer: Viewer; opportunities: Opportunities; modes: Map<number, SharingMode> },
): SafeHtml {
  const t = opportunitiesMessage.for(ctx.locale);
  const { plan, procure } = data.opportunities;
  return html`<h2 class="utrecht-heading-2">${t('plan.heading')}</h2>
    ${plan.length > 0 ? plan.map((o, i) => planSection(ctx, data.viewer, o, i)) : html`<p class="utrecht-paragraph">${t('plan.none')}</p>`}
    <h2 class="utrecht-heading-2">${t('procure.heading')}</h2>
    ${
      procure.length > 0
        ? procure.map((o, i) => procureSection(ctx, data.viewer, data.modes, o, i))
        : html`<p class="utrecht-paragraph">${t('procure.none')}</p>`
    }`;
}

export function opportunitiesPage(
  ctx: PageContext,
  data: {
    title: string;
    intro: string;
    breadcrumbs: { href: string; label: string }[];
    nav: 'region' | 'dashboard';
    viewer: Viewer;
    opportunities: Opportunities;
    modes: Map<number, SharingMode>;
  },
): string {
  return renderPage(ctx, {
    title: data.title,
    nav: data.nav,
    breadcrumbs: data.breadcrumbs,
    main: html`<h1 class="utrecht-heading-1">${data.title}</h1>
      <p class="utrecht-paragraph">${data.intro}</p>
      ${opportunitiesBody(ctx, data)}`,
  });
}

/** A small section for an organisation's dashboard or strategy page: the counts and a link. */
export function opportunitiesSummary(ctx: PageContext, code: string, opportunities: Opportunities): SafeHtml {
  const t = opportunitiesMessage.for(ctx.locale);
  return html`<section aria-labelledby="collaboration-opportunities">
    <h2 class="utrecht-heading-2" id="collaboration-opportunities">${t('title')}</h2>
    <p class="utrecht-paragraph">
      ${t('summary', {
        plan: t.plural('summary.plan', opportunities.plan.length),
        procure: t.plural('summary.procure', opportunities.procure.length),
      })}
    </p>
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/o/${code}/opportunities">${t('view')}</a></p>
  </section>`;
}
