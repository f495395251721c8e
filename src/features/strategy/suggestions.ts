import type { Db } from '../../core/db/database.ts';
import { networkCodesOf } from '../../core/db/networks.ts';
import { isActionFor, type Action, type Framework, type Theme } from '../framework/index.ts';
import { latestSubmittedThemeScores, type LatestThemeScores } from '../scan/index.ts';
import { quarterFromIndex, quarterIndex, type ActionFields, type Strategy } from './strategy.model.ts';
import { localise } from '../framework/index.ts';

export interface ThemeSuggestion {
  theme: Theme;
  current: number;
  target: number;
  /** The framework's recommended actions for the next level, each marked when already added. */
  actions: { action: Action; isAdded: boolean }[];
}

/**
 * The level a theme is at for the recommendations: the stored score rounded down (a 2.6 has reached
 * level 2, not 3), kept within 1–5. The framework keys its next steps by that level ("1" … "4").
 */
export function currentLevelOf(score: number): number {
  return Math.min(5, Math.max(1, Math.floor(score)));
}

/**
 * Pure: for every theme whose target is above its current score in the scan, the framework's
 * recommended actions for the next level (`theme.actions[currentLevel]`), in framework order.
 * Advice marked for networks shows only when the organisation is a member (`memberOf`: codes).
 */
export function suggestionsFrom(
  framework: Framework,
  scores: LatestThemeScores['themes'],
  strategy: { actions: readonly { frameworkActionId: string | null }[] } | null,
  memberOf: readonly string[],
): ThemeSuggestion[] {
  const added = new Set(
    (strategy?.actions ?? []).map((a) => a.frameworkActionId).filter((id) => id !== null),
  );
  const suggestions: ThemeSuggestion[] = [];
  for (const theme of framework.themes) {
    const stored = scores.get(theme.id);
    if (!stored || stored.score === null || stored.target === null || stored.target <= stored.score) continue;
    const actions = (theme.actions[String(currentLevelOf(stored.score))] ?? []).filter((action) =>
      isActionFor(action, memberOf),
    );
    if (actions.length === 0) continue;
    suggestions.push({
      theme,
      current: stored.score,
      target: stored.target,
      actions: actions.map((action) => ({ action, isAdded: added.has(action.id) })),
    });
  }
  return suggestions;
}

export async function suggestionsFor(
  db: Db,
  organisationId: number,
  framework: Framework,
  strategy: Strategy | null,
): Promise<{ scan: { period: number } | null; suggestions: ThemeSuggestion[] }> {
  const latest = await latestSubmittedThemeScores(db, organisationId);
  if (!latest) return { scan: null, suggestions: [] };
  return {
    scan: { period: latest.period },
    suggestions: suggestionsFrom(
      framework,
      latest.themes,
      strategy,
      await networkCodesOf(db, organisationId),
    ),
  };
}

/** A framework's recommended action as a new action's fields, starting this quarter (within the period). */
export function suggestionFields(
  framework: Framework,
  strategy: Strategy,
  frameworkActionId: string,
  locale: 'nl' | 'en',
  today: Date,
  memberOf: readonly string[],
): ActionFields | undefined {
  for (const theme of framework.themes)
    for (const action of Object.values(theme.actions).flat()) {
      if (action.id !== frameworkActionId || !isActionFor(action, memberOf)) continue;
      const now = quarterIndex({ year: today.getFullYear(), quarter: 1 }) + Math.floor(today.getMonth() / 3);
      const first = quarterIndex({ year: strategy.startYear, quarter: 1 });
      const last = quarterIndex({ year: strategy.endYear, quarter: 4 });
      const start = Math.min(Math.max(now, first), last);
      return {
        title: localise(action.title, locale),
        description: localise(action.description, locale),
        pillar: theme.pillar,
        themeId: theme.id,
        frameworkActionId: action.id,
        taskIds: action.tasks.filter((id) => framework.societalTasks.some((s) => s.id === id)),
        departments: [],
        start: quarterFromIndex(start),
        end: quarterFromIndex(Math.min(start + 3, last)),
        budgetCents: null,
        budgetKind: null,
        partners: [],
        status: 'planned',
        progress: 0,
        milestones: [],
        dependsOn: [],
      };
    }
  return undefined;
}
