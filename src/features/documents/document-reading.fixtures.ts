import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';

/**
 * Reading documents back in tests: the DOCX through its XML parts, the PDF through poppler-utils
 * (pdfinfo, pdftotext, pdftoppm), installed from Debian by `.ci/run`.
 */
const run = promisify(execFile);

export interface DocxParts {
  document: string;
  styles: string;
  core: string;
  footers: string[];
  media: string[];
}

export async function readDocx(bytes: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files);
  return {
    document: await text('word/document.xml'),
    styles: await text('word/styles.xml'),
    core: await text('docProps/core.xml'),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(text)),
    media: names.filter((n) => n.startsWith('word/media/')),
  };
}

/** The paragraph style ids used in the body, in order (Heading1, Heading2, Caption, …). */
export function paragraphStyles(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1] ?? '');
}

async function withFile<T>(bytes: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-doc-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await fs.writeFile(file, bytes);
    return await fn(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export interface PdfFacts {
  info: Record<string, string>;
  structure: string;
  fonts: string;
  /** Text per page, as pdftotext extracts it. */
  pages: string[];
  /** How many PNG files pdftoppm rendered (one per page when every page renders). */
  rendered: number;
}

export async function readPdf(bytes: Buffer): Promise<PdfFacts> {
  return withFile(bytes, async (file, dir) => {
    const info = Object.fromEntries(
      (await run('pdfinfo', [file])).stdout
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .flatMap((m) => (m?.[1] ? [[m[1], m[2] ?? '']] : [])),
    );
    const structure = (await run('pdfinfo', ['-struct', file], { maxBuffer: 32 * 1024 * 1024 })).stdout;
    const fonts = (await run('pdffonts', [file])).stdout;
    const text = (await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 32 * 1024 * 1024 })).stdout;
    await run('pdftoppm', ['-r', '30', '-png', file, path.join(dir, 'page')]);
    const rendered = (await fs.readdir(dir)).filter((n) => n.startsWith('page') && n.endsWith('.png')).length;
    return { info, structure, fonts, pages: text.split('\f').slice(0, -1), rendered };
  });
}

export function count(haystack: string, pattern: RegExp): number {
  return [
    ...haystack.matchAll(
      new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`),
    ),
  ].length;
}

/** Each page's size in points, as pdfinfo reads it. */
export async function pdfPageSizes(bytes: Buffer): Promise<{ width: number; height: number }[]> {
  return withFile(bytes, async (file) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '9999', file]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
  });
}

export interface PlacedImage {
  page: number;
  /** Pixels of the image. */
  width: number;
  height: number;
  /** Its size as placed on the page, in points (from the resolution pdfimages reports). */
  widthPt: number;
  heightPt: number;
}

/** The images on the pages and how large they are placed (pdfimages -list). */
export async function pdfImages(bytes: Buffer): Promise<PlacedImage[]> {
  return withFile(bytes, async (file) => {
    const { stdout } = await run('pdfimages', ['-list', file]);
    return stdout
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells.length >= 14 && cells[2] === 'image')
      .map((cells) => {
        const [page, width, height, xppi, yppi] = [0, 3, 4, 12, 13].map((i) => Number(cells[i]));
        return {
          page: page ?? 0,
          width: width ?? 0,
          height: height ?? 0,
          widthPt: ((width ?? 0) / (xppi ?? 1)) * 72,
          heightPt: ((height ?? 0) / (yppi ?? 1)) * 72,
        };
      });
  });
}

/**
 * Every word on a page with its font size in points, from the word boxes pdftotext gives: a box is
 * as high as the font's ascent plus descent, which for Noto Sans is 1.362 em.
 */
export async function pdfWords(
  bytes: Buffer,
  page: number,
  emHeight = 1.362,
): Promise<{ text: string; size: number }[]> {
  return withFile(bytes, async (file) => {
    const p = String(page);
    const { stdout } = await run('pdftotext', ['-bbox', '-f', p, '-l', p, file, '-']);
    return [
      ...stdout.matchAll(
        /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({ text: m[3] ?? '', size: (Number(m[2]) - Number(m[1])) / emHeight }));
  });
}

/** The font size of every word on a page (see pdfWords). */
export async function pdfWordSizes(bytes: Buffer, page: number): Promise<number[]> {
  return (await pdfWords(bytes, page)).map((w) => w.size);
}

/**
 * Converts documents to PDF with LibreOffice in one run (it takes seconds to start), with a profile
 * of its own, so that it never meets another LibreOffice running on the machine.
 */
export async function convertWithLibreOffice(files: Record<string, Buffer>): Promise<Record<string, Buffer>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rk-lo-'));
  try {
    const names = Object.keys(files);
    for (const name of names) await fs.writeFile(path.join(dir, name), files[name] ?? Buffer.alloc(0));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        path.join(dir, 'pdf'),
        ...names.map((n) => path.join(dir, n)),
      ],
      { timeout: 120_000 },
    );
    const out: Record<string, Buffer> = {};
    for (const name of names)
      out[name] = await fs.readFile(path.join(dir, 'pdf', `${path.parse(name).name}.pdf`));
    return out;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The tallest band of a page in which every pixel row has ink (a grey below 245), in points: a chart
 * is one such band, while lines of text have white between them. A chart clipped to a line's height
 * shows as a band of that line's height.
 */
export async function tallestInkBand(pdf: Buffer, page: number, dpi = 36): Promise<number> {
  return withFile(pdf, async (file) => {
    const p = String(page);
    const { stdout } = await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', p, '-l', p, file], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a PGM image');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = stdout.subarray(header[0].length);
    let [best, band] = [0, 0];
    for (let y = 0; y < height; y++) {
      const row = pixels.subarray(y * width, (y + 1) * width);
      band = row.some((v: number) => v < 245) ? band + 1 : 0;
      best = Math.max(best, band);
    }
    return (best / dpi) * 72;
  });
}
