export type {
  Quarter,
  RoadmapAction,
  RoadmapInput,
  RoadmapMilestone,
  RoadmapStatus,
} from './roadmap.model.ts';
export { layoutRoadmap } from './roadmap-layout.ts';
export { renderRoadmapSvg } from './roadmap-svg.ts';
export { renderRoadmapPng, renderRoadmapPngTask } from './roadmap-png.ts';
export { roadmapPrintPages, type PrintArea, type RoadmapPrintPage } from './roadmap-print.ts';
export {
  embedDocument,
  publicRoadmapPage,
  regionalRoadmapPage,
  roadmapPage,
  roadmapStateOf,
} from './roadmap.views.ts';
export { roadmapPageMessage } from './roadmap-page.messages.ts';
export { organisationOfToken } from './roadmap-share.ts';
export { roadmapShareLinks } from './roadmap.tables.ts';
