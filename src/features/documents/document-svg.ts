/**
 * Reading the SVG that the app's own chart code writes (src/core/render/svg.ts, the roadmap's parts):
 * well-formed, attributes in double quotes, no CSS. The PDF draws it as vectors (document-pdf-svg.ts),
 * and every renderer takes an image's proportions from its viewBox.
 */
export interface SvgElement {
  name: string;
  attrs: Record<string, string>;
  children: (SvgElement | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*"([^"]*)"/g;

/** The element tree of an SVG document written by the app's chart code. */
export function parseSvg(svg: string): SvgElement {
  const root: SvgElement = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  for (const m of svg.matchAll(TOKEN)) {
    const parent = stack.at(-1) ?? root;
    const [, closing, name, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      parent.children.push(decode(text));
    } else if (name && closing) {
      if (stack.length > 1) stack.pop();
    } else if (name) {
      const attrs: Record<string, string> = {};
      for (const a of (attributes ?? '').matchAll(ATTRIBUTE)) attrs[a[1] ?? ''] = decode(a[2] ?? '');
      const element: SvgElement = { name, attrs, children: [] };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  const svgElement = root.children.find((c): c is SvgElement => typeof c !== 'string' && c.name === 'svg');
  if (!svgElement) throw new Error('not an SVG document');
  return svgElement;
}

/** The drawing's coordinate box: its viewBox, or its width and height. */
export function svgViewBox(svg: string): { x: number; y: number; width: number; height: number } {
  const head = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const viewBox = /\bviewBox="([^"]+)"/.exec(head)?.[1];
  if (viewBox) {
    const [x = 0, y = 0, width = 0, height = 0] = viewBox
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    return { x, y, width, height };
  }
  const size = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(head)?.[1] ?? 0);
  return { x: 0, y: 0, width: size('width'), height: size('height') };
}
