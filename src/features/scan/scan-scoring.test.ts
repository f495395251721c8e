import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Framework } from '../framework/index.ts';
import { computeResults, distributionOf, effectiveAnswer, type Answer } from './scan-scoring.ts';

const text = (s: string) => ({ nl: s, en: s });
const question = (id: string) => ({
  id,
  source: 's',
  text: text(id),
  why: text(id),
  levels: [1, 2, 3, 4, 5].map((n) => text(`${n}`)),
});

/** A small framework by hand: two pillars with questions, one pillar with an empty-of-answers theme. */
const framework: Framework = {
  id: 'test',
  version: '2026.1',
  hash: 'x',
  title: text('t'),
  description: text('d'),
  levels: [1, 2, 3, 4, 5].map((level) => ({ level, label: text(`L${level}`), description: text('d') })),
  pillars: [
    { id: 'strategy', number: 1, title: text('p1'), description: text('d') },
    { id: 'foundation', number: 2, title: text('p2'), description: text('d') },
    { id: 'preconditions', number: 3, title: text('p3'), description: text('d') },
    { id: 'ecosystem', number: 4, title: text('p4'), description: text('d') },
  ],
  societalTasks: [{ id: 'task', title: text('task') }],
  sources: [{ id: 's', title: text('s') }],
  themes: [
    {
      id: 'a',
      pillar: 'strategy',
      title: text('a'),
      description: text('a'),
      questions: [question('a1'), question('a2'), question('a3')],
      actions: {},
    },
    {
      id: 'b',
      pillar: 'strategy',
      title: text('b'),
      description: text('b'),
      questions: [question('b1')],
      actions: {},
    },
    {
      id: 'c',
      pillar: 'foundation',
      title: text('c'),
      description: text('c'),
      questions: [question('c1'), question('c2')],
      actions: {},
    },
  ],
};

const level = (current: number, target: number | null = null): Answer => ({
  response: 'level',
  currentLevel: current,
  targetLevel: target,
});
const unknown: Answer = { response: 'unknown', currentLevel: null, targetLevel: null };
const notApplicable: Answer = { response: 'not-applicable', currentLevel: null, targetLevel: null };

describe('scan scoring', () => {
  it('averages the levels of a theme, leaving out "weet ik niet" and "niet van toepassing"', () => {
    const answers = new Map([
      ['a1', level(2, 4)],
      ['a2', unknown],
      ['a3', level(3, 5)],
      ['b1', notApplicable],
    ]);
    const results = computeResults(framework, answers);
    const a = results.themes.find((t) => t.key === 'a');
    assert.deepEqual(a, { key: 'a', pillar: 'strategy', score: 2.5, target: 4.5, answered: 2, questions: 3 });
    const b = results.themes.find((t) => t.key === 'b');
    assert.deepEqual(b, {
      key: 'b',
      pillar: 'strategy',
      score: null,
      target: null,
      answered: 0,
      questions: 1,
    });
  });

  it('gives an empty theme no score rather than zero', () => {
    const results = computeResults(framework, new Map());
    assert.equal(results.themes.find((t) => t.key === 'c')?.score, null);
    assert.equal(results.pillars.find((p) => p.key === 'ecosystem')?.questions, 0);
    assert.equal(results.overall.score, null);
  });

  it('scores a pillar over all its questions, not as a mean of theme means', () => {
    const answers = new Map([
      ['a1', level(1)],
      ['a2', level(1)],
      ['a3', level(1)],
      ['b1', level(5)],
    ]);
    const pillar = computeResults(framework, answers).pillars.find((p) => p.key === 'strategy');
    // Mean of theme means would be 3; the four answered questions average 2.
    assert.equal(pillar?.score, 2);
    assert.equal(pillar?.answered, 4);
  });

  it('rounds scores to two decimals', () => {
    const answers = new Map([
      ['a1', level(1)],
      ['a2', level(2)],
      ['a3', level(2)],
    ]);
    assert.equal(computeResults(framework, answers).themes[0]?.score, 1.67);
  });

  it('marks two levels or more apart as a disagreement and counts the other answers', () => {
    const close = distributionOf([level(2), level(3), unknown]);
    assert.deepEqual(close, {
      levels: [0, 1, 1, 0, 0],
      unknown: 1,
      notApplicable: 0,
      spread: 1,
      isDisagreement: false,
    });
    const apart = distributionOf([level(1), level(3), notApplicable]);
    assert.equal(apart.isDisagreement, true);
    assert.equal(apart.notApplicable, 1);
    assert.equal(distributionOf([level(4)]).spread, 0);
  });

  it('takes the agreed answer first, else the lower median of the respondents', () => {
    assert.deepEqual(effectiveAnswer(level(5), [level(1)]), level(5));
    assert.deepEqual(effectiveAnswer(undefined, [level(2, 3), level(4, 5), unknown]), level(2, 3));
    assert.deepEqual(effectiveAnswer(undefined, [level(1), level(2), level(4)]), level(2));
    assert.deepEqual(effectiveAnswer(undefined, [notApplicable, notApplicable]), notApplicable);
    assert.deepEqual(effectiveAnswer(undefined, [notApplicable, unknown]), unknown);
    assert.equal(effectiveAnswer(undefined, []), undefined);
  });
});
