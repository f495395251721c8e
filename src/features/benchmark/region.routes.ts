import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { pageContext } from '../../core/render/layout.ts';
import type { Db } from '../../core/db/database.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { openDataSet } from './open-data.service.ts';
import { namedScores, networkSummaries, participationOf, type NetworkSummary } from './region.queries.ts';
import { networksPage, regionPage, type RegionData } from './region.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type RegionRequest = { Params: { network: string }; Querystring: { period?: string } };
/** The asked period when the network has data for it; else the latest period in which members took part. */
function choosePeriod(participation: { period: number; participants: number }[], asked: string | undefined) {
  const periods = participation.map((p) => p.period);
  const wanted = Number(asked);
  if (periods.includes(wanted)) return wanted;
  return participation.findLast((p) => p.participants > 0)?.period ?? periods.at(-1) ?? null;
}

async function loadRegion(db: Db, network: NetworkSummary, asked: string | undefined): Promise<RegionData> {
  const participation = await participationOf(db, network.code);
  const counts = participation.map((p) => ({ period: p.period, participants: p.contributions.length }));
  const period = choosePeriod(counts, asked);
  const contributions = participation.find((p) => p.period === period)?.contributions ?? [];
  return {
    network,
    participation: counts,
    period,
    figures:
      period === null
        ? { period: null, items: [], withheld: [] }
        : await openDataSet(db, { period, group: `network:${network.code}` }),
    named: await namedScores(db, contributions),
    framework: getFramework(latestFrameworkVersion()),
  };
}

/** The region view: for coordinators of a network (and the platform administrator). */
export function registerRegionRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;

  app.get('/networks', { config: { access: access.signedIn } }, async (request, reply) => {
    const user = request.user;
    const networks = user?.isPlatformAdmin
      ? await networkSummaries(db)
      : await networkSummaries(db, user?.coordinatorOf ?? []);
    return reply.type(contentTypes.html).send(networksPage(pageContext(request), networks));
  });

  app.get<RegionRequest>(
    '/networks/:network/benchmark',
    { config: { access: access.networkCoordinator } },
    async (request, reply) => {
      const [network] = await networkSummaries(db, [request.params.network]);
      if (!network) throw notFound();
      const data = await loadRegion(db, network, request.query.period);
      return reply.type(contentTypes.html).send(regionPage(pageContext(request), data));
    },
  );
}
