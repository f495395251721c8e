import {
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  PageBreak,
  PageOrientation,
  Paragraph,
  SectionType,
  TableOfContents,
  TextRun,
  type ISectionOptions,
  type Table,
} from 'docx';
import { footer, styles, table, TWIPS_PER_CM } from './document-docx-parts.ts';
import { imagePlaceholder, packDocx } from './document-docx-pack.ts';
import { timelineTable } from './document-docx-timeline.ts';
import { imagesPng } from './document-png.ts';
import {
  imageSizeCm,
  MARGIN_CM,
  PAPER_CM,
  PORTRAIT_A4,
  textAreaCm,
  type DocumentBlock,
  type DocumentImage,
  type DocumentModel,
  type DocumentSection,
  type LetterModel,
  type PageSetup,
  type ReportModel,
} from './document.model.ts';

/**
 * The document as DOCX: Word's own Title, Heading 1–3, Caption and List Paragraph styles (so the
 * navigation pane shows the structure and an official restyles it in one place), a table of contents
 * Word updates, real tables whose header row repeats on every page, images with alt text and explicit
 * extents, a landscape section where the model asks for one, and the organisation, the version and
 * page numbers in the footer. A letter has no title page and no contents: its letterhead opens the
 * first page, which has the footer too.
 */
const PX_PER_CM = 96 / 2.54;
const MARGIN_TWIPS = Math.round(MARGIN_CM * TWIPS_PER_CM);

const text = (value: string, options: { bold?: boolean } = {}) => new TextRun({ text: value, ...options });

function titlePage(model: ReportModel): Paragraph[] {
  return [
    new Paragraph({
      children: [text(model.organisation, { bold: true })],
      spacing: { before: 2400, after: 480 },
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(model.title)] }),
    ...(model.titlePage.subtitle
      ? [new Paragraph({ children: [new TextRun({ text: model.titlePage.subtitle, size: 32 })] })]
      : []),
    ...model.titlePage.facts.map(
      (fact, i) =>
        new Paragraph({
          spacing: { before: i === 0 ? 960 : 0, after: 60 },
          children: [text(`${fact.label}: `, { bold: true }), text(fact.value)],
        }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The contents: filled in from the headings now, with page numbers when Word updates the field. */
function contents(model: ReportModel): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ style: 'ContentsHeading', children: [text(model.contentsLabel)] }),
    new TableOfContents(model.contentsLabel, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

function image(block: DocumentImage, index: number, textWidthCm: number, isNewPage: boolean): Paragraph[] {
  const size = imageSizeCm(block, textWidthCm);
  return [
    new Paragraph({
      style: 'Figure',
      pageBreakBefore: isNewPage,
      children: [
        new ImageRun({
          type: 'png',
          data: imagePlaceholder(index),
          transformation: {
            width: Math.round(size.width * PX_PER_CM),
            height: Math.round(size.height * PX_PER_CM),
          },
          altText: { name: `image-${index + 1}`, title: block.caption ?? block.alt, description: block.alt },
        }),
      ],
    }),
    ...(block.caption ? [new Paragraph({ style: 'Caption', children: [text(block.caption)] })] : []),
  ];
}

/** The top of a letter's first page: sender, heading, addressee, date and subject, then the salutation. */
function letterhead(model: LetterModel): Paragraph[] {
  const { letter } = model;
  return [
    new Paragraph({
      children: [new TextRun({ text: model.organisation, bold: true, size: 28 })],
      spacing: { after: 360 },
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(letter.heading)] }),
    ...letter.facts.map(
      (fact, i) =>
        new Paragraph({
          spacing: { after: i === letter.facts.length - 1 ? 480 : 60 },
          children: [text(`${fact.label}: `, { bold: true }), text(fact.value)],
        }),
    ),
    new Paragraph({ children: [text(letter.salutation)] }),
  ];
}

/** After a letter's last chapter: the greeting and who signs, one paragraph each. */
function closing(model: LetterModel): Paragraph[] {
  return model.letter.closing.map(
    (line, i) => new Paragraph({ spacing: { before: i === 0 ? 360 : 0, after: 0 }, children: [text(line)] }),
  );
}

const headingLevels = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

interface Flow {
  page: PageSetup;
  isLetter: boolean;
  /** Draws the image's PNG and gives its number (packDocx puts it where its placeholder is). */
  addImage: (image: DocumentImage) => number;
}

function blockContent(block: DocumentBlock, flow: Flow, imagesBefore: number): (Paragraph | Table)[] {
  const area = textAreaCm(flow.page);
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], children: [text(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: [text(block.text, { bold: block.isEmphasised === true })] })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [text(item)] }));
    case 'facts':
      return block.items.map(
        (fact) => new Paragraph({ children: [text(`${fact.label}: `, { bold: true }), text(fact.value)] }),
      );
    case 'table':
      return table(block, area.width * TWIPS_PER_CM);
    case 'timeline':
      return timelineTable(block, area.width * TWIPS_PER_CM);
    case 'image':
      // In a section of its own paper every image (a page of the roadmap) starts a page.
      return image(block, flow.addImage(block), area.width, flow.page !== PORTRAIT_A4 && imagesBefore > 0);
  }
}

