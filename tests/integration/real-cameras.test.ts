/**
 * Cameras as a city really has them, served by GStreamer's RTSP server
 * configured like them (tests/fixtures/README.md): each one must either show
 * its true picture — SMPTE bars in their colours and places — or say truly
 * why not.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { barsIn, borderIsBlack, decodeFrames, fittedBox, smpteBars } from '../fixtures/picture';
import { waitFor } from '../fixtures/processes';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { disposeWatchers, watchStream } from '../fixtures/watch-stream';

let fleet: RtspServer;

beforeAll(async () => {
  fleet = await startRtspServer([
    { name: 'sliced', width: 640, height: 360, flags: 'pattern=smpte,slices=4,nooverlay' },
    { name: 'four-three', width: 640, height: 480, flags: 'pattern=smpte,nooverlay' },
    { name: 'switching', width: 640, height: 360, flags: 'pattern=smpte,switch=320x240,nooverlay' },
    { name: 'five-fps', width: 640, height: 360, fps: 5, flags: 'pattern=smpte' },
    { name: 'udp-only', width: 640, height: 360, flags: 'pattern=smpte,udp-only,nooverlay' },
    // A 4K main profile (at 5 fps: the simulator's own encoder must not eat the machine).
    { name: 'uhd', width: 3840, height: 2160, fps: 5, flags: 'pattern=smpte,nooverlay' },
  ]);
});
afterAll(() => fleet?.stop());
afterEach(disposeWatchers);

describe('cameras of a real fleet show their true picture', () => {
  it('multi-slice H.264 with SPS/PPS before every IDR: every bar in its colour, not decoder-green', async () => {
    const stream = watchStream({ kind: 'rtsp', url: fleet.url('sliced'), width: 640, height: 360 });
    expect(await waitFor(() => stream.chunks.length > 0 && stream.bytes().length > 300_000, 20_000)).toBe(true);
    const frames = decodeFrames(stream.bytes(), 640, 360, 'mpegts');
    expect(frames.length).toBeGreaterThan(25);
    // Every frame after the first second: a frame with a missing slice fails here.
    for (const frame of frames.slice(25)) expect(barsIn(frame)).toEqual(smpteBars);
    // And ffmpeg concealed nothing: the tile was never told the picture is damaged.
    expect(stream.statuses.map((s) => s.state)).not.toContain('degraded');
    expect(stream.last()!.state).toBe('live');
  });

  it('a 4:3 camera declared 16:9 is letterboxed with its own aspect ratio, not squashed', async () => {
    const stream = watchStream({ kind: 'rtsp', url: fleet.url('four-three'), width: 1280, height: 720 });
    expect(await waitFor(() => stream.bytes().length > 150_000, 20_000)).toBe(true);
    const frame = decodeFrames(stream.bytes(), 640, 360, 'mpegts').at(-1)!;
    const box = fittedBox(4 / 3, 16 / 9);
    expect(barsIn(frame, box)).toEqual(smpteBars);
    expect(borderIsBlack(frame, box)).toBe(true);
  });

  it('a resolution change mid-stream (16:9 ↔ 4:3) is followed without stretching', async () => {
    const stream = watchStream({ kind: 'rtsp', url: fleet.url('switching'), width: 640, height: 360 });
    // The fixture switches every 3 s: 8 s holds both sizes at least once.
    expect(await waitFor(() => stream.chunks.length > 0 && Date.now() - stream.chunks[0]!.at > 8000, 20_000)).toBe(
      true,
    );
    const frames = decodeFrames(stream.bytes(), 640, 360, 'mpegts');
    const letterbox = fittedBox(4 / 3, 16 / 9);
    let wide = 0;
    let narrow = 0;
    for (const frame of frames.slice(5)) {
      if (borderIsBlack(frame, letterbox)) {
        expect(barsIn(frame, letterbox)).toEqual(smpteBars);
        narrow++;
      } else {
        expect(barsIn(frame)).toEqual(smpteBars);
        wide++;
      }
    }
    expect(wide).toBeGreaterThan(10);
    expect(narrow).toBeGreaterThan(10);
  });

  it('a 5 fps substream still starts a new GOP every second, so a joiner waits at most ~1 s', async () => {
    const stream = watchStream({ kind: 'rtsp', url: fleet.url('five-fps'), width: 640, height: 360, fps: 5 });
    expect(await waitFor(() => stream.chunks.filter((c) => c.gopStart).length >= 5, 20_000)).toBe(true);
    const starts = stream.chunks.filter((c) => c.gopStart).map((c) => c.at);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    expect(Math.max(...gaps)).toBeLessThan(1500);
  });

  it('a UDP-only camera (TCP SETUP answered 461) plays with transport auto, over UDP', async () => {
    const stream = watchStream({ kind: 'rtsp', url: fleet.url('udp-only'), width: 640, height: 360 });
    expect(await waitFor(() => stream.last()?.state === 'live', 20_000)).toBe(true);
    expect(stream.last()!.transport).toBe('udp');
    // The first attempt over TCP was refused for its transport, not blamed on the format.
    expect(stream.statuses.find((s) => s.error)?.error?.code).toBe('rtsp-transport');
    expect(stream.statuses.map((s) => s.state)).not.toContain('unsupported');
    expect(await waitFor(() => stream.bytes().length > 100_000, 10_000)).toBe(true);
    expect(barsIn(decodeFrames(stream.bytes(), 640, 360, 'mpegts').at(-1)!)).toEqual(smpteBars);
  });

  it('a 4K main stream is scaled into the 1280×720 ceiling with its bars in place', async () => {
    const stream = watchStream(
      { kind: 'rtsp', url: fleet.url('uhd'), width: 3840, height: 2160 },
      { maxWidth: 1280, maxHeight: 720 },
    );
    expect(await waitFor(() => stream.last()?.state === 'live' && stream.bytes().length > 200_000, 30_000)).toBe(true);
    expect(barsIn(decodeFrames(stream.bytes(), 1280, 720, 'mpegts').at(-1)!)).toEqual(smpteBars);
  });

  it('RTSP tunnelled in HTTP (transport http) plays its bars', async () => {
    const stream = watchStream({ kind: 'rtsp', url: fleet.url('four-three'), transport: 'http' });
    expect(await waitFor(() => stream.last()?.state === 'live' && stream.bytes().length > 100_000, 20_000)).toBe(true);
    expect(stream.last()!.transport).toBe('http');
    expect(barsIn(decodeFrames(stream.bytes(), 640, 360, 'mpegts').at(-1)!, fittedBox(4 / 3, 16 / 9))).toEqual(
      smpteBars,
    );
  });

  it('the same UDP-only camera forced to TCP says the camera refuses TCP', async () => {
    const stream = watchStream({ kind: 'rtsp', url: fleet.url('udp-only'), transport: 'tcp' });
    expect(await waitFor(() => stream.last()?.error !== undefined, 15_000)).toBe(true);
    expect(stream.last()).toMatchObject({ state: 'reconnecting', transport: 'tcp', error: { code: 'rtsp-transport' } });
  });
});
