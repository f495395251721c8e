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
