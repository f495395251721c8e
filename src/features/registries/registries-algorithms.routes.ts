import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { organisationOf, type OrganisationScope } from '../../core/http/context.ts';
import type { Db } from '../../core/db/database.ts';
import { entryOf } from './registries.routes.ts';
import { listEntries } from './registries.queries.ts';
import { publicationOf, type PublicationContext } from './registries-publication.ts';

export const publicationPath = (organisation: { code: string }, id?: number) =>
  `/o/${organisation.code}/registers/algorithms/${id === undefined ? '' : `${id}/`}publication.json`;

/** The name the national register knows an organisation by (TOOI: "Gemeente Delft"). */
function officialName(organisation: OrganisationScope): string {
  return organisation.kind === 'municipality' ? `Gemeente ${organisation.name}` : organisation.displayName;
}

async function contextOf(
  db: Db,
  publicUrl: string,
  organisation: OrganisationScope,
): Promise<PublicationContext> {
  return {
    organisationName: officialName(organisation),
    organisationCode: organisation.code,
    publicUrl,
    assessments: await listEntries(db, organisation.id, 'assessments'),
    dataSources: await listEntries(db, organisation.id, 'data-sources'),
    contracts: await listEntries(db, organisation.id, 'contracts'),
  };
}

/**
 * The algorithms in the Algoritmeregister's upload format: one algorithm, or all of them as an
 * array. Viewers may download them, as they may the register's CSV.
 */
export function registerAlgorithmRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const publicUrl = app.services.config.publicUrl.replace(/\/$/, '');
  const viewer = { config: { access: access.organisation('viewer') } };

  app.get('/o/:code/registers/algorithms/publication.json', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const context = await contextOf(db, publicUrl, organisation);
    const algorithms = await listEntries(db, organisation.id, 'algorithms');
    return reply
      .type(contentTypes.json)
      .header('content-disposition', `attachment; filename="algoritmes-${organisation.code}.json"`)
      .send(
        JSON.stringify(
          algorithms.map((entry) => publicationOf(entry, context)),
          null,
          2,
        ),
      );
  });

  app.get<{ Params: { code: string; id: string } }>(
    '/o/:code/registers/algorithms/:id/publication.json',
    viewer,
    async (request: FastifyRequest<{ Params: { code: string; id: string } }>, reply) => {
      const organisation = organisationOf(request);
      const entry = await entryOf(request, 'algorithms');
      const context = await contextOf(db, publicUrl, organisation);
      return reply
        .type(contentTypes.json)
        .header(
          'content-disposition',
          `attachment; filename="algoritme-${organisation.code}-${entry.id}.json"`,
        )
        .send(JSON.stringify(publicationOf(entry, context), null, 2));
    },
  );
}
