import { svgToPng } from '../../core/render/png.ts';

/**
 * Charts for documents as PNG. The core already draws them opaque, RGB on white: pdfkit embeds such a
 * PNG as it is, while an RGBA one made it split off the alpha channel pixel by pixel in JavaScript.
 */
export function chartPng(svg: string, widthPx: number): Buffer {
  return svgToPng(svg, widthPx);
}
