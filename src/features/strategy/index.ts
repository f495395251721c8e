export type {
  ActionFields,
  ActionStatus,
  BudgetKind,
  Quarter,
  Strategy,
  StrategyAction,
  StrategyFields,
  StrategyStatus,
  StrategyTask,
} from './strategy.model.ts';
export { budgetKinds, formatQuarter, quarterIndex } from './strategy.model.ts';
export {
  actionWarnings,
  strategyWarnings,
  type ActionWarning,
  type StrategyWarning,
} from './strategy-guards.ts';
export { getActiveStrategy, getStrategy } from './strategy.service.ts';
export { actionHistorySince, type ActionHistoryEntry } from './strategy.queries.ts';
export { evaluateStrategy, loadRegionalRoadmapInput, loadRoadmapInput } from './strategy-roadmap.ts';
export { actionWarningText, strategyWarningText } from './strategy-warnings.ts';
export { formatEuros } from './strategy-describe.ts';
export { strategies, strategyActions } from './strategy.tables.ts';
