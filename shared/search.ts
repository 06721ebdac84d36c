/** Camera search: case- and diacritics-insensitive, every word must match name, group or id. */
export function fold(text: string): string {
  // Most names are plain ASCII: skip Unicode normalisation for them (20,000 names
  // fold in a few ms instead of a couple of hundred).
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A lowercase id part from a name: letters and digits joined by "-", at most `max` long. */
export function slug(text: string, fallback: string, max = 40): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max) || fallback
  );
}

/** What a camera is found by: its name, group and id, folded once (the directory keeps an index of these). */
export function searchText(camera: { name: string; group?: string | undefined; id: string }): string {
  return fold(`${camera.name} ${camera.group ?? ''} ${camera.id}`);
}

/** A test for folded search texts: every word of the query must appear; an empty query matches all. */
export function queryMatcher(query: string): (folded: string) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return (folded) => words.every((w) => folded.includes(w));
}
