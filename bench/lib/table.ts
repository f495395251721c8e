export type Cell = string | number | undefined;

/** Formats a number with a fixed count of decimals; undefined and NaN show as "n/a". */
export function fixed(value: number | undefined, decimals = 0): string {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A plain-text table: text columns left-aligned, numeric-looking columns right-aligned. */
export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((cell) => (cell === undefined ? 'n/a' : String(cell))));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((row) => (row[i] ?? '').length)));
  const isNumeric = headers.map((_, i) => text.every((row) => /^[\d.,×n/a-]*$/.test(row[i] ?? '')));
  const line = (cells: string[]) =>
    cells.map((c, i) => (isNumeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [line(headers), rule, ...text.map(line)].join('\n');
}
