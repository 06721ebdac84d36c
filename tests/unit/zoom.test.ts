import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, noZoom, panBy, pictureAt, pinchBy, visiblePart, zoomAt } from '../../shared/zoom';

describe('digital zoom', () => {
  it('keeps the picture point under the pointer while zooming in and out', () => {
    let zoom = noZoom;
    for (const [factor, mx, my] of [
      [2, 0.25, 0.75],
      [1.5, 0.6, 0.4],
      [0.8, 0.1, 0.9],
    ] as const) {
      const before = pictureAt(zoom, mx, my);
      zoom = zoomAt(zoom, factor, mx, my);
      const after = pictureAt(zoom, mx, my);
      expect(after.x).toBeCloseTo(before.x, 9);
      expect(after.y).toBeCloseTo(before.y, 9);
    }
  });

  it('stays between 1× and 8×, and never shows outside the picture', () => {
    expect(zoomAt(noZoom, 0.5, 0.3, 0.3)).toEqual(noZoom);
    let zoom = noZoom;
    for (let i = 0; i < 20; i++) zoom = zoomAt(zoom, 2, 1, 1);
    expect(zoom.scale).toBe(MAX_ZOOM);
    const part = visiblePart(panBy(zoom, 0.5, 0.5, -5, -5));
    expect(part.left + part.width).toBeLessThanOrEqual(1 + 1e-9);
    expect(part.top).toBeGreaterThanOrEqual(-1e-9);
  });

  it('pans: the picture point follows the pointer', () => {
    const zoom = zoomAt(noZoom, 4, 0.5, 0.5);
    const grabbed = pictureAt(zoom, 0.5, 0.5);
    const moved = panBy(zoom, 0.5, 0.5, 0.6, 0.45);
    const under = pictureAt(moved, 0.6, 0.45);
    expect(under.x).toBeCloseTo(grabbed.x, 9);
    expect(under.y).toBeCloseTo(grabbed.y, 9);
  });

  it('pinches: spread fingers zoom by their distance, and the point between them follows their midpoint', () => {
    const zoom = zoomAt(noZoom, 2, 0.4, 0.4);
    const between = pictureAt(zoom, 0.5, 0.5);
    const pinched = pinchBy(zoom, 1.5, { x: 0.5, y: 0.5 }, { x: 0.55, y: 0.45 });
    expect(pinched.scale).toBeCloseTo(3, 9);
    const under = pictureAt(pinched, 0.55, 0.45);
    expect(under.x).toBeCloseTo(between.x, 9);
    expect(under.y).toBeCloseTo(between.y, 9);
    // Fingers closing back past the whole picture: 1×, never smaller.
    expect(pinchBy(pinched, 0.1, { x: 0.5, y: 0.5 }, { x: 0.5, y: 0.5 })).toEqual(noZoom);
  });
});
