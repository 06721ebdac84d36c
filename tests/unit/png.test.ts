import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeFrames } from '../fixtures/picture';
import { decodeScreenshotPng } from '../fixtures/png';

/** A PNG made by ffmpeg: `pred` chooses its row filters (mixed uses all five). */
function png(source: string, pixelFormat: string, pred: string): Buffer {
  const made = spawnSync('ffmpeg', [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    source,
    '-frames:v',
    '1',
    '-pix_fmt',
    pixelFormat,
    '-pred',
    pred,
    '-f',
    'image2pipe',
    '-c:v',
    'png',
    'pipe:1',
  ]);
  return made.stdout;
}

describe('the screenshot PNG reader', () => {
  for (const [pixelFormat, pred] of [
    ['rgba', 'mixed'],
    ['rgb24', 'mixed'],
    ['rgba', 'paeth'],
    ['rgb24', 'none'],
  ] as const)
    it(`reads ${pixelFormat} with ${pred} row filters exactly as ffmpeg does`, () => {
      const file = png('testsrc2=size=320x180', pixelFormat, pred);
      const read = decodeScreenshotPng(file)!;
      expect(read).toBeDefined();
      expect([read.width, read.height]).toEqual([320, 180]);
      const reference = decodeFrames(file, 320, 180, 'png_pipe')[0]!;
      expect(read.data.equals(reference.data)).toBe(true);
    });

  it('leaves what it does not read to ffmpeg (16-bit, grey)', () => {
    expect(decodeScreenshotPng(png('testsrc2=size=64x36', 'rgb48be', 'none'))).toBeUndefined();
    expect(decodeScreenshotPng(png('testsrc2=size=64x36', 'gray', 'none'))).toBeUndefined();
  });
});
