import type { OrganisationScope } from '../../core/http/context.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { alert } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { optionLabel } from './registries-labels.ts';
import { processingMessage } from './registries-processing.messages.ts';
import {
  articleFields,
  type ArticleField,
  type ProcessingActivity,
  type Transfers,
} from './registries-processing.ts';
import { registriesPath, registryCrumbs, registryPath } from './registries-shared.views.ts';

export const processingPath = (organisation: { code: string }) =>
  `${registriesPath(organisation)}/processing`;

function transfersText(locale: Locale, transfers: Transfers): string {
  const t = processingMessage.for(locale);
  if (transfers === null) return '';
  return transfers.kind === 'none'
    ? t('transfers.none')
    : t('transfers.outside', { supplier: transfers.supplier });
}

function assessmentText(locale: Locale, activity: ProcessingActivity): string {
  const a = activity.assessment;
  if (!a) return processingMessage(locale, 'assessment.none');
  const status = a.status ? optionLabel(locale, 'status', a.status) : '';
  return status ? processingMessage(locale, 'assessment.status', { name: a.name, status }) : a.name;
}

const missingLabels = (locale: Locale, missing: ArticleField[]) =>
  missing.map((key) => processingMessage(locale, `field.${key}`).toLowerCase()).join(', ');

/**
 * The register as one table for CSV and XLSX: stable keys in the header, one row per activity, the
 * missing fields both as keys and as words in the chosen language.
 */
export function processingRows(locale: Locale, activities: readonly ProcessingActivity[]): string[][] {
  const header = ['activity', 'data_source_id', ...articleFields, 'assessment', 'missing', 'missing_labels'];
  return [
    header,
    ...activities.map((a) => [
      a.name,
      String(a.sourceId),
      a.controller,
      a.contact ?? '',
      a.purposes ?? '',
      a.dataSubjects.join('; '),
      a.personalDataCategories.join('; '),
      a.recipients.join('; '),
      transfersText(locale, a.transfers),
      a.retention ?? '',
      a.securityMeasures ?? '',
      assessmentText(locale, a),
      a.missing.join('; '),
      missingLabels(locale, a.missing),
    ]),
  ];
}

function activityCard(ctx: PageContext, organisation: OrganisationScope, a: ProcessingActivity): SafeHtml {
  const t = processingMessage.for(ctx.locale);
  const value = (text: string) => (text === '' ? '—' : text);
  const facts: [ArticleField | 'assessment', string][] = [
    ['controller', a.controller],
    ['contact', a.contact ?? ''],
    ['purposes', a.purposes ?? ''],
    ['data_subjects', a.dataSubjects.join(', ')],
    ['personal_data_categories', a.personalDataCategories.join(', ')],
    ['recipients', a.recipients.join(', ')],
    ['transfers', transfersText(ctx.locale, a.transfers)],
    ['retention', a.retention ?? ''],
    ['security_measures', a.securityMeasures ?? ''],
    ['assessment', assessmentText(ctx.locale, a)],
  ];
  const source = `${registryPath(organisation, 'data-sources')}/${a.sourceId}`;
  return html`<section class="rk-card" aria-labelledby="activity-${a.sourceId}">
    <h2 class="utrecht-heading-2" id="activity-${a.sourceId}">${a.name}</h2>
    ${
      a.missing.length > 0
        ? alert(
            'warning',
            html`<p class="utrecht-paragraph">
              ${t('missing', { fields: missingLabels(ctx.locale, a.missing) })}
            </p>`,
          )
        : html`<p class="utrecht-paragraph">${t('complete')}</p>`
    }
    <dl class="rk-details">
      ${facts.map(
        ([key, text]) =>
          html`<dt><strong>${t(`field.${key}`)}</strong></dt>
            <dd>${value(text)}</dd>`,
      )}
    </dl>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="${source}"
        >${t('edit')}<span class="rk-visually-hidden">: ${a.name}</span></a
      >
    </p>
  </section>`;
}

export function processingPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  activities: readonly ProcessingActivity[],
): string {
  const t = processingMessage.for(ctx.locale);
  const title = t('title', { organisation: organisation.displayName });
  const base = processingPath(organisation);
  const complete = activities.filter((a) => a.missing.length === 0).length;
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">${t('intro')}</p>
      <p class="utrecht-paragraph">
        ${t('downloads')}: <a class="utrecht-link" href="${base}/export.csv">CSV</a> ·
        <a class="utrecht-link" href="${base}/export.xlsx">XLSX</a> ·
        <a class="utrecht-link" href="${base}/export.json">JSON</a>
      </p>
      ${
        activities.length === 0
          ? html`<p class="utrecht-paragraph">${t('empty')}</p>`
          : html`<p class="utrecht-paragraph">${t('summary', { count: activities.length, complete })}</p>
              ${activities.map((a) => activityCard(ctx, organisation, a))}`
      }`,
  });
}
