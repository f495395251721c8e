import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks } from '../../core/db/core.tables.ts';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { table } from '../../core/render/components.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, pageContext, type PageContext } from '../../core/render/layout.ts';
import { sharingModesOf } from '../sharing/index.ts';
import { addMonths } from './registries-expiry.ts';
import { optionLabel } from './registries-labels.ts';
import { contractsOf } from './registries.queries.ts';
import { labelOf } from './registries-shared.views.ts';
import { registryMessage } from './registries.messages.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { formatCalendarDay } from '../../core/i18n/i18n.ts';

export interface OpportunityContract {
  organisationId: number;
  organisationCode: string;
  organisationName: string;
  name: string;
  supplier: string;
  endDate: string;
}

/** Contracts of at least two organisations, of one subject category, ending within a year of each other. */
export interface ProcurementOpportunity {
  subjectCategory: string;
  from: string;
  to: string;
  contracts: OpportunityContract[];
}

/** Greedy windows per category: start at the earliest end date, take every contract ending within a year. */
export function findOpportunities(
  contracts: (OpportunityContract & { subjectCategory: string })[],
): ProcurementOpportunity[] {
  const byCategory = new Map<string, typeof contracts>();
  for (const c of contracts)
    byCategory.set(c.subjectCategory, [...(byCategory.get(c.subjectCategory) ?? []), c]);
  const opportunities: ProcurementOpportunity[] = [];
  for (const [category, list] of byCategory) {
    const sorted = [...list].sort((a, b) => a.endDate.localeCompare(b.endDate));
    let i = 0;
    while (i < sorted.length) {
      const first = sorted[i];
      if (!first) break;
      const limit = addMonths(first.endDate, 12);
      const window = sorted.slice(i).filter((c) => c.endDate <= limit);
      const organisations = new Set(window.map((c) => c.organisationId));
      if (organisations.size >= 2) {
        opportunities.push({
          subjectCategory: category,
          from: first.endDate,
          to: window.at(-1)?.endDate ?? first.endDate,
          contracts: window.map((c) => ({
            organisationId: c.organisationId,
            organisationCode: c.organisationCode,
            organisationName: c.organisationName,
            name: c.name,
            supplier: c.supplier,
            endDate: c.endDate,
          })),
        });
        i += window.length;
      } else i += 1;
    }
  }
  return opportunities.sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * Procurement opportunities among the given organisations' contracts that have not ended yet.
 * "Other" is no kind of subject, so it never makes an opportunity. The caller decides who may be named.
 */
export async function procurementOpportunities(
  db: Db,
  organisationIds: number[],
  today = new Date().toISOString().slice(0, 10),
): Promise<ProcurementOpportunity[]> {
  const rows = await contractsOf(db, organisationIds);
  const contracts = rows.flatMap((r) => {
    const end = r.data.end_date;
    const category = r.data.subject_category;
    if (typeof end !== 'string' || end < today || typeof category !== 'string' || category === 'other')
      return [];
    return [
      {
        organisationId: r.organisationId,
        organisationCode: r.code,
        organisationName: r.displayName,
        name: r.name,
        supplier: typeof r.data.supplier === 'string' ? r.data.supplier : '',
        endDate: end,
        subjectCategory: category,
      },
    ];
  });
  return findOpportunities(contracts);
}

async function namedMembers(db: Db, networkId: number): Promise<number[]> {
  const members = await db
    .select({ organisationId: networkMembers.organisationId })
    .from(networkMembers)
    .where(eq(networkMembers.networkId, networkId));
  const modes = await sharingModesOf(
    db,
    members.map((m) => m.organisationId),
  );
  return members.map((m) => m.organisationId).filter((id) => modes.get(id) === 'named');
}

function networkPage(
  ctx: PageContext,
  network: { code: string; name: string },
  memberCount: number,
  opportunities: ProcurementOpportunity[],
) {
  const t = registryMessage.for(ctx.locale);
  const title = t('network.title', { network: network.name });
  const sections = opportunities.map((o, i) => {
    const category = optionLabel(ctx.locale, 'subject_category', o.subjectCategory);
    const heading = t('network.opportunity', {
      category,
      count: o.contracts.length,
      from: formatCalendarDay(ctx.locale, o.from),
      to: formatCalendarDay(ctx.locale, o.to),
    });
    return html`<section aria-labelledby="opportunity-${i}">
      <h2 class="utrecht-heading-2" id="opportunity-${i}">${heading}</h2>
      ${table({
        caption: `${t('network.caption')}: ${category}`,
        columns: [
          { label: t('network.organisation') },
          { label: labelOf(ctx.locale, 'contracts', 'name') },
          { label: labelOf(ctx.locale, 'contracts', 'supplier') },
          { label: labelOf(ctx.locale, 'contracts', 'end_date') },
        ],
        rows: o.contracts.map((c) => ({
          header: c.organisationName,
          cells: [c.name, c.supplier, formatCalendarDay(ctx.locale, c.endDate)],
        })),
      })}
    </section>`;
  });
  return renderPage(ctx, {
    title,
    nav: 'region',
    breadcrumbs: [
      { href: '/networks', label: t('network.crumb') },
      { href: `/networks/${network.code}`, label: network.name },
    ],
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">${t('network.intro')}</p>
      <p class="utrecht-paragraph">${t.plural('network.members', memberCount)}</p>
      ${opportunities.length === 0 ? html`<p class="utrecht-paragraph">${t('network.none')}</p>` : sections}`,
  });
}

export function registerNetworkRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  app.get<{ Params: { network: string } }>(
    '/networks/:network/contracts',
    { config: { access: access.networkCoordinator } },
    async (request, reply) => {
      const [network] = await db.select().from(networks).where(eq(networks.code, request.params.network));
      if (!network) throw notFound();
      const members = await namedMembers(db, network.id);
      const opportunities = await procurementOpportunities(db, members);
      return reply
        .type(contentTypes.html)
        .send(networkPage(pageContext(request), network, members.length, opportunities));
    },
  );
}
