import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { generateRoadmapInputOver } from '../roadmap/roadmap.fixtures.ts';
import { renderDocx } from './document-docx.ts';
import { renderPdf } from './document-pdf.ts';
import { sampleDocument } from './document-sample.fixtures.ts';
import {
  count,
  pdfPageSizes,
  pdfWords,
  pdfWordSizes,
  readDocx,
  readPdf,
  type DocxParts,
} from './document-reading.fixtures.ts';
import { textAreaCm, type DocumentModel } from './document.model.ts';
import { roadmapForPrint, roadmapSection, type RoadmapPrint } from './strategy-document-roadmap.ts';

/**
 * A roadmap of 40 actions over three years on paper: landscape pages, split where it does not fit,
 * its text at 8 pt or more, and its text version after it. The PDF draws the roadmap as vectors, so
 * the size of each of its words is read from the file (pdftotext's word boxes); the DOCX sets it as a
 * Word table (decision 0034), whose text sizes are read from its XML.
 */
let roadmap: RoadmapPrint;
let model: DocumentModel;

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

before(() => {
  roadmap = roadmapForPrint(generateRoadmapInputOver(40, 17));
  const base = sampleDocument({ actions: 8, withImage: false });
  model = {
    ...base,
    sections: [base.sections[0], roadmapSection(roadmap, 'Routekaart'), ...base.sections.slice(1)].flatMap(
      (s) => (s ? [s] : []),
    ),
  };
});

describe('the roadmap in the PDF', () => {
  let sizes: { width: number; height: number }[];
  let pages: string[];
  let pdf: Buffer;
  /** The pages with a page of the roadmap on them, by the caption under each. */
  let roadmapPages: number[];
  before(async () => {
    pdf = await renderPdf(model);
    [sizes, { pages }] = await Promise.all([pdfPageSizes(pdf), readPdf(pdf)]);
    roadmapPages = pages.flatMap((text, i) => (/Figuur: de routekaart/.test(text) ? [i + 1] : []));
  });

  it('sits on landscape pages of its own paper, one page of the roadmap per page, then portrait again', () => {
    assert.equal(roadmap.page.orientation, 'landscape');
    assert.ok(roadmap.images.length > 1, 'split over pages');
    assert.equal(roadmapPages.length, roadmap.images.length);
    for (const page of roadmapPages) {
      const size = sizes[page - 1];
      assert.ok(size && size.width > size.height, `page ${page} is landscape`);
      assert.equal(count(pages[page - 1] ?? '', /Figuur: de routekaart/), 1, `one roadmap on page ${page}`);
    }
    const last = sizes.at(-1);
    assert.ok(last && last.height > last.width, 'the appendix is portrait again');
  });

  it('draws the roadmap as text in the PDF, its smallest text (the quarters) at 8 pt, none smaller', async () => {
    for (const page of roadmapPages) {
      const words = await pdfWords(pdf, page);
      // The time axis's quarter labels (K1–K4; 11 units, the drawing's smallest text) at 8 pt, as
      // text; the text version on the page after the last figure has "K1" in its cells at 9 pt.
      const axis = words.filter((w) => /^K[1-4]$/.test(w.text) && Math.abs(w.size - 8) < 0.05);
      assert.ok(axis.length >= 12, `page ${page}: ${axis.length} quarter labels at 8 pt`);
      const titles = roadmap.input.actions.filter((a) => words.some((w) => a.title.startsWith(w.text)));
      assert.ok(titles.length > 0, `page ${page}: action titles are text`);
      const smallest = Math.min(...words.map((w) => w.size));
      assert.ok(smallest >= 7.9, `page ${page}: ${smallest.toFixed(2)} pt`);
    }
  });

  it('sets the text on the landscape pages, captions and the text version included, at 8 pt or more', async () => {
    const landscape = sizes.flatMap((s, i) => (s.width > s.height ? [i + 1] : []));
    assert.ok(landscape.length > roadmapPages.length, 'the text version is on landscape pages too');
    for (const page of landscape) {
      const words = await pdfWordSizes(pdf, page);
      assert.ok(words.length > 0);
      assert.ok(Math.min(...words) >= 7.9, `page ${page}: ${Math.min(...words).toFixed(2)} pt`);
    }
  });

  it('follows the figures with the roadmap as text, every action once', () => {
    const lastFigurePage = Math.max(...roadmapPages);
    const textPage = pages.findIndex((p) => p.includes('De routekaart in tekst')) + 1;
    assert.ok(textPage >= lastFigurePage, `the text version (page ${textPage}) after the figures`);
    const section = model.sections.find((s) => s.heading === 'Routekaart');
    const rows = section?.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : 0), 0);
    assert.equal(rows, 40);
  });
});

describe('the roadmap in the DOCX', () => {
  let docx: DocxParts;
  before(async () => {
    docx = await readDocx(await renderDocx(model));
  });

  it('is a landscape Word section of its own paper, and the next section is portrait A4', () => {
    const sections = [...docx.document.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1] ?? '');
    assert.equal(sections.length, 3, 'portrait, landscape, portrait');
    assert.match(sections[1] ?? '', /w:orient="landscape"/);
    const [w, h] = [/w:w="(\d+)"/, /w:h="(\d+)"/].map((r) => Number(r.exec(sections[1] ?? '')?.[1]));
    assert.ok((w ?? 0) > (h ?? 0));
    assert.doesNotMatch(sections[2] ?? '', /landscape/);
  });

  it('sets the roadmap as a table at 8 pt with its years and quarters repeated on every page, and no picture of it', () => {
    assert.equal(docx.media.length, 0, 'no drawn pages');
    const table = [...docx.document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].find((m) => m[0].includes('>K1<'))?.[0];
    assert.ok(table, 'the roadmap by quarter');
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const years = roadmap.input.endYear - roadmap.input.startYear + 1;
    assert.equal(grid.length, 2 + 4 * years, 'action, status and a column per quarter');
    assert.ok(grid.reduce((a, b) => a + b, 0) <= (textAreaCm(roadmap.page).width * 1440) / 2.54 + 1);
    const rows = [...table.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    assert.equal(rows.filter((row) => row.includes('<w:tblHeader/>')).length, 2);
    for (const action of roadmap.input.actions)
      assert.equal(
        rows.filter((row) => row.includes(`>${escapeXml(action.title)}<`)).length,
        1,
        action.title,
      );
    const style = /<w:style [^>]*w:styleId="TimelineText".*?<\/w:style>/.exec(docx.styles)?.[0] ?? '';
    assert.match(style, /<w:sz w:val="16"\/>/, '8 pt');
    assert.doesNotMatch(table, /<w:sz w:val="(\d|1[0-5])"\/>/, 'nothing smaller');
  });
});
