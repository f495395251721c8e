import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { notFound } from '../../core/http/errors.ts';
import { pageContext } from '../../core/render/layout.ts';
import { loadWorkspace } from './workspace.service.ts';
import { workspacePage } from './workspace.views.ts';
import { findRegionNetwork } from './workspace.queries.ts';

type WorkspaceRequest = { Params: { network: string }; Querystring: { pillar?: string } };

/** The coordinator's workspace: the landing page of a network's coordinators after sign-in. */
export function registerWorkspaceRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  app.get<WorkspaceRequest>(
    '/networks/:network',
    { config: { access: access.networkCoordinator } },
    async (request, reply) => {
      const network = await findRegionNetwork(db, request.params.network);
      if (!network) throw notFound();
      const viewer = {
        coordinatorOf: request.user?.coordinatorOf ?? [],
        isPlatformAdmin: request.user?.isPlatformAdmin ?? false,
      };
      const data = await loadWorkspace(db, network, viewer);
      const pillar = typeof request.query.pillar === 'string' ? request.query.pillar : undefined;
      return reply.type(contentTypes.html).send(workspacePage(pageContext(request), data, pillar));
    },
  );
}
