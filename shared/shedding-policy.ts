/**
 * Which tiles give up work when the wall is past real time, and when they get
 * it back (issue #23). Pure: the page feeds it what it measured and what each
 * tile is; it answers each tile's mode. One tile changes per decision, so the
 * wall bends a step at a time; climbing back waits for a calm spell, and no
 * tile changes mode more than twice a minute (no flapping).
 *
 * Modes: 'full' (every picture), 'keyframes' (the camera's own IDR pictures
 * only: no extra camera connection, no transcode), 'keyframes-slow' (every
 * few key frames), 'off' (hidden or off screen: decodes nothing).
 */
export type TileMode = 'full' | 'keyframes' | 'keyframes-slow' | 'off';
export type LayoutRate = 'auto' | 'full' | 'keyframes';

export interface TileFacts {
  index: number;
  visible: boolean;
  /** Share of the wall's area, 0–1: small tiles give way first. */
  area: number;
  /** Selected, maximised, PTZ-steered, on an alarm, or pinned "keep full rate": served last, never first. */
  protected: boolean;
  mode: TileMode;
  /** When this tile's mode last changed (ms), and how often in the last minute. */
  changedAt: number;
  changesLastMinute: number;
}

export interface WallLoad {
  /** The wall paints at least 90 % of what its cameras send. */
  realTime: boolean;
  /** Room for at least one more full-rate tile (status bar's estimate ≥ 1). */
  roomToClimb: boolean;
  now: number;
}

/** A calm spell before any tile climbs back. */
export const CLIMB_AFTER_MS = 10_000;
/** A tile changes mode at most this often per minute. */
export const MAX_CHANGES_PER_MINUTE = 2;

const ladder: TileMode[] = ['full', 'keyframes', 'keyframes-slow'];

/**
 * The order work is given up in, one step at a time: every unprotected tile
 * (smallest first) to key frames, then each of them to the slower key-frame
 * rate, and only then the protected tiles the same way. Climbing back walks
 * the same steps in reverse: the last given up is the first restored.
 */
function steps(shown: readonly TileFacts[]): { tile: TileFacts; from: number }[] {
  const order: { tile: TileFacts; from: number }[] = [];
  for (const group of [shown.filter((t) => !t.protected), shown.filter((t) => t.protected)]) {
    const sorted = [...group].sort((a, b) => a.area - b.area || b.index - a.index);
    for (let from = 0; from < ladder.length - 1; from++) for (const tile of sorted) order.push({ tile, from });
  }
  return order;
}

export function decideModes(tiles: readonly TileFacts[], load: WallLoad, rate: LayoutRate): Map<number, TileMode> {
  const modes = new Map<number, TileMode>();
  for (const tile of tiles) modes.set(tile.index, !tile.visible ? 'off' : tile.mode === 'off' ? 'full' : tile.mode);
  const shown = tiles.filter((t) => t.visible);

  if (rate === 'full') {
    for (const t of shown) modes.set(t.index, 'full');
    return modes;
  }
  if (rate === 'keyframes') {
    for (const t of shown) modes.set(t.index, t.protected ? 'full' : 'keyframes');
    return modes;
  }
  const mayChange = (t: TileFacts) => t.changesLastMinute < MAX_CHANGES_PER_MINUTE;
  const order = steps(shown);

  if (!load.realTime) {
    const step = order.find(({ tile, from }) => modes.get(tile.index) === ladder[from] && mayChange(tile));
    if (step) modes.set(step.tile.index, ladder[step.from + 1]!);
    return modes;
  }
  const calm = shown.every((t) => load.now - t.changedAt >= CLIMB_AFTER_MS);
  if (!load.roomToClimb || !calm) return modes;
  const step = [...order]
    .reverse()
    .find(({ tile, from }) => modes.get(tile.index) === ladder[from + 1] && mayChange(tile));
  if (step) modes.set(step.tile.index, ladder[step.from]!);
  return modes;
}
