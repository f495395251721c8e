import type { ActionHistoryEntry, ActionStatus } from '../strategy/index.ts';

/**
 * What changed in the actions over a council letter's period, read from the strategy's action history:
 * per action the net change (its status at the start of the period against its status now), so that
 * "planned → running → done" is one completion and "planned → running → planned" is no change at all.
 */
export interface LetterChange {
  title: string;
  /** The current action's id; null for an action that no longer exists. */
  actionId: number | null;
  /** The day (yyyy-mm-dd) it was added in the period. */
  addedOn: string | null;
  /** The day it was deleted in the period (and is gone now). */
  removedOn: string | null;
  /** The net change of status over the period, and the day of its last step; null when none. */
  status: { before: ActionStatus | null; after: ActionStatus; on: string } | null;
}

const statuses: readonly string[] = ['planned', 'running', 'done', 'paused', 'stopped'];
const asStatus = (text: string): ActionStatus | null =>
  statuses.includes(text) ? (text as ActionStatus) : null;

export interface CurrentAction {
  id: number;
  title: string;
}

/**
 * Groups the history by action. An entry of the active strategy names its action by id. An entry of an
 * earlier version (a new version copies the actions without their history) is matched by its title to
 * the one current action with that title; otherwise it stays an action of its own (one since removed).
 */
function keyOf(entry: ActionHistoryEntry, activeStrategyId: number, byTitle: Map<string, number[]>): string {
  if (entry.strategyId === activeStrategyId) return `a${entry.actionId}`;
  const same = byTitle.get(entry.actionTitle) ?? [];
  return same.length === 1 ? `a${same[0]}` : `s${entry.strategyId}-${entry.actionId}`;
}

export function letterChanges(
  history: readonly ActionHistoryEntry[],
  actions: readonly CurrentAction[],
  activeStrategyId: number,
  dayOf: (at: Date) => string,
): LetterChange[] {
  const byTitle = new Map<string, number[]>();
  for (const a of actions) byTitle.set(a.title, [...(byTitle.get(a.title) ?? []), a.id]);
  const current = new Map(actions.map((a) => [`a${a.id}`, a]));
  const groups = new Map<string, ActionHistoryEntry[]>();
  for (const entry of history) {
    const key = keyOf(entry, activeStrategyId, byTitle);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const changes: LetterChange[] = [];
  for (const [key, entries] of groups) {
    const now = current.get(key);
    const last = entries.at(-1);
    if (!last) continue;
    const created = entries.find((e) => e.kind === 'created');
    const deleted = !now && last.kind === 'deleted' ? last : undefined;
    // Added and removed again within the period: nothing to report.
    if (created && deleted) continue;
    const steps = entries
      .filter((e) => e.kind !== 'deleted')
      .flatMap((e) => e.changes.filter((c) => c.field === 'status').map((c) => ({ ...c, at: e.at })));
    const first = steps[0];
    const final = steps.at(-1);
    const before = first ? asStatus(first.before) : null;
    const after = final ? asStatus(final.after) : null;
    const status =
      final && after && (before !== after || created)
        ? { before: created ? null : before, after, on: dayOf(final.at) }
        : null;
    if (!created && !deleted && !status) continue;
    changes.push({
      title: now?.title ?? last.actionTitle,
      actionId: now?.id ?? null,
      addedOn: created ? dayOf(created.at) : null,
      removedOn: deleted ? dayOf(deleted.at) : null,
      status: deleted ? null : status,
    });
  }
  return changes;
}
