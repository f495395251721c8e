import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from '../../core/render/html.ts';
import { generateRoadmapInput } from './roadmap.fixtures.ts';
import { layoutRoadmap } from './roadmap-layout.ts';
import { roadmapStatuses, type RoadmapAction } from './roadmap.model.ts';
import {
  expectedPngSize,
  MAX_PIXELS,
  pngSize,
  pngWidthFor,
  PRINT_WIDTH_PX,
  renderRoadmapPng,
} from './roadmap-png.ts';
import { contrastRatio, PALETTE, STATUS_STYLE, tint } from './roadmap-style.ts';
import { renderRoadmapSvg } from './roadmap-svg.ts';
import { horizonOf, roadmapHorizons, roadmapTextAlternative } from './roadmap-text.ts';

const count = (text: string, part: string) => text.split(part).length - 1;
function firstAction(): RoadmapAction {
  const [action] = generateRoadmapInput(1).actions;
  if (!action) throw new Error('the generator made no action');
  return action;
}

describe('the roadmap SVG', () => {
  const input = generateRoadmapInput(200, 3);
  const svg = renderRoadmapSvg(input);

  it('is one image named by its title and described by its desc, in the shipped font', () => {
    assert.match(svg, /^<svg[^>]*role="img"/);
    assert.match(svg, /aria-labelledby="(rk-chart-\w+)-title \1-desc"/);
    assert.match(
      svg,
      /<title id="rk-chart-\w+-title">Digitale routekaart “Digitale strategie 2025–2029” van Gemeente Rotterdam<\/title>/,
    );
    assert.match(svg, /<desc id="rk-chart-\w+-desc">Tijdlijn van 2025 tot 2029[^<]*200 acties/);
    assert.match(svg, /font-family="&#39;Noto Sans&#39;, sans-serif"/);
  });

  it('draws every action exactly once', () => {
    for (const action of input.actions) assert.equal(count(svg, `data-action="${action.id}"`), 1, action.id);
  });

  it('prints the organisation, the date and the today line', () => {
    assert.match(svg, /Gemeente Rotterdam/);
    assert.match(svg, /Stand van 28 november 2026/);
    assert.equal(count(svg, 'class="rk-roadmap-today"'), 1);
  });

  it('escapes what users typed', () => {
    const evil: RoadmapAction = {
      ...firstAction(),
      title: '<script>alert(1)</script>',
    };
    const out = renderRoadmapSvg({ ...generateRoadmapInput(0), actions: [evil] });
    assert.doesNotMatch(out, /<script>/);
    assert.match(out, /&lt;script&gt;/);
  });
});

describe('the roadmap colours', () => {
  it('keep status outlines at 3:1 and label text at 4.5:1 on every background', () => {
    for (const status of roadmapStatuses) {
      const { colour } = STATUS_STYLE[status];
      for (const background of [PALETTE.background, PALETTE.laneShade, tint(colour)]) {
        assert.ok(contrastRatio(colour, background) >= 3, `${status} on ${background}`);
      }
      assert.ok(contrastRatio(PALETTE.text, tint(colour)) >= 4.5, `text on ${status}`);
    }
    for (const colour of [PALETTE.today, PALETTE.warning, PALETTE.arrow]) {
      assert.ok(contrastRatio(colour, PALETTE.laneShade) >= 3, colour);
    }
    assert.ok(contrastRatio(PALETTE.muted, PALETTE.yearShade) >= 4.5);
  });
});

describe('the roadmap text alternative', () => {
  const input = generateRoadmapInput(20, 5);
  const text = roadmapTextAlternative(input).toString();

  it('lists every action once, under its own pillar, with period, status and progress', () => {
    const sections = text.split('<section class="rk-roadmap-pillar">').slice(1);
    assert.equal(sections.length, input.pillars.length);
    input.pillars.forEach((pillar, i) => {
      const section = sections[i] ?? '';
      assert.match(section, new RegExp(`<h3 class="utrecht-heading-3">${pillar.title}</h3>`));
      for (const action of input.actions.filter((a) => a.pillar === pillar.id)) {
        assert.ok(section.includes(escapeHtml(action.title)), action.title);
        assert.ok(section.includes(`${action.progress}%`));
      }
    });
    assert.match(text, /K\d \d{4} t\/m K\d \d{4}/);
  });

  it('shows the warnings of an action', () => {
    const warned = input.actions.find((a) => a.warnings.length > 0);
    assert.ok(warned);
    assert.ok(text.includes('Technology push'));
  });
});

describe('the now / next / later buckets', () => {
  const base = firstAction();
  const at = (year: number, quarter: 1 | 2 | 3 | 4, status: RoadmapAction['status'] = 'planned') =>
    horizonOf({ ...base, status, start: { year, quarter }, end: { year: year + 1, quarter } }, '2026-11-28');

  it('puts an action that started this quarter or earlier under now', () => {
    assert.equal(at(2026, 4), 'now');
    assert.equal(at(2024, 1, 'running'), 'now');
  });
  it('puts an action starting in the next four quarters under next', () => {
    assert.equal(at(2027, 1), 'next');
    assert.equal(at(2027, 4), 'next');
  });
  it('puts an action starting later under later', () => {
    assert.equal(at(2028, 1), 'later');
  });
  it('puts a done or stopped action under finished', () => {
    assert.equal(at(2026, 1, 'done'), 'finished');
    assert.equal(at(2028, 1, 'stopped'), 'finished');
  });
  it('renders every action in exactly one bucket', () => {
    const input = generateRoadmapInput(30, 2);
    const out = roadmapHorizons(input).toString();
    assert.equal(count(out, 'class="rk-roadmap-horizon-title"'), 30);
    assert.equal(count(out, '<h3'), 4);
  });
});

describe('the roadmap PNG', () => {
  it('is a valid PNG at A3 print width with the SVG’s aspect ratio', () => {
    const input = generateRoadmapInput(20, 4);
    const { png, width, height } = renderRoadmapPng(input);
    assert.deepEqual(pngSize(png), { width, height });
    assert.deepEqual({ width, height }, expectedPngSize(input));
    assert.equal(width, PRINT_WIDTH_PX);
  });

  it('draws the same roadmap once and serves the PNG again from memory', () => {
    const input = generateRoadmapInput(5, 9);
    const first = renderRoadmapPng(input, { useCache: true });
    assert.equal(renderRoadmapPng(input, { useCache: true }).png, first.png, 'the very same buffer');
    const later = renderRoadmapPng({ ...input, today: '2026-12-01' }, { useCache: true });
    assert.notEqual(later.png, first.png, 'another date draws anew');
  });

  it('narrows a very long roadmap so the image stays under the pixel cap', () => {
    const layout = layoutRoadmap(generateRoadmapInput(200, 4));
    const width = pngWidthFor(layout);
    assert.ok(width < PRINT_WIDTH_PX);
    assert.ok(width * ((layout.height * width) / layout.width) <= MAX_PIXELS);
  });
});
