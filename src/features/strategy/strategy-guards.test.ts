import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { genericTaskIds, getFramework, latestFrameworkVersion } from '../framework/index.ts';
import {
  actionWarnings,
  checkAllDependencies,
  checkDependencies,
  strategyWarnings,
  type GuardedAction,
} from './strategy-guards.ts';

function action(id: number, overrides: Partial<GuardedAction> = {}): GuardedAction {
  return {
    id,
    title: `Actie ${id}`,
    pillar: 'foundation',
    themeId: 'data-ecosystem',
    taskIds: ['energy-transition'],
    start: { year: 2026, quarter: 1 },
    end: { year: 2026, quarter: 2 },
    budgetKind: 'structural',
    dependsOn: [],
    frameworkActionId: null,
    ...overrides,
  };
}

const kinds = (list: { kind: string }[]) => list.map((w) => w.kind);

describe('action guards', () => {
  const generic = genericTaskIds(getFramework(latestFrameworkVersion()));
  const later = { start: { year: 2026, quarter: 3 }, end: { year: 2026, quarter: 4 } } as const;

  it('warns of technology push when an action serves no societal task', () => {
    assert.deepEqual(kinds(actionWarnings(action(1, { taskIds: [] }), [], generic)), ['technologyPush']);
    assert.deepEqual(kinds(actionWarnings(action(1), [], generic)), []);
  });

  it('warns of technology push when the only link is a generic task, and not when a specific one joins it', () => {
    const [genericTask] = [...generic];
    assert.ok(genericTask, 'the framework names a generic task');
    const onlyGeneric = action(1, { taskIds: [genericTask] });
    assert.deepEqual(kinds(actionWarnings(onlyGeneric, [], generic)), ['technologyPush']);
    const alsoSpecific = action(1, { taskIds: [genericTask, 'energy-transition'] });
    assert.deepEqual(kinds(actionWarnings(alsoSpecific, [], generic)), []);
  });

  it('warns of a project-funded pilot that nothing continues', () => {
    const pilot = action(1, { budgetKind: 'project' });
    assert.deepEqual(actionWarnings(pilot, [pilot, action(2)], generic), [
      { kind: 'projectBudgetRunsOut', continuedBy: [] },
    ]);
  });

  it('warns of a project-funded action whose follow-up has no structural budget', () => {
    const pilot = action(1, { budgetKind: 'project' });
    const followUp = action(2, { budgetKind: 'incidental', dependsOn: [1], ...later });
    assert.deepEqual(actionWarnings(pilot, [pilot, followUp], generic), [
      { kind: 'projectBudgetRunsOut', continuedBy: [2] },
    ]);
  });

  it('does not warn about a project whose dependant is funded structurally', () => {
    const pilot = action(1, { budgetKind: 'project' });
    const followUp = action(2, { budgetKind: 'structural', dependsOn: [1], ...later });
    assert.deepEqual(actionWarnings(pilot, [pilot, followUp], generic), []);
  });

  it('does not warn when a later structural action carries out the same recommended action', () => {
    const pilot = action(1, { budgetKind: 'project', frameworkActionId: 'data-ecosystem-1-a' });
    const embedded = action(2, {
      budgetKind: 'structural',
      frameworkActionId: 'data-ecosystem-1-a',
      ...later,
    });
    assert.deepEqual(actionWarnings(pilot, [pilot, embedded], generic), []);
    const earlier = action(3, {
      budgetKind: 'structural',
      frameworkActionId: 'data-ecosystem-1-a',
      start: { year: 2025, quarter: 1 },
      end: { year: 2025, quarter: 2 },
    });
    assert.deepEqual(kinds(actionWarnings(pilot, [pilot, earlier], generic)), ['projectBudgetRunsOut']);
  });

  it('does not warn when a second project phase is followed by structural budget', () => {
    const first = action(1, { budgetKind: 'project' });
    const second = action(2, { budgetKind: 'project', dependsOn: [1], ...later });
    const embedded = action(3, {
      budgetKind: 'structural',
      dependsOn: [2],
      start: { year: 2027, quarter: 1 },
      end: { year: 2027, quarter: 2 },
    });
    assert.deepEqual(actionWarnings(first, [first, second, embedded], generic), []);
    assert.deepEqual(kinds(actionWarnings(first, [first, second], generic)), ['projectBudgetRunsOut']);
  });

  it('does not warn about actions with a structural or incidental budget', () => {
    assert.deepEqual(actionWarnings(action(1), [action(1)], generic), []);
    const incidental = action(1, { budgetKind: 'incidental' });
    assert.deepEqual(actionWarnings(incidental, [incidental], generic), []);
  });
});

