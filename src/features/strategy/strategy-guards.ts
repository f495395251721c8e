import type { Framework, PillarId } from '../framework/index.ts';
import { quarterIndex, type ActionFields, type Quarter } from './strategy.model.ts';

/**
 * The handreiking's guards, as pure functions of the strategy's data: the pages, the roadmap and
 * the import all use these, so a warning means the same thing everywhere.
 */

/** What a guard needs of an action: its fields and its id (0 for an action not saved yet). */
export type GuardedAction = Pick<
  ActionFields,
  'title' | 'pillar' | 'themeId' | 'taskIds' | 'start' | 'end' | 'budgetKind' | 'dependsOn'
> & { id: number };

export type ActionWarning =
  { kind: 'technologyPush' } | { kind: 'projectBudgetRunsOut'; continuedBy: number[] };

export type StrategyWarning =
  | { kind: 'emptyPillar'; pillar: PillarId }
  | { kind: 'lowPreconditionTheme'; themeId: string; score: number };

/** A precondition theme scored at or below this in the latest submitted scan needs an action. */
export const lowScoreThreshold = 2;

/** Digitalisation is a means: an action that serves no societal task is technology push. */
export function isTechnologyPush(action: Pick<GuardedAction, 'taskIds'>): boolean {
  return action.taskIds.length === 0;
}

/**
 * "Stops when the project budget runs out", precisely: an action paid from a project (innovation)
 * budget whose work continues after it ends — at least one other action depends on it, i.e. builds on
 * its result after it (the dependency rule makes every dependant start no earlier than its end
 * quarter) — while none of those continuing actions has a structural budget. A project with no
 * follow-up is a pilot that is meant to end, and gets no warning; one whose follow-up is funded
 * structurally is embedded in the line organisation. Incidental budgets are not structural either.
 */
export function projectBudgetContinuations(
  action: GuardedAction,
  all: readonly GuardedAction[],
): number[] | null {
  if (action.budgetKind !== 'project') return null;
  const continuations = all.filter((other) => other.id !== action.id && other.dependsOn.includes(action.id));
  if (continuations.length === 0) return null;
  if (continuations.some((other) => other.budgetKind === 'structural')) return null;
  return continuations.map((other) => other.id);
}

export function actionWarnings(action: GuardedAction, all: readonly GuardedAction[]): ActionWarning[] {
  const warnings: ActionWarning[] = [];
  if (isTechnologyPush(action)) warnings.push({ kind: 'technologyPush' });
  const continuedBy = projectBudgetContinuations(action, all);
  if (continuedBy) warnings.push({ kind: 'projectBudgetRunsOut', continuedBy });
  return warnings;
}

/**
 * Strategy-wide warnings: a pillar without actions, and a theme of the preconditions pillar that the
 * latest submitted scan scored at or below {@link lowScoreThreshold} while no action addresses it.
 * `themeScores` holds the latest submitted scan's theme scores (null: no score); empty without a scan.
 */
export function strategyWarnings(
  framework: Pick<Framework, 'pillars' | 'themes'>,
  actions: readonly Pick<GuardedAction, 'pillar' | 'themeId'>[],
  themeScores: ReadonlyMap<string, number | null>,
): StrategyWarning[] {
  const warnings: StrategyWarning[] = [];
  const pillars = new Set(actions.map((a) => a.pillar));
  for (const pillar of framework.pillars)
    if (!pillars.has(pillar.id)) warnings.push({ kind: 'emptyPillar', pillar: pillar.id });
  const themes = new Set(actions.map((a) => a.themeId));
  for (const theme of framework.themes) {
    if (theme.pillar !== 'preconditions' || themes.has(theme.id)) continue;
    const score = themeScores.get(theme.id);
    if (score !== null && score !== undefined && score <= lowScoreThreshold)
      warnings.push({ kind: 'lowPreconditionTheme', themeId: theme.id, score });
  }
  return warnings;
}

export type DependencyProblem =
  | { kind: 'unknownDependency'; id: number }
  | { kind: 'cycle'; path: number[] }
  | { kind: 'startsBeforeDependency'; dependencyId: number; dependencyEnd: Quarter };

/**
 * Checks one action's dependencies against the others: they must exist, form no cycle, and end no
 * later than it starts. Quarters are the granularity: starting in the quarter a dependency ends is
 * allowed (the hand-over happens within that quarter); starting in an earlier quarter is refused.
 */
export function checkDependencies(
  action: GuardedAction,
  others: readonly GuardedAction[],
): DependencyProblem | undefined {
  const byId = new Map(others.filter((o) => o.id !== action.id).map((o) => [o.id, o]));
  byId.set(action.id, action);
  return checkAgainst(action, byId);
}

/** `byId` holds every action of the strategy, this one (as it would be saved) included. */
function checkAgainst(
  action: GuardedAction,
  byId: ReadonlyMap<number, GuardedAction>,
): DependencyProblem | undefined {
  for (const id of action.dependsOn) {
    const dependency = id === action.id ? undefined : byId.get(id);
    if (id === action.id) return { kind: 'cycle', path: [action.id, action.id] };
    if (!dependency) return { kind: 'unknownDependency', id };
    if (quarterIndex(action.start) < quarterIndex(dependency.end))
      return { kind: 'startsBeforeDependency', dependencyId: id, dependencyEnd: dependency.end };
  }
  const path = findCycle(action.id, byId);
  return path ? { kind: 'cycle', path } : undefined;
}

/** Depth-first from `start` along "depends on": the path back to `start`, if there is one. */
function findCycle(start: number, byId: ReadonlyMap<number, GuardedAction>): number[] | undefined {
  const visited = new Set<number>();
  const walk = (id: number, path: number[]): number[] | undefined => {
    for (const next of byId.get(id)?.dependsOn ?? []) {
      if (next === start) return [...path, start];
      if (visited.has(next)) continue;
      visited.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

/** Checks every action of a whole set at once (the import): the first problem per action. */
export function checkAllDependencies(actions: readonly GuardedAction[]): Map<number, DependencyProblem> {
  const problems = new Map<number, DependencyProblem>();
  const byId = new Map(actions.map((a) => [a.id, a]));
  for (const action of actions) {
    const problem = checkAgainst(action, byId);
    if (problem) problems.set(action.id, problem);
  }
  return problems;
}
