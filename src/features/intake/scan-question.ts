import type { Locale } from '../../core/i18n/i18n.ts';
import { findQuestion, getFramework, localise } from '../framework/index.ts';
import type { LowConnectivity } from '../scan/index.ts';
import { intakeMessage } from './intake.messages.ts';

/** The question's first draft from a scan's low connectivity answers: the municipality edits it before sending. */
export function scanQuestionText(locale: Locale, low: LowConnectivity): string {
  const t = intakeMessage.for(locale);
  const framework = getFramework(low.frameworkVersion);
  const lines = low.answers.map((a) => {
    const found = findQuestion(framework, a.questionId);
    const text = found ? localise(found.question.text, locale) : a.questionId;
    return t('brigade.fromScan.answer', { question: text, level: a.level });
  });
  return [t('brigade.fromScan.intro', { period: low.period }), ...lines, '', t('brigade.fromScan.ask')].join(
    '\n',
  );
}
