import type { FastifyInstance } from 'fastify';
import type { Db } from '../../core/db/database.ts';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import type { SafeHtml } from '../../core/render/html.ts';
import { pageContext, type PageContext } from '../../core/render/layout.ts';
import { sharingModeOf } from '../sharing/index.ts';
import { opportunitiesMessage } from './opportunities.messages.ts';
import {
  findNetworkByCode,
  involving,
  networkIdsOf,
  opportunitiesAmong,
  sharingMembers,
  type Opportunities,
  type SharingMode,
} from './opportunities.service.ts';
import { opportunitiesPage, opportunitiesSummary } from './opportunities.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';

/** The opportunities an organisation takes part in, among the members of all its networks. */
export async function organisationOpportunities(db: Db, organisationId: number) {
  const members = await sharingMembers(db, await networkIdsOf(db, organisationId));
  const modes = new Map<number, SharingMode>(members.map((m) => [m.organisationId, m.mode]));
  const opportunities: Opportunities = members.some((m) => m.organisationId === organisationId)
    ? involving(await opportunitiesAmong(db, members), organisationId)
    : { plan: [], procure: [] };
  return { opportunities, modes };
}

/** For the dashboard or the strategy page of an organisation: a short section with a link. */
export async function opportunitiesSection(
  db: Db,
  ctx: PageContext,
  organisation: { id: number; code: string },
): Promise<SafeHtml> {
  const { opportunities } = await organisationOpportunities(db, organisation.id);
  return opportunitiesSummary(ctx, organisation.code, opportunities);
}

export function registerOpportunityRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;

  app.get<{ Params: { network: string } }>(
    '/networks/:network/opportunities',
    { config: { access: access.networkCoordinator } },
    async (request, reply) => {
      const network = await findNetworkByCode(db, request.params.network);
      if (!network) throw notFound();
      const members = await sharingMembers(db, [network.id]);
      const t = (key: Parameters<typeof opportunitiesMessage>[1]) =>
        opportunitiesMessage(request.locale, key, { network: network.name });
      const page = opportunitiesPage(pageContext(request), {
        title: t('title.network'),
        intro: t('intro'),
        nav: 'region',
        breadcrumbs: [{ href: `/networks/${network.code}`, label: network.name }],
        viewer: { kind: 'coordinator' },
        opportunities: await opportunitiesAmong(db, members),
        modes: new Map(members.map((m) => [m.organisationId, m.mode])),
      });
      return reply.type(contentTypes.html).send(page);
    },
  );

  app.get(
    '/o/:code/opportunities',
    { config: { access: access.organisation('viewer') } },
    async (request, reply) => {
      const organisation = request.organisation;
      if (!organisation) throw notFound();
      const { opportunities, modes } = await organisationOpportunities(db, organisation.id);
      const t = opportunitiesMessage.for(request.locale);
      const page = opportunitiesPage(pageContext(request), {
        title: t('title'),
        intro: `${t('intro')} ${t('intro.own')}`,
        nav: 'dashboard',
        breadcrumbs: [{ href: `/o/${organisation.code}`, label: organisation.displayName }],
        viewer: {
          kind: 'organisation',
          organisationId: organisation.id,
          mode: (await sharingModeOf(db, organisation.id)).mode,
        },
        opportunities,
        modes,
      });
      return reply.type(contentTypes.html).send(page);
    },
  );
}
