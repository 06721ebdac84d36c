/**
 * The camera's own H.264 to the page (issue #13), against the real RTSP
 * server: ffmpeg only copies, the core cuts the byte stream into whole
 * pictures (length-framed, shared/h264.ts), every keyframe carries SPS and
 * PPS, a picture of several slices stays one picture, and what arrives
 * decodes to the camera's own bars at the camera's own size.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NAL_IDR, NAL_PPS, NAL_SPS, codecString, framedUnits, isVcl, nalType, splitNalUnits } from '../../shared/h264';
import { barsIn, decodeFrames, smpteBars } from '../fixtures/picture';
import { waitFor } from '../fixtures/processes';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { disposeWatchers, watchStream } from '../fixtures/watch-stream';

let camera: RtspServer;
beforeAll(async () => {
  camera = await startRtspServer([
    { name: 'slices', width: 640, height: 360, flags: 'pattern=smpte,slices=4,nooverlay' },
    { name: 'bframes', width: 640, height: 360, flags: 'pattern=smpte,bframes=2,nooverlay' },
    { name: 'hevc', width: 640, height: 360, flags: 'pattern=smpte,codec=h265,nooverlay' },
    { name: 'big', width: 1920, height: 1080, fps: 10, flags: 'pattern=smpte,nooverlay' },
  ]);
});
afterAll(() => camera?.stop());
afterEach(disposeWatchers);

const box = { maxWidth: 640, maxHeight: 360 };
const watchNative = (mount: string) => watchStream({ kind: 'rtsp', url: camera.url(mount) }, box, {}, 'h264');

/** What the page's decoder gets, as one Annex B byte stream (each picture carries its start codes). */
const annexBOf = (stream: ReturnType<typeof watchStream>) =>
  Buffer.concat([...framedUnits(new Uint8Array(stream.bytes()))]);

/** The pictures received, each as its NAL units. */
function pictures(stream: ReturnType<typeof watchStream>) {
  return [...framedUnits(new Uint8Array(stream.bytes()))].map((unit) => splitNalUnits(unit).units);
}

describe('the camera’s own H.264, copied', () => {
  it('arrives as whole pictures: keyframes with SPS and PPS, several slices kept together, live at the camera’s rate', async () => {
    const stream = watchNative('slices');
    expect(await waitFor(() => stream.last()?.state === 'live', 15_000)).toBe(true);
    const liveAt = Date.now();
    await waitFor(() => Date.now() - liveAt > 2000, 3000);
    expect(stream.last()).toMatchObject({ video: 'h264' });
    expect(stream.chunks[0]!.gopStart).toBe(true);
    const all = pictures(stream);
    expect(all.length).toBeGreaterThan(40); // 25 fps for 2 s and more
    for (const picture of all) expect(picture.some((nal) => isVcl(nalType(nal)))).toBe(true);
    const keys = all.filter((picture) => picture.some((nal) => nalType(nal) === NAL_IDR));
    expect(keys.length).toBeGreaterThanOrEqual(2); // a keyframe a second
    for (const key of keys) {
      const types = key.map(nalType);
      expect(types).toContain(NAL_SPS);
      expect(types).toContain(NAL_PPS);
      // The camera's several IDR slices are one picture, not cut in two as ffmpeg's own packets are.
      expect(types.filter((t) => t === NAL_IDR).length).toBeGreaterThan(1);
    }
    expect(codecString(keys[0]!.find((nal) => nalType(nal) === NAL_SPS)!)).toMatch(/^avc1\.[0-9a-f]{6}$/);
    // What the page's decoder gets decodes to the bars, in their places.
    const frames = decodeFrames(annexBOf(stream), 640, 360, 'h264');
    expect(frames.length).toBeGreaterThan(40);
    for (const frame of frames.slice(-10)) expect(barsIn(frame)).toEqual(smpteBars);
  });

  it('a B-frame camera decodes whole, and a 1080p camera arrives at 1080p (no scaling on the way)', async () => {
    const bframes = watchNative('bframes');
    const big = watchNative('big');
    expect(await waitFor(() => [bframes, big].every((s) => s.chunks.length > 20), 15_000)).toBe(true);
    const decodedB = decodeFrames(annexBOf(bframes), 640, 360, 'h264');
    for (const frame of decodedB.slice(-5)) expect(barsIn(frame)).toEqual(smpteBars);
    const decodedBig = decodeFrames(annexBOf(big), 1920, 1080, 'h264');
    expect(barsIn(decodedBig.at(-1)!)).toEqual(smpteBars);
  });

  it('an H.265 camera is refused on this path with "unsupported" (the page then takes MPEG-1), never called live', async () => {
    const stream = watchNative('hevc');
    expect(await waitFor(() => stream.firstError() !== undefined, 15_000)).toBe(true);
    expect(stream.firstError()!.code).toBe('unsupported');
    expect(stream.statuses.some((s) => s.state === 'live')).toBe(false);
  });
});
