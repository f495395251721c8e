import type { Locale } from '../../core/i18n/i18n.ts';
import { casesMessage } from './cases.messages.ts';
import { intakeMessage } from './intake.messages.ts';
import type { CaseCategory, CaseStatus } from './intake.tables.ts';

/** A Brigade question's subject and state in words, for pages of other slices (the dashboard). */
export function brigadeCaseLabels(
  locale: Locale,
  row: { category: CaseCategory; status: CaseStatus },
): { category: string; status: string } {
  return {
    category: intakeMessage(locale, `category.${row.category}`),
    status: casesMessage(locale, `status.${row.status}`),
  };
}
