import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlaps, type Box } from '../../core/render/svg.ts';
import { generateRoadmapInput } from './roadmap.fixtures.ts';
import { GEOMETRY, layoutRoadmap, type RoadmapLayout } from './roadmap-layout.ts';
import type { RoadmapAction, RoadmapInput } from './roadmap.model.ts';

function pairs<T>(items: T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));
}

const action = (id: string, overrides: Partial<RoadmapAction> = {}): RoadmapAction => ({
  id,
  title: `Actie ${id}`,
  pillar: 'strategy',
  themeTitle: 'Thema',
  start: { year: 2026, quarter: 1 },
  end: { year: 2026, quarter: 2 },
  status: 'running',
  progress: 50,
  milestones: [],
  dependsOn: [],
  warnings: [],
  ...overrides,
});

const input = (actions: RoadmapAction[], overrides: Partial<RoadmapInput> = {}): RoadmapInput => ({
  ...generateRoadmapInput(0),
  startYear: 2026,
  endYear: 2028,
  actions,
  ...overrides,
});

const labelBoxes = (layout: RoadmapLayout): Box[] => layout.actions.map((p) => p.label.box);

for (const count of [20, 200]) {
  describe(`the roadmap layout with ${count} generated actions`, () => {
    const layout = layoutRoadmap(generateRoadmapInput(count, count));

    it('draws every action exactly once', () => {
      const ids = layout.actions.map((p) => p.action.id).sort();
      assert.deepEqual(
        ids,
        generateRoadmapInput(count, count)
          .actions.map((a) => a.id)
          .sort(),
      );
    });

    it('never lets two labels overlap', () => {
      const clashes = pairs(labelBoxes(layout)).filter(([a, b]) => overlaps(a, b, 2));
      assert.deepEqual(clashes, []);
    });

    it('never lets two bars overlap', () => {
      const clashes = pairs(layout.actions.map((p) => p.bar)).filter(([a, b]) => overlaps(a, b, 2));
      assert.deepEqual(clashes, []);
    });

    it('never puts a label on another action’s bar or milestone, nor outside the plot', () => {
      for (const placed of layout.actions) {
        const box = placed.label.box;
        assert.ok(
          box.x >= layout.plot.x - 0.01 && box.x + box.width <= layout.plot.x + layout.plot.width + 0.01,
        );
        for (const other of layout.actions) {
          if (other === placed) continue;
          assert.equal(overlaps(box, other.bar, 0), false, `${placed.action.id} label on ${other.action.id}`);
          const markers = other.milestones.map((m) => ({ x: m.x - 4.5, y: m.y - 4.5, width: 9, height: 9 }));
          assert.ok(
            markers.every((m) => !overlaps(box, m, 0)),
            `${placed.action.id} on a milestone`,
          );
        }
      }
    });

    it('keeps every bar and label inside its own lane', () => {
      for (const placed of layout.actions) {
        const lane = layout.lanes[placed.lane];
        assert.ok(lane);
        for (const box of [placed.bar, placed.label.box]) {
          assert.ok(box.y >= lane.y && box.y + box.height <= lane.y + lane.height, placed.action.id);
        }
      }
    });

    it('draws arrows only between existing bars, without cycles', () => {
      const ids = new Set(layout.actions.map((p) => p.action.id));
      assert.ok(layout.arrows.length > 0);
      for (const arrow of layout.arrows) assert.ok(ids.has(arrow.fromId) && ids.has(arrow.toId));
    });
  });
}

