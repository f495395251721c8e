export { intakeHomeLinks } from './home-links.ts';
export { outcomeMarkdown } from './outcome-export.ts';
export { removeExpiredPersonalData } from './privacy.service.ts';
