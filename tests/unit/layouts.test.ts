import { describe, expect, it } from 'vitest';
import { fitTiles, smallestGridFor } from '../../shared/layouts';
import { chooseProfile, outputTier, tierByWidth } from '../../shared/stream-choice';

describe('default layout', () => {
  it('picks the smallest grid that holds the cameras, up to 4×4', () => {
    expect([0, 1, 2, 4, 5, 9, 10, 16, 17, 40].map(smallestGridFor)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 4, 4]);
  });

  it('fits tile assignments to a grid', () => {
    expect(fitTiles(['a', 'b', 'c', 'd', 'e'], 2)).toEqual(['a', 'b', 'c', 'd']);
    expect(fitTiles(['a'], 2)).toEqual(['a', null, null, null]);
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
