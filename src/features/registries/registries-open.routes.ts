import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { pageContext } from '../../core/render/layout.ts';
import type { Db } from '../../core/db/database.ts';
import { catalogueTextTask, type CatalogueInput } from './registries-dcat.ts';
import { expiringContracts, expiryPage } from './registries-expiry.ts';
import { registryMessage } from './registries.messages.ts';
import { listEntries, organisationByCode } from './registries.queries.ts';
import { organisationOf } from '../../core/http/context.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';
import { contentTypes } from '../../core/http/content-types.ts';

async function catalogue(db: Db, publicUrl: string, code: string): Promise<CatalogueInput> {
  const organisation = await organisationByCode(db, code);
  if (!organisation) throw notFound();
  const name = organisation.displayName;
  return {
    publicUrl,
    organisation: { code: organisation.code, name },
    // The catalogue is a Dutch publication, whatever language the visitor reads in.
    title: registryMessage('nl', 'catalogue.title', { organisation: name }),
    description: registryMessage('nl', 'catalogue.description', { organisation: name }),
    sources: await listEntries(db, organisation.id, 'data-sources'),
  };
}

/** The contract-expiry view, and the public DCAT-AP-NL catalogue of the open data sources. */
export function registerOpenRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const publicUrl = app.services.config.publicUrl.replace(/\/$/, '');

  app.get(
    '/o/:code/registers/contracts/expiry',
    { config: { access: access.organisation('viewer') } },
    async (request, reply) => {
      const organisation = organisationOf(request);
      const today = new Date().toISOString().slice(0, 10);
      const contracts = expiringContracts(await listEntries(db, organisation.id, 'contracts'), today);
      return reply
        .type(contentTypes.html)
        .send(expiryPage(pageContext(request), organisation, contracts, today));
    },
  );

  // Open data sources are public by their nature: the catalogue needs no sign-in.
  app.get<{ Params: { code: string } }>(
    '/open-data/:code/catalog.jsonld',
    { config: { access: access.public } },
    async (request, reply) => {
      const input = await catalogue(db, publicUrl, request.params.code);
      const text = await workersOf(request).run(catalogueTextTask, [input, 'jsonld']);
      return reply.type(contentTypes.jsonLd).send(text);
    },
  );

  app.get<{ Params: { code: string } }>(
    '/open-data/:code/catalog.ttl',
    { config: { access: access.public } },
    async (request, reply) => {
      const input = await catalogue(db, publicUrl, request.params.code);
      const text = await workersOf(request).run(catalogueTextTask, [input, 'turtle']);
      return reply.type(contentTypes.turtle).send(text);
    },
  );
}
