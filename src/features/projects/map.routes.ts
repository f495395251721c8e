import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { pageContext } from '../../core/render/layout.ts';
import type { Db } from '../../core/db/database.ts';
import { mapPage, sharedProjectsPage, type MapData } from './map.views.ts';
import {
  mapCounts,
  municipalitiesOfProvince,
  sharedProjects,
  type ProjectFilters,
} from './projects.queries.ts';
import { frameworkChoices } from './projects.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';

/** The map shows the province of the networks on this platform: Zuid-Holland. */
export const mapProvinceCode = 'PV28';
type MapQuery = { Querystring: { theme?: string; task?: string; municipality?: string } };

/** Only known theme and task ids pass; anything else means "all". */
function filtersOf(request: FastifyRequest<MapQuery>): ProjectFilters {
  const { themes, tasks } = frameworkChoices(request.locale);
  const { theme, task } = request.query;
  return {
    theme: themes.some((c) => c.value === theme) ? theme : undefined,
    task: tasks.some((c) => c.value === task) ? task : undefined,
  };
}

/** Everything the map page shows, computed from the projects that may be shown. */
export async function loadMapData(db: Db, filters: ProjectFilters): Promise<MapData> {
  const municipalities = await municipalitiesOfProvince(db, mapProvinceCode);
  const counts = await mapCounts(db, filters);
  return {
    municipalities,
    counts: counts.perMunicipality,
    filters,
    namedCount: counts.namedCount,
    aggregatedCount: counts.aggregatedCount,
  };
}

export function registerMapRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  // Signed-in only: named sharing is consent to be shown to the platform's participants, not to the world.
  const rule = { config: { access: access.signedIn } };

  app.get<MapQuery>('/knowledge/map', rule, async (request, reply) => {
    const data = await loadMapData(db, filtersOf(request));
    return reply.type(contentTypes.html).send(mapPage(pageContext(request), data));
  });

  app.get<MapQuery>('/knowledge/projects', rule, async (request, reply) => {
    const filters = filtersOf(request);
    const code = request.query.municipality?.toUpperCase();
    const municipality = code
      ? (await municipalitiesOfProvince(db, mapProvinceCode)).find((m) => m.code === code)
      : undefined;
    const { named } = await sharedProjects(db, filters);
    const projects = municipality
      ? named.filter((p) => p.municipalities.some((m) => m.code === municipality.code))
      : named;
    return reply
      .type(contentTypes.html)
      .send(sharedProjectsPage(pageContext(request), { projects, municipality, filters }));
  });
}
