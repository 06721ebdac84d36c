import { describe, expect, it } from 'vitest';
import { H264Framer } from '../../electron/core/streams/h264-framer';
import { framedUnits, nalType, splitNalUnits } from '../../shared/h264';

// NAL units as bytes: header byte, then a first byte whose top bit is first_mb_in_slice == 0 (set) or not.
const sps = [0x67, 0x64, 0x00, 0x1f, 0xac];
const pps = [0x68, 0xee, 0x3c, 0x80];
const aud = [0x09, 0xf0];
const idrFirst = [0x65, 0x88, 0x84, 0x00, 0x21];
const idrNext = [0x65, 0x00, 0x5a, 0x13];
const pFirst = [0x41, 0x9a, 0x02, 0x04];
const pNext = [0x41, 0x01, 0x9a, 0x02];
const stream = (...units: number[][]) => Buffer.concat(units.map((u) => Buffer.from([0, 0, 0, 1, ...u])));

// What a multi-slice camera sends through ffmpeg: SPS/PPS before each IDR slice, delimiters.
const bytes = stream(
  aud,
  sps,
  pps,
  idrFirst,
  sps,
  pps,
  idrNext,
  aud,
  pFirst,
  pNext,
  aud,
  pFirst,
  pNext,
  aud,
  sps,
  pps,
  idrFirst,
);

describe('H264Framer', () => {
  it.each([1, 3, 7, 1000])('cuts pictures at first slices, whatever the read size (%i bytes)', (size) => {
    const framer = new H264Framer();
    const chunks = [];
    for (let at = 0; at < bytes.length; at += size) chunks.push(...framer.push(bytes.subarray(at, at + size)));
    // The last picture waits for the next one's first slice: three complete pictures so far.
    expect(chunks.map((c) => c.gopStart)).toEqual([true, false, false]);
    expect(framer.frames).toBe(3);
    const pictures = [...framedUnits(new Uint8Array(Buffer.concat(chunks.map((c) => c.data))))].map((unit) =>
      splitNalUnits(unit).units.map(nalType),
    );
    // The keyframe keeps both its slices and the SPS/PPS between them; delimiters are dropped.
    expect(pictures).toEqual([
      [7, 8, 5, 7, 8, 5],
      [1, 1],
      [1, 1],
    ]);
  });
});
