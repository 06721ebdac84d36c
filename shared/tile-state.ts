import type { StreamState, StreamStatus } from './model';

/** What a tile shows: the core's stream state, corrected by what this tile itself sees. */
export type TileState = Exclude<StreamState, 'idle'> | 'error' | 'empty' | 'missing';

export interface TileFacts {
  hasCamera: boolean;
  /** The stream could not be opened at all (unknown camera, refused). */
  openFailed: boolean;
  core: Pick<StreamStatus, 'state'> | undefined;
  /** The tile's relay socket is open. */
  socketUp: boolean;
  /** The tile has painted at least one frame. */
  decoded: boolean;
  /** The tile has painted nothing for longer than the stall limit. */
  stale: boolean;
}

/**
 * "live" only when the core says so AND this tile is painting: a frozen
 * picture that looks live is the worst failure a wall can have.
 */
export function tileState(f: TileFacts): TileState {
  if (!f.hasCamera) return 'empty';
  if (f.openFailed) return 'error';
  const core = f.core?.state ?? 'connecting';
  if (core === 'idle' || core === 'connecting') return 'connecting';
  // degraded: the picture moves but ffmpeg reports it damaged; the tile says so, never "live".
  if (core !== 'live' && core !== 'degraded') return core;
  if (!f.socketUp) return 'reconnecting';
  if (!f.decoded) return 'connecting';
  return f.stale ? 'stalled' : core;
}
