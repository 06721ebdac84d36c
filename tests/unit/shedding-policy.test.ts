import { describe, expect, it } from 'vitest';
import {
  decideModes,
  type LayoutRate,
  type TileFacts,
  type TileMode,
  type WallLoad,
} from '../../shared/shedding-policy';

/** A 1+5 wall: tile 0 big (4/9 of the wall), five small ones (1/9 each). */
function wall(modes: TileMode[], extra: Partial<Record<number, Partial<TileFacts>>> = {}): TileFacts[] {
  return modes.map((mode, index) => ({
    index,
    visible: mode !== 'off',
    area: index === 0 ? 4 / 9 : 1 / 9,
    protected: false,
    mode,
    changedAt: 0,
    changesLastMinute: 0,
    ...extra[index],
  }));
}
const behind: WallLoad = { realTime: false, roomToClimb: false, now: 60_000 };
const calmWithRoom: WallLoad = { realTime: true, roomToClimb: true, now: 60_000 };
const modesOf = (tiles: TileFacts[], load: WallLoad, rate: LayoutRate = 'auto') => [
  ...decideModes(tiles, load, rate).values(),
];

describe('shedding work past real time', () => {
  const F = 'full' as const;
  const K = 'keyframes' as const;
  const S = 'keyframes-slow' as const;
  const table: [string, TileFacts[], WallLoad, LayoutRate, TileMode[]][] = [
    [
      'behind: the last small tile goes to key frames first',
      wall([F, F, F, F, F, F]),
      behind,
      'auto',
      [F, F, F, F, F, K],
    ],
    [
      'still behind: the next small tile, not the same one lower',
      wall([F, F, F, F, F, K]),
      behind,
      'auto',
      [F, F, F, F, K, K],
    ],
    [
      'all small at key frames: the big one next, before any slower rate',
      wall([F, K, K, K, K, K]),
      behind,
      'auto',
      [K, K, K, K, K, K],
    ],
    [
      'all at key frames: the last small tile to the slower rate',
      wall([K, K, K, K, K, K]),
      behind,
      'auto',
      [K, K, K, K, K, S],
    ],
    [
      'the selected small tile is passed over while any other can still give',
      wall([F, F, F, F, F, F], { 5: { protected: true } }),
      behind,
      'auto',
      [F, F, F, F, K, F],
    ],
    [
      'the protected tile gives way only when every other is at the bottom',
      wall([S, S, S, S, S, F], { 5: { protected: true } }),
      behind,
      'auto',
      [S, S, S, S, S, K],
    ],
    [
      'hidden tiles decode nothing, whatever the load',
      wall([F, 'off', F, F, F, F]),
      calmWithRoom,
      'auto',
      [F, 'off', F, F, F, F],
    ],
    [
      'a tile that changed twice this minute is left alone',
      wall([F, F, F, F, F, F], { 5: { changesLastMinute: 2 } }),
      behind,
      'auto',
      [F, F, F, F, K, F],
    ],
    [
      'in real time with room and calm: the last given up climbs first',
      wall([K, K, K, K, K, S]),
      calmWithRoom,
      'auto',
      [K, K, K, K, K, K],
    ],
    [
      'the big tile climbs to full before the small ones',
      wall([K, K, K, K, K, K]),
      calmWithRoom,
      'auto',
      [F, K, K, K, K, K],
    ],
    [
      'no climbing within 10 s of the last change (no flapping)',
      wall([K, K, K, K, K, K], { 3: { changedAt: 55_000 } }),
      calmWithRoom,
      'auto',
      [K, K, K, K, K, K],
    ],
    [
      'real time without room: hold where it is',
      wall([F, K, K, K, K, K]),
      { ...calmWithRoom, roomToClimb: false },
      'auto',
      [F, K, K, K, K, K],
    ],
    [
      'at capacity and below nothing is shed',
      wall([F, F, F, F, F, F]),
      { ...calmWithRoom, roomToClimb: false },
      'auto',
      [F, F, F, F, F, F],
    ],
    [
      'layout set to always full: full however far behind',
      wall([K, K, S, F, F, F]),
      behind,
      'full',
      [F, F, F, F, F, F],
    ],
    [
      'layout set to key frames only: all but the protected',
      wall([F, F, F, F, F, F], { 0: { protected: true } }),
      calmWithRoom,
      'keyframes',
      [F, K, K, K, K, K],
    ],
  ];
  it.each(table)('%s', (_, tiles, load, rate, expected) => {
    expect(modesOf(tiles, load, rate)).toEqual(expected);
  });

  it('sheds one tile per decision and climbs back the same way, ending where it began', () => {
    let tiles = wall(['full', 'full', 'full', 'full', 'full', 'full']);
    const apply = (load: WallLoad) => {
      const next = decideModes(tiles, load, 'auto');
      const changed = tiles.filter((t) => next.get(t.index) !== t.mode).length;
      tiles = tiles.map((t) => ({ ...t, mode: next.get(t.index)! }));
      return changed;
    };
    for (let i = 0; i < 12; i++) expect(apply(behind)).toBe(1);
    expect(tiles.every((t) => t.mode === 'keyframes-slow')).toBe(true);
    expect(apply(behind)).toBe(0);
    for (let i = 0; i < 12; i++) expect(apply(calmWithRoom)).toBe(1);
    expect(tiles.every((t) => t.mode === 'full')).toBe(true);
  });
});
