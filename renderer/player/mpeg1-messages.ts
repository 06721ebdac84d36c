/** What the page and its MPEG-1 decoding workers (mpeg1-worker.ts) say to each other; `id` names a tile's player. */
export type ToMpeg1Worker =
  { type: 'open'; id: number; url: string; canvas: OffscreenCanvas; webgl: boolean } | { type: 'close'; id: number };

export type FromMpeg1Worker =
  | { type: 'socket'; id: number; state: 'open' | 'closed' | 'refused'; detail?: string; code?: number }
  /**
   * Pictures painted since the last report, by player. A player's first picture is reported at
   * once (the tile says live, first-frame times are read); the rest a few times a second, not one
   * message per picture per tile.
   */
  | { type: 'painted'; counts: [id: number, pictures: number][] };
