/**
 * What the page and the workers that decode its tiles say to each other
 * (worker-pool.ts; mpeg1-worker.ts and h264-worker.ts): `id` names one tile's
 * player, a worker serving many. `Open` is what a path needs beyond the stream's
 * address and the canvas (MPEG-1: whether to draw with WebGL).
 */
import type { ViewerRate } from '../../shared/api';

export type ToTileWorker<Open = Record<never, never>> =
  | ({ type: 'open'; id: number; url: string; canvas: OffscreenCanvas } & Open)
  /** The tile's economy mode changed: said to the relay on the player's open socket. */
  | { type: 'rate'; id: number; rate: ViewerRate }
  | { type: 'close'; id: number };

export type FromTileWorker =
  | { type: 'socket'; id: number; state: 'open' | 'closed' | 'refused'; detail?: string; code?: number }
  /**
   * Pictures painted since the last report, by player. A player's first picture is reported at
   * once (the tile says live, first-frame times are read); the rest a few times a second, not one
   * message per picture per tile.
   */
  | { type: 'painted'; counts: [id: number, pictures: number][] }
  /** A decoder refused or broke on a player's stream (it waits for the next keyframe): logged by the page. */
  | { type: 'error'; id: number; message: string }
  /** The browser's decoder will not take this player's stream at all (native path: the tile goes to MPEG-1). */
  | { type: 'undecodable'; id: number; message: string };
