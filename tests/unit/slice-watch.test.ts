import { describe, expect, it } from 'vitest';
import { SETTLED, SliceWatch } from '../../electron/core/streams/slice-watch';
import { firstMbInSlice } from '../../shared/h264';

const four = [0, 230, 460, 690];

describe('SliceWatch', () => {
  const run = (pictures: number[][]) => {
    const watch = new SliceWatch();
    return pictures.map((starts) => watch.picture(starts));
  };
  const clean = (n: number) => Array.from({ length: n }, () => four);

  it.each([
    ['a fixed four-slice camera, clean', clean(20), []],
    ['one slice lost once the slicing has settled', [...clean(SETTLED), [0, 230, 690], four], [SETTLED]],
    [
      'the first slice lost: its others go back to a start already seen',
      [...clean(3), [0, 230, 460, 690, 230, 460, 690]],
      [3],
    ],
    ['a picture that does not start at 0', [[230, 460, 690], four], [0]],
    ['a single-slice camera', Array.from({ length: 20 }, () => [0]), []],
    [
      'slices cut by size (their places change every picture): never settles, never damaged',
      Array.from({ length: 30 }, (_, i) => (i % 2 ? [0, 100 + i, 400 + i] : [0, 120 + i])),
      [],
    ],
    ['a lost slice before the slicing settled is taken as a new slicing', [four, [0, 230, 690], four], []],
    [
      'a camera that changes its slicing for good (more slices): not damage',
      [...clean(SETTLED), ...Array.from({ length: 8 }, () => [0, 115, 230, 460, 690])],
      [],
    ],
  ])('%s', (_name, pictures, damagedAt) => {
    const damaged = run(pictures)
      .map((bad, i) => (bad ? i : -1))
      .filter((i) => i >= 0);
    expect(damaged).toEqual(damagedAt);
  });
});

describe('firstMbInSlice', () => {
  // ue(v): 1 → 0; 010 → 1; 011 → 2; 00100 → 3; 0001000 → 7.
  it.each([
    [[0x65, 0x88], 0],
    [[0x41, 0x40], 1],
    [[0x41, 0x60], 2],
    [[0x41, 0x20], 3],
    [[0x41, 0x10], 7],
    // 230 = ue 0000000 1 1100111 (15 bits): 0x01 0xCE
    [[0x41, 0x01, 0xce], 230],
    // 00 00 03: the 03 is emulation prevention, skipped. Then 00 00 01 80 00 00 reads as 23 zeros, a
    // 1, and the 23 bits 1000…0: 2^23 − 1 + 2^22. (Read with the 03, it would be 22 zeros.)
    [[0x41, 0x00, 0x00, 0x03, 0x01, 0x80, 0x00, 0x00], 2 ** 23 - 1 + 2 ** 22],
  ])('%j → %i', (bytes, value) => {
    expect(firstMbInSlice(Uint8Array.from(bytes))).toBe(value);
  });

  it('a unit too short to hold the field', () => {
    expect(firstMbInSlice(Uint8Array.from([0x41, 0x00]))).toBeUndefined();
  });
});