function sectionContent(section: DocumentSection, index: number, flow: Flow): (Paragraph | Table)[] {
  let images = 0;
  // A report's first section starts after the contents, a letter's below the letterhead; one on paper
  // of its own starts with its Word section.
  const isFirstAfterContents = index === 0 && !flow.isLetter;
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore:
        (isFirstAfterContents || section.startsOnNewPage === true) && section.page === undefined,
      children: [text(section.heading)],
    }),
    ...section.blocks.flatMap((block) => {
      const content = blockContent(block, flow, images);
      if (block.kind === 'image') images++;
      return content;
    }),
  ];
}

function sectionProperties(
  page: PageSetup,
  isFirst: boolean,
  hasTitlePage: boolean,
): ISectionOptions['properties'] {
  const paper = PAPER_CM[page.size];
  return {
    ...(isFirst ? (hasTitlePage ? { titlePage: true } : {}) : { type: SectionType.NEXT_PAGE }),
    page: {
      size: {
        width: Math.round(paper.width * TWIPS_PER_CM),
        height: Math.round(paper.height * TWIPS_PER_CM),
        orientation: page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS },
    },
  };
}

/** The model's sections as Word sections: a new one wherever the paper changes. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const images: DocumentImage[] = [];
  const addImage = (block: DocumentImage) => images.push(block) - 1;
  const isLetter = model.layout === 'letter';
  const opening = isLetter ? letterhead(model) : [...titlePage(model), ...contents(model)];
  const groups: { page: PageSetup; children: (Paragraph | Table | TableOfContents)[] }[] = [
    { page: PORTRAIT_A4, children: opening },
  ];
  model.sections.forEach((section, i) => {
    const page = section.page ?? PORTRAIT_A4;
    const last = groups.at(-1);
    const group = last && last.page === page ? last : { page, children: [] };
    if (group !== last) groups.push(group);
    group.children.push(...sectionContent(section, i, { page, isLetter, addImage }));
  });
  if (isLetter) groups.at(-1)?.children.push(...closing(model));
  const document = new Document({
    title: model.title,
    subject: model.subject,
    creator: model.organisation,
    lastModifiedBy: model.organisation,
    description: model.subject,
    styles: styles(model),
    sections: groups.map((group, i) => ({
      properties: sectionProperties(group.page, i === 0, !isLetter),
      footers: {
        default: footer(model, textAreaCm(group.page).width * TWIPS_PER_CM),
        // A report's title page has no footer; a letter's first page has.
        ...(i === 0 && !isLetter
          ? { first: new Footer({ children: [new Paragraph({ children: [] })] }) }
          : {}),
      },
      children: group.children,
    })),
  });
  return packDocx(document, await imagesPng(images));
}
