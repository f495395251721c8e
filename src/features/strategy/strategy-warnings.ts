import type { Locale } from '../../core/i18n/i18n.ts';
import { localise, type Framework } from '../framework/index.ts';
import type { StrategyAction } from './strategy.model.ts';
import type { ActionWarning, DependencyProblem, StrategyWarning } from './strategy-guards.ts';
import { strategyMessage } from './strategy.messages.ts';
import { formatOneDecimal, formatQuarterOf } from '../../core/i18n/i18n.ts';

export function actionWarningText(locale: Locale, warning: ActionWarning): string {
  if (warning.kind === 'projectBudgetRunsOut' && warning.continuedBy.length === 0)
    return strategyMessage(locale, 'warning.projectBudgetNoFollowUp');
  return strategyMessage(locale, `warning.${warning.kind}`);
}

export function strategyWarningText(locale: Locale, framework: Framework, warning: StrategyWarning): string {
  if (warning.kind === 'emptyPillar') {
    const pillar = framework.pillars.find((p) => p.id === warning.pillar);
    return strategyMessage(locale, 'warning.emptyPillar', {
      pillar: pillar ? localise(pillar.title, locale) : warning.pillar,
    });
  }
  const theme = framework.themes.find((t) => t.id === warning.themeId);
  return strategyMessage(locale, 'warning.lowPreconditionTheme', {
    theme: theme ? localise(theme.title, locale) : warning.themeId,
    score: formatOneDecimal(locale, warning.score),
  });
}

export function dependencyProblemText(
  locale: Locale,
  problem: DependencyProblem,
  actions: readonly Pick<StrategyAction, 'id' | 'title'>[],
  ownTitle: string,
): string {
  const titleOf = (id: number) =>
    id === 0 ? ownTitle : (actions.find((a) => a.id === id)?.title ?? `#${id}`);
  if (problem.kind === 'unknownDependency')
    return strategyMessage(locale, 'dependency.unknown', { id: problem.id });
  if (problem.kind === 'cycle')
    return strategyMessage(locale, 'dependency.cycle', {
      path: problem.path.map((id) => `“${titleOf(id)}”`).join(' → '),
    });
  return strategyMessage(locale, 'dependency.startsBefore', {
    title: titleOf(problem.dependencyId),
    end: formatQuarterOf(locale, problem.dependencyEnd),
  });
}
