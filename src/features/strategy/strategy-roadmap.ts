import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { genericTaskIds, getFramework, localise, type Framework } from '../framework/index.ts';
import type { RoadmapAction, RoadmapInput, RoadmapStatus } from '../roadmap/index.ts';
import { latestSubmittedThemeScores } from '../scan/index.ts';
import {
  actionWarnings,
  strategyWarnings,
  type ActionWarning,
  type StrategyWarning,
} from './strategy-guards.ts';
import type { ActionStatus, Strategy, StrategyAction } from './strategy.model.ts';
import { getActiveStrategies, getActiveStrategy } from './strategy.service.ts';
import { actionWarningText, strategyWarningText } from './strategy-warnings.ts';

export interface StrategyEvaluation {
  framework: Framework;
  actionWarnings: Map<number, ActionWarning[]>;
  strategyWarnings: StrategyWarning[];
}

/** Every guard over one strategy, with the latest submitted scan's theme scores. */
export async function evaluateStrategy(db: Db, strategy: Strategy): Promise<StrategyEvaluation> {
  const framework = getFramework(strategy.frameworkVersion);
  const latest = await latestSubmittedThemeScores(db, strategy.organisationId);
  const scores = new Map([...(latest?.themes ?? new Map())].map(([id, s]) => [id, s.score]));
  return {
    framework,
    actionWarnings: new Map(
      strategy.actions.map((a) => [a.id, actionWarnings(a, strategy.actions, genericTaskIds(framework))]),
    ),
    strategyWarnings: strategyWarnings(framework, strategy.actions, scores),
  };
}

/** How each action status is drawn: the roadmap knows how bars look, not what an action is. */
const roadmapStatusOf: Record<ActionStatus, RoadmapStatus> = {
  planned: 'planned',
  running: 'running',
  done: 'done',
  paused: 'paused',
  stopped: 'stopped',
};

function toRoadmapAction(
  action: StrategyAction,
  framework: Framework,
  locale: Locale,
  warnings: ActionWarning[],
  organisationName?: string,
): RoadmapAction {
  const theme = framework.themes.find((t) => t.id === action.themeId);
  return {
    id: String(action.id),
    title: action.title,
    pillar: action.pillar,
    themeTitle: theme ? localise(theme.title, locale) : action.themeId,
    start: action.start,
    end: action.end,
    status: roadmapStatusOf[action.status],
    progress: action.progress,
    milestones: action.milestones,
    dependsOn: action.dependsOn.map(String),
    warnings: warnings.map((w) => actionWarningText(locale, w)),
    ...(organisationName === undefined ? {} : { organisationName }),
  };
}

function pillarsOf(framework: Framework, locale: Locale) {
  return [...framework.pillars]
    .sort((a, b) => a.number - b.number)
    .map((p) => ({ id: p.id, title: localise(p.title, locale) }));
}

/** The roadmap of an organisation's active strategy, localised; null without an active strategy. */
export async function loadRoadmapInput(
  db: Db,
  organisationId: number,
  locale: Locale,
  today: string,
): Promise<RoadmapInput | null> {
  const strategy = await getActiveStrategy(db, organisationId);
  if (!strategy) return null;
  const [organisation] = await db
    .select({ name: organisations.displayName })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const evaluation = await evaluateStrategy(db, strategy);
  const { framework } = evaluation;
  return {
    locale,
    organisationName: organisation?.name ?? '',
    strategyTitle: strategy.title,
    startYear: strategy.startYear,
    endYear: strategy.endYear,
    pillars: pillarsOf(framework, locale),
    actions: strategy.actions.map((a) =>
      toRoadmapAction(a, framework, locale, evaluation.actionWarnings.get(a.id) ?? []),
    ),
    strategyWarnings: evaluation.strategyWarnings.map((w) => strategyWarningText(locale, framework, w)),
    today,
  };
}

/**
 * The regional roadmap: the active strategies of the given organisations (the caller decides which
 * may be shown) in shared lanes, each action marked with its organisation. The period spans them all;
 * ids are prefixed with the strategy so they stay unique. Null when none has an active strategy.
 */
export async function loadRegionalRoadmapInput(
  db: Db,
  organisationIds: number[],
  locale: Locale,
  today: string,
  title: string,
): Promise<RoadmapInput | null> {
  const strategies = await getActiveStrategies(db, organisationIds);
  if (strategies.length === 0) return null;
  const names = new Map(
    (
      await db
        .select({ id: organisations.id, name: organisations.displayName })
        .from(organisations)
        .where(inArray(organisations.id, organisationIds))
    ).map((o) => [o.id, o.name]),
  );
  const sorted = [...strategies].sort((a, b) =>
    (names.get(a.organisationId) ?? '').localeCompare(names.get(b.organisationId) ?? '', 'nl'),
  );
  const actions: RoadmapAction[] = [];
  for (const strategy of sorted) {
    const framework = getFramework(strategy.frameworkVersion);
    for (const action of strategy.actions) {
      const roadmapAction = toRoadmapAction(
        action,
        framework,
        locale,
        actionWarnings(action, strategy.actions, genericTaskIds(framework)),
        names.get(strategy.organisationId) ?? '',
      );
      actions.push({
        ...roadmapAction,
        id: `${strategy.id}-${action.id}`,
        dependsOn: action.dependsOn.map((d) => `${strategy.id}-${d}`),
      });
    }
  }
  const framework = getFramework(sorted[0]?.frameworkVersion ?? strategies[0]?.frameworkVersion ?? '');
  return {
    locale,
    organisationName: title,
    strategyTitle: title,
    startYear: Math.min(...strategies.map((s) => s.startYear)),
    endYear: Math.max(...strategies.map((s) => s.endYear)),
    pillars: pillarsOf(framework, locale),
    actions,
    today,
  };
}
