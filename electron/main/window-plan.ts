/**
 * Which windows to open where: the displays Electron reports, plus what was
 * saved last time, give a plan. Pure (no `electron` import) so it is tested
 * under plain Node for 1, 2, 4 and 6 displays, a saved 3-display wall opened
 * on a laptop, and displays whose ids changed after a reboot.
 *
 * A "wall" is a numbered monitor position ("1" … "6"); saved layouts carry
 * the number of the wall they are meant for. Wall "1" is the operator's
 * primary display and also carries the control surface (directory, layouts,
 * PTZ, health). Walls that have no display of their own are never lost: they
 * become tabs of the primary window.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: string;
  bounds: Rect;
  /** The part of the display windows may use (without the taskbar). */
  workArea: Rect;
  primary: boolean;
}

/** One wall as remembered. */
export interface SavedWall {
  wall: string;
  /** The display it was on: matched by id first, then by position and size. */
  displayId?: string;
  displayBounds?: Rect;
  /** The window's last geometry and state on that display. */
  windowBounds?: Rect;
  fullscreen?: boolean;
}

export interface SavedWalls {
  walls: SavedWall[];
}

export interface PlannedWindow {
  /** The wall this window shows first. */
  wall: string;
  /** Further walls shown as tabs in this window (their displays are missing). */
  tabs: string[];
  /** The operator's controls are in this window. */
  control: boolean;
  displayId: string;
  bounds: Rect;
  fullscreen: boolean;
}

export const MAX_WALLS = 6;

const sameRect = (a: Rect | undefined, b: Rect) =>
  !!a && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const sameSize = (a: Rect | undefined, b: Rect) => !!a && a.width === b.width && a.height === b.height;
const inside = (r: Rect, area: Rect) =>
  r.x >= area.x &&
  r.y >= area.y &&
  r.x + r.width <= area.x + area.width &&
  r.y + r.height <= area.y + area.height &&
  r.width >= 400 &&
  r.height >= 300;

/** Left to right, then top to bottom: how operators number their monitors. */
function byPosition(a: DisplayInfo, b: DisplayInfo): number {
  return a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y;
}

export function planWindows(displays: readonly DisplayInfo[], saved: SavedWalls | undefined): PlannedWindow[] {
  if (displays.length === 0) return [];
  const primary = displays.find((d) => d.primary) ?? displays[0]!;
  const others = displays.filter((d) => d !== primary).sort(byPosition);
  const walls = [...(saved?.walls ?? [])]
    .filter((w, i, all) => all.findIndex((x) => x.wall === w.wall) === i)
    .sort((a, b) => Number(a.wall) - Number(b.wall));

  const assigned = new Map<string, DisplayInfo>(); // wall → display
  const taken = new Set<DisplayInfo>();
  const assign = (wall: SavedWall, display: DisplayInfo) => {
    assigned.set(wall.wall, display);
    taken.add(display);
  };
  // Wall 1 is where the operator works: always the primary display.
  const first = walls.find((w) => w.wall === '1');
  if (first) assign(first, primary);
  // Then by display id, then by the same position and size, then by the same size (ids change after
  // a reboot or a driver update; a monitor moved in the display settings keeps its size).
  for (const match of [
    (w: SavedWall, d: DisplayInfo) => w.displayId === d.id,
    (w: SavedWall, d: DisplayInfo) => sameRect(w.displayBounds, d.bounds),
    (w: SavedWall, d: DisplayInfo) => sameSize(w.displayBounds, d.bounds),
  ]) {
    for (const wall of walls) {
      if (assigned.has(wall.wall)) continue;
      const display = others.find((d) => !taken.has(d) && match(wall, d));
      if (display) assign(wall, display);
    }
  }
  // Saved walls still without a display take free displays in order.
  for (const wall of walls) {
    if (assigned.has(wall.wall)) continue;
    const display = [primary, ...others].find((d) => !taken.has(d));
    if (display) assign(wall, display);
  }
  // Displays without a wall get the lowest free wall numbers (a monitor plugged in).
  const used = new Set(walls.map((w) => w.wall));
  for (const display of [primary, ...others]) {
    if (taken.has(display)) continue;
    const free = Array.from({ length: MAX_WALLS }, (_, i) => String(i + 1)).find((n) => !used.has(n));
    if (!free) break;
    used.add(free);
    const wall: SavedWall = { wall: free };
    walls.push(wall);
    assign(wall, display);
  }

  const windows: PlannedWindow[] = [];
  for (const display of [primary, ...others]) {
    const onThis = walls
      .filter((w) => assigned.get(w.wall) === display)
      .sort((a, b) => Number(a.wall) - Number(b.wall));
    if (onThis.length === 0) continue;
    const main = onThis[0]!;
    windows.push({
      wall: main.wall,
      tabs: [],
      control: display === primary,
      displayId: display.id,
      bounds: main.windowBounds && inside(main.windowBounds, display.workArea) ? main.windowBounds : display.workArea,
      fullscreen: main.fullscreen ?? false,
    });
  }
  // Walls with no display of their own (the laptop): tabs of the primary window, never dropped.
  const control = windows.find((w) => w.control)!;
  for (const wall of walls) if (!assigned.has(wall.wall)) control.tabs.push(wall.wall);
  control.tabs.sort((a, b) => Number(a) - Number(b));
  return windows;
}

