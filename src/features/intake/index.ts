export { intakeHomeLinks } from './home-links.ts';
export { outcomeMarkdown } from './outcome-export.ts';
export { removeExpiredPersonalData } from './privacy.service.ts';
export { casesToFollow } from './cases.queries.ts';
export { brigadeCaseLabels } from './cases-labels.ts';
