import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { parseActionFields, parseEuros, parseMilestones, type RawAction } from './strategy-form.ts';
import { parseQuarter } from './strategy.model.ts';
import { currentLevelOf, suggestionsFrom } from './suggestions.ts';

const framework = getFramework(latestFrameworkVersion());

describe('reading what officials type', () => {
  it('reads euro amounts in Dutch and English notation into cents', () => {
    assert.equal(parseEuros('125000'), 12_500_000);
    assert.equal(parseEuros('125.000'), 12_500_000);
    assert.equal(parseEuros('125.000,50'), 12_500_050);
    assert.equal(parseEuros('125,000.50'), 12_500_050);
    assert.equal(parseEuros('€ 1.250,5'), 125_050);
    assert.equal(parseEuros('12.5'), 1_250);
    assert.equal(parseEuros('veel'), undefined);
    assert.equal(parseEuros('-5'), undefined);
  });

  it('reads quarters in the usual spellings and refuses others', () => {
    assert.deepEqual(parseQuarter('2026-Q3'), { year: 2026, quarter: 3 });
    assert.deepEqual(parseQuarter('Q1 2027'), { year: 2027, quarter: 1 });
    assert.deepEqual(parseQuarter('K2 2027'), { year: 2027, quarter: 2 }, 'the Dutch way of writing it');
    assert.deepEqual(parseQuarter('2028 q4'), { year: 2028, quarter: 4 });
    assert.equal(parseQuarter('2026-Q5'), undefined);
    assert.equal(parseQuarter('Q9'), undefined);
  });

  it('reads milestones one per line and names the line that is wrong', () => {
    assert.deepEqual(parseMilestones('2026-06-30 | Pilot | klaar\n\n2026-12-31 | Evaluatie').milestones, [
      { date: '2026-06-30', title: 'Pilot', isDone: true },
      { date: '2026-12-31', title: 'Evaluatie', isDone: false },
    ]);
    assert.equal(parseMilestones('30-06-2026 | Pilot').badLine, '30-06-2026 | Pilot');
  });

  it('takes the pillar from the theme and names each wrong field in Dutch', () => {
    const raw: RawAction = {
      title: 'Actie',
      description: '',
      themeId: 'ethics',
      taskIds: ['social-domain'],
      departments: 'IV; Juridisch',
      start: '2026-Q2',
      end: '2026-Q1',
      budget: '10',
      budgetKind: '',
      partners: '',
      status: 'running',
      progress: '101',
      milestones: '',
      dependsOn: [],
      frameworkActionId: '',
    };
    const { errors } = parseActionFields('nl', framework, raw);
    assert.deepEqual(Object.keys(errors).sort(), ['budgetKind', 'end', 'progress']);
    assert.equal(errors.end, 'Het eindkwartaal ligt vóór het beginkwartaal.');
    const ok = parseActionFields('nl', framework, {
      ...raw,
      end: '2026-Q4',
      budgetKind: 'structural',
      progress: '40',
    });
    assert.equal(ok.fields?.pillar, 'preconditions');
    assert.deepEqual(ok.fields?.departments, ['IV', 'Juridisch']);
  });
});

describe('suggestions from the scan', () => {
  const ethics = framework.themes.find((t) => t.id === 'ethics');

  it('counts a theme’s level as its score rounded down', () => {
    assert.equal(currentLevelOf(2.6), 2);
    assert.equal(currentLevelOf(0.4), 1);
    assert.equal(currentLevelOf(5), 5);
  });

  it('suggests the next level’s actions only for themes with a target above the score', () => {
    const scores = new Map([
      ['ethics', { score: 2.6, target: 4 }],
      ['open-data', { score: 3, target: 3 }],
      ['coalitions', { score: 2, target: null }],
      ['procurement', { score: 5, target: 5 }],
    ]);
    const suggestions = suggestionsFrom(framework, scores, null, []);
    assert.deepEqual(
      suggestions.map((s) => s.theme.id),
      ['ethics'],
    );
    assert.deepEqual(
      suggestions[0]?.actions.map((a) => a.action.id),
      ethics?.actions['2']?.map((a) => a.id),
    );
  });

  it('marks a suggestion already in the strategy', () => {
    const first = ethics?.actions['1']?.[0];
    assert.ok(first);
    const scores = new Map([['ethics', { score: 1.2, target: 3 }]]);
    const [suggestion] = suggestionsFrom(
      framework,
      scores,
      { actions: [{ frameworkActionId: first.id }] },
      [],
    );
    assert.equal(suggestion?.actions.find((a) => a.action.id === first.id)?.isAdded, true);
  });
});
