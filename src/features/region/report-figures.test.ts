import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { handComputedRegion } from './region.fixtures.ts';
import { regionReportDocument } from './report-document.ts';
import {
  demandInPeriod,
  maturityInPeriod,
  requestsInPeriod,
  type RegionReportData,
} from './report-figures.ts';
import { checkPeriod, isInPeriod, periodLabel, type ReportPeriod } from './report-period.ts';
import { regionReportSheets } from './report-workbook.ts';
import { participationOfMembers } from './workspace-figures.ts';
import type { MaturityData } from './workspace-maturity.ts';

const now = new Date('2026-12-07T12:00:00Z');
const year2026: ReportPeriod = { from: { year: 2026, quarter: 1 }, to: { year: 2026, quarter: 4 } };
const firstHalf: ReportPeriod = { from: { year: 2026, quarter: 1 }, to: { year: 2026, quarter: 2 } };
const rotterdam = { id: 1, code: 'GM0599', name: 'Rotterdam' };
const delft = { id: 2, code: 'GM0503', name: 'Delft' };
const denHaag = { id: 3, code: 'GM0518', name: "'s-Gravenhage" };
const members = [rotterdam, delft, denHaag];

/** Rotterdam shares by name (pillar scores 2,5), Delft and Den Haag only in the aggregate (secret 3,77). */
const maturity: MaturityData = {
  periods: [2025, 2026],
  figures: [
    {
      period: 2026,
      group: 'network:mrdh',
      groupSize: 3,
      kind: 'overall',
      key: 'all',
      q1: 2.4,
      median: 3.01,
      q3: 3.53,
      count: 12,
    },
    {
      period: 2026,
      group: 'network:mrdh',
      groupSize: 3,
      kind: 'pillar',
      key: 'strategy',
      q1: 2.43,
      median: 3.01,
      q3: 3.53,
      count: 12,
    },
  ],
  withheld: [{ period: 2025, reason: 'differencing' }],
  themeFigures: [],
  latest: 2026,
  members: [
    { kind: 'named', member: rotterdam, pillars: new Map([['strategy', 2.5]]) },
    { kind: 'aggregate', member: delft },
    { kind: 'aggregate', member: denHaag },
  ],
};

function report(period: ReportPeriod): RegionReportData {
  return {
    network: { id: 1, code: 'mrdh', name: 'MRDH' },
    members,
    period,
    now,
    participation: participationOfMembers(members, {
      teamSizes: new Map([[1, 3]]),
      latestScans: new Map([[1, { period: 2026, status: 'submitted' }]]),
      hasStrategy: new Set([1]),
      hasSharedRoadmap: new Set(),
    }),
    maturity: maturityInPeriod(maturity, period),
    demand: demandInPeriod(handComputedRegion, period),
    requests: requestsInPeriod(
      [
        { createdAt: new Date('2026-02-01T10:00:00Z'), isClosed: true },
        { createdAt: new Date('2026-05-01T10:00:00Z'), isClosed: false },
        { createdAt: new Date('2025-11-01T10:00:00Z'), isClosed: true },
      ],
      period,
    ),
  };
}

describe('the region report’s period', () => {
  it('reads a year as its four quarters and a quarter as itself', () => {
    const check = checkPeriod('nl', { from: '2025', to: '2026-2' }, now);
    assert.deepEqual(check, {
      isValid: true,
      period: { from: { year: 2025, quarter: 1 }, to: { year: 2026, quarter: 2 } },
    });
    assert.equal(periodLabel('nl', year2026), '2026');
    assert.equal(periodLabel('nl', firstHalf), 'K1 2026 – K2 2026');
  });

  it('refuses an end before the start and a year it does not offer, in Dutch', () => {
    const before = checkPeriod('nl', { from: '2026-3', to: '2026-2' }, now);
    assert.deepEqual(before, {
      isValid: false,
      errors: { to: 'Het einde van de periode ligt vóór het begin. Kies een later einde.' },
    });
    const old = checkPeriod('nl', { from: '2019', to: 'x' }, now);
    assert.equal(old.isValid, false);
    assert.deepEqual(Object.keys(old.isValid ? {} : old.errors), ['from', 'to']);
  });

  it('puts a moment in the quarter of the Dutch calendar', () => {
    assert.equal(isInPeriod(new Date('2026-12-31T23:30:00Z'), year2026), false, 'already 2027 in Amsterdam');
    assert.equal(isInPeriod(new Date('2026-06-30T21:59:00Z'), firstHalf), true, '23:59 on 30 June');
    assert.equal(isInPeriod(new Date('2026-06-30T22:00:00Z'), firstHalf), false, 'midnight: 1 July');
  });
});

