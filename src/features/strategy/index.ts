import type { FastifyInstance } from 'fastify';
import { registerActionRoutes } from './action.routes.ts';
import { registerBulkRoutes } from './bulk.routes.ts';
import { registerStrategyRoutes } from './strategy.routes.ts';

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
} from './strategy.guards.ts';
export { getActiveStrategy, getStrategy } from './strategy.service.ts';
export { evaluateStrategy, loadRegionalRoadmapInput, loadRoadmapInput } from './strategy.roadmap.ts';
export { actionWarningText, strategyWarningText } from './strategy.warnings.ts';
export { formatEuros } from './strategy.describe.ts';
export { seedDemoStrategies } from './strategy.demo.ts';

export function registerStrategy(app: FastifyInstance): void {
  registerStrategyRoutes(app);
  registerBulkRoutes(app);
  registerActionRoutes(app);
}
