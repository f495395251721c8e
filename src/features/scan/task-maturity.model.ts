import {
  isActionFor,
  taskNeeds,
  type Action,
  type Framework,
  type NeedWeight,
  type PillarId,
} from '../framework/index.ts';

/**
 * Maturity per societal task: the preconditions and the foundation read as a task needs them. Each
 * task's needed themes (`taskNeeds`: stated in the framework, or derived from its tagged actions)
 * of those two pillars are weighted 3 (essential) to 1; the task's position is the weighted mean of
 * their scores in the latest submitted scan; the actions that would move it are the recommended next
 * steps of its weakest needed themes (decision 0028).
 */

/** The pillars a task's maturity reads: what the strategy stands on, not the strategy itself. */
export const taskMaturityPillars: readonly PillarId[] = ['foundation', 'preconditions'];
/** How many of the weakest needed themes supply the actions that would move a task. */
export const weakestThemeCount = 2;

export interface TaskThemeNeed {
  themeId: string;
  weight: NeedWeight;
  /** The theme's score in the scan; null when it has none. */
  score: number | null;
}

export interface TaskMaturity {
  taskId: string;
  /** Σ weight · score / Σ weight over the scored needed themes; null when none is scored. */
  score: number | null;
  /** The needed themes in framework order. */
  themes: TaskThemeNeed[];
  /** The recommended next steps of the weakest needed themes (lowest score, then heaviest weight). */
  actions: { themeId: string; action: Action }[];
}

/** The level a score has reached (2.6 → 2): its recommended next steps are keyed by it. */
function reachedLevel(score: number): number {
  return Math.min(5, Math.max(1, Math.floor(score)));
}

export function taskMaturity(
  framework: Pick<Framework, 'societalTasks' | 'themes'>,
  themeScores: ReadonlyMap<string, number | null>,
  memberOf: readonly string[],
): TaskMaturity[] {
  const pillarOf = new Map(framework.themes.map((t) => [t.id, t.pillar]));
  return framework.societalTasks.map((task) => {
    const themes = taskNeeds(framework, task.id)
      .filter((need) => taskMaturityPillars.includes(pillarOf.get(need.theme) ?? 'strategy'))
      .map((need) => ({
        themeId: need.theme,
        weight: need.weight,
        score: themeScores.get(need.theme) ?? null,
      }));
    const scored = themes.filter((t): t is TaskThemeNeed & { score: number } => t.score !== null);
    const totalWeight = scored.reduce((sum, t) => sum + t.weight, 0);
    const score =
      totalWeight === 0 ? null : scored.reduce((sum, t) => sum + t.weight * t.score, 0) / totalWeight;
    const weakest = [...scored]
      .filter((t) => t.score < 5)
      .sort((a, b) => a.score - b.score || b.weight - a.weight)
      .slice(0, weakestThemeCount);
    const actions = weakest.flatMap(({ themeId, score: themeScore }) => {
      const theme = framework.themes.find((t) => t.id === themeId);
      const next = (theme?.actions[String(reachedLevel(themeScore))] ?? []).filter((a) =>
        isActionFor(a, memberOf),
      );
      const forTask = next.filter((a) => a.tasks.includes(task.id));
      return (forTask.length > 0 ? forTask : next).map((action) => ({ themeId, action }));
    });
    return { taskId: task.id, score, themes, actions };
  });
}