describe('strategy guards', () => {
  const framework = getFramework(latestFrameworkVersion());

  it('warns of every pillar without actions', () => {
    const warnings = strategyWarnings(
      framework,
      [{ pillar: 'foundation', themeId: 'data-ecosystem' }],
      new Map(),
    );
    assert.deepEqual(
      warnings.filter((w) => w.kind === 'emptyPillar').map((w) => (w.kind === 'emptyPillar' ? w.pillar : '')),
      ['strategy', 'preconditions', 'ecosystem'],
    );
  });

  it('warns of a precondition theme scored 2 or lower with no action, and not of one with an action', () => {
    const preconditions = framework.themes.filter((t) => t.pillar === 'preconditions');
    const [low, covered, high] = preconditions;
    assert.ok(low && covered && high);
    const scores = new Map<string, number | null>([
      [low.id, 2],
      [covered.id, 1.5],
      [high.id, 2.1],
    ]);
    const warnings = strategyWarnings(framework, [{ pillar: 'preconditions', themeId: covered.id }], scores);
    assert.deepEqual(
      warnings.filter((w) => w.kind === 'lowPreconditionTheme'),
      [{ kind: 'lowPreconditionTheme', themeId: low.id, score: 2 }],
    );
  });

  it('gives no low-score warnings without a submitted scan', () => {
    const warnings = strategyWarnings(framework, [], new Map());
    assert.equal(warnings.filter((w) => w.kind === 'lowPreconditionTheme').length, 0);
  });
});

describe('dependency rules', () => {
  it('refuses a cycle through other actions', () => {
    const a = action(1, {
      dependsOn: [3],
      start: { year: 2027, quarter: 1 },
      end: { year: 2027, quarter: 1 },
    });
    const b = action(2, {
      dependsOn: [1],
      start: { year: 2027, quarter: 1 },
      end: { year: 2027, quarter: 1 },
    });
    const c = action(3, {
      dependsOn: [2],
      start: { year: 2027, quarter: 1 },
      end: { year: 2027, quarter: 1 },
    });
    const problem = checkDependencies(a, [a, b, c]);
    assert.equal(problem?.kind, 'cycle');
    assert.deepEqual(problem?.kind === 'cycle' ? problem.path : [], [1, 3, 2, 1]);
  });

  it('refuses an action that depends on itself', () => {
    assert.equal(checkDependencies(action(1, { dependsOn: [1] }), [])?.kind, 'cycle');
  });

  it('refuses an action that starts before an action it depends on ends', () => {
    const first = action(1, { end: { year: 2026, quarter: 4 } });
    const second = action(2, { dependsOn: [1], start: { year: 2026, quarter: 3 } });
    assert.deepEqual(checkDependencies(second, [first]), {
      kind: 'startsBeforeDependency',
      dependencyId: 1,
      dependencyEnd: { year: 2026, quarter: 4 },
    });
  });

  it('allows starting in the quarter a dependency ends', () => {
    const first = action(1, { end: { year: 2026, quarter: 4 } });
    const second = action(2, {
      dependsOn: [1],
      start: { year: 2026, quarter: 4 },
      end: { year: 2027, quarter: 1 },
    });
    assert.equal(checkDependencies(second, [first]), undefined);
  });

  it('refuses a dependency on an action that is not in the strategy', () => {
    assert.deepEqual(checkDependencies(action(1, { dependsOn: [9] }), []), {
      kind: 'unknownDependency',
      id: 9,
    });
  });

  it('checks a whole set at once', () => {
    const a = action(1, { dependsOn: [2] });
    const b = action(2, { dependsOn: [1] });
    assert.deepEqual([...checkAllDependencies([a, b, action(3)]).keys()], [1, 2]);
  });
});
