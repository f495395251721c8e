import { Resvg } from '@resvg/resvg-js';
import { documentFont } from './fonts.ts';

/**
 * An SVG drawn by our own chart code, as PNG at the given width (print resolution is the caller's
 * choice: for A4 at 300 dpi, about 2400 px). Text uses the shipped TTF, so the PNG looks the same
 * on every machine and resvg never looks for system fonts.
 */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    font: {
      fontFiles: [documentFont.regular, documentFont.bold],
      loadSystemFonts: false,
      defaultFontFamily: documentFont.family,
      sansSerifFamily: documentFont.family,
    },
  });
  return resvg.render().asPng();
}
