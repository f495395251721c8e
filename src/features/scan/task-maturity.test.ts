import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Action, Framework, PillarId, Theme } from '../framework/index.ts';
import { taskMaturity } from './task-maturity.model.ts';

const text = (s: string) => ({ nl: s, en: s });
const act = (id: string, tasks: string[], networks?: string[]): Action => ({
  id,
  title: text(id),
  description: text(id),
  tasks,
  ...(networks ? { networks } : {}),
});
const theme = (id: string, pillar: PillarId, actions: Theme['actions']): Theme => ({
  id,
  pillar,
  title: text(id),
  description: text(id),
  questions: [],
  actions,
});

const framework: Pick<Framework, 'societalTasks' | 'themes'> = {
  societalTasks: [
    {
      id: 'energy',
      title: text('energy'),
      needs: [
        { theme: 'vision', weight: 3 },
        { theme: 'infra', weight: 3 },
        { theme: 'data', weight: 2 },
        { theme: 'ethics', weight: 1 },
        { theme: 'coalitions', weight: 2 },
      ],
    },
    { id: 'care', title: text('care') },
    { id: 'housing', title: text('housing'), needs: [{ theme: 'coalitions', weight: 3 }] },
  ],
  themes: [
    theme('vision', 'strategy', { '1': [act('v1', ['energy'])] }),
    theme('infra', 'foundation', {
      '2': [act('i2-care', ['care']), act('i2-energy', ['energy']), act('i2-mrdh', ['energy'], ['mrdh'])],
    }),
    theme('data', 'preconditions', { '3': [act('d3', ['care'])] }),
    theme('ethics', 'preconditions', { '1': [act('e1-a', ['care']), act('e1-b', ['mobility'])] }),
    theme('coalitions', 'preconditions', { '1': [act('c1', ['housing'])] }),
  ],
};

// Scores of the latest submitted scan; coalitions has none.
const scores = new Map<string, number | null>([
  ['vision', 1],
  ['infra', 2],
  ['data', 3.5],
  ['ethics', 1],
  ['coalitions', null],
]);

describe('maturity per societal task', () => {
  it('weights the foundation and preconditions a task needs, by hand: (3·2 + 2·3,5 + 1·1) / 6', () => {
    const [energy] = taskMaturity(framework, scores, []);
    assert.equal(energy?.taskId, 'energy');
    assert.equal(energy?.score, 14 / 6);
    assert.deepEqual(
      energy?.themes.map((t) => [t.themeId, t.weight, t.score]),
      [
        ['infra', 3, 2],
        ['data', 2, 3.5],
        ['ethics', 1, 1],
        ['coalitions', 2, null],
      ],
      'the strategy pillar (vision) is not read; an unscored theme stays listed without counting',
    );
  });

  it('moves a task with the next steps of its weakest needed themes, for the task where the framework has them', () => {
    const [energy] = taskMaturity(framework, scores, []);
    // Weakest: ethics (1), then infra (2). Ethics has no energy action at level 1, so all of them;
    // infra has one for energy at level 2 (the MRDH-only one is hidden from a non-member).
    assert.deepEqual(
      energy?.actions.map((a) => [a.themeId, a.action.id]),
      [
        ['ethics', 'e1-a'],
        ['ethics', 'e1-b'],
        ['infra', 'i2-energy'],
      ],
    );
    const [forMember] = taskMaturity(framework, scores, ['mrdh']);
    assert.deepEqual(
      forMember?.actions.filter((a) => a.themeId === 'infra').map((a) => a.action.id),
      ['i2-energy', 'i2-mrdh'],
    );
  });

  it('derives the needs from the tagged actions when the framework states none', () => {
    const care = taskMaturity(framework, scores, []).find((t) => t.taskId === 'care');
    // care is tagged once in infra, data and ethics: each weight ⌈3·1/1⌉ = 3 → (2 + 3,5 + 1) / 3.
    assert.deepEqual(
      care?.themes.map((t) => [t.themeId, t.weight]),
      [
        ['infra', 3],
        ['data', 3],
        ['ethics', 3],
      ],
    );
    assert.equal(care?.score, (2 + 3.5 + 1) / 3);
  });

  it('has no position for a task whose needed themes the scan did not score', () => {
    const housing = taskMaturity(framework, scores, []).find((t) => t.taskId === 'housing');
    assert.equal(housing?.score, null);
    assert.deepEqual(housing?.actions, []);
  });
});
