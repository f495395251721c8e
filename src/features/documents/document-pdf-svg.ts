import { PDF_FONT } from './document-pdf-base.ts';
import { parseSvg, svgViewBox, type SvgElement } from './document-svg.ts';

/**
 * Our own charts (the radar, the roadmap's print pages) drawn into the PDF as vectors instead of as a
 * PNG: sharp at any zoom, the text real text in the embedded font (searchable, and its size on paper
 * readable from the file), and no pixels to draw and pack, which took most of a document's time.
 *
 * This reads only the SVG that the app's chart code writes (src/core/render/svg.ts and the roadmap's
 * parts): rect, line, polyline, polygon, circle, path, text with tspans, and g, with presentation
 * attributes inherited through g. It is not a general SVG renderer: no CSS, no transforms, no clip
 * paths. A white halo behind a text (paint-order="stroke") is left out: drawn as stroked text it
 * would be read as the same words twice.
 */
/** Presentation attributes that pass from a g to what is inside it. */
const INHERITED = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'fill-opacity',
  'stroke-opacity',
  'font-size',
  'font-weight',
  'text-anchor',
] as const;
type Style = Partial<Record<(typeof INHERITED)[number], string>>;

const DEFAULT_STYLE: Style = { fill: '#000000', stroke: 'none', 'stroke-width': '1', 'font-size': '16' };

function styleOf(element: SvgElement, parent: Style): Style {
  const style: Style = { ...parent };
  for (const name of INHERITED) {
    const value = element.attrs[name];
    if (value !== undefined) style[name] = value;
  }
  return style;
}

const num = (value: string | undefined, fallback = 0) => {
  const n = Number.parseFloat(value ?? '');
  return Number.isFinite(n) ? n : fallback;
};

const isPaint = (value: string | undefined): value is string =>
  value !== undefined && value !== 'none' && value !== 'transparent';

function paint(doc: PDFKit.PDFDocument, style: Style, canFill = true): void {
  const fill = canFill && isPaint(style.fill) ? style.fill : undefined;
  const stroke = isPaint(style.stroke) ? style.stroke : undefined;
  if (!fill && !stroke) return;
  doc.save();
  if (fill) doc.fillColor(fill, num(style['fill-opacity'], 1));
  if (stroke) {
    doc.strokeColor(stroke, num(style['stroke-opacity'], 1)).lineWidth(num(style['stroke-width'], 1));
    const dashes = (style['stroke-dasharray'] ?? '')
      .split(/[\s,]+/)
      .map(Number)
      .filter((n) => Number.isFinite(n) && n > 0);
    // pdfkit takes a dash array where its types say a number.
    if (dashes.length > 0) doc.dash(dashes as unknown as number, {});
    const cap = style['stroke-linecap'];
    if (cap === 'round' || cap === 'square' || cap === 'butt') doc.lineCap(cap);
    const join = style['stroke-linejoin'];
    if (join === 'round' || join === 'bevel' || join === 'miter') doc.lineJoin(join);
  }
  if (fill && stroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else doc.stroke();
  doc.restore();
}

function points(value: string | undefined): [number, number][] {
  const n = (value ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < n.length; i += 2) out.push([n[i] ?? 0, n[i + 1] ?? 0]);
  return out;
}

function shape(doc: PDFKit.PDFDocument, element: SvgElement, style: Style): void {
  const a = element.attrs;
  switch (element.name) {
    case 'rect': {
      const [x, y, w, h, rx] = [num(a.x), num(a.y), num(a.width), num(a.height), num(a.rx ?? a.ry)];
      if (w <= 0 || h <= 0) return;
      if (rx > 0) doc.roundedRect(x, y, w, h, Math.min(rx, w / 2, h / 2));
      else doc.rect(x, y, w, h);
      return paint(doc, style);
    }
    case 'circle':
      doc.circle(num(a.cx), num(a.cy), num(a.r));
      return paint(doc, style);
    case 'line':
      doc.moveTo(num(a.x1), num(a.y1)).lineTo(num(a.x2), num(a.y2));
      return paint(doc, style, false);
    case 'polyline':
    case 'polygon': {
      const list = points(a.points);
      if (list.length < 2) return;
      list.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
      if (element.name === 'polygon') doc.closePath();
      return paint(doc, style);
    }
    case 'path':
      if (a.d) doc.path(a.d);
      return paint(doc, style);
  }
}

/** One run of text at its baseline, anchored as the SVG says. */
function textRun(doc: PDFKit.PDFDocument, value: string, x: number, y: number, style: Style): void {
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text || !isPaint(style.fill)) return;
  const weight = style['font-weight'];
  const isBold = weight === 'bold' || weight === 'bolder' || num(weight, 400) >= 600;
  doc
    .font(isBold ? PDF_FONT.bold : PDF_FONT.regular)
    .fontSize(num(style['font-size'], 16))
    .fillColor(style.fill, num(style['fill-opacity'], 1));
  const anchor = style['text-anchor'];
  const width = anchor === 'middle' || anchor === 'end' ? doc.widthOfString(text) : 0;
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  doc.text(text, left, y, { lineBreak: false, baseline: 'alphabetic' });
}

function text(doc: PDFKit.PDFDocument, element: SvgElement, style: Style): void {
  const [x, y] = [num(element.attrs.x), num(element.attrs.y)];
  for (const child of element.children) {
    if (typeof child === 'string') textRun(doc, child, x, y, style);
    else if (child.name === 'tspan') {
      const own = styleOf(child, style);
      const content = child.children.filter((c): c is string => typeof c === 'string').join('');
      textRun(doc, content, num(child.attrs.x, x), num(child.attrs.y, y), own);
    }
  }
}

function draw(doc: PDFKit.PDFDocument, element: SvgElement, parent: Style): void {
  const style = styleOf(element, parent);
  if (element.name === 'text') return text(doc, element, style);
  if (element.name === 'title' || element.name === 'desc') return;
  shape(doc, element, style);
  for (const child of element.children) if (typeof child !== 'string') draw(doc, child, style);
}

/** Draws the SVG into the box at (x, y) of the given width; its height follows from the viewBox. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, width: number): void {
  const root = parseSvg(svg);
  const box = svgViewBox(svg);
  const [docX, docY] = [doc.x, doc.y];
  doc.save();
  doc
    .translate(x, y)
    .scale(width / box.width)
    .translate(-box.x, -box.y);
  const style = styleOf(root, DEFAULT_STYLE);
  for (const child of root.children) if (typeof child !== 'string') draw(doc, child, style);
  doc.restore();
  [doc.x, doc.y] = [docX, docY];
}
