/**
 * One CSV field, safe whatever separator a spreadsheet program chooses: a field holding a comma,
 * semicolon, tab, quote or line break is quoted (RFC 4180), and text gets an apostrophe before a
 * leading = + - @, tab or carriage return, and before = + - @ after any comma, semicolon, tab or
 * line break inside it. A program that splits on another separator than ours (Dutch Excel splits
 * a comma file on `;`, ignoring quotes that do not open a cell) then still finds no cell that runs
 * as a formula (CSV injection, OWASP).
 */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe =
    typeof value === 'string'
      ? text.replace(/^(?=[=+\-@\t\r\0])/, "'").replace(/([;,\t\r\n] *)(?=[=+\-@])/g, "$1'")
      : text;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with CRLF line ends and a byte-order mark, so that Excel opens UTF-8 correctly. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
