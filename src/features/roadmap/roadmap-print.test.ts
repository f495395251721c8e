import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateRoadmapInputOver } from './roadmap.fixtures.ts';
import { layoutRoadmap } from './roadmap-layout.ts';
import { roadmapPrintPages, SMALLEST_TEXT_UNITS } from './roadmap-print.ts';

/** 40 actions over three years (2026–2028), as the issue asks for. */
const threeYears = (count: number, seed: number) => generateRoadmapInputOver(count, seed);

/** The text area of A3 landscape less room for a heading and a caption, and of A4 landscape. */
const a3 = { widthPt: 1048.8, heightPt: 620 };
const a4 = { widthPt: 700.2, heightPt: 374 };

describe('the roadmap on paper', () => {
  it('splits 40 actions over pages that each fit the area, with every action on exactly one page', () => {
    const input = threeYears(40, 17);
    const pages = roadmapPrintPages(input, a3);
    assert.ok(pages.length > 1, `40 actions do not fit one A3 page at 8 pt (${pages.length})`);
    for (const page of pages) {
      assert.ok(page.widthPt <= a3.widthPt + 0.01, `width ${page.widthPt}`);
      assert.ok(page.heightPt <= a3.heightPt + 0.01, `height ${page.heightPt}`);
      assert.match(page.svg, /^<svg/);
    }
    const ids = pages.flatMap((p) => p.input.actions.map((a) => a.id)).sort();
    assert.deepEqual(ids, input.actions.map((a) => a.id).sort());
  });

  it('prints its smallest text at 8 pt or more', () => {
    const input = threeYears(40, 17);
    for (const page of roadmapPrintPages(input, a3)) {
      const width = layoutRoadmap(page.input, {
        width: Math.floor(a3.widthPt / (8 / SMALLEST_TEXT_UNITS)),
      }).width;
      const smallest = (SMALLEST_TEXT_UNITS * page.widthPt) / width;
      assert.ok(smallest >= 8 - 1e-9, `smallest text ${smallest} pt`);
      const sizes = [...page.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      assert.equal(Math.min(...sizes), SMALLEST_TEXT_UNITS, 'no text in the drawing is smaller');
    }
  });

  it('keeps whole pillars together while they fit, and splits a pillar that does not fit in parts', () => {
    const input = threeYears(40, 17);
    const pages = roadmapPrintPages(input, a3);
    const split = pages.filter((p) => p.part);
    for (const page of split) {
      assert.equal(page.pillarTitles.length, 1, 'a part shows one pillar');
      assert.ok(page.part && page.part.index <= page.part.of);
    }
    const whole = pages.filter((p) => !p.part);
    for (const page of whole) {
      const pillars = new Set(page.input.actions.map((a) => a.pillar));
      for (const id of pillars)
        assert.equal(
          page.input.actions.filter((a) => a.pillar === id).length,
          input.actions.filter((a) => a.pillar === id).length,
          'a whole pillar',
        );
    }
  });

  it('puts a small roadmap on one page, and an A4 page takes fewer actions than an A3 page', () => {
    const small = threeYears(6, 3);
    assert.equal(roadmapPrintPages(small, a3).length, 1);
    const input = threeYears(40, 17);
    assert.ok(roadmapPrintPages(input, a4).length >= roadmapPrintPages(input, a3).length);
  });
});
