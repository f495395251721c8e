import { localeTags } from '../../core/i18n/i18n.ts';
import { MARGIN_CM, pageSizeCm, PORTRAIT_A4, type DocumentModel, type PageSetup } from './document.model.ts';

/**
 * The ODT's styles.xml, meta.xml and manifest: named styles that LibreOffice shows as its own
 * (Heading 1–3, Title, Caption, Figure, Table Heading), the page layouts with the footer, and the
 * metadata. document-odt.ts writes the content against these names.
 */
export const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"',
].join(' ');

const ACCENT = '#1f4e79';
const FONT = 'Liberation Sans';

/** Text for XML content and attribute values; characters XML 1.0 does not allow are dropped. */
export function xml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A master page's name for a paper: "Standard" is portrait A4, the others are named by their paper. */
export function masterName(page: PageSetup): string {
  return page === PORTRAIT_A4 ? 'Standard' : `${page.size}_${page.orientation}`;
}

function pageLayout(name: string, page: PageSetup): string {
  const { width, height } = pageSizeCm(page);
  return `<style:page-layout style:name="${name}"><style:page-layout-properties fo:page-width="${width}cm" fo:page-height="${height}cm" style:print-orientation="${page.orientation}" fo:margin-top="${MARGIN_CM}cm" fo:margin-bottom="1.5cm" fo:margin-left="${MARGIN_CM}cm" fo:margin-right="${MARGIN_CM}cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>`;
}

function footer(model: DocumentModel, style: string): string {
  const { page, of } = model.pageLabel;
  return `<style:footer><text:p text:style-name="${style}">${xml(`${model.organisation} · ${model.versionLabel}`)}<text:tab/>${xml(page)} <text:page-number text:select-page="current"/> ${xml(of)} <text:page-count/></text:p></style:footer>`;
}

/** The footer's paragraph: the page number against the right margin of its paper. */
function footerStyle(name: string, page: PageSetup): string {
  const position = pageSizeCm(page).width - 2 * MARGIN_CM;
  return `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="Footer"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="${position}cm" style:type="right"/></style:tab-stops></style:paragraph-properties></style:style>`;
}

function paragraphStyle(name: string, display: string, paragraph: string, text: string, extra = ''): string {
  return `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" style:parent-style-name="Standard" ${extra}><style:paragraph-properties ${paragraph}/><style:text-properties ${text}/></style:style>`;
}

function heading(level: number, size: number, before: number): string {
  return paragraphStyle(
    `Heading_20_${level}`,
    `Heading ${level}`,
    `fo:margin-top="${before}cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always" fo:keep-together="always"`,
    `fo:font-size="${size}pt" fo:font-weight="bold" style:font-weight-complex="bold" fo:color="${ACCENT}"`,
    `style:next-style-name="Text_20_body" style:default-outline-level="${level}"`,
  );
}

/** Every paper the document uses, with its master page (the footer on all but the title page). */
export function stylesXml(model: DocumentModel, papers: PageSetup[]): string {
  const [language, country] = localeTags[model.locale].split('-');
  const masters = papers.map((page, i) => ({
    page,
    name: masterName(page),
    layout: `pm${i + 2}`,
    footer: `MP${i + 1}`,
  }));
  const bodyText = `fo:font-size="11pt" style:font-name="${FONT}" fo:language="${language}" fo:country="${country}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3"><office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'" style:font-family-generic="swiss"/></office:font-face-decls><office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/><style:text-properties ${bodyText}/></style:default-style><style:style style:name="Standard" style:family="paragraph"><style:text-properties ${bodyText}/></style:style>${paragraphStyle('Text_20_body', 'Text body', 'fo:margin-bottom="0.21cm" fo:line-height="115%"', '')}${paragraphStyle('Title', 'Title', 'fo:margin-bottom="0.4cm"', `fo:font-size="28pt" fo:font-weight="bold" fo:color="${ACCENT}"`)}${heading(1, 18, 0.6)}${heading(2, 14, 0.4)}${heading(3, 12, 0.35)}${paragraphStyle('Caption', 'Caption', 'fo:margin-top="0.1cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"', 'fo:font-size="10pt" fo:font-weight="bold" fo:color="#404040"')}${paragraphStyle('Figure', 'Figure', 'fo:text-align="center" fo:margin-top="0.2cm" fo:keep-with-next="always" fo:line-height="100%"', '')}${paragraphStyle('Table_20_Contents', 'Table Contents', 'fo:margin="0cm"', 'fo:font-size="10pt"')}${paragraphStyle('Table_20_Heading', 'Table Heading', 'fo:margin="0cm" fo:keep-with-next="always"', 'fo:font-size="10pt" fo:font-weight="bold"')}${paragraphStyle('List_20_Paragraph', 'List Paragraph', 'fo:margin-bottom="0.1cm"', '')}${paragraphStyle('Footer', 'Footer', '', 'fo:font-size="9pt"')}</office:styles><office:automatic-styles>${pageLayout('pm1', PORTRAIT_A4)}${masters.map((m) => pageLayout(m.layout, m.page)).join('')}${masters.map((m) => footerStyle(m.footer, m.page)).join('')}</office:automatic-styles><office:master-styles><style:master-page style:name="Title" style:page-layout-name="pm1" style:next-style-name="Standard"/>${masters.map((m) => `<style:master-page style:name="${m.name}" style:page-layout-name="${m.layout}">${footer(model, m.footer)}</style:master-page>`).join('')}</office:master-styles></office:document-styles>`;
}

export function metaXml(model: DocumentModel): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.3"><office:meta><meta:generator>Routekaart</meta:generator><dc:title>${xml(model.title)}</dc:title><dc:subject>${xml(model.subject)}</dc:subject><meta:initial-creator>${xml(model.organisation)}</meta:initial-creator><dc:creator>${xml(model.organisation)}</dc:creator><dc:language>${localeTags[model.locale]}</dc:language></office:meta></office:document-meta>`;
}

export function manifestXml(images: string[]): string {
  const entry = (path: string, type: string) =>
    `<manifest:file-entry manifest:full-path="${path}" manifest:media-type="${type}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">${entry('/', 'application/vnd.oasis.opendocument.text')}${entry('content.xml', 'text/xml')}${entry('styles.xml', 'text/xml')}${entry('meta.xml', 'text/xml')}${images.map((name) => entry(name, 'image/png')).join('')}</manifest:manifest>`;
}
