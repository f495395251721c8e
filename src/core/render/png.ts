import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { deflate, deflateSync } from 'node:zlib';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { documentFont } from './fonts.ts';

/**
 * An SVG drawn by our own chart code, as PNG at the given width (print resolution is the caller's
 * choice: for A4 at 300 dpi, about 2400 px). Text uses the shipped TTF, so the PNG looks the same
 * on every machine and resvg never looks for system fonts.
 *
 * The PNG is opaque RGB on white, encoded here with Node's native zlib at a fast level: resvg's own
 * encoder (RGBA, best compression) took longer than drawing, and an RGBA PNG makes pdfkit split the
 * alpha channel pixel by pixel in JavaScript. A chart on white loses nothing by it.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The rows of RGBA pixels as RGB, each row after its filter byte 0 ("None"). */
function rgbRows(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.allocUnsafe(stride * height);
  // A pixel read as one 32-bit word (R in its low byte) is a third of the work of four byte reads.
  const words =
    isLittleEndian && rgba.byteOffset % 4 === 0
      ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height)
      : undefined;
  for (let y = 0; y < height; y++) {
    let o = y * stride;
    raw[o++] = 0;
    if (words) {
      for (let i = y * width, end = i + width; i < end; i++) {
        const v = words[i] as number;
        raw[o] = v;
        raw[o + 1] = v >>> 8;
        raw[o + 2] = v >>> 16;
        o += 3;
      }
    } else {
      for (let i = y * width * 4, end = i + width * 4; i < end; i += 4) {
        raw[o++] = rgba[i] as number;
        raw[o++] = rgba[i + 1] as number;
        raw[o++] = rgba[i + 2] as number;
      }
    }
  }
  return raw;
}

const deflateAsync = promisify(deflate);
/** A fast level: the rows are a chart's flat areas, which pack well at it. */
const DEFLATE_LEVEL = 3;

function pngFile(width: number, height: number, idat: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Opaque RGBA pixels as an RGB PNG, rows unfiltered: a chart's flat areas repeat the same three
 * bytes, which zlib packs well at a fast level (the "Sub" filter cost more time than it saved bytes).
 */
export function encodeRgbPng(rgba: Uint8Array, width: number, height: number): Buffer {
  return pngFile(width, height, deflateSync(rgbRows(rgba, width, height), { level: DEFLATE_LEVEL }));
}

function renderOptions(widthPx: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    background: '#ffffff',
    font: {
      fontFiles: [documentFont.regular, documentFont.bold],
      loadSystemFonts: false,
      defaultFontFamily: documentFont.family,
      sansSerifFamily: documentFont.family,
    },
  };
}

export function svgToPng(svg: string, widthPx: number): Buffer {
  const image = new Resvg(svg, renderOptions(widthPx)).render();
  return encodeRgbPng(image.pixels, image.width, image.height);
}

/**
 * The same PNG, drawn and packed on libuv's thread pool: a document with a dozen charts draws them
 * side by side on every core instead of one after another on the calling thread (which only turns
 * the pixels into rows). At most `parallel` at a time, so a long document holds a few pages of
 * pixels in memory, not all of them.
 */
export async function svgsToPng(
  images: readonly { svg: string; widthPx: number }[],
  parallel = availableParallelism(),
): Promise<Buffer[]> {
  const out: Buffer[] = new Array<Buffer>(images.length);
  let next = 0;
  const drawNext = async (): Promise<void> => {
    for (let i = next++; i < images.length; i = next++) {
      const { svg, widthPx } = images[i] as { svg: string; widthPx: number };
      const image = await renderAsync(svg, renderOptions(widthPx));
      const rows = rgbRows(image.pixels, image.width, image.height);
      out[i] = pngFile(image.width, image.height, await deflateAsync(rows, { level: DEFLATE_LEVEL }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, images.length)) }, drawNext));
  return out;
}
