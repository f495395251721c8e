export { intakeHomeLinks } from './home-links.ts';
export { outcomeMarkdown } from './outcome-export.ts';
export { removeExpiredPersonalData } from './privacy.service.ts';
export { casesToFollow } from './cases.queries.ts';
export { brigadeCaseLabels } from './cases-labels.ts';
// The region workspace counts questions, requests and logged time; the intake slice owns them.
export { advisoryDays, brigadeCases, caseCategories, guideRequests } from './intake.tables.ts';
export type { CaseCategory, CaseStatus, DayParty } from './intake.tables.ts';
export { dayBudget, hoursPerDay } from './cases-rules.ts';
export { intakeMessage } from './intake.messages.ts';
export { brigadeScanOffer } from './scan-offer.views.ts';
