import { strToU8, zipSync, type Zippable } from 'fflate';
import { imagesPng } from './document-png.ts';
import { columnWidths, estimatedWidthPt } from './document-table-layout.ts';
import {
  imageSizeCm,
  PORTRAIT_A4,
  textAreaCm,
  drawnBlocks,
  type DrawnBlock,
  type DocumentImage,
  type DocumentModel,
  type DocumentTable,
  type LetterModel,
  type PageSetup,
  type ReportModel,
} from './document.model.ts';
import { manifestXml, masterName, metaXml, NS, stylesXml, xml } from './document-odt-styles.ts';

/**
 * The document as OpenDocument Text (ODT, on the Dutch open-standards list), written from the same
 * model as the DOCX and the PDF: the XML parts by hand against ODF 1.3 and zipped with fflate (the
 * zip library docx and pdfkit already use), so no word processor runs on the server. Headings with
 * outline levels, tables with repeating header rows, images with title and description, a landscape
 * master page for a section of its own paper, and the footer on every page but the title page.
 */
const TABLE_PT = 10;
const PT_PER_CM = 72 / 2.54;
const CELL_PADDING_CM = 0.1;

interface Writer {
  images: { name: string; image: DocumentImage }[];
  tables: number;
  /** Automatic styles this content needs, by name (each written once). */
  styles: Map<string, string>;
}

const p = (style: string, content: string) => `<text:p text:style-name="${style}">${content}</text:p>`;
const bold = (value: string) => `<text:span text:style-name="Bold">${xml(value)}</text:span>`;
const cm = (value: number) => `${Math.round(value * 1000) / 1000}cm`;

/** A paragraph style of `parent` that starts a new page, on the master page of `page` when given. */
function breakStyle(w: Writer, parent: string, page?: PageSetup): string {
  const name = `${parent}_${page ? masterName(page) : 'break'}`;
  const property = page ? `style:master-page-name="${masterName(page)}"` : '';
  w.styles.set(
    name,
    `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="${parent}" ${property}><style:paragraph-properties fo:break-before="page"/></style:style>`,
  );
  return name;
}

function table(w: Writer, block: DocumentTable, widthCm: number): string {
  const id = `Table${++w.tables}`;
  const padding = 2 * CELL_PADDING_CM * PT_PER_CM + 1;
  const widths = columnWidths(
    block,
    widthCm * PT_PER_CM,
    (t, b) => estimatedWidthPt(t, TABLE_PT, b),
    padding,
  );
  w.styles.set(
    id,
    `<style:style style:name="${id}" style:family="table"><style:table-properties style:width="${cm(widthCm)}" table:align="left" fo:margin-bottom="0.3cm"/></style:style>` +
      widths
        .map(
          (width, i) =>
            `<style:style style:name="${id}.C${i}" style:family="table-column"><style:table-column-properties style:column-width="${cm(width / PT_PER_CM)}"/></style:style>`,
        )
        .join(''),
  );
  const cell = (value: string, isHeader: boolean, isNumeric: boolean) => {
    const style = `${isHeader ? 'Table_20_Heading' : 'Table_20_Contents'}${isNumeric ? '_Right' : ''}`;
    return `<table:table-cell table:style-name="${isHeader ? 'CellHead' : 'Cell'}" office:value-type="string">${p(style, xml(value))}</table:table-cell>`;
  };
  const header = block.columns.map((c) => cell(c.label, true, c.isNumeric === true)).join('');
  const rows = block.rows.map(
    (row) =>
      `<table:table-row>${block.columns.map((c, i) => cell(row[i] ?? '', block.hasRowHeaders && i === 0, c.isNumeric === true)).join('')}</table:table-row>`,
  );
  return (
    p('Caption', xml(block.caption)) +
    `<table:table table:name="${id}" table:style-name="${id}">` +
    widths.map((_, i) => `<table:table-column table:style-name="${id}.C${i}"/>`).join('') +
    `<table:table-header-rows><table:table-row>${header}</table:table-row></table:table-header-rows>` +
    `${rows.join('')}</table:table>`
  );
}

function blockXml(w: Writer, block: DrawnBlock, page: PageSetup, isNewPage: boolean): string {
  const area = textAreaCm(page);
  switch (block.kind) {
    case 'heading':
      return `<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}">${xml(block.text)}</text:h>`;
    case 'paragraph':
      return p('Text_20_body', block.isEmphasised ? bold(block.text) : xml(block.text));
    case 'list':
      return `<text:list text:style-name="Bullets">${block.items.map((item) => `<text:list-item>${p('List_20_Paragraph', xml(item))}</text:list-item>`).join('')}</text:list>`;
    case 'facts':
      return block.items.map((f) => p('Text_20_body', `${bold(`${f.label}: `)}${xml(f.value)}`)).join('');
    case 'table':
      return table(w, block, area.width);
    case 'image': {
      const name = `Pictures/image${w.images.length + 1}.png`;
      w.images.push({ name, image: block });
      const size = imageSizeCm(block, area.width);
      const frame = `<draw:frame draw:name="image${w.images.length}" text:anchor-type="as-char" svg:width="${cm(size.width)}" svg:height="${cm(size.height)}"><draw:image xlink:href="${name}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>${xml(block.caption ?? block.alt)}</svg:title><svg:desc>${xml(block.alt)}</svg:desc></draw:frame>`;
      const style = isNewPage ? breakStyle(w, 'Figure') : 'Figure';
      return p(style, frame) + (block.caption ? p('Caption', xml(block.caption)) : '');
    }
  }
}

