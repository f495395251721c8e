import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { svgsToPng, svgToPng } from './png.ts';

/** The RGB scanlines of a PNG with one IDAT chunk and unfiltered rows. */
function rgbRows(png: Buffer): number[][] {
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const idat = png.indexOf('IDAT');
  const data = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  assert.equal(data.length, (width * 3 + 1) * height, 'three bytes a pixel and a filter byte a row');
  return Array.from({ length: height }, (_, y) => {
    const row = data.subarray(y * (width * 3 + 1));
    assert.equal(row[0], 0, 'filter type None');
    return [...row.subarray(1, 1 + width * 3)];
  });
}

describe('svgToPng', () => {
  it('renders an SVG with text to a PNG of the requested width', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">' +
      '<rect width="200" height="100" fill="#fff"/><text x="10" y="50" font-family="Noto Sans">Routekaart</text></svg>';
    const png = svgToPng(svg, 400);
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 400, 'width in the IHDR chunk');
    assert.equal(png.readUInt32BE(20), 200, 'height keeps the aspect ratio');
    const dark = rgbRows(png)
      .flat()
      .filter((v) => v < 128).length;
    assert.ok(dark > 100, 'the text is drawn with the shipped font');
  });

  it('draws a transparent chart on white as an opaque RGB PNG, colours kept', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">' +
      '<rect x="20" width="20" height="20" fill="#1a5a96"/></svg>';
    const png = svgToPng(svg, 40);
    assert.equal(png[25], 2, 'colour type RGB');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [40, 20]);
    const [first] = rgbRows(png);
    assert.deepEqual(first?.slice(0, 3), [255, 255, 255], 'the transparent half is white');
    assert.deepEqual(first?.slice(30 * 3, 30 * 3 + 3), [0x1a, 0x5a, 0x96], 'the bar keeps its colour');
  });

  it('draws several SVGs side by side, each as the one-at-a-time drawing would, in their order', async () => {
    const bars = ['#1a5a96', '#b3261e', '#2e7d32', '#6a1b9a', '#ef6c00'].map(
      (fill, i) =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="${40 + i * 10}" height="20"><rect width="10" height="20" fill="${fill}"/><text x="12" y="15">${i}</text></svg>`,
    );
    const images = bars.map((svg, i) => ({ svg, widthPx: 80 + i * 20 }));
    const together = await svgsToPng(images, 2);
    assert.equal(together.length, images.length);
    together.forEach((png, i) => {
      const image = images[i] as (typeof images)[number];
      assert.ok(
        png.equals(svgToPng(image.svg, image.widthPx)),
        `image ${i} is drawn alike and kept in place`,
      );
    });
    assert.deepEqual(await svgsToPng([]), [], 'no images, no work');
  });
});
