/**
 * Pictures painted on this page, per tile: the wall's load meter compares
 * them with what the cameras send (decoded and drawn, not merely received),
 * and an economy tile shows the rate it holds.
 */
const painted = new Map<number, number>();

export function countPainted(tile: number, pictures = 1): void {
  painted.set(tile, (painted.get(tile) ?? 0) + pictures);
}

/** Pictures painted so far, by tile index (a copy: compare two readings). */
export function paintedByTile(): Map<number, number> {
  return new Map(painted);
}
