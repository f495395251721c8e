import type { Framework, PillarId } from '../framework/index.ts';
import { quarterIndex, type ActionFields, type Quarter } from './strategy.model.ts';

/**
 * The handreiking's guards, as pure functions of the strategy's data: the pages, the roadmap and
 * the import all use these, so a warning means the same thing everywhere.
 */

/** What a guard needs of an action: its fields and its id (0 for an action not saved yet). */
export type GuardedAction = Pick<
  ActionFields,
  | 'title'
  | 'pillar'
  | 'themeId'
  | 'taskIds'
  | 'start'
  | 'end'
  | 'budgetKind'
  | 'dependsOn'
  | 'frameworkActionId'
> & { id: number };

/** `continuedBy` empty: nothing continues the project; else its follow-ups, none structural. */
export type ActionWarning =
  { kind: 'technologyPush' } | { kind: 'projectBudgetRunsOut'; continuedBy: number[] };

export type StrategyWarning =
  | { kind: 'emptyPillar'; pillar: PillarId }
  | { kind: 'lowPreconditionTheme'; themeId: string; score: number };

/** A precondition theme scored at or below this in the latest submitted scan needs an action. */
export const lowScoreThreshold = 2;

/**
 * Digitalisation is a means: an action that serves no societal task is technology push. A link only
 * to generic tasks (service delivery: every digital action could claim it; `genericTaskIds` of the
 * framework) counts as no link.
 */
export function isTechnologyPush(
  action: Pick<GuardedAction, 'taskIds'>,
  genericTasks: ReadonlySet<string>,
): boolean {
  return action.taskIds.every((id) => genericTasks.has(id));
}

/**
 * The actions that continue this one: those that depend on it (the dependency rule makes them start
 * no earlier than its end quarter), and later ones that carry out the same recommended action of the
 * framework (starting no earlier than its end).
 */
function continuationsOf(action: GuardedAction, all: readonly GuardedAction[]): GuardedAction[] {
  return all.filter(
    (other) =>
      other.id !== action.id &&
      (other.dependsOn.includes(action.id) ||
        (action.frameworkActionId !== null &&
          other.frameworkActionId === action.frameworkActionId &&
          quarterIndex(other.start) >= quarterIndex(action.end))),
  );
}

/**
 * "Stops when the project budget runs out", precisely: an action paid from a project (innovation)
 * budget without a structural follow-up, i.e. no action with a structural budget continues it,
 * directly or through other continuing actions (a second project phase whose own follow-up is
 * structural is embedded too). A pilot that nothing continues is the case the handreiking warns
 * about, and gets the warning as well (`continuedBy` empty). Incidental budgets are not structural.
 * Returns null when there is nothing to warn of, else the direct continuations.
 */
export function projectBudgetContinuations(
  action: GuardedAction,
  all: readonly GuardedAction[],
): number[] | null {
  if (action.budgetKind !== 'project') return null;
  const direct = continuationsOf(action, all);
  const seen = new Set<number>([action.id]);
  const queue = [...direct];
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    if (next.budgetKind === 'structural') return null;
    queue.push(...continuationsOf(next, all));
  }
  return direct.map((other) => other.id);
}

export function actionWarnings(
  action: GuardedAction,
  all: readonly GuardedAction[],
  genericTasks: ReadonlySet<string>,
): ActionWarning[] {
  const warnings: ActionWarning[] = [];
  if (isTechnologyPush(action, genericTasks)) warnings.push({ kind: 'technologyPush' });
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
