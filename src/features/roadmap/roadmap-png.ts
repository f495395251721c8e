import { createHash } from 'node:crypto';
import { svgToPng } from '../../core/render/png.ts';
import { defineTask } from '../../core/workers/worker-tasks.ts';
import { layoutRoadmap } from './roadmap-layout.ts';
import type { RoadmapInput } from './roadmap.model.ts';
import { renderRoadmapSvg } from './roadmap-svg.ts';

/**
 * A3 landscape is 420 mm wide: at 200 dpi that is 420 / 25.4 × 200 ≈ 3307 pixels, sharp for the
 * roadmap's 12-unit labels on paper. At 300 dpi the image had 2.25 times the pixels, and drawing and
 * packing them took seconds.
 */
export const PRINT_WIDTH_PX = Math.round((420 / 25.4) * 200);

/**
 * A very long roadmap (a hundred actions and more) is a tall poster; its width is lowered so the image
 * stays under this many pixels (memory and time of the render: 4 bytes a pixel while drawing).
 */
export const MAX_PIXELS = 16_000_000;

/** Pixel width of the PNG: print width, unless the aspect ratio would exceed MAX_PIXELS. */
export function pngWidthFor(layout: { width: number; height: number }): number {
  const capped = Math.floor(Math.sqrt((MAX_PIXELS * layout.width) / layout.height));
  return Math.min(PRINT_WIDTH_PX, capped);
}

/**
 * The PNGs drawn most recently, by a hash of their SVG: a PNG costs up to a few seconds of CPU and the
 * public link serves it to anyone, so the same roadmap is drawn once (the SVG changes with the data
 * and the date, so a stale image is never served). Per process; a few megabytes at most.
 */
const recent = new Map<string, Buffer>();
const RECENT_LIMIT = 16;

function cachedPng(svg: string, width: number): Buffer {
  const key = createHash('sha256').update(`${width}|${svg}`).digest('base64url');
  const hit = recent.get(key);
  if (hit) return hit;
  const png = svgToPng(svg, width);
  recent.set(key, png);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value ?? key);
  return png;
}

/** The PNG keeps the SVG's aspect ratio: a long roadmap becomes a tall poster, never squeezed text. */
export function renderRoadmapPng(
  input: RoadmapInput,
  options: { useCache?: boolean } = {},
): { png: Buffer; width: number; height: number } {
  const layout = layoutRoadmap(input);
  const [svg, width] = [renderRoadmapSvg(input, layout), pngWidthFor(layout)];
  const png = options.useCache ? cachedPng(svg, width) : svgToPng(svg, width);
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** renderRoadmapPng in the worker pool: the request thread loads the input, a worker draws it. */
export const renderRoadmapPngTask = defineTask(
  new URL(import.meta.url),
  'renderRoadmapPng',
  renderRoadmapPng,
);

/** The pixel size of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The size renderRoadmapPng gives (resvg rounds the height to whole pixels). */
export function expectedPngSize(input: RoadmapInput): { width: number; height: number } {
  const layout = layoutRoadmap(input);
  const width = pngWidthFor(layout);
  return { width, height: Math.round((layout.height * width) / layout.width) };
}
