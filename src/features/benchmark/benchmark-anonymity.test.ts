import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideGroups, quartiles } from './benchmark-anonymity.ts';

const group = (id: string, ids: number[]) => ({ id, contributors: new Set(ids) });

describe('anonymity of group figures', () => {
  it('withholds a group with fewer than five contributors', () => {
    const decisions = decideGroups([group('small', [1, 2, 3, 4]), group('ok', [1, 2, 3, 4, 5])]);
    assert.deepEqual(decisions.get('small'), { id: 'small', isShown: false, reason: 'tooFew' });
    assert.equal(decisions.get('ok')?.isShown, true);
  });

  it('never shows two groups that differ by one member, so their figures cannot be subtracted', () => {
    const all = group('all', [1, 2, 3, 4, 5, 6, 7]);
    const allButSeven = group('network', [1, 2, 3, 4, 5, 6]);
    const decisions = decideGroups([all, allButSeven]);
    const shown = [...decisions.values()].filter((d) => d.isShown);
    assert.equal(shown.length, 1);
    assert.deepEqual(decisions.get('network'), { id: 'network', isShown: false, reason: 'differencing' });
  });

  it('allows groups that differ by five or more, or not at all', () => {
    const decisions = decideGroups([
      group('province', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      group('network', [1, 2, 3, 4, 5]),
      group('same-as-network', [1, 2, 3, 4, 5]),
    ]);
    assert.ok([...decisions.values()].every((d) => d.isShown));
  });

  it('re-checks after withholding, so a chain of near-identical groups leaves no pair to subtract', () => {
    const decisions = decideGroups([
      group('a', [1, 2, 3, 4, 5, 6, 7, 8]),
      group('b', [1, 2, 3, 4, 5, 6, 7]),
      group('c', [1, 2, 3, 4, 5, 6]),
    ]);
    const shown = [...decisions.values()].filter((d) => d.isShown).map((d) => d.id);
    assert.deepEqual(shown, ['a']);
  });

  it('withholds a group whose few unnamed members could be found by subtracting the named scores', () => {
    const named = new Set([1, 2, 3, 4, 5]);
    const oneHidden = { id: 'network', contributors: new Set([1, 2, 3, 4, 5, 6]), named };
    const allNamed = { id: 'named-only', contributors: new Set([1, 2, 3, 4, 5]), named };
    const manyHidden = {
      id: 'all',
      contributors: new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
      named,
    };
    const decisions = decideGroups([oneHidden, allNamed, manyHidden]);
    assert.deepEqual(decisions.get('network'), { id: 'network', isShown: false, reason: 'differencing' });
    assert.equal(decisions.get('named-only')?.isShown, true);
    assert.equal(decisions.get('all')?.isShown, true);
  });

  it('computes median and quartiles like percentile_cont', () => {
    assert.deepEqual(quartiles([1, 2, 3, 4, 5]), { q1: 2, median: 3, q3: 4 });
    assert.deepEqual(quartiles([1, 2, 3, 4]), { q1: 1.75, median: 2.5, q3: 3.25 });
    assert.equal(quartiles([]), null);
  });
});
