import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { renderDocx } from './document-docx.ts';
import { renderOdt } from './document-odt.ts';
import {
  convertWithLibreOffice,
  pdfImages,
  readDocx,
  tallestInkBand,
  type DocxParts,
  type PlacedImage,
} from './document-reading.fixtures.ts';
import { drawnBlocks, imageSizeCm, textAreaCm, type DocumentModel } from './document.model.ts';
import { sampleStrategyDocument } from './strategy-document-sample.fixtures.ts';

/**
 * The DOCX and the ODT opened by a real word processor: LibreOffice (Debian's
 * libreoffice-writer-nogui, installed by .ci/run) converts both to PDF in one run, and poppler reads
 * where the images landed and what the text says. The DOCX is also read a second way, by its XML
 * against the parts of the OOXML schema that decide how it prints.
 */
const PT_PER_CM = 72 / 2.54;
let model: DocumentModel;
let docx: DocxParts;
interface Converted {
  pdf: Buffer;
  images: PlacedImage[];
  text: string;
}
let fromDocx: Converted;
let fromOdt: Converted;

/** The images of the DOCX; with `drawn`, those of the ODT, which places the roadmap's drawn pages too. */
const imagesOf = (m: DocumentModel, drawn = false) =>
  m.sections.flatMap((s) =>
    (drawn ? drawnBlocks(s.blocks) : s.blocks).flatMap((b) =>
      b.kind === 'image' ? [{ block: b, page: s.page }] : [],
    ),
  );

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf, maxBuffer: 32 * 1024 * 1024 }).toString();
}

before(async () => {
  model = sampleStrategyDocument(24);
  const docxBytes = await renderDocx(model);
  const converted = await convertWithLibreOffice({
    'strategy.docx': docxBytes,
    'strategy-odt.odt': await renderOdt(model),
  });
  docx = await readDocx(docxBytes);
  const read = async (pdf: Buffer | undefined) => {
    assert.ok(pdf, 'LibreOffice wrote a PDF');
    return { pdf, images: await pdfImages(pdf), text: pdfText(pdf) };
  };
  [fromDocx, fromOdt] = await Promise.all([
    read(converted['strategy.docx']),
    read(converted['strategy-odt.odt']),
  ]);
});

/**
 * Each image is placed at its declared size, and drawn whole: on its page a band of ink at least about
 * as tall as the image (LibreOffice clipped the charts to the height of one line of text).
 */
async function assertFullSize(converted: Converted, declared: { width: number; height: number }[]) {
  const { images } = converted;
  assert.equal(images.length, declared.length, 'every image is on a page');
  for (const [i, image] of images.entries()) {
    const size = declared[i];
    assert.ok(size);
    const band = await tallestInkBand(converted.pdf, image.page);
    assert.ok(
      band >= size.height * 0.6,
      `image ${i + 1} shows ${band.toFixed(0)} pt of its ${size.height.toFixed(0)}`,
    );
  }
  images.forEach((image, i) => {
    const size = declared[i];
    assert.ok(size);
    // pdfimages rounds the resolution to whole dots per inch: a per cent of slack.
    assert.ok(
      image.widthPt >= size.width * 0.98,
      `image ${i + 1}: ${image.widthPt} pt wide, declared ${size.width}`,
    );
    assert.ok(
      image.heightPt >= size.height * 0.98,
      `image ${i + 1}: ${image.heightPt} pt high, declared ${size.height}`,
    );
  });
}

describe('the DOCX in LibreOffice', () => {
  it('shows every chart at least at the size the document declares', async () => {
    const extents = [...docx.document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => ({
      width: Number(m[1]) / 12700,
      height: Number(m[2]) / 12700,
    }));
    assert.equal(extents.length, imagesOf(model).length);
    await assertFullSize(fromDocx, extents);
  });

  it('breaks no table heading inside a word', () => {
    const words = new Set(
      model.sections.flatMap((s) =>
        s.blocks.flatMap((b) => (b.kind === 'table' ? b.columns.flatMap((c) => c.label.split(/\s+/)) : [])),
      ),
    );
    for (const word of [...words].filter((w) => w.length >= 4)) {
      assert.match(fromDocx.text, new RegExp(word.replace(/[()]/g, '\\$&')), word);
      for (let k = 2; k < word.length - 1; k++)
        assert.ok(
          !fromDocx.text.includes(`${word.slice(0, k)}\n${word.slice(k)}`),
          `“${word}” broken after ${k}`,
        );
    }
  });
});

