import type { Action, Framework, NeedWeight } from './framework.schemas.ts';

/**
 * What the framework data says about its societal tasks and its network-specific advice, with the
 * fallbacks for a version that does not say it (2026.1; decision 0028).
 */

/** The generic task of a version that marks none: service delivery, which every action could claim. */
export const fallbackGenericTaskId = 'service-delivery';

export interface TaskNeed {
  theme: string;
  weight: NeedWeight;
}

/** The tasks every digital action could claim: those marked `generic`, else service delivery. */
export function genericTaskIds(framework: Pick<Framework, 'societalTasks'>): Set<string> {
  const marked = framework.societalTasks.some((task) => task.generic !== undefined);
  return new Set(
    framework.societalTasks
      .filter((task) => (marked ? task.generic === true : task.id === fallbackGenericTaskId))
      .map((task) => task.id),
  );
}

/**
 * The themes a task needs, weighted 3 (essential) to 1, in the framework's theme order. From the
 * task's `needs` when the version states them; else from the recommended actions: a theme counts
 * when any of its actions is tagged with the task, weighted by how many are, relative to the theme
 * with the most (weight = ⌈3 · count / most⌉).
 */
export function taskNeeds(
  framework: Pick<Framework, 'societalTasks' | 'themes'>,
  taskId: string,
): TaskNeed[] {
  const task = framework.societalTasks.find((t) => t.id === taskId);
  if (!task) return [];
  const order = framework.themes.map((theme) => theme.id);
  if (task.needs)
    return [...task.needs]
      .filter((need) => order.includes(need.theme))
      .sort((a, b) => order.indexOf(a.theme) - order.indexOf(b.theme));
  const counts = framework.themes.map((theme) => ({
    theme: theme.id,
    count: Object.values(theme.actions)
      .flat()
      .filter((action) => action.tasks.includes(taskId)).length,
  }));
  const most = Math.max(0, ...counts.map((c) => c.count));
  return counts
    .filter((c) => c.count > 0)
    .map((c) => ({ theme: c.theme, weight: weightOf(Math.ceil((3 * c.count) / most)) }));
}

function weightOf(n: number): NeedWeight {
  return n >= 3 ? 3 : n === 2 ? 2 : 1;
}

/** Advice marked for networks is for their members only; unmarked advice is for everyone. */
export function isActionFor(action: Pick<Action, 'networks'>, memberOf: readonly string[]): boolean {
  return !action.networks || action.networks.some((network) => memberOf.includes(network));
}
