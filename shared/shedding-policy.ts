/**
 * Which tiles give up work when the wall is past real time, and when they get
 * it back (issue #23). Pure: the page feeds it what it measured and what each
 * tile is; it answers each tile's mode.
 *
 * It sheds in proportion to the shortfall (a wall painting 10 % of its
 * pictures takes most of its tiles a step down at once, a wall at 85 % a
 * few), waits for a clean measurement after each change, and climbs back only
 * after a calm spell and only as far as the measured room allows: it falls
 * fast and rises carefully, so it does not flap. No tile changes mode more than
 * twice a minute.
 *
 * Modes: 'full' (every picture), 'keyframes' (the camera's own key pictures
 * only: no extra camera connection, no transcode), 'keyframes-slow' (one
 * GOP's key picture in three), 'off' (hidden or off screen: decodes nothing).
 *
 * Every tile keeps a picture of at least MIN_ECONOMY_FPS where its camera's
 * GOP allows it: a step below that floor (one key picture in three of a 1 s
 * GOP is one picture in 3 s), like any step of a protected tile, is a last
 * resort, taken only after the wall stayed behind for PATIENT_MS with nothing
 * changing — never on the noise of the wall's own last change.
 */
export type TileMode = 'full' | 'keyframes' | 'keyframes-slow' | 'off';
export type LayoutRate = 'auto' | 'full' | 'keyframes';
export const layoutRates: readonly LayoutRate[] = ['auto', 'full', 'keyframes'];

/** A tile on economy: key pictures only, at either rate. */
export const isEconomy = (mode: TileMode) => mode === 'keyframes' || mode === 'keyframes-slow';

export interface TileFacts {
  index: number;
  visible: boolean;
  /** Share of the wall's area, 0–1: small tiles give way first. */
  area: number;
  /** Selected, maximised, PTZ-steered, on an alarm, or pinned "keep full rate": served last, never first. */
  protected: boolean;
  mode: TileMode;
  /** Seconds between its camera's key pictures, once known: how slow key pictures alone paint it. */
  gopSeconds?: number | undefined;
  /** When this tile's mode last changed (ms), and how often in the last minute. */
  changedAt: number;
  changesLastMinute: number;
}

export interface WallLoad {
  /** Pictures painted by the full-rate tiles ÷ pictures their cameras sent, over the last measurement (1 with none). */
  paintedShare: number;
  /** Full-rate tiles more the machine can carry, as the status bar estimates it (0 when none). */
  room: number;
  now: number;
}

/** Below this share of the cameras' pictures painted, the wall is past real time. */
export const REAL_TIME_SHARE = 0.9;
/**
 * After any change, the next measurement must be a clean one before more is
 * shed: tiles that changed re-open their streams, which costs the machine a
 * few seconds of its own.
 */
export const SETTLE_MS = 5_000;
/** A calm spell (no change at all) before any tile climbs back. */
export const CLIMB_AFTER_MS = 6_000;
/** A tile changes mode at most this often per minute. */
export const MAX_CHANGES_PER_MINUTE = 2;
/** On 'keyframes-slow', one GOP's key picture in this many (electron/core/relay/rate-gate.ts). */
export const SLOW_EVERY = 3;
/** The picture rate an economy tile keeps where its camera's GOP allows it. */
export const MIN_ECONOMY_FPS = 1;
/** The calm a last-resort step waits for: below the floor, or a protected tile. */
export const PATIENT_MS = 15_000;

const ladder: TileMode[] = ['full', 'keyframes', 'keyframes-slow'];

/** The order tiles give way in: smallest first, and among equals the last on the wall first. */
const givesWayFirst = (a: Pick<TileFacts, 'area' | 'index'>, b: Pick<TileFacts, 'area' | 'index'>) =>
  a.area - b.area || b.index - a.index;

/** Whether one key picture in SLOW_EVERY would still paint the tile at the floor (an unknown GOP: no). */
const slowKeepsFloor = (t: TileFacts) =>
  t.gopSeconds !== undefined && 1 / (t.gopSeconds * SLOW_EVERY) >= MIN_ECONOMY_FPS;

