/**
 * One CSV field, safe whatever separator a spreadsheet program chooses (Dutch Excel splits on `;`):
 * a field holding a comma, semicolon, tab, quote or line break is quoted (RFC 4180), and every
 * text cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe, so that
 * no cell runs as a formula (CSV injection, OWASP).
 */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with CRLF line ends and a byte-order mark, so that Excel opens UTF-8 correctly. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
