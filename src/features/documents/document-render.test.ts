import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { renderDocx } from './document-docx.ts';
import type { DocumentModel } from './document.model.ts';
import { renderPdf } from './document-pdf.ts';
import { sampleDocument } from './document-sample.fixtures.ts';
import { sampleStrategyDocument } from './strategy-document-sample.fixtures.ts';
import {
  count,
  paragraphStyles,
  readDocx,
  readPdf,
  type DocxParts,
  type PdfFacts,
} from './document-reading.fixtures.ts';

const alt = 'Radar chart of the current and target level per theme.';

function model(): DocumentModel {
  const base = sampleDocument({ actions: 100 });
  return {
    ...base,
    sections: base.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => (b.kind === 'image' ? { ...b, alt } : b)),
    })),
  };
}

describe('the DOCX renderer', () => {
  let docx: DocxParts;
  before(async () => {
    docx = await readDocx(await renderDocx(model()));
  });

  it('uses Word heading styles with outline levels, so the navigation pane shows the structure', () => {
    const styles = paragraphStyles(docx.document);
    assert.equal(styles[0], 'Title');
    assert.equal(styles.filter((s) => s === 'Heading1').length, 4);
    assert.equal(styles.filter((s) => s === 'Heading2').length, 4);
    for (const [id, level] of [
      ['Heading1', 0],
      ['Heading2', 1],
    ] as const) {
      const style = new RegExp(`w:styleId="${id}".*?</w:style>`).exec(docx.styles)?.[0] ?? '';
      assert.match(style, new RegExp(`<w:outlineLvl w:val="${level}"/>`), id);
    }
  });

  it('writes real tables whose header row repeats on every page and never splits a row', () => {
    assert.equal(count(docx.document, /<w:tbl>/), 4);
    assert.equal(count(docx.document, /<w:tblHeader\/>/), 4, 'one header row per table');
    assert.equal(count(docx.document, /<w:cantSplit\/>/), 104, 'no row splits across pages');
    const firstTable = /<w:tbl>.*?<\/w:tbl>/.exec(docx.document)?.[0] ?? '';
    assert.equal(count(firstTable, /<w:tr>/), 26, 'a header row and 25 actions');
    assert.match(firstTable, /Maatschappelijke opgaven/);
  });

  it('gives every image its alt text and a caption', () => {
    assert.equal(docx.media.length, 1);
    assert.match(docx.document, new RegExp(`<wp:docPr [^>]*descr="${alt}"`));
    assert.ok(paragraphStyles(docx.document).includes('Caption'));
  });

  it('has a table of contents that Word updates, filled in from the headings until it does', () => {
    const toc = /<w:sdt>.*?<\/w:sdt>/.exec(docx.document)?.[0] ?? '';
    assert.match(toc, /<w:instrText[^>]*>\s*TOC [^<]*\\o &quot;1-2&quot;/);
    assert.match(toc, /Acties per pijler/);
    assert.match(docx.document, /<w:pStyle w:val="ContentsHeading"\/>.*?Inhoud/);
  });

  it('numbers the pages in the footer beside the organisation and the version, not on the title page, and sets title and language', () => {
    const numbered = docx.footers.find((f) => f.includes('NUMPAGES'));
    assert.ok(numbered, 'a footer with "Pagina X van Y"');
    assert.match(numbered, /PAGE/);
    assert.match(numbered, /Pagina/);
    assert.match(numbered, /Gemeente Voorbeeld · versie 1/);
    assert.match(docx.document, /<w:titlePg\/>/, 'the title page has its own (empty) footer');
    assert.match(docx.core, /<dc:title>Digitaliseringsstrategie 2026–2030<\/dc:title>/);
    assert.match(docx.styles, /<w:lang w:val="nl-NL"\/>/);
  });
});

