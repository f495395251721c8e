import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { registerFonts } from './document-pdf-base.ts';
import { drawSvg } from './document-pdf-svg.ts';
import { readPdf } from './document-reading.fixtures.ts';
import { parseSvg, svgViewBox } from './document-svg.ts';

/** The SVG our chart code writes, drawn into a PDF as vectors and read back with poppler. */
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 -20 200 100" font-family="&#39;Noto Sans&#39;, sans-serif">
  <title>Not drawn</title><desc>Not drawn either</desc>
  <g fill="#1a5a96" font-size="12"><rect x="0" y="0" width="50" height="20" rx="3" />
    <text x="100" y="40" text-anchor="middle">Plan &amp; doel</text>
    <text x="5" y="60" font-weight="700"><tspan x="5" y="60">Eerste</tspan><tspan x="5" y="75">regel</tspan></text>
  </g>
  <polyline points="0,0 20,10 40,0" fill="none" stroke="#000" stroke-dasharray="4 2" />
  <circle cx="150" cy="10" r="4" fill="#000" />
</svg>`;

function pdfOf(drawing: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  drawSvg(doc, drawing, 72, 72, 400);
  doc.end();
  return done;
}

describe('charts drawn into the PDF from their SVG', () => {
  it('reads the elements, their attributes with entities decoded, and the text of tspans', () => {
    const root = parseSvg(svg);
    assert.equal(root.name, 'svg');
    assert.equal(root.attrs['font-family'], "'Noto Sans', sans-serif");
    const group = root.children.find((c) => typeof c !== 'string' && c.name === 'g');
    assert.ok(group && typeof group !== 'string');
    const texts = group.children.filter((c) => typeof c !== 'string' && c.name === 'text');
    assert.equal(texts.length, 2);
    assert.deepEqual(svgViewBox(svg), { x: -10, y: -20, width: 200, height: 100 });
    assert.deepEqual(svgViewBox('<svg width="30" height="20"></svg>'), { x: 0, y: 0, width: 30, height: 20 });
  });

  it('writes the texts as text in the embedded font, and leaves title and description out', async () => {
    const { pages, fonts } = await readPdf(await pdfOf(svg));
    assert.match(pages[0] ?? '', /Plan & doel/);
    assert.match(pages[0] ?? '', /Eerste/);
    assert.match(pages[0] ?? '', /regel/);
    assert.doesNotMatch(pages[0] ?? '', /Not drawn/);
    assert.match(fonts, /NotoSans-Bold/);
    assert.match(fonts, /NotoSans-Regular/);
  });
});
