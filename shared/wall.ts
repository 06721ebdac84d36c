/**
 * The wall as data, changed by pure functions: which geometry, which camera in
 * which tile, which tile is maximised or selected. The renderer's store calls
 * these and nothing else changes the wall (tests/unit/wall.test.ts).
 */
import { fitCameras, geometryProblem, template, type LayoutGeometry, type TemplateId } from './layouts';

export interface Wall {
  geometry: LayoutGeometry;
  tiles: (string | null)[];
  maximized: number | null;
  selected: number | null;
}

/** A template's grid; the cameras kept in reading order as far as they fit. */
export function withTemplate(wall: Wall, id: TemplateId): Wall {
  return withGeometry(wall, template(id));
}

/** A geometry (the custom editor's); an invalid one changes nothing. */
export function withGeometry(wall: Wall, geometry: LayoutGeometry): Wall {
  if (geometryProblem(geometry)) return wall;
  return { ...wall, geometry, tiles: fitCameras(wall.tiles, geometry.tiles.length), maximized: null };
}

/** A camera (or none) in one tile; an index outside the wall changes nothing. */
export function withCamera(wall: Wall, index: number, cameraId: string | null): Wall {
  if (index < 0 || index >= wall.tiles.length) return wall;
  const tiles = [...wall.tiles];
  tiles[index] = cameraId;
  return { ...wall, tiles };
}

/** Two tiles trade cameras. */
export function withSwap(wall: Wall, a: number, b: number): Wall {
  if (a === b || a < 0 || b < 0 || a >= wall.tiles.length || b >= wall.tiles.length) return wall;
  const tiles = [...wall.tiles];
  [tiles[a], tiles[b]] = [tiles[b]!, tiles[a]!];
  return { ...wall, tiles };
}

/** Maximises the tile, or restores it when it already is; it becomes the selected one. */
export function withMaximizeToggled(wall: Wall, index: number): Wall {
  return { ...wall, maximized: wall.maximized === index ? null : index, selected: index };
}
