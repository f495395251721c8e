import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/database.ts';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { pageContext } from '../../core/render/layout.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { latestSubmittedScan, storedScores } from '../scan/index.ts';
import { routePage, type RoutePageData } from './development-route.views.ts';
import { routeDrawing } from './route-drawing.ts';
import { renderRoutePngTask } from './route-png.ts';
import { renderRoutePdfTask, routeDocument } from './route-pdf.ts';

/** The drawing, with the signed-in municipality's standing per pillar when it has a submitted scan. */
async function loadRoute(db: Db, request: FastifyRequest): Promise<RoutePageData> {
  const framework = getFramework(latestFrameworkVersion());
  const municipality = request.user?.memberships.find((m) => m.kind === 'municipality');
  if (!municipality) return { framework };
  const scan = await latestSubmittedScan(db, municipality.organisationId);
  if (!scan) return { framework };
  const pillars = new Map<string, number>();
  for (const s of await storedScores(db, scan.id))
    if (s.kind === 'pillar' && s.score !== null) pillars.set(s.key, s.score);
  return { framework, position: { name: municipality.displayName, period: scan.period, pillars } };
}

/**
 * The drawing changes only with the framework version, the language and a municipality's scores, so
 * the last few files are kept by their content: repeated downloads cost no worker time.
 */
const recentFiles = new Map<string, Buffer>();
async function remembered(key: string, make: () => Promise<Uint8Array>): Promise<Buffer> {
  const digest = createHash('sha256').update(key).digest('base64url');
  const known = recentFiles.get(digest);
  if (known) return known;
  const file = Buffer.from(await make());
  recentFiles.set(digest, file);
  if (recentFiles.size > 16) recentFiles.delete(recentFiles.keys().next().value ?? '');
  return file;
}

export function registerDevelopmentRouteRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const publicRoute = { config: { access: access.public } };

  app.get('/handreiking/route', publicRoute, async (request, reply) => {
    const data = await loadRoute(db, request);
    reply.header('Cache-Control', 'private, no-cache');
    return reply.type(contentTypes.html).send(routePage(pageContext(request), data));
  });

  app.get('/handreiking/route.svg', publicRoute, async (request, reply) => {
    const data = await loadRoute(db, request);
    reply.header('Content-Disposition', 'attachment; filename="ontwikkelroute.svg"');
    return reply
      .type(contentTypes.svg)
      .send(String(routeDrawing(request.locale, data.framework, data.position)));
  });

  app.get('/handreiking/route.png', publicRoute, async (request, reply) => {
    const data = await loadRoute(db, request);
    const svg = String(routeDrawing(request.locale, data.framework, data.position));
    const png = await remembered(`png:${svg}`, () => workersOf(request).run(renderRoutePngTask, [svg]));
    reply.header('Content-Disposition', 'attachment; filename="ontwikkelroute.png"');
    return reply.type(contentTypes.png).send(png);
  });

  app.get('/handreiking/route.pdf', publicRoute, async (request, reply) => {
    const data = await loadRoute(db, request);
    const model = routeDocument(request.locale, data.framework, data.position);
    const pdf = await remembered(`pdf:${JSON.stringify(model)}`, () =>
      workersOf(request).run(renderRoutePdfTask, [model]),
    );
    reply.header('Content-Disposition', 'attachment; filename="ontwikkelroute.pdf"');
    return reply.type(contentTypes.pdf).send(pdf);
  });
}
