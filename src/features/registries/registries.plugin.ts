import type { FastifyInstance } from 'fastify';
import { registerAlgorithmRoutes } from './registries-algorithms.routes.ts';
import { registerRegistryApi } from './registries-api.routes.ts';
import { registerRegistryLinksApi } from './registries-links-api.routes.ts';
import { registerNetworkRoutes } from './registries-network.routes.ts';
import { registerProcessingRoutes } from './registries-processing.routes.ts';
import { registerOpenRoutes } from './registries-open.routes.ts';
import { registerRegistryRoutes } from './registries.routes.ts';

/** Registers the registers slice's routes and jobs; only src/app.ts calls it. */
export function registerRegistries(app: FastifyInstance): void {
  registerOpenRoutes(app);
  registerRegistryRoutes(app);
  registerAlgorithmRoutes(app);
  registerProcessingRoutes(app);
  registerNetworkRoutes(app);
  registerRegistryApi(app);
  registerRegistryLinksApi(app);
}
