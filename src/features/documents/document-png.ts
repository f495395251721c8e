import { svgsToPng } from '../../core/render/png.ts';
import type { DocumentImage } from './document.model.ts';

/**
 * The images of a document as PNG, for the DOCX and the ODT (the PDF draws the SVG as vectors), drawn
 * when the file is written, side by side on the machine's cores: a model that becomes a PDF never
 * draws a pixel. The core draws them opaque, RGB on white.
 */
export function imagesPng(images: readonly DocumentImage[]): Promise<Buffer[]> {
  return svgsToPng(images.map((image) => ({ svg: image.svg, widthPx: image.pixelWidth })));
}
