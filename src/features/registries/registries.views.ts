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
        (register) =>
          html`<section class="rk-card" aria-labelledby="register-${register}">
            <h2 class="utrecht-heading-2" id="register-${register}">
              <a class="utrecht-link" href="${registryPath(organisation, register)}"
                >${t(`register.${register}`)}</a
              >
            </h2>
            <p class="utrecht-paragraph">${t(`intro.${register}`)}</p>
            <p class="utrecht-paragraph">${t('overview.count', { count: counts[register] })}</p>
          </section>`,
      )}`,
  });
}

function field(register: RegistryKind, key: string): FieldSpec {
  const spec = registryFields[register].find((f) => f.key === key);
  if (!spec) throw new Error(`no field ${key} in ${register}`);
  return spec;
}

interface Column {
  label: string;
  isNumeric?: boolean;
  cell(entry: EntryRow): HtmlValue;
}

function columnsOf(ctx: PageContext, register: RegistryKind): Column[] {
  const t = registryMessage.for(ctx.locale);
  const plain = (key: string): Column => ({
    label: labelOf(ctx.locale, register, key),
    cell: (e) => displayValue(ctx.locale, field(register, key), e.data[key]),
  });
  switch (register) {
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
            const kinds = new Set(partners.map((p) => (typeof p === 'string' ? p : p.kind)));
            return [...kinds].map((k) => optionLabel(ctx.locale, 'partner', k)).join(', ');
          },
        },
        plain('end_date'),
      ];
  }
}

function ordered(register: RegistryKind, entries: EntryRow[]): EntryRow[] {
  if (register !== 'contracts') return entries;
  const scored = entries.map((entry) => ({
    entry,
    score: exitReadiness(entry.data).total,
    endDate: typeof entry.data.end_date === 'string' ? entry.data.end_date : null,
  }));
  return scored.sort(byRisk).map((s) => s.entry);
}

function listTools(ctx: PageContext, organisation: OrganisationScope, register: RegistryKind): SafeHtml {
  const t = registryMessage.for(ctx.locale);
  const base = registryPath(organisation, register);
  const canEdit = hasRole(organisation.role, 'editor');
  return html`<div class="rk-actions">
      ${canEdit ? buttonLink(`${base}/new`, t(`add.${register}`)) : ''}
      ${canEdit ? buttonLink(`${base}/import`, t('list.import'), 'secondary') : ''}
    </div>
    <p class="utrecht-paragraph">
      ${t('list.export')}: <a class="utrecht-link" href="${base}/export.csv">${t('list.exportCsv')}</a> ·
      <a class="utrecht-link" href="${base}/export.xlsx">${t('list.exportXlsx')}</a>
    </p>
    ${
      register === 'contracts'
        ? html`<p class="utrecht-paragraph">
            <a class="utrecht-link" href="${base}/expiry">${t('list.expiry')}</a>
          </p>`
        : ''
    }
    ${
      register === 'data-sources'
        ? html`<p class="utrecht-paragraph">
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
  register: RegistryKind,
  entries: EntryRow[],
  notice?: string,
): string {
  const t = registryMessage.for(ctx.locale);
  const title = t(`register.${register}`);
  const columns = columnsOf(ctx, register);
  const base = registryPath(organisation, register);
  const list =
    entries.length === 0
      ? html`<p class="utrecht-paragraph">
          ${hasRole(organisation.role, 'editor') ? t('list.empty') : t('list.emptyViewer')}
        </p>`
      : html`<div class="rk-table-scroll">
          ${table({
            caption: t('list.caption', { register: title, organisation: organisation.displayName }),
            columns: [{ label: labelOf(ctx.locale, register, 'name') }, ...columns],
            rows: ordered(register, entries).map((e) => ({
              header: html`<a class="utrecht-link" href="${base}/${e.id}">${e.name}</a>`,
              cells: columns.map((c) => c.cell(e)),
            })),
          })}
        </div>`;
  return renderPage(ctx, {
    title: `${title} · ${organisation.displayName}`,
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      ${notice ? alert('ok', html`<p class="utrecht-paragraph">${notice}</p>`) : ''}
      <p class="utrecht-paragraph">${t(`intro.${register}`)}</p>
      ${listTools(ctx, organisation, register)} ${list}`,
  });
}

export function deletePage(
  ctx: PageContext,
  organisation: OrganisationScope,
  register: RegistryKind,
  entry: EntryRow,
) {
  const t = registryMessage.for(ctx.locale);
  const base = `${registryPath(organisation, register)}/${entry.id}`;
  return renderPage(ctx, {
    title: t('delete.title', { name: entry.name }),
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation, register),
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
