import { describe, expect, it } from 'vitest';
import { StreamFigures } from '../../electron/core/streams/stream-figures';

describe('StreamFigures: the GOP', () => {
  it('is unknown until two key pictures were seen', () => {
    const figures = new StreamFigures(0);
    figures.gopStarted(100);
    expect(figures.sample(1000)).toEqual({ fps: 0, kbps: 0 });
  });

  it('is the median gap between key pictures, so one odd GOP does not move it', () => {
    const figures = new StreamFigures(0);
    for (const at of [0, 2000, 4000, 4300, 6300]) figures.gopStarted(at);
    expect(figures.sample(7000)?.gopSeconds).toBe(2);
  });

  it('starts again with a new ffmpeg process', () => {
    const figures = new StreamFigures(0);
    for (const at of [0, 1000, 2000]) figures.gopStarted(at);
    figures.restart();
    figures.gopStarted(3000);
    expect(figures.sample(4000)?.gopSeconds).toBeUndefined();
  });
});
