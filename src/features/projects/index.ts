export { mapSection } from './map-landing.views.ts';
export { knowledgeProjects } from './projects.tables.ts';
export { projectedShapes } from './map-geometry.ts';
