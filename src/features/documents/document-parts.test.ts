import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { svgToPng } from '../../core/render/png.ts';
import { markdownBlocks } from './document-markdown.ts';
import { flattenPng } from './document-png.ts';
import { formatEuros } from '../../core/i18n/i18n.ts';

describe('document parts', () => {
  it("turns the vision's Markdown into headings, paragraphs and lists, keeping link addresses", () => {
    const blocks = markdownBlocks(
      '## Waarom\n\nDigitalisering is een **middel**, zie [de handreiking](https://example.org/h).\n\n- Eerst de opgave\n- Dan *de techniek*\n',
    );
    assert.deepEqual(blocks, [
      { kind: 'heading', level: 2, text: 'Waarom' },
      {
        kind: 'paragraph',
        text: 'Digitalisering is een middel, zie de handreiking (https://example.org/h).',
      },
      { kind: 'list', items: ['Eerst de opgave', 'Dan de techniek'] },
    ]);
  });

  it('writes euro amounts in Dutch and English notation, with cents only when there are any', () => {
    // A no-break space keeps the sign with the amount at a line end.
    assert.equal(formatEuros('nl', 1_250_000), '€\u00a012.500');
    assert.equal(formatEuros('nl', 1_250_050), '€\u00a012.500,50');
    assert.equal(formatEuros('en', 1_250_000), '€12,500');
  });

  it('composites a transparent chart onto white as an RGB PNG of the same size', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">' +
      '<rect x="20" width="20" height="20" fill="#1a5a96"/></svg>';
    const rgba = svgToPng(svg, 40);
    assert.equal(rgba[25], 6, 'resvg writes RGBA');
    const rgb = flattenPng(rgba);
    assert.equal(rgb[25], 2, 'colour type RGB');
    assert.deepEqual([rgb.readUInt32BE(16), rgb.readUInt32BE(20)], [40, 20]);
    const idat = rgb.indexOf('IDAT');
    const pixels = inflateSync(rgb.subarray(idat + 4, idat + 4 + rgb.readUInt32BE(idat - 4)));
    assert.equal(pixels.length, (40 * 3 + 1) * 20);
    assert.deepEqual([...pixels.subarray(1, 4)], [255, 255, 255], 'the transparent half is white');
    assert.deepEqual(
      [...pixels.subarray(1 + 30 * 3, 4 + 30 * 3)],
      [0x1a, 0x5a, 0x96],
      'the bar keeps its colour',
    );
  });
});
