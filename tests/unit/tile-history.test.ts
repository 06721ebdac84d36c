import { describe, expect, it } from 'vitest';
import { TileHistory } from '../../renderer/wall/tile-history';

describe('TileHistory: what the economy policy knows of a tile', () => {
  it('counts a camera coming on the tile as the start of its calm, not as a change of mode', () => {
    const history = new TileHistory();
    history.see(0, 'cam-1', 10_000, 'keyframes');
    expect(history.facts(0, 12_000)).toEqual({ mode: 'keyframes', changedAt: 10_000, changesLastMinute: 0 });
    history.decided(0, 'keyframes-slow', 20_000);
    expect(history.facts(0, 21_000)).toEqual({ mode: 'keyframes-slow', changedAt: 20_000, changesLastMinute: 1 });
    // Another camera on it: calm again from then, its mode kept.
    history.see(0, 'cam-2', 30_000);
    expect(history.facts(0, 31_000)).toEqual({ mode: 'keyframes-slow', changedAt: 30_000, changesLastMinute: 1 });
  });

  it('an empty tile has no start to wait for', () => {
    const history = new TileHistory();
    history.see(3, null, 5_000);
    expect(history.facts(3, 6_000).changedAt).toBe(0);
  });
});
