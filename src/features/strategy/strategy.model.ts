import type { PillarId } from '../framework/index.ts';
import type { Quarter, RoadmapMilestone } from '../roadmap/index.ts';
import type { ActionStatus, BudgetKind, StrategyStatus, StrategyTask } from './strategy.tables.ts';

export type { ActionStatus, BudgetKind, Quarter, StrategyStatus, StrategyTask };
export { actionStatuses, budgetKinds, strategyStatuses } from './strategy.tables.ts';

/** What an action is, as an editor writes it (also what a CSV/XLSX row is parsed into). */
export interface ActionFields {
  title: string;
  /** Markdown. */
  description: string;
  pillar: PillarId;
  themeId: string;
  /** The framework's recommended action it came from (a scan suggestion); null when written freely. */
  frameworkActionId: string | null;
  taskIds: string[];
  departments: string[];
  start: Quarter;
  end: Quarter;
  /** Euro cents, so that amounts add up exactly. */
  budgetCents: number | null;
  budgetKind: BudgetKind | null;
  partners: string[];
  status: ActionStatus;
  /** 0–100. */
  progress: number;
  milestones: RoadmapMilestone[];
  /** Ids of actions of the same strategy. */
  dependsOn: number[];
}

export interface StrategyAction extends ActionFields {
  id: number;
  strategyId: number;
  /** Optimistic concurrency: an edit names the version it started from. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StrategyFields {
  title: string;
  startYear: number;
  endYear: number;
  /** Markdown. */
  vision: string;
  tasks: StrategyTask[];
}

export interface Strategy extends StrategyFields {
  id: number;
  organisationId: number;
  frameworkVersion: string;
  versionNumber: number;
  status: StrategyStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  actions: StrategyAction[];
}

/** Quarters as one number, so that they compare and subtract simply. */
export function quarterIndex(quarter: Quarter): number {
  return quarter.year * 4 + (quarter.quarter - 1);
}

export function quarterFromIndex(index: number): Quarter {
  const quarter = (index % 4) + 1;
  return {
    year: Math.floor(index / 4),
    quarter: quarter === 1 || quarter === 2 || quarter === 3 ? quarter : 4,
  };
}

export function formatQuarter(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.quarter}`;
}

/** "2026-Q3" (also "2026 Q3", "Q3 2026", "K3 2026", "2026-3") → a quarter; undefined when it is not one. */
export function parseQuarter(text: string): Quarter | undefined {
  const trimmed = text.trim().toUpperCase();
  const match =
    /^(\d{4})\s*[-/ ]?\s*[QK]?([1-4])$/.exec(trimmed) ?? /^[QK]([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(trimmed);
  if (!match) return undefined;
  const [, first = '', second = ''] = match;
  const [yearText, quarterText] = first.length === 4 ? [first, second] : [second, first];
  const year = Number(yearText);
  const q = Number(quarterText);
  if (year < 2000 || year > 2100) return undefined;
  return { year, quarter: q === 1 || q === 2 || q === 3 ? q : 4 };
}
