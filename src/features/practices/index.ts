export { practicesOnThemeLabel, practicesOnThemeUrl } from './practices-labels.ts';
export { practicesSection } from './practices-landing.views.ts';
