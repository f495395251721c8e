import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { svgToPng } from './png.ts';

describe('svgToPng', () => {
  it('renders an SVG with text to a PNG of the requested width', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">' +
      '<rect width="200" height="100" fill="#fff"/><text x="10" y="50" font-family="Noto Sans">Routekaart</text></svg>';
    const png = svgToPng(svg, 400);
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 400, 'width in the IHDR chunk');
    assert.equal(png.readUInt32BE(20), 200, 'height keeps the aspect ratio');
  });
});
