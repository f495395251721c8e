import { svgViewBox } from './document-svg.ts';

/**
 * What a council-ready document is made of: plain data, already localised and formatted (dates,
 * scores and euro amounts are strings here), so that the DOCX and PDF renderers are pure functions of
 * it, tested without a database, and the two formats cannot drift apart in content.
 */
export type DocumentLocale = 'nl' | 'en';

export interface DocumentFact {
  label: string;
  value: string;
}

export interface TableColumn {
  label: string;
  /** Numbers and amounts align right. Widths follow from the headings and the content (document-table-layout.ts). */
  isNumeric?: boolean;
}

export interface DocumentTable {
  kind: 'table';
  caption: string;
  columns: TableColumn[];
  /** One string per column; an empty string is an empty cell. */
  rows: string[][];
  /** The first column names the row (a row header, scope "row"). */
  hasRowHeaders: boolean;
}

export interface DocumentImage {
  kind: 'image';
  /**
   * The drawing, as the app's chart code writes it: the PDF draws it as vectors (its text real text),
   * the DOCX and the ODT place it as a PNG `pixelWidth` pixels wide, drawn while they are written.
   */
  svg: string;
  pixelWidth: number;
  /** What the image shows, for people who cannot see it: Word's alt text, the PDF figure's /Alt. */
  alt: string;
  caption?: string;
  /** Width on the page in centimetres; the height follows from the PNG. */
  widthCm: number;
  /** A tall image (a long roadmap) is made narrower so that it fits on one page. */
  maxHeightCm?: number;
}

/** One action on a timeline: its period and milestones as quarter numbers counted from 0. */
export interface TimelineRow {
  label: string;
  status: string;
  from: number;
  to: number;
  milestones: number[];
}

/**
 * The roadmap: actions over the quarters of the strategy's years, per pillar, with the drawing of
 * each of its pages. The PDF and the ODT place the drawings (`drawnBlocks`); the DOCX sets the same
 * actions as a Word table with a bar of shaded quarters per action: sharp at any zoom, searchable and
 * editable, and no pages of pixels to draw (decision 0034).
 */
export interface DocumentTimeline {
  kind: 'timeline';
  caption: string;
  /** Headings of the action and status columns. */
  columns: { action: string; status: string };
  /** The years with the labels of their quarters ("K1" … "K4"). */
  years: { label: string; quarters: string[] }[];
  groups: { title: string; rows: TimelineRow[] }[];
  /** What the shading and the mark in a quarter mean, said under the table. */
  legend: string;
  pages: DocumentImage[];
}

export type DocumentBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; isEmphasised?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; items: DocumentFact[] }
  | DocumentTable
  | DocumentImage
  | DocumentTimeline;

/** Every block other than a timeline. */
export type DrawnBlock = Exclude<DocumentBlock, DocumentTimeline>;

/** The blocks with each timeline as the drawings of its pages: what the PDF and the ODT set. */
export function drawnBlocks(blocks: readonly DocumentBlock[]): DrawnBlock[] {
  return blocks.flatMap((block) => (block.kind === 'timeline' ? block.pages : [block]));
}

export type PaperSize = 'A4' | 'A3';

export interface PageSetup {
  size: PaperSize;
  orientation: 'portrait' | 'landscape';
}

export const PORTRAIT_A4: PageSetup = { size: 'A4', orientation: 'portrait' };

export interface DocumentSection {
  /** Level-1 heading: the navigation pane in Word, a bookmark in the PDF. */
  heading: string;
  blocks: DocumentBlock[];
  /** Starts on a new page (appendices, long tables). */
  startsOnNewPage?: boolean;
  /**
   * A section of its own paper (the roadmap on landscape A4 or A3): it starts on a new page, and the
   * section after it returns to portrait A4. Each image in it fills a page of its own.
   */
  page?: PageSetup;
}

interface DocumentBase {
  locale: DocumentLocale;
  /** The document's title: title page, DOCX core properties, PDF metadata (shown in the title bar). */
  title: string;
  subject: string;
  /** The organisation's name: author in the metadata and first line of the title page. */
  organisation: string;
  sections: DocumentSection[];
  /** Localised words for the footer: "Pagina 3 van 12". */
  pageLabel: { page: string; of: string };
  /** The footer's version text ("Versie 3"), beside the organisation's name. */
  versionLabel: string;
}

/** A report (the strategy document, the scan results): a title page, the contents, then the chapters. */
export interface ReportModel extends DocumentBase {
  layout?: 'report';
  titlePage: { subtitle?: string; facts: DocumentFact[] };
  /** The heading of the table of contents ("Inhoud"). */
  contentsLabel: string;
}

/**
 * What opens and closes a letter: no title page and no contents, but the sender's name, the heading
 * ("Raadsinformatiebrief"), the addressee, date and subject at the top of the first page, the
 * salutation, the chapters following on without page breaks, and the closing after them.
 */
export interface Letterhead {
  heading: string;
  /** "Aan: de gemeenteraad", "Datum: 6 december 2026", "Onderwerp: …". */
  facts: DocumentFact[];
  /** "Geachte leden van de raad,". */
  salutation: string;
  /** After the last chapter, one line each: the greeting and who signs. */
  closing: string[];
}

/** A letter (the council letter): the footer on every page, the first included. */
export interface LetterModel extends DocumentBase {
  layout: 'letter';
  letter: Letterhead;
}

export type DocumentModel = ReportModel | LetterModel;

/** Paper in centimetres (portrait), and the margin every renderer keeps on each side. */
export const PAPER_CM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 21, height: 29.7 },
  A3: { width: 29.7, height: 42 },
};
export const MARGIN_CM = 2.5;

/** The page's size in centimetres, turned for landscape. */
export function pageSizeCm(page: PageSetup): { width: number; height: number } {
  const { width, height } = PAPER_CM[page.size];
  return page.orientation === 'landscape' ? { width: height, height: width } : { width, height };
}

/** The text area of a page in centimetres: the page less its margins. */
export function textAreaCm(page: PageSetup = PORTRAIT_A4): { width: number; height: number } {
  const { width, height } = pageSizeCm(page);
  return { width: width - 2 * MARGIN_CM, height: height - 2 * MARGIN_CM };
}

/** The image's size on the page in centimetres: its width, narrowed to fit the text width and height limit. */
export function imageSizeCm(image: DocumentImage, textWidthCm: number): { width: number; height: number } {
  const { width, height } = svgViewBox(image.svg);
  const byHeight = image.maxHeightCm === undefined ? Infinity : (image.maxHeightCm * width) / height;
  const w = Math.min(image.widthCm, textWidthCm, byHeight);
  return { width: w, height: (w * height) / width };
}
