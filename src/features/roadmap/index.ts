import type { FastifyInstance } from 'fastify';
import { registerRoadmapLinkRoutes } from './roadmap.links.routes.ts';
import { registerRoadmapRoutes } from './roadmap.routes.ts';

export type {
  Quarter,
  RoadmapAction,
  RoadmapInput,
  RoadmapMilestone,
  RoadmapStatus,
} from './roadmap.model.ts';
export { layoutRoadmap } from './roadmap.layout.ts';
export { renderRoadmapSvg } from './roadmap.svg.ts';
export { renderRoadmapPng } from './roadmap.png.ts';
export {
  embedDocument,
  publicRoadmapPage,
  regionalRoadmapPage,
  roadmapPage,
  roadmapStateOf,
} from './roadmap.views.ts';
export { roadmapPageMessage } from './roadmap.page.messages.ts';
export { organisationOfToken } from './roadmap.share.ts';
export { seedDemoRoadmap } from './roadmap.demo.ts';

export function registerRoadmap(app: FastifyInstance): void {
  registerRoadmapRoutes(app);
  registerRoadmapLinkRoutes(app);
}
