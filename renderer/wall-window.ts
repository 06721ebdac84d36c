/**
 * Which wall this window shows, from its address: `?wall=2&tabs=3,4&control=0`.
 * The Electron shell opens one window per display with these (see
 * electron/main/window-plan.ts); a browser without them shows wall 1 with
 * the controls. The wall currently on screen is kept in sessionStorage, so a
 * window reloaded after a renderer crash gets its tiles back.
 */
import { geometryProblem, template, type LayoutGeometry } from '../shared/layouts';
import type { SavedLayout } from '../shared/saved-layouts';

export interface WallWindow {
  /** The walls in this window, the first shown at start; the others are tabs. */
  walls: string[];
  /** The operator's controls (directory, layouts, PTZ, health) are in this window. */
  control: boolean;
  /** The address named a wall (a window of the Electron shell), rather than a plain browser tab. */
  explicit: boolean;
}

const wallNumber = /^[1-6]$/;

export function readWallWindow(search: string): WallWindow {
  const params = new URLSearchParams(search);
  const first = params.get('wall');
  const tabs = (params.get('tabs') ?? '').split(',').filter((w) => wallNumber.test(w));
  const walls = [first && wallNumber.test(first) ? first : '1', ...tabs].filter((w, i, all) => all.indexOf(w) === i);
  return { walls, control: params.get('control') !== '0', explicit: first !== null };
}

/** The saved layout meant for a wall: the default one if it is for this wall, else the first for it; wall 1 falls back to the default. */
export function layoutForWall(
  layouts: readonly SavedLayout[],
  defaultId: string | undefined,
  wall: string,
): SavedLayout | undefined {
  const mine = layouts.filter((l) => l.monitor === wall);
  return (
    mine.find((l) => l.id === defaultId) ??
    mine[0] ??
    (wall === '1' ? layouts.find((l) => l.id === defaultId && l.monitor === undefined) : undefined)
  );
}

export interface WallSnapshot {
  geometry: LayoutGeometry;
  tiles: (string | null)[];
  layoutId: string | null;
  dirty: boolean;
}

const key = (wall: string) => `pantau.wall.${wall}`;

export function rememberWall(wall: string, snapshot: WallSnapshot): void {
  try {
    sessionStorage.setItem(key(wall), JSON.stringify(snapshot));
  } catch {
    // storage full or disabled: the wall still works, it just will not survive a reload
  }
}

/** What this window showed for `wall` before a reload, if it is still a valid wall. */
export function recalledWall(wall: string): WallSnapshot | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(key(wall)) ?? 'null') as WallSnapshot | null;
    const valid =
      value &&
      Array.isArray(value.tiles) &&
      value.geometry &&
      Array.isArray(value.geometry.tiles) &&
      !geometryProblem(value.geometry) &&
      value.tiles.length === value.geometry.tiles.length;
    return valid ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A wall with no layout meant for it: four empty tiles. */
export function emptyWall(): WallSnapshot {
  return { geometry: template('2x2'), tiles: [null, null, null, null], layoutId: null, dirty: false };
}
