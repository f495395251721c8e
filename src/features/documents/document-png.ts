import { svgToPng } from '../../core/render/png.ts';
import type { DocumentImage } from './document.model.ts';

/**
 * An image of the document as PNG, for the DOCX and the ODT (the PDF draws the SVG as vectors), drawn
 * when the file is written: a model that becomes a PDF never draws a pixel. The core draws it opaque,
 * RGB on white.
 */
export function imagePng(image: DocumentImage): Buffer {
  return svgToPng(image.svg, image.pixelWidth);
}
