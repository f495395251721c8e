import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byRisk, exitReadiness, maxExitReadiness, riskBand } from './registries-scoring.ts';
import type { EntryData } from './registries.tables.ts';

describe('the exit-readiness score', () => {
  it('adds up to 100 for a contract that has everything', () => {
    const data: EntryData = {
      data_owner: 'municipality',
      reuse_right: true,
      exit_clause: true,
      return_format: 'CSV',
      open_standards: true,
      escrow: true,
      hosting: 'nl',
    };
    assert.equal(maxExitReadiness, 100);
    assert.equal(exitReadiness(data).total, 100);
  });

  it('gives 0 to a contract with the supplier owning the data, nothing arranged and hosting outside the EU', () => {
    const data: EntryData = {
      data_owner: 'supplier',
      reuse_right: false,
      exit_clause: false,
      return_format: null,
      hosting: 'outside-eu',
    };
    assert.equal(exitReadiness(data).total, 0);
  });

  it('computes a mixed case by hand: shared data 10 + exit clause 20 + format 10 + EU hosting 15 = 55', () => {
    const data: EntryData = {
      data_owner: 'shared',
      exit_clause: true,
      return_format: 'GeoJSON',
      hosting: 'eu',
      escrow: false,
    };
    const score = exitReadiness(data);
    assert.equal(score.total, 55);
    assert.deepEqual(
      score.lines.map((l) => [l.field, l.points]),
      [
        ['data_owner', 10],
        ['reuse_right', 0],
        ['exit_clause', 20],
        ['return_format', 10],
        ['open_standards', 0],
        ['escrow', 0],
        ['hosting', 15],
      ],
    );
  });

  it('computes another by hand: municipality 20 + reuse 15 + open standards 15 + escrow 5 + NL 15 = 70', () => {
    const data: EntryData = {
      data_owner: 'municipality',
      reuse_right: true,
      open_standards: true,
      escrow: true,
      hosting: 'nl',
      return_format: '  ',
    };
    assert.equal(exitReadiness(data).total, 70);
  });

  it('scores hosting in the Netherlands and elsewhere in the EU/EEA the same, and outside it 0', () => {
    const hosting = (code: string) =>
      exitReadiness({ hosting: code }).lines.find((l) => l.field === 'hosting');
    assert.equal(hosting('nl')?.points, 15);
    assert.equal(hosting('eu')?.points, 15);
    assert.equal(hosting('outside-eu')?.points, 0);
    assert.equal(hosting('')?.points, 0);
  });

  it('calls below 50 high risk, from 80 low risk, and orders by score then end date', () => {
    assert.deepEqual(
      [riskBand(49), riskBand(50), riskBand(79), riskBand(80)],
      ['high', 'medium', 'medium', 'low'],
    );
    const list = [
      { score: 60, endDate: '2027-01-01' },
      { score: 20, endDate: '2029-01-01' },
      { score: 60, endDate: '2026-06-01' },
    ].sort(byRisk);
    assert.deepEqual(list, [
      { score: 20, endDate: '2029-01-01' },
      { score: 60, endDate: '2026-06-01' },
      { score: 60, endDate: '2027-01-01' },
    ]);
  });
});
