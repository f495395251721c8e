import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { generateRoadmapInputOver } from '../roadmap/roadmap.fixtures.ts';
import { renderDocx } from './document-docx.ts';
import { renderPdf } from './document-pdf.ts';
import { sampleDocument } from './document-sample.fixtures.ts';
import {
  pdfImages,
  pdfPageSizes,
  pdfWordSizes,
  readDocx,
  readPdf,
  type DocxParts,
  type PlacedImage,
} from './document-reading.fixtures.ts';
import type { DocumentModel } from './document.model.ts';
import { roadmapForPrint, roadmapSection, type RoadmapPrint } from './strategy-document-roadmap.ts';

/**
 * A roadmap of 40 actions over three years on paper: landscape pages, split where it does not fit,
 * its text at 8 pt or more (the drawing's smallest text, 11 units, scaled as the image is placed on
 * the page; the text around it read from the PDF's word boxes), and its text version after it.
 */
const SMALLEST_TEXT_UNITS = 11;
let roadmap: RoadmapPrint;
let model: DocumentModel;

/** The drawing's width in units: the PNG is drawn from it at 150 dpi of its size on paper. */
const drawingUnits = (image: RoadmapPrint['images'][number]) => (image.widthCm / 2.54) * 72 * (11 / 8);

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
  let images: PlacedImage[];
  let pdf: Buffer;
  before(async () => {
    pdf = await renderPdf(model);
    [sizes, images] = await Promise.all([pdfPageSizes(pdf), pdfImages(pdf)]);
  });

  it('sits on landscape pages of its own paper, one page of the roadmap per page, then portrait again', () => {
    assert.equal(roadmap.page.orientation, 'landscape');
    assert.ok(roadmap.images.length > 1, 'split over pages');
    assert.equal(images.length, roadmap.images.length);
    for (const image of images) {
      const page = sizes[image.page - 1];
      assert.ok(page && page.width > page.height, `page ${image.page} is landscape`);
    }
    assert.equal(new Set(images.map((i) => i.page)).size, images.length, 'one image a page');
    const last = sizes.at(-1);
    assert.ok(last && last.height > last.width, 'the appendix is portrait again');
  });

  it('prints the drawing’s smallest text at 8 pt or more', () => {
    images.forEach((image, i) => {
      const drawn = roadmap.images[i];
      assert.ok(drawn);
      const smallest = (SMALLEST_TEXT_UNITS * image.widthPt) / drawingUnits(drawn);
      assert.ok(smallest >= 7.95, `page ${image.page}: ${smallest.toFixed(2)} pt`);
    });
  });

  it('sets the text on the landscape pages, captions and the text version included, at 8 pt or more', async () => {
    const landscape = sizes.flatMap((s, i) => (s.width > s.height ? [i + 1] : []));
    for (const page of landscape) {
      const words = await pdfWordSizes(pdf, page);
      assert.ok(words.length > 0);
      assert.ok(Math.min(...words) >= 7.9, `page ${page}: ${Math.min(...words).toFixed(2)} pt`);
    }
  });

  it('follows the figures with the roadmap as text, every action once', async () => {
    const { pages } = await readPdf(pdf);
    const lastImagePage = Math.max(...images.map((i) => i.page));
    const textPage = pages.findIndex((p) => p.includes('De routekaart in tekst')) + 1;
    assert.ok(textPage >= lastImagePage, `the text version (page ${textPage}) after the figures`);
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

  it('declares every roadmap image at a size that prints its smallest text at 8 pt or more', () => {
    const extents = [...docx.document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)];
    assert.equal(extents.length, roadmap.images.length);
    extents.forEach((m, i) => {
      const drawn = roadmap.images[i];
      assert.ok(drawn);
      const widthPt = Number(m[1]) / 12700;
      assert.ok((SMALLEST_TEXT_UNITS * widthPt) / drawingUnits(drawn) >= 7.95);
    });
  });
});
