import { svgToPng } from '../../core/render/png.ts';
import { defineTask } from '../../core/workers/worker-tasks.ts';

/** A4 landscape at 300 dpi: 297 mm is 3508 pixels wide. */
export const routePngWidth = 3508;

export function renderRoutePng(svg: string): Buffer {
  return svgToPng(svg, routePngWidth);
}

/** renderRoutePng in the worker pool: the request thread draws the SVG, a worker rasterises it. */
export const renderRoutePngTask = defineTask(new URL(import.meta.url), 'renderRoutePng', renderRoutePng);
