import type { Db } from '../../core/db/database.ts';
import { answersOf, consensusOf, type ScanRow } from './scan.queries.ts';
import { distributionOf, effectiveAnswer, type Answer } from './scan-scoring.ts';
import { type Response } from './scan.tables.ts';

const toAnswer = (row: {
  response: Response;
  currentLevel: number | null;
  targetLevel: number | null;
}): Answer => ({
  response: row.response,
  currentLevel: row.currentLevel,
  targetLevel: row.targetLevel,
});

/** The respondents' answers grouped by question. */
async function individualByQuestion(db: Db, scanId: number): Promise<Map<string, Answer[]>> {
  const byQuestion = new Map<string, Answer[]>();
  for (const row of await answersOf(db, scanId)) {
    byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), toAnswer(row)]);
  }
  return byQuestion;
}

/** The answer that counts per question, from the agreed answers and the respondents' answers. */
export async function effectiveAnswers(db: Db, scan: Pick<ScanRow, 'id'>): Promise<Map<string, Answer>> {
  const byQuestion = await individualByQuestion(db, scan.id);
  const agreed = new Map((await consensusOf(db, scan.id)).map((c) => [c.questionId, toAnswer(c)]));
  const result = new Map<string, Answer>();
  for (const questionId of new Set([...agreed.keys(), ...byQuestion.keys()])) {
    const answer = effectiveAnswer(agreed.get(questionId), byQuestion.get(questionId) ?? []);
    if (answer) result.set(questionId, answer);
  }
  return result;
}

/** Questions where respondents are two levels or more apart and no agreed answer is recorded yet. */
export async function openDisagreements(db: Db, scan: ScanRow): Promise<string[]> {
  const agreed = new Set((await consensusOf(db, scan.id)).map((c) => c.questionId));
  const byQuestion = await individualByQuestion(db, scan.id);
  return [...byQuestion]
    .filter(([id, answers]) => !agreed.has(id) && distributionOf(answers).isDisagreement)
    .map(([id]) => id);
}
