import type { Locale } from '../../core/i18n/i18n.ts';
import { formatDate } from '../../core/i18n/i18n.ts';
import type { LoadedCase } from './case.views.ts';
import { casesMessage } from './cases.messages.ts';
import { intakeMessage } from './intake.messages.ts';

/**
 * A closed case's outcome as Markdown, without personal data: the form in which the knowledge base
 * can later take it in as a draft practice.
 */
export function outcomeMarkdown(locale: Locale, loaded: LoadedCase): string {
  const c = loaded.case;
  const t = casesMessage.for(locale);
  return [
    `# ${t('export.title', { id: c.id })}`,
    '',
    `- ${t('col.organisation')}: ${loaded.organisation}`,
    `- ${t('case.category')}: ${intakeMessage(locale, `category.${c.category}`)}`,
    `- ${t('col.submitted')}: ${formatDate(locale, c.createdAt)}`,
    ...(c.closedAt ? [`- ${t('status.closed')}: ${formatDate(locale, c.closedAt)}`] : []),
    '',
    `## ${t('case.description')}`,
    '',
    c.description,
    '',
    `## ${t('case.assignment')}`,
    '',
    c.assignment || t('case.assignment.empty'),
    '',
    `## ${t('case.outcome')}`,
    '',
    c.outcome ?? '',
    '',
  ].join('\n');
}