/** A report's title page, on the master page without a footer. */
function titlePage(w: Writer, model: ReportModel): string[] {
  const titleFirst = `<style:style style:name="TitlePage" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Title"/>`;
  w.styles.set('TitlePage', titleFirst);
  return [
    p('TitlePage', bold(model.organisation)),
    `<text:p text:style-name="Title">${xml(model.title)}</text:p>`,
    ...(model.titlePage.subtitle ? [p('Text_20_body', xml(model.titlePage.subtitle))] : []),
    ...model.titlePage.facts.map((f) => p('Text_20_body', `${bold(`${f.label}: `)}${xml(f.value)}`)),
  ];
}

/** A letter's top, on the master page with the footer: sender, heading, addressee, date, subject, salutation. */
function letterhead(w: Writer, model: LetterModel): string[] {
  const { letter } = model;
  w.styles.set(
    'LetterFirst',
    `<style:style style:name="LetterFirst" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Standard"><style:paragraph-properties fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>`,
  );
  return [
    p('LetterFirst', xml(model.organisation)),
    `<text:p text:style-name="Title">${xml(letter.heading)}</text:p>`,
    ...letter.facts.map((f) => p('Text_20_body', `${bold(`${f.label}: `)}${xml(f.value)}`)),
    p('Text_20_body', ''),
    p('Text_20_body', xml(letter.salutation)),
  ];
}

function body(w: Writer, model: DocumentModel): string {
  const isLetter = model.layout === 'letter';
  const opening = isLetter ? letterhead(w, model) : titlePage(w, model);
  // A letter's chapters follow its letterhead on the same page; a report's first starts a page.
  let current: PageSetup | undefined = isLetter ? PORTRAIT_A4 : undefined;
  const sections = model.sections.map((section) => {
    const page = section.page ?? PORTRAIT_A4;
    const isPaperChange = page !== current;
    current = page;
    const style = isPaperChange
      ? breakStyle(w, 'Heading_20_1', page)
      : section.startsOnNewPage
        ? breakStyle(w, 'Heading_20_1')
        : 'Heading_20_1';
    let images = 0;
    // The roadmap is placed as its drawings, as in the PDF.
    const blocks = drawnBlocks(section.blocks).map((block) => {
      const out = blockXml(
        w,
        block,
        page,
        section.page !== undefined && block.kind === 'image' && images > 0,
      );
      if (block.kind === 'image') images++;
      return out;
    });
    return `<text:h text:style-name="${style}" text:outline-level="1">${xml(section.heading)}</text:h>${blocks.join('')}`;
  });
  const closing = isLetter
    ? model.letter.closing.map((line, i) => p(i === 0 ? 'LetterClosing' : 'Standard', xml(line)))
    : [];
  if (isLetter)
    w.styles.set(
      'LetterClosing',
      `<style:style style:name="LetterClosing" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.6cm"/></style:style>`,
    );
  return [...opening, ...sections, ...closing].join('');
}

const FIXED_STYLES = [
  `<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>`,
  `<style:style style:name="Table_20_Contents_Right" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>`,
  `<style:style style:name="Table_20_Heading_Right" style:family="paragraph" style:parent-style-name="Table_20_Heading"><style:paragraph-properties fo:text-align="end"/></style:style>`,
  `<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="${CELL_PADDING_CM}cm" fo:border="0.5pt solid #a6a6a6"/></style:style>`,
  `<style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:padding="${CELL_PADDING_CM}cm" fo:border="0.5pt solid #a6a6a6" fo:background-color="#dce6f1"/></style:style>`,
  `<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.63cm" fo:text-indent="-0.63cm" fo:margin-left="0.63cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>`,
].join('');

/** The model as an ODT file. */
export async function renderOdt(model: DocumentModel): Promise<Buffer> {
  const w: Writer = { images: [], tables: 0, styles: new Map() };
  const text = body(w, model);
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3"><office:automatic-styles>${FIXED_STYLES}${[...w.styles.values()].join('')}</office:automatic-styles><office:body><office:text>${text}</office:text></office:body></office:document-content>`;
  const papers = [PORTRAIT_A4, ...new Set(model.sections.flatMap((s) => (s.page ? [s.page] : [])))];
  const files: Zippable = {
    // The media type comes first and uncompressed, so that a reader recognises the file by its first bytes.
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'styles.xml': strToU8(stylesXml(model, papers)),
    'meta.xml': strToU8(metaXml(model)),
    'META-INF/manifest.xml': strToU8(manifestXml(w.images.map((i) => i.name))),
  };
  // PNG is compressed already: stored as it is.
  const pngs = await imagesPng(w.images.map((i) => i.image));
  w.images.forEach((image, i) => (files[image.name] = [pngs[i] as Buffer, { level: 0 }]));
  return Buffer.from(zipSync(files, { level: 6 }));
}
