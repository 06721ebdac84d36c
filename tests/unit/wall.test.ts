import { describe, expect, it } from 'vitest';
import { template } from '../../shared/layouts';
import { withCamera, withGeometry, withMaximizeToggled, withSwap, withTemplate, type Wall } from '../../shared/wall';

const wall: Wall = { geometry: template('2x2'), tiles: ['a', 'b', null, 'd'], maximized: 1, selected: null };

describe('the wall, changed by pure functions', () => {
  it('a template keeps the cameras in reading order as far as they fit, and restores a maximised tile', () => {
    expect(withTemplate(wall, '1')).toMatchObject({ tiles: ['a'], maximized: null });
    expect(withTemplate(wall, '3x3').tiles).toEqual(['a', 'b', null, 'd', null, null, null, null, null]);
  });

  it('an invalid geometry changes nothing', () => {
    const broken = { ...template('2x2'), tiles: [{ x: 0, y: 0, w: 3, h: 3 }] };
    expect(withGeometry(wall, broken)).toBe(wall);
  });

  it('puts a camera in one tile, and ignores a tile outside the wall', () => {
    expect(withCamera(wall, 2, 'c').tiles).toEqual(['a', 'b', 'c', 'd']);
    expect(withCamera(wall, 4, 'c')).toBe(wall);
    expect(withCamera(wall, 0, null).tiles).toEqual([null, 'b', null, 'd']);
    expect(wall.tiles).toEqual(['a', 'b', null, 'd']); // never changed in place
  });

  it('swaps two tiles, and ignores a swap with itself or outside', () => {
    expect(withSwap(wall, 0, 3).tiles).toEqual(['d', 'b', null, 'a']);
    expect(withSwap(wall, 1, 1)).toBe(wall);
    expect(withSwap(wall, 1, 9)).toBe(wall);
  });

  it('maximise toggles and selects', () => {
    expect(withMaximizeToggled(wall, 2)).toMatchObject({ maximized: 2, selected: 2 });
    expect(withMaximizeToggled(wall, 1)).toMatchObject({ maximized: null, selected: 1 });
  });
});