describe('the region report of a hand-computed region', () => {
  it('counts only the Brigade questions asked in the period, the firm capped at ten days', () => {
    const half = report(firstHalf).demand;
    assert.deepEqual(Object.fromEntries(half.byCategory), { fibre: 2, antenna: 1 });
    assert.deepEqual(Object.fromEntries(half.byMember), { 1: 2, 2: 1 });
    assert.deepEqual(half.byQuarter, [
      ['2026-1', 2],
      ['2026-2', 1],
    ]);
    assert.deepEqual(half.totals, { questions: 3, firmDaysCounted: 15, expertDays: 3.5 });
    const whole = report(year2026).demand;
    assert.deepEqual(whole.totals, { questions: 4, firmDaysCounted: 25, expertDays: 3.5 }, '#5 is 2027');
  });

  it('counts the handreiking requests of the period and those handled', () => {
    assert.deepEqual(report(year2026).requests, {
      total: 2,
      handled: 1,
      byQuarter: [
        ['2026-1', 1],
        ['2026-2', 1],
      ],
    });
  });

  it('keeps the benchmark’s figures of the period’s years and names only members sharing by name', () => {
    const m = report(year2026).maturity;
    assert.deepEqual(m.years, [2026]);
    assert.deepEqual(m.withheld, []);
    assert.deepEqual(
      m.named.map((n) => n.member.name),
      ['Rotterdam'],
    );
    assert.equal(m.aggregateCount, 2);
    const earlier = maturityInPeriod(maturity, {
      from: { year: 2025, quarter: 1 },
      to: { year: 2025, quarter: 4 },
    });
    assert.deepEqual(earlier.named, [], "2026's scores are not 2025's");
    assert.deepEqual(earlier.withheld, [{ period: 2025, reason: 'differencing' }]);
  });

  it('writes the figures into the document: summary, tables and the map with alt text', () => {
    const model = regionReportDocument(report(year2026), 'nl', getFramework(latestFrameworkVersion()));
    assert.equal(model.title, 'Regiorapportage MRDH');
    assert.deepEqual(model.titlePage.facts, [
      { label: 'Periode', value: '2026' },
      { label: 'Datum', value: '7 december 2026' },
      { label: 'Leden', value: '3' },
    ]);
    const texts = JSON.stringify(model.sections);
    assert.match(texts, /In de periode stelden de leden 4 vragen .* 25,0 dagen .* 3,5 dagen/);
    assert.match(
      texts,
      /de mediaan van de regio over alle pijlers 3,01; de helft van de leden scoort tussen 2,4 en 3,53/,
    );
    const image = model.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'image');
    assert.ok(image?.kind === 'image' && image.svg.includes('<path'));
    assert.match(
      image.alt,
      /Kaart van de 3 leden van MRDH, gekleurd naar hun verste stap: nog niet actief 2, strategie 1/,
    );
    const days = model.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === 'table' && b.caption === 'Dagen per vraag');
    assert.ok(days?.kind === 'table');
    assert.deepEqual(days.rows[0], ['1', 'Rotterdam', '10,0 (12,0 geboekt, boven het maximum)', '2,0']);
  });

  it('gives each table a sheet with its stable keys in columns of their own, in the chosen language', () => {
    const sheets = regionReportSheets(report(year2026), 'en', getFramework(latestFrameworkVersion()));
    assert.deepEqual(
      sheets.map((s) => s.name),
      [
        'Participation',
        'Maturity',
        'Scores by name',
        'Brigade per subject',
        'Brigade per municipality',
        'Brigade per quarter',
        'Brigade days',
        'Handreiking',
      ],
    );
    const days = sheets.find((s) => s.name === 'Brigade days')?.rows ?? [];
    assert.deepEqual(days[1], [1, 'GM0599', 'Rotterdam', 'fibre', days[1]?.[4], 12, 10, 'yes', 2]);
    const quarters = sheets.find((s) => s.name === 'Brigade per quarter')?.rows ?? [];
    assert.deepEqual(
      quarters.slice(1).map((r) => [r[0], r[1], r[2]]),
      [
        ['2026-1', 'Q1 2026', 2],
        ['2026-2', 'Q2 2026', 1],
        ['2026-3', 'Q3 2026', 1],
      ],
    );
  });

  it('lists by name only the members that share by name, and only for a year in the period', () => {
    const framework = getFramework(latestFrameworkVersion());
    const named = (period: ReportPeriod) =>
      regionReportSheets(report(period), 'nl', framework)
        .find((s) => s.name === 'Scores met naam')
        ?.rows.slice(1)
        .map((r) => r[1]);
    assert.deepEqual([...new Set(named(year2026))], ['GM0599']);
    const in2025 = { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } };
    assert.deepEqual(named(in2025), []);
  });
});