interface Step {
  tile: TileFacts;
  from: number;
  /** A last resort: waits for PATIENT_MS of calm. */
  patient: boolean;
}

/**
 * The order work is given up in: every unprotected tile (smallest first) to
 * key frames, then to the slower key-frame rate those that stay above the
 * floor at it, then the rest of them, and only then the protected tiles the
 * same way. Climbing back walks the same steps in reverse: the last given up
 * is the first restored.
 */
function steps(shown: readonly TileFacts[]): Step[] {
  const order: Step[] = [];
  for (const group of [shown.filter((t) => !t.protected), shown.filter((t) => t.protected)]) {
    const sorted = [...group].sort(givesWayFirst);
    const slow = [...sorted.filter(slowKeepsFloor), ...sorted.filter((t) => !slowKeepsFloor(t))];
    for (const tile of sorted) order.push({ tile, from: 0, patient: tile.protected });
    for (const tile of slow) order.push({ tile, from: 1, patient: tile.protected || !slowKeepsFloor(tile) });
  }
  return order;
}

/** How many steps to give up now: the shortfall's share of the tiles shown, at least one. */
function shedCount(shown: readonly TileFacts[], load: WallLoad): number {
  return Math.max(1, Math.ceil((1 - Math.max(0, load.paintedShare)) * shown.length));
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
  const quietFor = (ms: number) => shown.every((t) => load.now - t.changedAt >= ms);
  const order = steps(shown);

  if (load.paintedShare < REAL_TIME_SHARE) {
    if (!quietFor(SETTLE_MS)) return modes;
    let left = shedCount(shown, load);
    // The protected give way only once every other tile is already at the bottom.
    const othersAtBottom = shown.every((t) => t.protected || t.mode === ladder[ladder.length - 1]);
    for (const { tile, from, patient } of order) {
      if (left === 0) break;
      if (tile.protected && !othersAtBottom) continue;
      if (patient && !quietFor(PATIENT_MS)) continue;
      // A tile takes one step per decision: the next measurement says whether it needs another.
      if (modes.get(tile.index) !== tile.mode || tile.mode !== ladder[from] || !mayChange(tile)) continue;
      modes.set(tile.index, ladder[from + 1]!);
      left--;
    }
    return modes;
  }
  if (load.room < 1 || !quietFor(CLIMB_AFTER_MS)) return modes;
  // Rising, half of the measured room at a time: the estimate errs, and a climb too far is a fall.
  let left = Math.max(1, Math.floor(load.room / 2));
  for (const { tile, from } of [...order].reverse()) {
    if (left === 0) break;
    if (modes.get(tile.index) !== tile.mode || tile.mode !== ladder[from + 1] || !mayChange(tile)) continue;
    modes.set(tile.index, ladder[from]!);
    left--;
  }
  return modes;
}

/**
 * The modes a new wall starts in. A wall bigger than the machine was last
 * measured to carry at full rate (`carries`) starts its smallest unprotected
 * tiles beyond that on key pictures, and climbs from there as the load meter
 * finds room: opening 64 full-rate streams on a machine that carries 9 first
 * starts 64 transcodes and then sheds 55 of them, and the wall paints nothing
 * for most of a minute. Unknown capacity (the first wall of a session), a
 * layout on "always full" or "key pictures only", or a wall within capacity:
 * the usual start (full; the layout's own choice is applied by decideModes).
 */
export function startingModes(
  tiles: readonly Pick<TileFacts, 'index' | 'area' | 'protected'>[],
  carries: number | undefined,
  rate: LayoutRate,
): Record<number, TileMode> {
  const modes: Record<number, TileMode> = {};
  if (rate !== 'auto' || carries === undefined || tiles.length <= carries) return modes;
  const protectedCount = tiles.filter((t) => t.protected).length;
  const sorted = tiles.filter((t) => !t.protected).sort(givesWayFirst);
  const fullOthers = Math.max(0, carries - protectedCount);
  for (const tile of sorted.slice(0, sorted.length - fullOthers)) modes[tile.index] = 'keyframes';
  return modes;
}
