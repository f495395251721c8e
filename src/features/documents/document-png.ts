import { deflateSync, inflateSync } from 'node:zlib';
import { svgToPng } from '../../core/render/png.ts';

/**
 * Charts for documents as opaque RGB PNG. resvg writes RGBA; pdfkit then decodes every pixel in
 * JavaScript to split off the alpha channel (about a second for a roadmap), while an RGB PNG goes
 * into the PDF as it is. So the chart is composited onto white here, with Node's native zlib.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function chunksOf(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('ascii');
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Undoes the per-row filters of 8-bit RGBA scanlines in place; returns the raw pixels. */
function unfilter(data: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)] ?? 0;
    const row = y * stride;
    const input = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? (pixels[row + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[row - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= 4 ? (pixels[row - stride + x - 4] ?? 0) : 0;
      const raw = data[input + x] ?? 0;
      const predicted =
        filter === 1
          ? left
          : filter === 2
            ? up
            : filter === 3
              ? (left + up) >> 1
              : filter === 4
                ? paeth(left, up, upLeft)
                : 0;
      pixels[row + x] = (raw + predicted) & 0xff;
    }
  }
  return pixels;
}

/** An 8-bit RGBA PNG (as resvg writes it) as an RGB PNG on white; other PNGs are returned as they are. */
export function flattenPng(png: Buffer): Buffer {
  if (!png.subarray(0, 8).equals(SIGNATURE)) return png;
  const chunks = chunksOf(png);
  const header = chunks[0];
  if (header?.type !== 'IHDR') return png;
  const [width, height] = [header.data.readUInt32BE(0), header.data.readUInt32BE(4)];
  const [depth, colourType, interlace] = [header.data[8], header.data[9], header.data[12]];
  if (depth !== 8 || colourType !== 6 || interlace !== 0) return png;
  const pixels = unfilter(
    inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data))),
    width,
    height,
  );
  const out = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const alpha = pixels[i + 3] ?? 255;
      for (let c = 0; c < 3; c++)
        out[row + 1 + x * 3 + c] = Math.round(((pixels[i + c] ?? 0) * alpha + 255 * (255 - alpha)) / 255);
    }
  }
  const ihdr = Buffer.from(header.data);
  ihdr[9] = 2;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(out)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An SVG chart as an opaque PNG of the given width, ready for a document. */
export function chartPng(svg: string, widthPx: number): Buffer {
  return flattenPng(svgToPng(svg, widthPx));
}
