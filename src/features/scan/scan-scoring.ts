import type { Framework, PillarId } from '../framework/index.ts';
import type { Response } from './scan.tables.ts';

export interface Answer {
  response: Response;
  currentLevel: number | null;
  targetLevel: number | null;
}

export interface Score {
  key: string;
  /** Mean of the current levels of the answered questions; null when none is answered. */
  score: number | null;
  target: number | null;
  /** Questions answered with a level ("weet ik niet" and "niet van toepassing" do not count). */
  answered: number;
  questions: number;
}

export interface Results {
  themes: (Score & { pillar: PillarId })[];
  pillars: Score[];
  overall: Score;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round2(values.reduce((a, b) => a + b, 0) / values.length);
}

function scoreOf(key: string, questionIds: string[], answers: ReadonlyMap<string, Answer>): Score {
  const counted = questionIds
    .map((id) => answers.get(id))
    .filter((a): a is Answer => a?.response === 'level');
  const levels = counted.flatMap((a) => (a.currentLevel === null ? [] : [a.currentLevel]));
  const targets = counted.flatMap((a) => (a.targetLevel === null ? [] : [a.targetLevel]));
  return {
    key,
    score: mean(levels),
    target: mean(targets),
    answered: levels.length,
    questions: questionIds.length,
  };
}

/** Scores per theme, per pillar (over the pillar's questions) and overall, from one answer per question. */
export function computeResults(framework: Framework, answers: ReadonlyMap<string, Answer>): Results {
  const themes = framework.themes.map((theme) => ({
    ...scoreOf(
      theme.id,
      theme.questions.map((q) => q.id),
      answers,
    ),
    pillar: theme.pillar,
  }));
  const pillars = framework.pillars.map((pillar) =>
    scoreOf(
      pillar.id,
      framework.themes.filter((t) => t.pillar === pillar.id).flatMap((t) => t.questions.map((q) => q.id)),
      answers,
    ),
  );
  const overall = scoreOf(
    'all',
    framework.themes.flatMap((t) => t.questions.map((q) => q.id)),
    answers,
  );
  return { themes, pillars, overall };
}

export interface Distribution {
  /** Count of respondents per level 1..5 (index 0 is level 1). */
  levels: [number, number, number, number, number];
  unknown: number;
  notApplicable: number;
  /** Highest minus lowest level given; 0 with fewer than two levels. */
  spread: number;
  /** Two levels or more apart: a point for the team's discussion. */
  isDisagreement: boolean;
}

export function distributionOf(answers: Answer[]): Distribution {
  const levels: Distribution['levels'] = [0, 0, 0, 0, 0];
  const given: number[] = [];
  for (const a of answers) {
    if (a.response === 'level' && a.currentLevel !== null) {
      levels[a.currentLevel - 1] = (levels[a.currentLevel - 1] ?? 0) + 1;
      given.push(a.currentLevel);
    }
  }
  const spread = given.length < 2 ? 0 : Math.max(...given) - Math.min(...given);
  return {
    levels,
    unknown: answers.filter((a) => a.response === 'unknown').length,
    notApplicable: answers.filter((a) => a.response === 'not-applicable').length,
    spread,
    isDisagreement: spread >= 2,
  };
}

function lowerMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/**
 * The answer that counts for a question: the team's agreed answer when recorded; otherwise the
 * (lower) median of the respondents' levels, or their shared "unknown"/"not applicable".
 */
export function effectiveAnswer(consensus: Answer | undefined, individual: Answer[]): Answer | undefined {
  if (consensus) return consensus;
  const levels = individual.flatMap((a) =>
    a.response === 'level' && a.currentLevel !== null ? [a.currentLevel] : [],
  );
  const current = lowerMedian(levels);
  if (current !== null) {
    const targets = individual.flatMap((a) =>
      a.response === 'level' && a.targetLevel !== null ? [a.targetLevel] : [],
    );
    return { response: 'level', currentLevel: current, targetLevel: lowerMedian(targets) };
  }
  if (individual.length === 0) return undefined;
  const isAllNotApplicable = individual.every((a) => a.response === 'not-applicable');
  return {
    response: isAllNotApplicable ? 'not-applicable' : 'unknown',
    currentLevel: null,
    targetLevel: null,
  };
}
