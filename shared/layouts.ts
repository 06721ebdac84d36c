/**
 * Wall layouts as data: a grid of cols × rows cells and the tiles on it, each
 * a rectangle of cells, in reading order. Templates, merge/split, and the
 * validation every layout from a file or the network goes through.
 */
import { z } from 'zod';

export interface TileRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutGeometry {
  cols: number;
  rows: number;
  tiles: TileRect[];
}

/** A tile's share of the wall's area, 0–1 (the economy policy gives the small ones up first). */
export const tileShare = (geometry: LayoutGeometry, rect: TileRect): number =>
  (rect.w * rect.h) / (geometry.cols * geometry.rows);

export const MAX_GRID = 8;

/** Square grids and the asymmetric ones command centres use (one or more big tiles plus small ones). */
export const templateIds = [
  '1',
  '2x2',
  '3x3',
  '4x4',
  '5x5',
  '6x6',
  '7x7',
  '8x8',
  '1+5',
  '1+7',
  '1+12',
  '2+8',
  '3+4',
] as const;
export type TemplateId = (typeof templateIds)[number];

function cells(cols: number, rows: number, skip: (x: number, y: number) => boolean = () => false): TileRect[] {
  const out: TileRect[] = [];
  for (let y = 0; y < rows; y++) for (let x = 0; x < cols; x++) if (!skip(x, y)) out.push({ x, y, w: 1, h: 1 });
  return out;
}

const inside = (r: TileRect) => (x: number, y: number) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;

function withBig(cols: number, rows: number, big: TileRect[]): LayoutGeometry {
  const tiles = [...big, ...cells(cols, rows, (x, y) => big.some((b) => inside(b)(x, y)))];
  return { cols, rows, tiles: sortTiles(tiles) };
}

/** A cols × rows grid of single cells. */
export function rectGrid(cols: number, rows: number): LayoutGeometry {
  return { cols, rows, tiles: cells(cols, rows) };
}

export function squareGrid(n: number): LayoutGeometry {
  return rectGrid(n, n);
}

export function template(id: TemplateId): LayoutGeometry {
  switch (id) {
    case '1':
      return squareGrid(1);
    case '2x2':
      return squareGrid(2);
    case '3x3':
      return squareGrid(3);
    case '4x4':
      return squareGrid(4);
    case '5x5':
      return squareGrid(5);
    case '6x6':
      return squareGrid(6);
    case '7x7':
      return squareGrid(7);
    case '8x8':
      return squareGrid(8);
    case '1+5':
      return withBig(3, 3, [{ x: 0, y: 0, w: 2, h: 2 }]);
    case '1+7':
      return withBig(4, 4, [{ x: 0, y: 0, w: 3, h: 3 }]);
    case '1+12':
      return withBig(4, 4, [{ x: 1, y: 1, w: 2, h: 2 }]);
    case '2+8':
      return withBig(4, 4, [
        { x: 0, y: 0, w: 2, h: 2 },
        { x: 2, y: 0, w: 2, h: 2 },
      ]);
    case '3+4':
      return withBig(4, 4, [
        { x: 0, y: 0, w: 2, h: 2 },
        { x: 2, y: 0, w: 2, h: 2 },
        { x: 0, y: 2, w: 2, h: 2 },
      ]);
  }
}

/** The template a geometry is, if it is one (for the picker). */
export function templateOf(geometry: LayoutGeometry): TemplateId | undefined {
  return templateIds.find((id) => sameGeometry(template(id), geometry));
}

export function sameGeometry(a: LayoutGeometry, b: LayoutGeometry): boolean {
  return (
    a.cols === b.cols && a.rows === b.rows && JSON.stringify(sortTiles(a.tiles)) === JSON.stringify(sortTiles(b.tiles))
  );
}

