/**
 * Digital zoom inside a tile, as pure geometry: the picture is scaled by
 * `scale` (1…8) about `origin` (fractions of the tile). A point of the
 * picture under the pointer stays under it while zooming, panning and pinching.
 */
export interface Zoom {
  scale: number;
  originX: number;
  originY: number;
}

export const noZoom: Zoom = { scale: 1, originX: 0.5, originY: 0.5 };
export const MAX_ZOOM = 8;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The picture point (fractions) shown at tile point (mx, my). */
export function pictureAt(zoom: Zoom, mx: number, my: number): { x: number; y: number } {
  return {
    x: zoom.originX + (mx - zoom.originX) / zoom.scale,
    y: zoom.originY + (my - zoom.originY) / zoom.scale,
  };
}

/** The zoom that shows picture point `p` at tile point `m` with `scale`. */
function keeping(p: { x: number; y: number }, mx: number, my: number, scale: number): Zoom {
  if (scale <= 1) return noZoom;
  const k = 1 - 1 / scale;
  return { scale, originX: clamp((p.x - mx / scale) / k, 0, 1), originY: clamp((p.y - my / scale) / k, 0, 1) };
}

/** Zoom by `factor` about tile point (mx, my): that point of the picture stays where it is. */
export function zoomAt(zoom: Zoom, factor: number, mx: number, my: number): Zoom {
  const scale = clamp(zoom.scale * factor, 1, MAX_ZOOM);
  return keeping(pictureAt(zoom, mx, my), mx, my, scale);
}

/** Drag from tile point (fromX, fromY) to (toX, toY): the picture point under the pointer follows it. */
export function panBy(zoom: Zoom, fromX: number, fromY: number, toX: number, toY: number): Zoom {
  return keeping(pictureAt(zoom, fromX, fromY), toX, toY, zoom.scale);
}

/**
 * Two fingers (a pinch): the picture scales by `factor` (the change in the fingers' distance) and
 * the picture point that was between them at `from` follows their midpoint to `to`.
 */
export function pinchBy(
  zoom: Zoom,
  factor: number,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Zoom {
  return keeping(pictureAt(zoom, from.x, from.y), to.x, to.y, clamp(zoom.scale * factor, 1, MAX_ZOOM));
}

/** The part of the picture in view, in fractions: what the overview draws. */
export function visiblePart(zoom: Zoom): { left: number; top: number; width: number; height: number } {
  const topLeft = pictureAt(zoom, 0, 0);
  return { left: topLeft.x, top: topLeft.y, width: 1 / zoom.scale, height: 1 / zoom.scale };
}
