import { describe, expect, it } from 'vitest';
import { fitTiles, smallestGridFor } from '../../shared/layouts';
import { chooseProfile } from '../../shared/stream-choice';

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
