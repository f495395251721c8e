import type { DocumentTable } from './document.model.ts';

/**
 * Column widths from what the columns hold, the same rule for DOCX, ODT and PDF (the automatic
 * table layout of CSS, in short): no column is narrower than its longest heading word, so a heading
 * never breaks inside a word; a column gets the width of its longest line when everything fits, and
 * otherwise the room above the minimum is shared in proportion to how much more each column wants.
 * A long word in the content (an address) is allowed to break; its claim is capped.
 */

/** The width of a text in the unit of `total` (points, twips, …), in the bold or regular face. */
export type Measure = (text: string, bold: boolean) => number;

// A no-break space binds as the word processors bind it: "€ 125.000" (Intl's euro amount) is one word.
const words = (text: string) => text.split(/[^\S\u00a0\u202f]+/).filter(Boolean);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** A content word may claim at most this share of the table's width (a longer one breaks). */
const CONTENT_WORD_SHARE = 0.3;

export function columnWidths(
  table: DocumentTable,
  total: number,
  measure: Measure,
  /** The cell's padding, left and right together, in the unit of `total`. */
  padding: number,
): number[] {
  const cache = new Map<string, number>();
  const width: Measure = (text, bold) => {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let found = cache.get(key);
    if (found === undefined) cache.set(key, (found = measure(text, bold)));
    return found;
  };
  const longestWord = (text: string, bold: boolean) => Math.max(0, ...words(text).map((w) => width(w, bold)));
  // hard: the longest heading word (never broken); soft: the longest content word; max: the longest line.
  const hard: number[] = [];
  const soft: number[] = [];
  const maxes: number[] = [];
  table.columns.forEach((column, i) => {
    const bold = table.hasRowHeaders && i === 0;
    const cells = table.rows.map((row) => row[i] ?? '');
    const heading = longestWord(column.label, true) + padding;
    const contentWord = Math.min(
      Math.max(0, ...cells.map((c) => longestWord(c, bold))),
      total * CONTENT_WORD_SHARE,
    );
    hard.push(heading);
    soft.push(Math.max(heading, contentWord + padding));
    maxes.push(Math.max(width(column.label, true), ...cells.map((c) => width(c, bold))) + padding);
  });
  const max = maxes.map((m, i) => Math.max(m, soft[i] ?? 0));
  if (sum(hard) >= total) return hard.map((m) => (m / sum(hard)) * total);
  if (sum(max) <= total) return max.map((m) => m + ((total - sum(max)) * m) / sum(max));
  // Too narrow for every line: first the headings, then the content's words, then the lines.
  const [floor, ceiling] = sum(soft) >= total ? [hard, soft] : [soft, max];
  const room = total - sum(floor);
  const wants = ceiling.map((c, i) => c - (floor[i] ?? 0));
  return floor.map((f, i) => f + (room * (wants[i] ?? 0)) / sum(wants));
}

/**
 * Advance widths of Arial/Liberation Sans in thousandths of an em, in classes of characters: what a
 * DOCX or ODT table is laid out with, where the word processor's own font measures the text. Rounded
 * up, so an estimate is never narrower than the real text.
 */
function arialWidth(char: string): number {
  if ("ijl.,:;'!|".includes(char)) return 280;
  if ('ftrI()[]-'.includes(char)) return 340;
  if ('mwMW@%'.includes(char)) return 900;
  if (/[A-Z]/.test(char)) return 730;
  if (/[0-9€]/.test(char)) return 560;
  return 560;
}

/** The estimated width of a text in points, in Arial (bold about 8 % wider). */
export function estimatedWidthPt(text: string, sizePt: number, bold: boolean): number {
  let units = 0;
  for (const char of text) units += arialWidth(char);
  return (units / 1000) * sizePt * (bold ? 1.08 : 1);
}