describe('the roadmap layout', () => {
  it('puts the lanes in the input order, also when a lane has no actions', () => {
    const pillars = [...generateRoadmapInput(0).pillars].reverse();
    const layout = layoutRoadmap(input([action('a', { pillar: 'foundation' })], { pillars }));
    assert.deepEqual(
      layout.lanes.map((l) => l.pillarId),
      pillars.map((p) => p.id),
    );
    layout.lanes
      .slice(1)
      .forEach((lane, i) => assert.ok(lane.y >= (layout.lanes[i]?.y ?? 0) + (layout.lanes[i]?.height ?? 0)));
  });

  it('draws one quarter per column over start year to end year', () => {
    const layout = layoutRoadmap(input([]));
    assert.equal(layout.quarters.length, 12);
    assert.deepEqual(
      layout.years.map((y) => y.label),
      ['2026', '2027', '2028'],
    );
    assert.deepEqual(
      layout.quarters.slice(0, 5).map((q) => q.label),
      ['K1', 'K2', 'K3', 'K4', 'K1'],
    );
    assert.equal(layout.quarters[0]?.x, layout.plot.x);
    const width = layout.plot.width / 12;
    layout.quarters.forEach((q, i) => assert.ok(Math.abs(q.x - (layout.plot.x + i * width)) < 0.01));
  });

  it('spans a bar from the start of its first quarter to the end of its last', () => {
    const layout = layoutRoadmap(
      input([action('a', { start: { year: 2026, quarter: 2 }, end: { year: 2027, quarter: 1 } })]),
    );
    const [bar, width] = [layout.actions[0]?.bar, layout.plot.width / 12];
    assert.ok(bar);
    assert.ok(Math.abs(bar.x - (layout.plot.x + width)) < 0.01);
    assert.ok(Math.abs(bar.width - 4 * width) < 0.01);
  });

  it('draws the today line at the date’s place within its quarter', () => {
    const start = layoutRoadmap(input([], { today: '2027-04-01' }));
    assert.ok(Math.abs((start.today?.x ?? 0) - (start.plot.x + (5 * start.plot.width) / 12)) < 0.01);
    const middle = layoutRoadmap(input([], { today: '2026-02-15' }));
    const expected = middle.plot.x + (45 / 90) * (middle.plot.width / 12);
    assert.ok(Math.abs((middle.today?.x ?? 0) - expected) < 0.01);
  });

  it('draws no today line when today lies outside the period', () => {
    assert.equal(layoutRoadmap(input([], { today: '2031-01-01' })).today, null);
  });

  it('puts a short label inside its bar and a long one beside it', () => {
    const long = 'Een heel lange titel die nooit in een balk van één kwartaal past';
    const layout = layoutRoadmap(
      input([
        action('short', {
          title: 'Kort',
          start: { year: 2027, quarter: 1 },
          end: { year: 2027, quarter: 4 },
        }),
        action('long', { title: long }),
      ]),
    );
    const [short, beside] = [
      layout.actions.find((p) => p.action.id === 'short'),
      layout.actions.find((p) => p.action.id === 'long'),
    ];
    assert.equal(short?.label.placement, 'inside');
    assert.equal(beside?.label.placement, 'right');
  });

  it('grows a lane with its rows', () => {
    const few = layoutRoadmap(input([action('a')]));
    const many = layoutRoadmap(input(Array.from({ length: 6 }, (_, i) => action(`a${i}`))));
    assert.equal(many.lanes[0]?.rowCount, 6);
    assert.ok((many.lanes[0]?.height ?? 0) - (few.lanes[0]?.height ?? 0) >= 5 * GEOMETRY.rowHeight);
  });

  it('draws an action outside the period once, at the nearest edge', () => {
    const layout = layoutRoadmap(
      input([action('old', { start: { year: 2020, quarter: 1 }, end: { year: 2021, quarter: 4 } })]),
    );
    assert.equal(layout.actions.length, 1);
    assert.equal(layout.actions[0]?.bar.x, layout.plot.x);
    assert.equal(layout.actions[0]?.isClippedStart, true);
  });

  it('drops a dependency that would close a cycle and one on an unknown action', () => {
    const layout = layoutRoadmap(
      input([
        action('a', { dependsOn: ['c'] }),
        action('b', { dependsOn: ['a', 'missing'] }),
        action('c', { dependsOn: ['b'] }),
      ]),
    );
    assert.deepEqual(
      layout.arrows.map((a) => `${a.fromId}>${a.toId}`),
      ['c>a', 'a>b'],
    );
  });
});
