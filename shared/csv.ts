/**
 * One CSV field (RFC 4180 quoting, for "," and ";" readers alike). A leading
 * = + - @ is neutralised with an apostrophe so a spreadsheet never runs it as
 * a formula.
 */
export function csvField(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
