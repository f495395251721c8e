import type { Db } from '../../core/db/database.ts';
import { getFramework, latestFrameworkVersion, localise, type Framework } from '../framework/index.ts';
import {
  actionStatuses,
  quarterFromIndex,
  quarterIndex,
  type ActionFields,
  type StrategyFields,
} from './strategy.model.ts';
import { createStrategy } from './strategy.service.ts';
import { saveAction } from './action.service.ts';
import type { BudgetKind } from './strategy.tables.ts';

export interface StrategyFactoryOptions {
  actions?: number;
  title?: string;
  startYear?: number;
  endYear?: number;
  vision?: string;
  actorUserId?: number | null;
  /** Leave the first action without societal tasks (a technology-push warning). Default false. */
  withTechnologyPush?: boolean;
}

const departments = [
  'Informatievoorziening',
  'Stadsontwikkeling',
  'Maatschappelijke Ontwikkeling',
  'Dienstverlening',
];
const partners = ['Provincie Zuid-Holland', 'MRDH', 'VNG Realisatie', 'Hogeschool Rotterdam', 'Waterschap'];
const budgetKinds: BudgetKind[] = ['structural', 'incidental', 'project'];

/** The n-th realistic action: a recommended action of the framework, spread over the period. */
export function sampleActionFields(
  framework: Framework,
  n: number,
  startYear: number,
  endYear: number,
): ActionFields {
  const suggestions = framework.themes.flatMap((theme) =>
    Object.values(theme.actions).flatMap((list) => list.map((action) => ({ theme, action }))),
  );
  const pick = suggestions[n % suggestions.length];
  if (!pick) throw new Error('framework has no recommended actions');
  const quarters = (endYear - startYear + 1) * 4;
  const first = quarterIndex({ year: startYear, quarter: 1 });
  const startOffset = (n * 3) % Math.max(1, quarters - 2);
  const length = 1 + (n % 4);
  const start = quarterFromIndex(first + startOffset);
  const end = quarterFromIndex(Math.min(first + quarters - 1, first + startOffset + length));
  const status = actionStatuses[n % 3 === 0 ? 1 : n % 7 === 0 ? 2 : 0] ?? 'planned';
  return {
    title: `${localise(pick.action.title, 'nl')}${n >= suggestions.length ? ` (${Math.floor(n / suggestions.length) + 1})` : ''}`,
    description: localise(pick.action.description, 'nl'),
    pillar: pick.theme.pillar,
    themeId: pick.theme.id,
    frameworkActionId: pick.action.id,
    taskIds: pick.action.tasks.filter((id) => framework.societalTasks.some((t) => t.id === id)),
    departments: [departments[n % departments.length] ?? 'Informatievoorziening'],
    start,
    end,
    budgetCents: 2_500_000 * ((n % 5) + 1),
    budgetKind: budgetKinds[n % budgetKinds.length] ?? null,
    partners: n % 2 === 0 ? [partners[n % partners.length] ?? 'MRDH'] : [],
    status,
    progress: status === 'done' ? 100 : status === 'running' ? 10 * ((n % 9) + 1) : 0,
    milestones: [
      {
        date: `${start.year}-${String(start.quarter * 3).padStart(2, '0')}-15`,
        title: 'Startbijeenkomst',
        isDone: status !== 'planned',
      },
    ],
    dependsOn: [],
  };
}

/**
 * An active strategy with n realistic actions, written through the service (so every rule holds),
 * for tests of the strategy's pages and of the features that draw from it.
 */
export async function createStrategyForTest(
  db: Db,
  organisationId: number,
  options: StrategyFactoryOptions = {},
): Promise<{ strategyId: number; actionIds: number[] }> {
  const framework = getFramework(latestFrameworkVersion());
  const startYear = options.startYear ?? 2026;
  const endYear = options.endYear ?? startYear + 3;
  const fields: StrategyFields = {
    title: options.title ?? `Digitaliseringsstrategie ${startYear}–${endYear}`,
    startYear,
    endYear,
    vision:
      options.vision ?? 'Digitalisering is een middel: **elke actie** dient een maatschappelijke opgave.',
    tasks: framework.societalTasks
      .slice(0, 3)
      .map((t) => ({ taskId: t.id, ambition: `Ambitie voor ${localise(t.title, 'nl')}` })),
  };
  const actorUserId = options.actorUserId ?? null;
  const created = await createStrategy(db, {
    organisationId,
    actorUserId,
    fields,
    frameworkVersion: framework.version,
  });
  if (!created.ok) throw new Error(`strategy not created: ${created.problem}`);
  const actionIds: number[] = [];
  for (let n = 0; n < (options.actions ?? 0); n++) {
    const action = sampleActionFields(framework, n, startYear, endYear);
    if (n === 0 && options.withTechnologyPush) action.taskIds = [];
    const saved = await saveAction(db, {
      organisationId,
      strategyId: created.strategyId,
      actorUserId,
      fields: action,
    });
    if (!saved.ok) throw new Error(`action not created: ${saved.problem}`);
    actionIds.push(saved.actionId);
  }
  return { strategyId: created.strategyId, actionIds };
}