/** What to remember after windows moved, resized or went full screen: the plan's walls with their displays now. */
export function rememberWalls(
  previous: SavedWalls | undefined,
  windows: readonly {
    wall: string;
    tabs: readonly string[];
    display: DisplayInfo;
    bounds: Rect;
    fullscreen: boolean;
  }[],
): SavedWalls {
  const next = new Map((previous?.walls ?? []).map((w) => [w.wall, w]));
  for (const window of windows) {
    next.set(window.wall, {
      wall: window.wall,
      displayId: window.display.id,
      displayBounds: window.display.bounds,
      windowBounds: window.bounds,
      fullscreen: window.fullscreen,
    });
    // A wall shown as a tab keeps where it was: it goes back there when its display returns.
    for (const tab of window.tabs) if (!next.has(tab)) next.set(tab, { wall: tab });
  }
  return { walls: [...next.values()].sort((a, b) => Number(a.wall) - Number(b.wall)) };
}

/** The display a window is on: the one it overlaps most (a window dragged to another monitor moves its wall there). */
export function displayForBounds(displays: readonly DisplayInfo[], r: Rect): DisplayInfo | undefined {
  let best: DisplayInfo | undefined;
  let bestArea = 0;
  for (const d of displays) {
    const w = Math.min(r.x + r.width, d.bounds.x + d.bounds.width) - Math.max(r.x, d.bounds.x);
    const h = Math.min(r.y + r.height, d.bounds.y + d.bounds.height) - Math.max(r.y, d.bounds.y);
    const area = Math.max(0, w) * Math.max(0, h);
    if (area > bestArea) [best, bestArea] = [d, area];
  }
  return best ?? displays.find((d) => d.primary) ?? displays[0];
}

/** A window that is open now, as the window manager knows it. */
export interface OpenWindow {
  id: number;
  plan: PlannedWindow;
}

export interface WindowChanges {
  /** Windows that stay; `move` when their display changed, `reload` when their tabs or controls did. */
  keep: { id: number; plan: PlannedWindow; move: boolean; reload: boolean }[];
  open: PlannedWindow[];
  close: number[];
}

/**
 * From the windows open now to the plan, touching as little as possible: a
 * window keeps its wall (its picture never blinks for a re-plan), moves only
 * when its display changed and reloads only when its tabs or controls did.
 */
export function reconcileWindows(current: readonly OpenWindow[], plan: readonly PlannedWindow[]): WindowChanges {
  const changes: WindowChanges = { keep: [], open: [], close: [] };
  const used = new Set<number>();
  for (const wanted of plan) {
    const existing = current.find((w) => !used.has(w.id) && w.plan.wall === wanted.wall);
    if (!existing) {
      changes.open.push(wanted);
      continue;
    }
    used.add(existing.id);
    changes.keep.push({
      id: existing.id,
      plan: wanted,
      move: existing.plan.displayId !== wanted.displayId,
      reload: existing.plan.tabs.join() !== wanted.tabs.join() || existing.plan.control !== wanted.control,
    });
  }
  changes.close = current.filter((w) => !used.has(w.id)).map((w) => w.id);
  return changes;
}
