import { describe, expect, it } from 'vitest';
import { estimateBudget, type LoadSample } from '../../shared/decode-budget';

const base: LoadSample = { cores: 2, machineBusy: 40, liveTiles: 8, paintedFps: 200, cameraFps: 200 };

describe('the decode budget', () => {
  const table: [
    string,
    Partial<LoadSample>,
    { realTime: boolean; perTile: number | undefined; moreTiles: number | undefined },
  ][] = [
    ['8 tiles at 40 %: 5 % each, 45 % free of 85 → 9 more', {}, { realTime: true, perTile: 5, moreTiles: 9 }],
    [
      'a wall behind its cameras carries nothing more, whatever the CPU says',
      { paintedFps: 150 },
      { realTime: false, perTile: (40 / 150) * 25, moreTiles: 0 },
    ],
    [
      'just at 90 % of the cameras rate is still real time (each picture dearer: 8 more, not 9)',
      { paintedFps: 180 },
      { realTime: true, perTile: (40 / 180) * 25, moreTiles: 8 },
    ],
    ['past the headroom: none more', { machineBusy: 90 }, { realTime: true, perTile: 11.25, moreTiles: 0 }],
    ['no live tile: no estimate', { liveTiles: 0 }, { realTime: true, perTile: undefined, moreTiles: undefined }],
    [
      'every tile on economy (24 tiles painting 1 fps at 30 %): a full one costs 25 of those pictures',
      { liveTiles: 0, machineBusy: 30, paintedFps: 0, cameraFps: 0, allPaintedFps: 24, tileFps: 25 },
      { realTime: true, perTile: 31.25, moreTiles: 1 },
    ],
    [
      'economy tiles beside full ones: their pictures share the cost',
      { allPaintedFps: 240 },
      { realTime: true, perTile: (40 / 240) * 25, moreTiles: 10 },
    ],
    [
      'an idle machine with one cheap tile is bounded by the floor cost',
      { machineBusy: 0, liveTiles: 1 },
      { realTime: true, perTile: 0.1, moreTiles: 850 },
    ],
    [
      'no camera rate known yet counts as real time, with no estimate',
      { cameraFps: 0, paintedFps: 0 },
      { realTime: true, perTile: undefined, moreTiles: undefined },
    ],
  ];
  it.each(table)('%s', (_, change, expected) => {
    expect(estimateBudget({ ...base, ...change })).toEqual(expected);
  });
});
