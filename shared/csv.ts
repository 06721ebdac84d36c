/**
 * One CSV field (RFC 4180 quoting, for "," and ";" readers alike). A leading
 * = + - @ is neutralised with an apostrophe so a spreadsheet never runs it as
 * a formula — and so is one right after a "," or ";" inside the field: a
 * spreadsheet that splits on the other separator (Indonesian Excel uses ";")
 * does not see our quotes and would start a cell there.
 */
export function csvField(value: string | number): string {
  const text = String(value).replace(/([,;])([=+\-@\t\r])/g, "$1'$2");
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole CSV file: the header and the rows, CRLF line ends, and a BOM —
 * Excel opens UTF-8 (street names with diacritics) correctly only with it.
 */
export function csvDocument(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
