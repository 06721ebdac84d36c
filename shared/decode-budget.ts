/**
 * The decode budget in plain figures: from what the machine measures now
 * (its CPU, the pictures painted against the pictures the cameras send),
 * how many more tiles of the current mix it can carry in real time.
 * Pure, so the status bar and the layout picker say the same thing, and the
 * table test pins it down.
 */
export interface LoadSample {
  /** Logical cores. */
  cores: number;
  /** Whole-machine CPU busy, 0–100 % of all cores. */
  machineBusy: number;
  /** Tiles on the wall that are playing. */
  liveTiles: number;
  /** Pictures painted per second on the page, all tiles. */
  paintedFps: number;
  /** Pictures per second the cameras on the wall send, all tiles. */
  cameraFps: number;
  /** Pictures painted per second by every tile, economy ones included (default: `paintedFps`). */
  allPaintedFps?: number;
  /** A full-rate tile's pictures per second, when no full-rate tile is live to say (all on economy). */
  tileFps?: number;
}

export interface Budget {
  /** The wall paints at least 90 % of what its cameras send. */
  realTime: boolean;
  /** Whole-machine CPU % one tile of the current mix costs (undefined with no live tile). */
  perTile: number | undefined;
  /** Tiles more the machine can carry at this mix; 0 when it is already past real time. */
  moreTiles: number | undefined;
}

/** CPU kept free for the operator's other work and for bursts (key frames, reconnects). */
export const HEADROOM_PERCENT = 15;
/** Below this share of the cameras' rate, the wall is behind: nothing more fits. */
export const REAL_TIME_SHARE = 0.9;

export function estimateBudget(sample: LoadSample): Budget {
  const realTime = sample.cameraFps <= 0 || sample.paintedFps >= sample.cameraFps * REAL_TIME_SHARE;
  const painted = sample.allPaintedFps ?? sample.paintedFps;
  const tileFps = sample.liveTiles > 0 ? sample.cameraFps / sample.liveTiles : sample.tileFps;
  if (!tileFps || painted <= 0) return { realTime, perTile: undefined, moreTiles: undefined };
  // What the machine is busy with is all put down to the pictures painted (an estimate that errs on
  // the safe side); a full-rate tile costs its camera's rate of them. With every tile at full rate this
  // is the machine's load shared among the tiles; economy tiles count for the few pictures they paint.
  const perTile = Math.max(0.1, (sample.machineBusy / painted) * tileFps);
  const free = 100 - HEADROOM_PERCENT - sample.machineBusy;
  const moreTiles = realTime ? Math.max(0, Math.floor(free / perTile)) : 0;
  return { realTime, perTile, moreTiles };
}