describe('the DOCX read as XML', () => {
  it('gives images explicit extents, in a single-spaced Figure paragraph, with line spacing that cannot squeeze them', () => {
    const drawings = [...docx.document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:drawing>.*?<\/w:drawing>/g)];
    assert.equal(drawings.length, imagesOf(model).length);
    for (const [p] of drawings) {
      assert.match(p, /<w:pStyle w:val="Figure"\/>/);
      assert.match(p, /<wp:extent cx="[1-9]\d*" cy="[1-9]\d*"\/>/);
      assert.match(p, /<wp:docPr [^>]*descr="[^"]{20,}"/, 'alt text');
    }
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/.exec(docx.styles)?.[0] ?? '';
    assert.match(defaults, /<w:spacing [^>]*w:line="276"[^>]*w:lineRule="auto"/);
    const figure = /<w:style [^>]*w:styleId="Figure".*?<\/w:style>/.exec(docx.styles)?.[0] ?? '';
    assert.match(figure, /w:lineRule="auto"/);
    assert.doesNotMatch(docx.document + docx.styles, /w:lineRule="exact"/);
  });

  it('fixes each table’s column widths within the text width, repeats its header row and aligns numbers right', () => {
    const tables = [...docx.document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    const modelTables = model.sections.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.kind === 'table' || b.kind === 'timeline' ? [{ block: b, page: s.page }] : [],
      ),
    );
    assert.equal(tables.length, modelTables.length);
    tables.forEach((table, i) => {
      const { block, page } = modelTables[i] ?? {};
      assert.ok(block);
      assert.match(table, /<w:tblLayout w:type="fixed"\/>/);
      assert.match(table, /<w:tblHeader\/>/);
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      assert.ok(grid.reduce((a, b) => a + b, 0) <= (textAreaCm(page).width * 1440) / 2.54 + 1);
      // The roadmap's table: an action, its status and a column per quarter (document-print.test.ts).
      if (block.kind === 'timeline') {
        assert.equal(grid.length, 2 + block.years.length * 4);
        return;
      }
      assert.equal(grid.length, block.columns.length);
      const firstRow = /<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/.exec(table)?.[0] ?? '';
      const cells = [...firstRow.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => m[0]);
      block.columns.forEach((c, j) =>
        c.isNumeric
          ? assert.match(cells[j] ?? '', /<w:jc w:val="right"\/>/, c.label)
          : assert.doesNotMatch(cells[j] ?? '', /<w:jc w:val="right"\/>/, c.label),
      );
    });
  });
});

describe('the ODT in LibreOffice', () => {
  it('shows the same images at their size', async () => {
    const declared = imagesOf(model, true).map(({ block, page }) => {
      const size = imageSizeCm(block, textAreaCm(page).width);
      return { width: size.width * PT_PER_CM, height: size.height * PT_PER_CM };
    });
    await assertFullSize(fromOdt, declared);
  });

  it('has the same chapters, headings and tables as the DOCX', () => {
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    for (const section of model.sections) {
      assert.ok(flat(fromOdt.text).includes(section.heading), section.heading);
      for (const block of section.blocks) {
        if (block.kind === 'heading') assert.ok(flat(fromOdt.text).includes(block.text), block.text);
        if (block.kind === 'table')
          assert.ok(flat(fromOdt.text).includes(flat(block.caption)), block.caption);
      }
    }
    const headings = (text: string) => model.sections.filter((s) => flat(text).includes(s.heading)).length;
    assert.equal(headings(fromOdt.text), headings(fromDocx.text));
  });
});
