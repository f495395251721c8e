import { inflateRawSync } from 'node:zlib';

/**
 * Sizes an XLSX before anything parses it (issue #14): a 1.6 KB workbook with one cell at XFD1048576
 * once held the server for good, and a zip bomb unpacks to gigabytes. An XLSX is a zip of XML parts;
 * this reads the zip's central directory itself (a few dozen lines, no library needed), unpacks each
 * part with a hard cap on the bytes it may produce, and counts the first sheet's rows and columns,
 * stopping at the first one past the limit.
 */

/** What an import accepts: data rows (the header row not counted) and columns. */
export interface SheetLimits {
  maxRows: number;
  maxColumns: number;
}

/** All parts of a workbook together may unpack to this many bytes (a full 5,000 × 50 sheet is ~20 MB). */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 1000;

export type SizeProblem = 'unreadable' | 'unpackedTooLarge' | 'tooManyRows' | 'tooManyColumns';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/** The entries of the zip's central directory, or 'unreadable'. */
function zipEntries(data: Buffer): ZipEntry[] | 'unreadable' {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--)
    if (data.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) return 'unreadable';
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES) return 'unreadable';
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return 'unreadable';
    const nameLength = data.readUInt16LE(at + 28);
    entries.push({
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      declaredSize: data.readUInt32LE(at + 24),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
      localHeaderOffset: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

/** One part, unpacked to at most `maxBytes` whatever its header declares. */
function unpack(data: Buffer, entry: ZipEntry, maxBytes: number): Buffer | SizeProblem {
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) return 'unreadable';
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const packed = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return packed.length > maxBytes ? 'unpackedTooLarge' : packed;
  if (entry.method !== 8) return 'unreadable';
  try {
    // Node stops inflating as soon as the output would pass maxOutputLength.
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    return error instanceof RangeError ? 'unpackedTooLarge' : 'unreadable';
  }
}

/** "AB" → 28: the column number of a cell reference's letters. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The path of the workbook's first sheet, as the spreadsheet program shows it first. */
function firstSheetPath(parts: Map<string, string>): string | undefined {
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const relations = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const id = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const relation = id && new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(relations)?.[0];
  const target = relation && /\bTarget="([^"]+)"/.exec(relation)?.[1];
  if (!target) return [...parts.keys()].find((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * Finds the last row and column that hold a value (a cell with content, not a formatted empty one),
 * and stops at the first past the limits: data may fill rows 2 to maxRows + 1 under the header, and
 * columns A to the maxColumns-th. The sheet's own <dimension> is not trusted: it can lie, and Excel
 * counts formatted empty cells in it.
 */
function countSheet(xml: string, limits: SheetLimits): SizeProblem | undefined {
  const cells = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
  let [row, column] = [0, 0];
  for (let match = cells.exec(xml); match; match = cells.exec(xml)) {
    const [, tag, attributes = '', selfClosing] = match;
    const reference = /\br="([A-Z]*)(\d*)"/.exec(attributes);
    if (tag === 'row') {
      row = reference?.[2] ? Number(reference[2]) : row + 1;
      column = 0;
      continue;
    }
    column = reference?.[1] ? columnNumber(reference[1]) : column + 1;
    if (selfClosing) continue;
    if (column > limits.maxColumns) return 'tooManyColumns';
    if (row > limits.maxRows + 1) return 'tooManyRows';
  }
  return undefined;
}

/** Undefined when the workbook is within the limits; otherwise why it is refused. */
export function checkXlsxSize(data: Buffer, limits: SheetLimits): SizeProblem | undefined {
  const entries = zipEntries(data);
  if (entries === 'unreadable') return entries;
  // What the directory declares is checked first (cheap); then what unpacking really produces.
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > MAX_UNPACKED_BYTES || entries.some((e) => e.declaredSize === 0xffffffff))
    return 'unpackedTooLarge';
  let budget = MAX_UNPACKED_BYTES;
  const parts = new Map<string, string>();
  const sheets = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const bytes = unpack(data, entry, budget);
    if (typeof bytes === 'string') return bytes;
    budget -= bytes.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) sheets.set(entry.name, bytes);
    else if (entry.name.endsWith('.rels') || entry.name === 'xl/workbook.xml')
      parts.set(entry.name, bytes.toString('utf8'));
  }
  for (const name of sheets.keys()) parts.set(name, '');
  const first = sheets.get(firstSheetPath(parts) ?? '');
  return first ? countSheet(first.toString('utf8'), limits) : undefined;
}
