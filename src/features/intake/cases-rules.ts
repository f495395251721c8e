import type { CaseStatus } from './intake.tables.ts';

/** The one way forward through the workflow; declining is possible from every open state. */
export const nextStatus: Partial<Record<CaseStatus, CaseStatus>> = {
  new: 'intake',
  intake: 'assignment',
  assignment: 'experts',
  experts: 'in_progress',
  in_progress: 'closed',
};
export const isOpen = (status: CaseStatus) => status !== 'closed' && status !== 'declined';
export const hoursPerDay = 8;
/** The external advisory firm spends at most 10 days per question. */
export const dayBudget = 10;
export const warningDays = 8;
