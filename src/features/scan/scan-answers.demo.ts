import type { Framework } from '../framework/index.ts';
import type { AnswerInput } from './scan.service.ts';

/** The framework version the demo answers were written for: they use its question ids. */
export const demoFrameworkVersion = '2026.1';

export interface DemoRespondent {
  email: string;
  answers: AnswerInput[];
}

/** One scan of the demo data, as its team would fill it in through the screens. */
export interface DemoScan {
  organisation: string;
  title: string;
  period: number;
  /** The first respondent starts the scan, records the agreed answers and submits it. */
  respondents: DemoRespondent[];
  consensus: AnswerInput[];
  submit: boolean;
}

export interface AnswerExtras {
  note?: string;
  evidence?: string[];
}

export function levelAnswer(
  questionId: string,
  current: number,
  target: number,
  extras: AnswerExtras = {},
): AnswerInput {
  return {
    questionId,
    response: 'level',
    currentLevel: clampLevel(current),
    targetLevel: clampLevel(Math.max(current, target)),
    note: extras.note ?? '',
    evidence: extras.evidence ?? [],
  };
}

export function unknownAnswer(questionId: string, note = ''): AnswerInput {
  return { questionId, response: 'unknown', currentLevel: null, targetLevel: null, note, evidence: [] };
}

export function clampLevel(level: number): number {
  return Math.min(5, Math.max(1, Math.round(level)));
}

/** The same answer with another current level (the target moves along when it would fall below). */
export function shifted(answer: AnswerInput, by: number): AnswerInput {
  if (answer.response !== 'level' || answer.currentLevel === null) return answer;
  const current = clampLevel(answer.currentLevel + by);
  return { ...answer, currentLevel: current, targetLevel: Math.max(current, answer.targetLevel ?? current) };
}

export function withNote(answers: AnswerInput[], questionId: string, extras: AnswerExtras): AnswerInput[] {
  return answers.map((a) =>
    a.questionId === questionId
      ? { ...a, note: extras.note ?? a.note, evidence: extras.evidence ?? a.evidence }
      : a,
  );
}

export type Random = () => number;

/** mulberry32: a small pseudo-random generator, so that every run produces the same demo data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fixed seed per organisation (FNV-1a over its code), so that one profile does not shift another. */
export function seedFor(code: string): number {
  let hash = 0x811c9dc5 ^ 2026;
  for (const char of code) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return hash >>> 0;
}

export function pick<T>(random: Random, options: readonly [T, ...T[]]): T {
  return options[Math.floor(random() * options.length)] ?? options[0];
}

/**
 * A plausible profile around `base` (1–5): each pillar and theme leans up or down a little, each
 * question varies around its theme, and about one in twenty is "weet ik niet".
 */
export function generatedAnswers(framework: Framework, random: Random, base: number): AnswerInput[] {
  const pillarLean = new Map(framework.pillars.map((p) => [p.id, random() - 0.5]));
  return framework.themes.flatMap((theme) => {
    const themeLean = (pillarLean.get(theme.pillar) ?? 0) + (random() - 0.5) * 1.2;
    return theme.questions.map((question) => {
      if (random() < 0.05) return unknownAnswer(question.id);
      const current = clampLevel(base + themeLean + (random() - 0.5));
      return levelAnswer(question.id, current, current + (random() < 0.7 ? 1 : 2));
    });
  });
}

/** A colleague's answers: mostly the same, sometimes a level apart, never two (no disagreements). */
export function colleagueOf(answers: AnswerInput[], random: Random): AnswerInput[] {
  return answers.map((a) => shifted(a, pick(random, [0, 0, 0, 1, -1])));
}
