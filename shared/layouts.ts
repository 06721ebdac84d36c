/** Wall layouts as data. The spine has square grids; templates grow with the layouts issue. */
export const gridSizes = [1, 2, 3, 4] as const;
export type GridSize = (typeof gridSizes)[number];

/** The smallest square grid that holds `count` tiles, capped at 4×4. */
export function smallestGridFor(count: number): GridSize {
  for (const size of gridSizes) if (size * size >= count) return size;
  return 4;
}

/** Resizes a tile assignment to a new grid, keeping cameras in order. */
export function fitTiles(tiles: readonly (string | null)[], size: GridSize): (string | null)[] {
  const next = tiles.slice(0, size * size);
  while (next.length < size * size) next.push(null);
  return next;
}
