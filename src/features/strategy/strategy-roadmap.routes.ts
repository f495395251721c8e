import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { access, hasRole } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { pageContext } from '../../core/render/layout.ts';
import {
  embedDocument,
  organisationOfToken,
  publicRoadmapPage,
  regionalRoadmapPage,
  renderRoadmapPngTask,
  renderRoadmapSvg,
  roadmapPage,
  roadmapPageMessage,
  roadmapStateOf,
  type RoadmapInput,
} from '../roadmap/index.ts';
import { sharingModeOf } from '../sharing/index.ts';
import { dbOf, organisationOf } from '../../core/http/context.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';
import { loadRegionalRoadmapInput, loadRoadmapInput } from './strategy-roadmap.ts';

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;
type NetworkRequest = FastifyRequest<{ Params: { network: string } }>;

/** Today's date in the Netherlands, as yyyy-mm-dd: where the today line goes. */
const todayInAmsterdam = (now = new Date()): string => isoDayInAmsterdam(now);

async function sendDownload(
  request: FastifyRequest,
  reply: FastifyReply,
  input: RoadmapInput | null,
  name: string,
  kind: 'svg' | 'png',
) {
  if (!input || input.actions.length === 0) throw notFound();
  if (kind === 'svg') {
    reply.header('content-disposition', `attachment; filename="${name}.${kind}"`);
    return reply.type(contentTypes.svg).send(renderRoadmapSvg(input));
  }
  // Drawing the PNG takes seconds: in the worker pool, whose threads keep the recent ones.
  const { png } = await workersOf(request).run(renderRoadmapPngTask, [input, { useCache: true }]);
  reply.header('content-disposition', `attachment; filename="${name}.${kind}"`);
  return reply.type(contentTypes.png).send(png);
}

async function sharedInput(request: TokenRequest, locale: Locale) {
  const organisation = await organisationOfToken(dbOf(request), request.params.token);
  if (!organisation) throw notFound(roadmapPageMessage(locale, 'notFound.link'));
  const input = await loadRoadmapInput(dbOf(request), organisation.id, locale, todayInAmsterdam());
  // The guard warnings ("technology push", "stops when the project budget runs out") are the
  // team's own points of attention, not statements for the public: a shared link leaves them out.
  const shared = input && {
    ...input,
    strategyWarnings: [],
    actions: input.actions.map((action) => ({ ...action, warnings: [] })),
  };
  return { organisation, input: shared };
}

/** The members of a network that share by name (their sharing choice), with their names. */
async function namedMembers(db: Db, networkCode: string) {
  const members = await db
    .select({ id: organisations.id, name: organisations.displayName })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(eq(networks.code, networkCode))
    .orderBy(organisations.displayName);
  const modes = await Promise.all(members.map((m) => sharingModeOf(db, m.id)));
  return members.filter((_, i) => modes[i]?.mode === 'named');
}

async function regionalInput(request: NetworkRequest) {
  const db = dbOf(request);
  const [network] = await db
    .select({ code: networks.code, name: networks.name })
    .from(networks)
    .where(eq(networks.code, request.params.network));
  if (!network) throw notFound();
  const members = await namedMembers(db, network.code);
  const title = roadmapPageMessage(request.locale, 'title.regional', { network: network.name });
  const ids = members.map((m) => m.id);
  const input =
    ids.length === 0
      ? null
      : await loadRegionalRoadmapInput(db, ids, request.locale, todayInAmsterdam(), title);
  return { network, members, input };
}

/**
 * The roadmap pages and downloads: the strategy's actions drawn by the roadmap renderer, for the
 * organisation itself, behind a share link (the roadmap slice keeps the links), and for a network.
 */
export function registerStrategyRoadmapRoutes(app: FastifyInstance): void {
  const viewer = { config: { access: access.organisation('viewer') } };
  const isPublic = { config: { access: access.public } };
  const coordinator = { config: { access: access.networkCoordinator } };
  const ownInput = (request: FastifyRequest) =>
    loadRoadmapInput(dbOf(request), organisationOf(request).id, request.locale, todayInAmsterdam());

  app.get('/o/:code/strategy/roadmap', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const state = roadmapStateOf(await ownInput(request));
    const canShare = hasRole(organisation.role, 'editor');
    return reply
      .type(contentTypes.html)
      .send(roadmapPage(pageContext(request), { organisation, state, canShare }));
  });
  for (const kind of ['svg', 'png'] as const) {
    app.get(`/o/:code/strategy/roadmap.${kind}`, viewer, async (request, reply) =>
      sendDownload(
        request,
        reply,
        await ownInput(request),
        `routekaart-${organisationOf(request).code}`,
        kind,
      ),
    );
    app.get(`/roadmap/:token/roadmap.${kind}`, isPublic, async (request: TokenRequest, reply) => {
      const { organisation, input } = await sharedInput(request, request.locale);
      return sendDownload(request, reply, input, `routekaart-${organisation.code}`, kind);
    });
    app.get(`/networks/:network/roadmap.${kind}`, coordinator, async (request: NetworkRequest, reply) => {
      const { network, input } = await regionalInput(request);
      return sendDownload(request, reply, input, `routekaart-${network.code}`, kind);
    });
  }

  app.get('/roadmap/:token', isPublic, async (request: TokenRequest, reply) => {
    const { organisation, input } = await sharedInput(request, request.locale);
    const page = publicRoadmapPage(pageContext(request), {
      organisationName: organisation.name,
      state: roadmapStateOf(input),
      token: request.params.token,
    });
    return reply.header('x-robots-tag', 'noindex').type(contentTypes.html).send(page);
  });

  app.get('/roadmap/:token/embed', isPublic, async (request: TokenRequest, reply) => {
    const { organisation, input } = await sharedInput(request, request.locale);
    // Only this route may be framed, by any site (the organisation's own website): the rest of the
    // policy stays as security.ts set it, and the legacy X-Frame-Options would contradict it.
    const policy = String(reply.getHeader('content-security-policy') ?? '');
    reply.header('content-security-policy', policy.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
    reply.removeHeader('x-frame-options');
    const body = embedDocument(request.locale, {
      organisationName: organisation.name,
      state: roadmapStateOf(input),
      token: request.params.token,
    });
    return reply.header('x-robots-tag', 'noindex').type(contentTypes.html).send(body);
  });

  app.get('/networks/:network/roadmap', coordinator, async (request: NetworkRequest, reply) => {
    const { network, members, input } = await regionalInput(request);
    const page = regionalRoadmapPage(pageContext(request), {
      network,
      members: members.map((m) => m.name),
      input,
    });
    return reply.type(contentTypes.html).send(page);
  });
}
