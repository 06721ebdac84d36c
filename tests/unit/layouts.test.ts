import { describe, expect, it } from 'vitest';
import {
  fitCameras,
  geometryProblem,
  mergeArea,
  neighbour,
  smallestTemplateFor,
  splitTile,
  template,
  templateIds,
  templateOf,
  type LayoutGeometry,
  type TemplateId,
} from '../../shared/layouts';
import { chooseProfile, chooseStream, outputTier, tierByWidth } from '../../shared/stream-choice';

describe('layout templates', () => {
  it('are all valid walls with the advertised tile counts', () => {
    const counts: Record<TemplateId, number> = {
      '1': 1,
      '2x2': 4,
      '3x3': 9,
      '4x4': 16,
      '5x5': 25,
      '6x6': 36,
      '7x7': 49,
      '8x8': 64,
      '1+5': 6,
      '1+7': 8,
      '1+12': 13,
      '2+8': 10,
      '3+4': 7,
    };
    for (const id of templateIds) {
      const g = template(id);
      expect(geometryProblem(g), id).toBeNull();
      expect(g.tiles, id).toHaveLength(counts[id]);
      expect(templateOf(g)).toBe(id);
    }
  });

  it('puts the big tile of 1+5 first, top-left, over 2×2 cells of a 3×3 grid', () => {
    expect(template('1+5').tiles[0]).toEqual({ x: 0, y: 0, w: 2, h: 2 });
    expect(template('1+12').tiles.find((t) => t.w === 2)).toEqual({ x: 1, y: 1, w: 2, h: 2 });
  });

  it('picks the smallest square template that holds the cameras, up to 4×4', () => {
    expect([0, 1, 2, 4, 5, 9, 10, 16, 40].map(smallestTemplateFor)).toEqual([
      '1',
      '1',
      '2x2',
      '2x2',
      '3x3',
      '3x3',
      '4x4',
      '4x4',
      '4x4',
    ]);
  });

  it('fits cameras to a tile count', () => {
    expect(fitCameras(['a', 'b', 'c', 'd', 'e'], 4)).toEqual(['a', 'b', 'c', 'd']);
    expect(fitCameras(['a'], 3)).toEqual(['a', null, null]);
  });
});

describe('custom layouts', () => {
  it('merges the cells of a selection into one tile and splits it back', () => {
    const merged = mergeArea(template('3x3'), { x: 1, y: 1, w: 2, h: 2 });
    expect(typeof merged).toBe('object');
    const g = merged as LayoutGeometry;
    expect(g.tiles).toHaveLength(6);
    expect(geometryProblem(g)).toBeNull();
    const big = g.tiles.findIndex((t) => t.w === 2);
    expect(splitTile(g, big).tiles).toEqual(template('3x3').tiles);
  });

  it('refuses a merge that cuts through a tile', () => {
    expect(mergeArea(template('1+5'), { x: 1, y: 1, w: 2, h: 2 })).toBe('the selection cuts through a tile');
  });

  it('rejects overlapping, uncovered and out-of-grid geometries', () => {
    expect(
      geometryProblem({
        cols: 2,
        rows: 1,
        tiles: [
          { x: 0, y: 0, w: 2, h: 1 },
          { x: 1, y: 0, w: 1, h: 1 },
        ],
      }),
    ).toBe('tiles overlap');
    expect(geometryProblem({ cols: 2, rows: 1, tiles: [{ x: 0, y: 0, w: 1, h: 1 }] })).toBe('some cells have no tile');
    expect(geometryProblem({ cols: 2, rows: 1, tiles: [{ x: 0, y: 0, w: 3, h: 1 }] })).toContain('outside');
    expect(geometryProblem({ cols: 9, rows: 1, tiles: [] })).toContain('1 to 8');
  });
});

describe('chooseProfile', () => {
  const profiles = [
    { profile: 'main', width: 1920, height: 1080 },
    { profile: 'sub', width: 640, height: 360 },
  ];
  it('takes the smallest profile at least as large as the tile', () => {
    expect(chooseProfile(profiles, 480, 270)?.profile).toBe('sub');
    expect(chooseProfile(profiles, 640, 360)?.profile).toBe('sub');
    expect(chooseProfile(profiles, 960, 540)?.profile).toBe('main');
  });
  it('takes the largest when none is large enough, and the first when sizes are unknown', () => {
    expect(chooseProfile(profiles, 3840, 2160)?.profile).toBe('main');
    expect(chooseProfile([{ profile: 'a' }, { profile: 'b' }], 100, 100)?.profile).toBe('a');
  });
});

describe('outputTier', () => {
  it('gives each tile the smallest 16:9 box that covers it, up to 1280×720', () => {
    expect(outputTier(384, 208)).toEqual({ width: 480, height: 270 }); // 5×5 on 1080p
    expect(outputTier(320, 173)).toEqual({ width: 320, height: 180 }); // 6×6 on 1080p
    expect(outputTier(640, 346)).toEqual({ width: 640, height: 360 }); // 3×3 on 1080p
    expect(outputTier(960, 540)).toEqual({ width: 960, height: 540 });
    expect(outputTier(1920, 1040)).toEqual({ width: 1280, height: 720 });
    expect(outputTier(Infinity, Infinity)).toEqual({ width: 1280, height: 720 });
  });

  it('accepts only known widths from a URL', () => {
    expect(tierByWidth(480)).toEqual({ width: 480, height: 270 });
    expect(tierByWidth(500)).toBeUndefined();
  });
});

describe('neighbour (arrow keys)', () => {
  it('moves across a square grid and stays put at the edges', () => {
    const g = template('3x3');
    expect(neighbour(g, 4, 'left')).toBe(3);
    expect(neighbour(g, 4, 'right')).toBe(5);
    expect(neighbour(g, 4, 'up')).toBe(1);
    expect(neighbour(g, 4, 'down')).toBe(7);
    expect(neighbour(g, 0, 'left')).toBe(0);
    expect(neighbour(g, 8, 'down')).toBe(8);
  });

  it('leaves a big tile through the cells beside its edge', () => {
    const g = template('1+5'); // big tile 0 at (0,0) 2×2; right column tiles 1, 2; bottom row 3, 4, 5
    expect(neighbour(g, 0, 'right')).toBe(1);
    expect(neighbour(g, 0, 'down')).toBe(3);
    expect(neighbour(g, 2, 'left')).toBe(0);
  });
});

describe('chooseStream: the one decision page and core share', () => {
  const profiles = [
    { profile: 'main', width: 1920, height: 1080 },
    { profile: 'sub', width: 640, height: 360 },
  ];
  it('names the profile, the box and a key that changes only when either does', () => {
    expect(chooseStream(profiles, 384, 208)).toMatchObject({
      profile: { profile: 'sub' },
      box: { width: 480, height: 270 },
      key: 'sub@480',
    });
    expect(chooseStream(profiles, 400, 220)?.key).toBe('sub@480');
    expect(chooseStream(profiles, 1900, 1000)?.key).toBe('main@1280');
    expect(chooseStream(profiles, undefined, undefined)?.box).toEqual({ width: 1280, height: 720 });
    expect(chooseStream([], 100, 100)).toBeUndefined();
  });
});
