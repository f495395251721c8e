export type {
  ActionStatus,
  Quarter,
  RoadmapAction,
  RoadmapInput,
  RoadmapMilestone,
} from './roadmap.model.ts';
export { actionStatuses } from './roadmap.model.ts';
export { layoutRoadmap } from './roadmap-layout.ts';
export { renderRoadmapSvg } from './roadmap-svg.ts';
export { renderRoadmapPng } from './roadmap-png.ts';
