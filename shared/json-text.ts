/** JSON as people and spreadsheets save it: a UTF-8 BOM is allowed. Throws with JSON.parse's own message. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}
