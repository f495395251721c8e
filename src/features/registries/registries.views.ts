import type { OrganisationScope } from '../../core/http/context.ts';
import { hasRole } from '../../core/http/access.ts';
import { formatDate } from '../../core/i18n/i18n.ts';
import { actionButton, alert, table } from '../../core/render/components.ts';
import { html, type HtmlValue, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { registryFields, type FieldSpec } from './registries-fields.ts';
import { optionLabel } from './registries-labels.ts';
import type { EntryRow } from './registries.queries.ts';
import { byRisk, exitReadiness, riskBand } from './registries-scoring.ts';
import { registryKinds, type RegistryKind } from './registries.tables.ts';
import {
  displayValue,
  labelOf,
  registryCrumbs,
  registryPath,
  registriesPath,
} from './registries-shared.views.ts';
import { registryMessage } from './registries.messages.ts';
import { processingMessage } from './registries-processing.messages.ts';

const buttonLink = (href: string, label: string, kind: 'primary' | 'secondary' = 'primary') =>
  html`<a
    class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${kind}-action"
    href="${href}"
    >${label}</a
  >`;

export function overviewPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  counts: Record<RegistryKind, number>,
) {
  const t = registryMessage.for(ctx.locale);
  const title = t('overview.title', { organisation: organisation.displayName });
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation).slice(0, 1),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">${t('overview.intro')}</p>
      ${registryKinds.map(
        (registry) =>
          html`<section class="rk-card" aria-labelledby="register-${registry}">
            <h2 class="utrecht-heading-2" id="register-${registry}">
              <a class="utrecht-link" href="${registryPath(organisation, registry)}"
                >${t(`register.${registry}`)}</a
              >
            </h2>
            <p class="utrecht-paragraph">${t(`intro.${registry}`)}</p>
            <p class="utrecht-paragraph">${t.plural('overview.count', counts[registry])}</p>
          </section>`,
      )}
      <section class="rk-card" aria-labelledby="register-processing">
        <h2 class="utrecht-heading-2" id="register-processing">
          <a class="utrecht-link" href="${registriesPath(organisation)}/processing"
            >${processingMessage(ctx.locale, 'overviewLink')}</a
          >
        </h2>
        <p class="utrecht-paragraph">${processingMessage(ctx.locale, 'overviewIntro')}</p>
      </section>`,
  });
}

function field(registry: RegistryKind, key: string): FieldSpec {
  const spec = registryFields[registry].find((f) => f.key === key);
  if (!spec) throw new Error(`no field ${key} in ${registry}`);
  return spec;
}

interface Column {
  label: string;
  isNumeric?: boolean;
  cell(entry: EntryRow): HtmlValue;
}

function columnsOf(ctx: PageContext, registry: RegistryKind): Column[] {
  const t = registryMessage.for(ctx.locale);
  const plain = (key: string): Column => ({
    label: labelOf(ctx.locale, registry, key),
    cell: (e) => displayValue(ctx.locale, field(registry, key), e.data[key]),
  });
  switch (registry) {
    case 'data-sources':
      return [plain('kind'), plain('owner'), plain('openness'), plain('status')];
    case 'contracts':
      return [
        plain('supplier'),
        plain('end_date'),
        { label: t('column.score'), isNumeric: true, cell: (e) => exitReadiness(e.data).total },
        { label: t('column.risk'), cell: (e) => t(`risk.${riskBand(exitReadiness(e.data).total)}`) },
      ];
    case 'assessments':
      return [plain('personal_data'), plain('assessment'), plain('status'), plain('risk_level')];
    case 'partnerships':
      return [
        plain('form'),
        {
          label: t('column.partnerKinds'),
          cell: (e) => {
            const partners = Array.isArray(e.data.partners) ? e.data.partners : [];
            const kinds = new Set(partners.map((p) => (typeof p !== 'string' && 'kind' in p ? p.kind : '')));
            return [...kinds].map((k) => optionLabel(ctx.locale, 'partner', k)).join(', ');
          },
        },
        plain('end_date'),
      ];
    case 'algorithms':
      return [plain('status'), plain('publication_category'), plain('provider_contract')];
  }
}

function ordered(registry: RegistryKind, entries: EntryRow[]): EntryRow[] {
  if (registry !== 'contracts') return entries;
  const scored = entries.map((entry) => ({
    entry,
    score: exitReadiness(entry.data).total,
    endDate: typeof entry.data.end_date === 'string' ? entry.data.end_date : null,
  }));
  return scored.sort(byRisk).map((s) => s.entry);
}

function listTools(ctx: PageContext, organisation: OrganisationScope, registry: RegistryKind): SafeHtml {
  const t = registryMessage.for(ctx.locale);
  const base = registryPath(organisation, registry);
  const canEdit = hasRole(organisation.role, 'editor');
  return html`<div class="rk-actions">
      ${canEdit ? buttonLink(`${base}/new`, t(`add.${registry}`)) : ''}
      ${canEdit ? buttonLink(`${base}/import`, t('list.import'), 'secondary') : ''}
    </div>
    <p class="utrecht-paragraph">
      ${t('list.export')}: <a class="utrecht-link" href="${base}/export.csv">${t('list.exportCsv')}</a> ·
      <a class="utrecht-link" href="${base}/export.xlsx">${t('list.exportXlsx')}</a>
    </p>
    ${
      registry === 'contracts'
        ? html`<p class="utrecht-paragraph">
            <a class="utrecht-link" href="${base}/expiry">${t('list.expiry')}</a>
          </p>`
        : ''
    }
    ${
      registry === 'algorithms'
        ? html`<p class="utrecht-paragraph">
            <a class="utrecht-link" href="${base}/publication.json">${t('list.publication')}</a>
          </p>`
        : ''
    }
    ${
      registry === 'data-sources'
        ? html`<p class="utrecht-paragraph">
              <a class="utrecht-link" href="${registriesPath(organisation)}/processing"
                >${processingMessage(ctx.locale, 'overviewLink')}</a
              >
            </p>
            <p class="utrecht-paragraph">
              ${t('list.catalogue')}
              <a class="utrecht-link" href="/open-data/${organisation.code}/catalog.jsonld"
                >${t('list.catalogueJsonLd')}</a
              >
              ·
              <a class="utrecht-link" href="/open-data/${organisation.code}/catalog.ttl"
                >${t('list.catalogueTurtle')}</a
              >
            </p>`
        : ''
    }`;
}

export function listPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  registry: RegistryKind,
  entries: EntryRow[],
  notice?: string,
): string {
  const t = registryMessage.for(ctx.locale);
  const title = t(`register.${registry}`);
  const columns = columnsOf(ctx, registry);
  const base = registryPath(organisation, registry);
  const list =
    entries.length === 0
      ? html`<p class="utrecht-paragraph">
          ${hasRole(organisation.role, 'editor') ? t('list.empty') : t('list.emptyViewer')}
        </p>`
      : html`${table({
          caption: t('list.caption', { register: title, organisation: organisation.displayName }),
          columns: [{ label: labelOf(ctx.locale, registry, 'name') }, ...columns],
          rows: ordered(registry, entries).map((e) => ({
            header: html`<a class="utrecht-link" href="${base}/${e.id}">${e.name}</a>`,
            cells: columns.map((c) => c.cell(e)),
          })),
        })}`;
  return renderPage(ctx, {
    title: `${title} · ${organisation.displayName}`,
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      ${notice ? alert('ok', html`<p class="utrecht-paragraph">${notice}</p>`) : ''}
      <p class="utrecht-paragraph">${t(`intro.${registry}`)}</p>
      ${listTools(ctx, organisation, registry)} ${list}`,
  });
}

export function deletePage(
  ctx: PageContext,
  organisation: OrganisationScope,
  registry: RegistryKind,
  entry: EntryRow,
) {
  const t = registryMessage.for(ctx.locale);
  const base = `${registryPath(organisation, registry)}/${entry.id}`;
  return renderPage(ctx, {
    title: t('delete.title', { name: entry.name }),
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation, registry),
    main: html`<div class="rk-narrow">
      <h1 class="utrecht-heading-1">${t('delete.title', { name: entry.name })}</h1>
      <p class="utrecht-paragraph">${t('delete.confirm', { name: entry.name })}</p>
      <div class="rk-actions">
        ${actionButton({ action: `${base}/delete`, label: t('delete.button'), ariaLabel: t('delete.title', { name: entry.name }), csrfToken: ctx.csrfToken, kind: 'secondary' })}
        <a class="utrecht-link" href="${base}">${t('form.cancel')}</a>
      </div>
    </div>`,
  });
}

export function updatedLine(ctx: PageContext, entry: EntryRow): string {
  return registryMessage.for(ctx.locale)('entry.updatedAt', {
    date: formatDate(ctx.locale, entry.updatedAt),
  });
}

export { registriesPath };
