/** Wall layouts as data. Square grids for now; templates grow with the layouts issue. */
export const gridSizes = [1, 2, 3, 4, 5, 6] as const;
export type GridSize = (typeof gridSizes)[number];

/** The smallest square grid that holds `count` tiles, capped at 4×4 (the default wall). */
export function smallestGridFor(count: number): GridSize {
  for (const size of gridSizes) if (size * size >= count || size === 4) return size;
  return 4;
}

/** Resizes a tile assignment to a new grid, keeping cameras in order. */
export function fitTiles(tiles: readonly (string | null)[], size: GridSize): (string | null)[] {
  const next = tiles.slice(0, size * size);
  while (next.length < size * size) next.push(null);
  return next;
}