describe('the PDF renderer', () => {
  let pdf: Buffer;
  let facts: PdfFacts;
  before(async () => {
    pdf = await renderPdf(model());
    facts = await readPdf(pdf);
  });

  it('is tagged, in Dutch, with the title in the metadata and every page rendering', () => {
    assert.equal(facts.info.Tagged, 'yes');
    assert.equal(facts.info.Title, 'Digitaliseringsstrategie 2026–2030');
    assert.equal(facts.info.Author, 'Gemeente Voorbeeld');
    const pages = Number(facts.info.Pages);
    assert.ok(pages >= 10 && pages <= 18, `100 actions take about fifteen pages, found ${pages}`);
    assert.equal(facts.rendered, pages, 'pdftoppm renders every page');
    assert.equal(facts.pages.length, pages);
    assert.match(pdf.toString('latin1'), /\/Lang \(nl-NL\)/);
    assert.match(pdf.toString('latin1'), /\/DisplayDocTitle true/);
  });

  it('embeds its fonts', () => {
    const rows = facts.fonts.split('\n').slice(2).filter(Boolean);
    assert.ok(rows.length >= 2);
    for (const row of rows) assert.match(row, /NotoSans.*\byes\s+yes\s+yes\b/, row);
  });

  it('has a structure tree of headings, lists, a figure with alt text and tables with header cells', () => {
    const s = facts.structure;
    assert.equal(count(s, /^\s*H1\b/m), 5, 'the title and four sections');
    assert.equal(count(s, /^\s*H2\b/m), 4);
    assert.equal(count(s, /^\s*Table\b/m), 4);
    assert.equal(count(s, /^\s*THead\b/m), 4);
    assert.equal(count(s, /\/Scope \/Column/), 24, 'six column headers per table');
    assert.equal(count(s, /\/Scope \/Row/), 100, 'each action names its row');
    assert.match(s, /^\s*Figure/m);
    assert.match(s, /^\s*LI\b/m);
    assert.match(pdf.toString('latin1'), new RegExp(`/Alt \\(${alt.replace(/\./g, '\\.')}\\)`));
  });

  it('lists the chapters with the page each starts on after the title page, tagged as TOC items', () => {
    const sections = model().sections;
    assert.match(facts.structure, /^\s*TOC\b/m);
    assert.equal(count(facts.structure, /^\s*TOCI\b/m), sections.length);
    const contents = facts.pages[1] ?? '';
    assert.match(contents, /^\s*Inhoud/);
    for (const section of sections) {
      const line = contents.split('\n').find((l) => l.trim().startsWith(section.heading));
      const page = Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
      assert.ok(page > 2, `${section.heading} has a page number`);
      assert.match(
        facts.pages[page - 1] ?? '',
        new RegExp(`^\\s*${section.heading}\\s*$`, 'm'),
        section.heading,
      );
    }
  });

  it('repeats the table header on every page a table continues on, and numbers the pages', () => {
    const continued = facts.pages.filter((p) => /Actie \d+\.\d+:/.test(p));
    assert.ok(continued.length >= 3, 'the actions span several pages');
    for (const page of continued) assert.match(page, /Maatschappelijke/);
    const total = facts.pages.length;
    facts.pages.slice(1).forEach((page, i) => assert.match(page, new RegExp(`Pagina ${i + 2} van ${total}`)));
    facts.pages.slice(1).forEach((page) => assert.match(page, /Gemeente Voorbeeld · versie 1/));
    assert.doesNotMatch(facts.pages[0] ?? '', /Pagina 1/);
  });
});

describe('the strategy document as PDF', () => {
  let pages: string[];
  let headings: string[];
  before(async () => {
    const strategy = sampleStrategyDocument(100);
    headings = strategy.sections.flatMap((s) => [
      s.heading,
      ...s.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])),
    ]);
    pages = (await readPdf(await renderPdf(strategy))).pages;
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    pages.forEach((page, i) => {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/Pagina \d+ van \d+/.test(l));
      const last = lines.at(-1) ?? '';
      assert.ok(!headings.includes(last), `page ${i + 1} ends with the heading “${last}”`);
    });
  });
});
