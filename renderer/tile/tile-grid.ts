/**
 * Where a tile sits in the wall's grid, as CSSOM styles (not a style
 * attribute: the CSP allows these). A maximised tile takes the whole grid
 * through its class instead.
 */
import type { TileRect } from '../../shared/layouts';

export function tileGridStyle(rect: TileRect, maximized: boolean): { gridColumn: string; gridRow: string } | undefined {
  return maximized
    ? undefined
    : { gridColumn: `${rect.x + 1} / span ${rect.w}`, gridRow: `${rect.y + 1} / span ${rect.h}` };
}
