import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Action, Framework, Theme } from './framework.schemas.ts';
import { genericTaskIds, isActionFor, taskNeeds } from './task-needs.ts';

const text = (s: string) => ({ nl: s, en: s });

function action(id: string, tasks: string[], networks?: string[]): Action {
  return { id, title: text(id), description: text(id), tasks, ...(networks ? { networks } : {}) };
}

function theme(id: string, actions: Action[]): Theme {
  return {
    id,
    pillar: 'preconditions',
    title: text(id),
    description: text(id),
    questions: [],
    actions: { '1': actions },
  };
}

type Tasks = Framework['societalTasks'];

function framework(societalTasks: Tasks, themes: Theme[]): Pick<Framework, 'societalTasks' | 'themes'> {
  return { societalTasks, themes };
}

const themes = [
  theme('vision', [action('v1', ['energy']), action('v2', ['energy', 'service-delivery'])]),
  theme('ethics', [action('e1', ['care'])]),
  theme('data', [
    action('d1', ['energy']),
    action('d2', ['energy']),
    action('d3', ['energy']),
    action('d4', ['energy']),
    action('d5', ['energy']),
    action('d6', ['energy']),
  ]),
];

describe('societal tasks from the framework data', () => {
  it('falls back to service delivery as the generic task when no task is marked', () => {
    const tasks: Tasks = [
      { id: 'energy', title: text('e') },
      { id: 'service-delivery', title: text('s') },
    ];
    assert.deepEqual([...genericTaskIds(framework(tasks, themes))], ['service-delivery']);
  });

  it('takes the marked generic tasks when a version marks them', () => {
    const tasks: Tasks = [
      { id: 'energy', title: text('e'), generic: false },
      { id: 'service-delivery', title: text('s') },
      { id: 'digital-government', title: text('d'), generic: true },
    ];
    assert.deepEqual([...genericTaskIds(framework(tasks, themes))], ['digital-government']);
  });

  it('derives the needs from the tagged actions, weighted relative to the theme with the most', () => {
    // energy: vision 2 actions, ethics 0, data 6 → ⌈3·2/6⌉ = 1 and ⌈3·6/6⌉ = 3.
    const tasks: Tasks = [{ id: 'energy', title: text('e') }];
    assert.deepEqual(taskNeeds(framework(tasks, themes), 'energy'), [
      { theme: 'vision', weight: 1 },
      { theme: 'data', weight: 3 },
    ]);
  });

  it('uses the stated needs in theme order, when a version states them', () => {
    const tasks: Tasks = [
      {
        id: 'energy',
        title: text('e'),
        needs: [
          { theme: 'data', weight: 2 },
          { theme: 'ethics', weight: 3 },
        ],
      },
    ];
    assert.deepEqual(taskNeeds(framework(tasks, themes), 'energy'), [
      { theme: 'ethics', weight: 3 },
      { theme: 'data', weight: 2 },
    ]);
    assert.deepEqual(taskNeeds(framework(tasks, themes), 'unknown'), []);
  });

  it('shows network advice to members only, and unmarked advice to everyone', () => {
    const mrdhOnly = action('m', ['energy'], ['mrdh']);
    assert.equal(isActionFor(mrdhOnly, ['mrdh', 'zuid-holland']), true);
    assert.equal(isActionFor(mrdhOnly, ['zuid-holland']), false);
    assert.equal(isActionFor(action('a', ['energy']), []), true);
  });
});