export function sortTiles(tiles: readonly TileRect[]): TileRect[] {
  return [...tiles].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The smallest square template that holds `count` cameras, capped at 4×4 (the default wall). */
export function smallestTemplateFor(count: number): TemplateId {
  if (count <= 1) return '1';
  if (count <= 4) return '2x2';
  if (count <= 9) return '3x3';
  return '4x4';
}

/** Why a geometry is not a wall, or null: every cell covered exactly once, inside the grid. */
export function geometryProblem(g: LayoutGeometry): string | null {
  if (
    !Number.isInteger(g.cols) ||
    !Number.isInteger(g.rows) ||
    g.cols < 1 ||
    g.rows < 1 ||
    g.cols > MAX_GRID ||
    g.rows > MAX_GRID
  ) {
    return `the grid must be 1 to ${MAX_GRID} cells each way`;
  }
  const covered = new Array<number>(g.cols * g.rows).fill(0);
  for (const [i, t] of g.tiles.entries()) {
    if (
      ![t.x, t.y, t.w, t.h].every(Number.isInteger) ||
      t.w < 1 ||
      t.h < 1 ||
      t.x < 0 ||
      t.y < 0 ||
      t.x + t.w > g.cols ||
      t.y + t.h > g.rows
    ) {
      return `tile ${i + 1} lies outside the ${g.cols}×${g.rows} grid`;
    }
    for (let y = t.y; y < t.y + t.h; y++) for (let x = t.x; x < t.x + t.w; x++) covered[y * g.cols + x]!++;
  }
  if (covered.some((n) => n > 1)) return 'tiles overlap';
  if (covered.some((n) => n === 0)) return 'some cells have no tile';
  return null;
}

/** Merges the tiles inside `area` into one. Refuses when `area` cuts through a tile. */
export function mergeArea(g: LayoutGeometry, area: TileRect): LayoutGeometry | string {
  const within = (t: TileRect) =>
    t.x >= area.x && t.y >= area.y && t.x + t.w <= area.x + area.w && t.y + t.h <= area.y + area.h;
  const overlaps = (t: TileRect) =>
    t.x < area.x + area.w && area.x < t.x + t.w && t.y < area.y + area.h && area.y < t.y + t.h;
  if (g.tiles.some((t) => overlaps(t) && !within(t))) return 'the selection cuts through a tile';
  const next = { ...g, tiles: sortTiles([...g.tiles.filter((t) => !within(t)), area]) };
  return geometryProblem(next) ?? next;
}

/** Splits a tile back into single cells. */
export function splitTile(g: LayoutGeometry, index: number): LayoutGeometry {
  const tile = g.tiles[index];
  if (!tile || (tile.w === 1 && tile.h === 1)) return g;
  const singles: TileRect[] = [];
  for (let y = tile.y; y < tile.y + tile.h; y++)
    for (let x = tile.x; x < tile.x + tile.w; x++) singles.push({ x, y, w: 1, h: 1 });
  return { ...g, tiles: sortTiles([...g.tiles.filter((_, i) => i !== index), ...singles]) };
}

/** Cameras for a new geometry: kept in order, cut or padded with empty tiles. */
export function fitCameras(cameras: readonly (string | null)[], count: number): (string | null)[] {
  const next = cameras.slice(0, count);
  while (next.length < count) next.push(null);
  return next;
}

const TileRectSchema = z.strictObject({
  x: z
    .number()
    .int()
    .min(0)
    .max(MAX_GRID - 1),
  y: z
    .number()
    .int()
    .min(0)
    .max(MAX_GRID - 1),
  w: z.number().int().min(1).max(MAX_GRID),
  h: z.number().int().min(1).max(MAX_GRID),
});

export const LayoutGeometrySchema = z
  .strictObject({
    cols: z.number().int().min(1).max(MAX_GRID),
    rows: z.number().int().min(1).max(MAX_GRID),
    tiles: z
      .array(TileRectSchema)
      .min(1)
      .max(MAX_GRID * MAX_GRID),
  })
  .superRefine((g, ctx) => {
    const problem = geometryProblem(g);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The tile next to `index` in a direction (by the cells beside its edge); itself at the wall's edge. */
export function neighbour(geometry: LayoutGeometry, index: number, direction: Direction): number {
  const tile = geometry.tiles[index];
  if (!tile) return 0;
  const cx = Math.floor(tile.x + (tile.w - 1) / 2);
  const cy = Math.floor(tile.y + (tile.h - 1) / 2);
  const [x, y] =
    direction === 'left'
      ? [tile.x - 1, cy]
      : direction === 'right'
        ? [tile.x + tile.w, cy]
        : direction === 'up'
          ? [cx, tile.y - 1]
          : [cx, tile.y + tile.h];
  const found = geometry.tiles.findIndex((t) => x >= t.x && x < t.x + t.w && y >= t.y && y < t.y + t.h);
  return found === -1 ? index : found;
}
