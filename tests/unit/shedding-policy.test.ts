import { describe, expect, it } from 'vitest';
import {
  CLIMB_AFTER_MS,
  decideModes,
  MAX_CHANGES_PER_MINUTE,
  PATIENT_MS,
  SETTLE_MS,
  startingModes,
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
/** Painting 85 % of the pictures: a little behind (one tile's worth of six). */
const behind: WallLoad = { paintedShare: 0.85, room: 0, now: 60_000 };
/** Painting 10 %: far past capacity. */
const farBehind: WallLoad = { paintedShare: 0.1, room: 0, now: 60_000 };
const calmWithRoom: WallLoad = { paintedShare: 1, room: 2, now: 60_000 };
const modesOf = (tiles: TileFacts[], load: WallLoad, rate: LayoutRate = 'auto') => [
  ...decideModes(tiles, load, rate).values(),
];

describe('shedding work past real time', () => {
  const F = 'full' as const;
  const K = 'keyframes' as const;
  const S = 'keyframes-slow' as const;
  const table: [string, TileFacts[], WallLoad, LayoutRate, TileMode[]][] = [
    [
      'a little behind: the last small tile goes to key frames',
      wall([F, F, F, F, F, F]),
      behind,
      'auto',
      [F, F, F, F, F, K],
    ],
    [
      'far behind: in proportion — 90 % short of six full tiles is six steps, small tiles first',
      wall([F, F, F, F, F, F]),
      farBehind,
      'auto',
      [K, K, K, K, K, K],
    ],
    [
      'far behind with the big tile selected: every other tile gives way first, one step each',
      wall([F, F, F, F, F, F], { 0: { protected: true } }),
      farBehind,
      'auto',
      [F, K, K, K, K, K],
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
      `all at key frames of a 1 s GOP, ${PATIENT_MS / 1000} s after the last change: below the 1 fps floor only now`,
      wall([K, K, K, K, K, K], { 0: { changedAt: 60_000 - PATIENT_MS } }),
      behind,
      'auto',
      [K, K, K, K, K, S],
    ],
    [
      `all at key frames of a 1 s GOP, within ${PATIENT_MS / 1000} s of a change: held at the 1 fps floor`,
      wall([K, K, K, K, K, K], { 0: { changedAt: 60_000 - PATIENT_MS + 1, gopSeconds: 1 } }),
      farBehind,
      'auto',
      [K, K, K, K, K, K],
    ],
    [
      'short GOPs (one key picture in three still ≥ 1 fps) slow down first, without waiting, big or small',
      wall([K, K, K, K, K, K], {
        0: { gopSeconds: 0.25, changedAt: 60_000 - SETTLE_MS },
        2: { gopSeconds: 0.25 },
        5: { gopSeconds: 1 },
      }),
      behind,
      'auto',
      [K, K, S, K, K, K],
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
      `the protected tile waits ${PATIENT_MS / 1000} s of calm, even with every other at the bottom`,
      wall([S, S, S, S, S, F], { 5: { protected: true }, 0: { changedAt: 60_000 - PATIENT_MS + 1 } }),
      farBehind,
      'auto',
      [S, S, S, S, S, F],
    ],
    [
      `within ${SETTLE_MS / 1000} s of a change nothing more is shed: the next measurement must be a clean one`,
      wall([F, F, F, F, F, K], { 5: { changedAt: 60_000 - SETTLE_MS + 1 } }),
      farBehind,
      'auto',
      [F, F, F, F, F, K],
    ],
    [
      'hidden tiles decode nothing, whatever the load',
      wall([F, 'off', F, F, F, F]),
      calmWithRoom,
      'auto',
      [F, 'off', F, F, F, F],
    ],
    [
      `a tile that changed ${MAX_CHANGES_PER_MINUTE} times this minute is left alone`,
      wall([F, F, F, F, F, F], { 5: { changesLastMinute: MAX_CHANGES_PER_MINUTE } }),
      behind,
      'auto',
      [F, F, F, F, K, F],
    ],
    [
      'in real time with room for two and calm: one step back (half the room), the last given up first',
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
      'lots of room: half of it climbs at once',
      wall([K, K, K, K, K, K]),
      { ...calmWithRoom, room: 8 },
      'auto',
      [F, F, F, F, K, K],
    ],
    [
      `no climbing within ${CLIMB_AFTER_MS / 1000} s of the last change (no flapping)`,
      wall([K, K, K, K, K, K], { 3: { changedAt: 60_000 - CLIMB_AFTER_MS + 1 } }),
      calmWithRoom,
      'auto',
      [K, K, K, K, K, K],
    ],
    [
      'real time without room: hold where it is',
      wall([F, K, K, K, K, K]),
      { ...calmWithRoom, room: 0 },
      'auto',
      [F, K, K, K, K, K],
    ],
    [
      'at capacity and below nothing is shed',
      wall([F, F, F, F, F, F]),
      { paintedShare: 0.93, room: 0, now: 60_000 },
      'auto',
      [F, F, F, F, F, F],
    ],
    [
      'layout set to always full: full however far behind',
      wall([K, K, S, F, F, F]),
      farBehind,
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

  it('sheds step by step and climbs back the same way, ending where it began, each tile changing ≤ 2 times a minute', () => {
    let tiles = wall(['full', 'full', 'full', 'full', 'full', 'full']);
    let now = 60_000;
    const changes: number[] = [];
    const apply = (load: Omit<WallLoad, 'now'>) => {
      now += PATIENT_MS + 1000; // settled and calm each time, even for a last-resort step
      const next = decideModes(tiles, { ...load, now }, 'auto');
      const changed = tiles.filter((t) => next.get(t.index) !== t.mode);
      changes.push(...changed.map((t) => t.index));
      tiles = tiles.map((t) => (next.get(t.index) !== t.mode ? { ...t, mode: next.get(t.index)!, changedAt: now } : t));
      return changed.length;
    };
    for (let i = 0; i < 12; i++) expect(apply(behind)).toBe(1);
    expect(tiles.every((t) => t.mode === 'keyframes-slow')).toBe(true);
    expect(apply(behind)).toBe(0);
    for (let i = 0; i < 12; i++) expect(apply({ paintedShare: 1, room: 1 })).toBe(1);
    expect(tiles.every((t) => t.mode === 'full')).toBe(true);
    // 24 decisions 16 s apart: six minutes and more, four changes per tile.
    for (let index = 0; index < 6; index++) expect(changes.filter((i) => i === index)).toHaveLength(4);
  });
});

describe('the modes a new wall starts in', () => {
  /** An n-tile wall of equal tiles, tile `selected` protected. */
  const tiles = (n: number, selected?: number) =>
    Array.from({ length: n }, (_, index) => ({ index, area: 1 / n, protected: index === selected }));
  /** A 1+5 wall: tile 0 big. */
  const onePlusFive = [0, 1, 2, 3, 4, 5].map((index) => ({
    index,
    area: index === 0 ? 4 / 9 : 1 / 9,
    protected: false,
  }));

  it.each([
    ['capacity unknown (the first wall): all full', tiles(64), undefined, 'auto', {}],
    ['within what the machine carries: all full', tiles(9), 9, 'auto', {}],
    [
      '12 tiles where 9 were carried: the last 3 on key pictures, the selected one full',
      tiles(12, 0),
      9,
      'auto',
      { 9: 'keyframes', 10: 'keyframes', 11: 'keyframes' },
    ],
    [
      'the big tile keeps full rate before small ones',
      onePlusFive,
      2,
      'auto',
      { 2: 'keyframes', 3: 'keyframes', 4: 'keyframes', 5: 'keyframes' },
    ],
    [
      'carries none: every unprotected tile on key pictures',
      tiles(3, 1),
      0,
      'auto',
      { 0: 'keyframes', 2: 'keyframes' },
    ],
    ['layout on always full: the layout decides', tiles(12), 9, 'full', {}],
    ['layout on key pictures only: the layout decides', tiles(12), 9, 'keyframes', {}],
  ] as const)('%s', (_, wallTiles, carries, rate, expected) => {
    expect(startingModes(wallTiles, carries, rate)).toEqual(expected);
  });

  it('64 tiles where 9 were carried: 55 start on key pictures', () => {
    const modes = startingModes(tiles(64, 27), 9, 'auto');
    expect(Object.keys(modes)).toHaveLength(55);
    expect(modes[27]).toBeUndefined();
  });
});
