/**
 * The stream engine against a real GStreamer RTSP server and real ffmpeg
 * processes, counted in the process table.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { silentLogger } from '../../electron/core/log';
import type { TsChunk } from '../../electron/core/streams/mpegts';
import { StreamHub, type Subscription } from '../../electron/core/streams/stream-hub';
import type { StreamSource } from '../../electron/core/streams/stream-source';
import type { StreamStatus } from '../../shared/model';
import { withCredentials } from '../../shared/rtsp-url';
import { ffmpegProcesses, waitFor } from '../fixtures/processes';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';

const SEQUENCE_HEADER = Buffer.from([0x00, 0x00, 0x01, 0xb3]);
const ffmpegPath = resolveFfmpeg().path;

/** "width,height" of the video in MPEG-TS bytes, as ffprobe reads it. */
function probeSize(ts: Buffer): string {
  const probe = spawnSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height',
      '-of',
      'csv=p=0',
      '-f',
      'mpegts',
      '-',
    ],
    { input: ts },
  );
  return probe.stdout.toString().split('\n').filter(Boolean)[0] ?? '';
}

function collector() {
  const chunks: TsChunk[] = [];
  return {
    chunks,
    write: (chunk: TsChunk) => void chunks.push(chunk),
    bytes: () => Buffer.concat(chunks.map((c) => c.data)),
  };
}

let camera: RtspServer;
let locked: RtspServer;
const hubs: StreamHub[] = [];
const subscriptions: Subscription[] = [];

function newHub(sources: Record<string, StreamSource>, lingerMs = 800) {
  const statuses: StreamStatus[] = [];
  const hub = new StreamHub({
    ffmpegPath,
    logger: silentLogger,
    lingerMs,
    sourceFor: (cameraId) => sources[cameraId]!,
    timing: { retryBaseMs: 300 },
  });
  hub.onStatus((s) => statuses.push(s));
  hubs.push(hub);
  return { hub, statuses };
}

beforeAll(async () => {
  [camera, locked] = await Promise.all([
    startRtspServer([
      { name: 'cam1', width: 640, height: 360 },
      { name: 'cam2', width: 320, height: 240 },
    ]),
    startRtspServer([{ name: 'secure', width: 320, height: 240 }], { digest: 'operator:Rahasia123' }),
  ]);
});

afterEach(async () => {
  subscriptions.splice(0).forEach((s) => s.dispose());
  await Promise.all(hubs.splice(0).map((h) => h.dispose()));
});

afterAll(async () => {
  await Promise.all([camera?.stop(), locked?.stop()]);
});

describe('StreamHub with a real RTSP camera', () => {
  it('delivers MPEG-TS with MPEG-1 sequence headers that ffprobe reads as 640×360 mpeg1video', async () => {
    const { hub, statuses } = newHub({ cam1: { kind: 'rtsp', url: camera.url('cam1'), width: 640, height: 360 } });
    const viewer = collector();
    subscriptions.push(hub.subscribe('cam1', 'main', viewer));
    expect(
      await waitFor(() => viewer.bytes().includes(SEQUENCE_HEADER) && viewer.bytes().length > 50_000, 20_000),
    ).toBe(true);
    expect(viewer.chunks.every((c) => c.data.length % 188 === 0)).toBe(true);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'live']);

    const probe = spawnSync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', '-f', 'mpegts', '-'],
      {
        input: viewer.bytes(),
      },
    );
    // ffprobe lists the stream under its program and again on its own.
    const lines = probe.stdout.toString().split('\n').filter(Boolean);
    expect(new Set(lines)).toEqual(new Set(['mpeg1video,640,360']));
  });

  it('shares one ffmpeg between two viewers of one camera, and a joiner starts with a sequence header', async () => {
    const { hub } = newHub({ cam1: { kind: 'rtsp', url: camera.url('cam1') } });
    const first = collector();
    const second = collector();
    subscriptions.push(hub.subscribe('cam1', 'main', first), hub.subscribe('cam1', 'main', second));
    expect(
      await waitFor(() => first.bytes().includes(SEQUENCE_HEADER) && second.bytes().includes(SEQUENCE_HEADER), 20_000),
    ).toBe(true);
    expect(ffmpegProcesses(`:${camera.port}/cam1`)).toHaveLength(1);
    expect(hub.sessions()).toHaveLength(1);
    expect(hub.sessions()[0]!.spawnCount).toBe(1);

    // A viewer joining the running stream gets the cached GOP in its first chunk.
    const joiner = collector();
    subscriptions.push(hub.subscribe('cam1', 'main', joiner));
    expect(joiner.chunks.length).toBeGreaterThan(0);
    const firstChunk = joiner.chunks[0]!;
    expect(firstChunk.gopStart).toBe(true);
    expect(firstChunk.data.includes(SEQUENCE_HEADER)).toBe(true);
    expect(firstChunk.data[0]).toBe(0x47);
    expect(ffmpegProcesses(`:${camera.port}/cam1`)).toHaveLength(1);
  });

  it('scales into the box the tile needs, and grows it for a bigger tile without a second ffmpeg or a reconnect counted', async () => {
    const { hub } = newHub({ cam1: { kind: 'rtsp', url: camera.url('cam1'), width: 640, height: 360 } });
    const small = collector();
    subscriptions.push(hub.subscribe('cam1', 'main', small, { maxWidth: 320, maxHeight: 180 }));
    expect(await waitFor(() => small.bytes().includes(SEQUENCE_HEADER), 20_000)).toBe(true);
    expect(probeSize(small.bytes())).toBe('320,180');

    const big = collector();
    subscriptions.push(hub.subscribe('cam1', 'main', big, { maxWidth: 640, maxHeight: 360 }));
    expect(await waitFor(() => big.bytes().includes(SEQUENCE_HEADER) && big.bytes().length > 20_000, 20_000)).toBe(
      true,
    );
    expect(probeSize(big.bytes())).toBe('640,360');
    expect(ffmpegProcesses(`:${camera.port}/cam1`)).toHaveLength(1);
    expect(hub.sessions()[0]!.outputBox).toEqual({ maxWidth: 640, maxHeight: 360 });
    // A bigger box is the same camera in a bigger picture, not a failure: no reconnect counted.
    expect(hub.sessions()[0]!.currentStatus.reconnects).toBe(0);

    // A smaller tile joining later gets the running, larger picture: no restart.
    const attempts = hub.sessions()[0]!.attempts.length;
    subscriptions.push(hub.subscribe('cam1', 'main', collector(), { maxWidth: 320, maxHeight: 180 }));
    expect(hub.sessions()[0]!.attempts).toHaveLength(attempts);
  });

  it('stops the process after the last viewer leaves and the linger passes, and reuses it within the linger', async () => {
    const { hub } = newHub({ cam2: { kind: 'rtsp', url: camera.url('cam2') } }, 1500);
    const viewer = collector();
    const subscription = hub.subscribe('cam2', 'main', viewer);
    expect(await waitFor(() => viewer.bytes().includes(SEQUENCE_HEADER), 20_000)).toBe(true);
    const [running] = ffmpegProcesses(`:${camera.port}/cam2`);
    expect(running).toBeDefined();

    subscription.dispose();
    // Within the linger, a new viewer gets the same process.
    const again = hub.subscribe('cam2', 'main', collector());
    expect(ffmpegProcesses(`:${camera.port}/cam2`).map((p) => p.pid)).toEqual([running!.pid]);
    again.dispose();

    expect(ffmpegProcesses(`:${camera.port}/cam2`)).toHaveLength(1); // lingering
    expect(await waitFor(() => ffmpegProcesses(`:${camera.port}/cam2`).length === 0, 8000)).toBe(true);
    expect(hub.sessions()).toHaveLength(0);
  });

  it('stops every process when disposed', async () => {
    const { hub } = newHub(
      { cam1: { kind: 'rtsp', url: camera.url('cam1') }, cam2: { kind: 'rtsp', url: camera.url('cam2') } },
      60_000,
    );
    const a = collector();
    const b = collector();
    hub.subscribe('cam1', 'main', a);
    hub.subscribe('cam2', 'main', b);
    expect(await waitFor(() => a.bytes().length > 0 && b.bytes().length > 0, 20_000)).toBe(true);
    expect(ffmpegProcesses(`:${camera.port}/`)).toHaveLength(2);
    await hub.dispose();
    expect(ffmpegProcesses(`:${camera.port}/`)).toHaveLength(0);
  });

  it('reports a wrong password as auth-failed, waits minutes before the next try, and streams with the right one', async () => {
    const { hub, statuses } = newHub({
      wrong: { kind: 'rtsp', url: withCredentials(locked.url('secure'), 'operator', 'salah') },
      right: { kind: 'rtsp', url: withCredentials(locked.url('secure'), 'operator', 'Rahasia123') },
    });
    subscriptions.push(hub.subscribe('wrong', 'main', collector()));
    const good = collector();
    subscriptions.push(hub.subscribe('right', 'main', good));
    expect(await waitFor(() => statuses.some((s) => s.cameraId === 'wrong' && s.state === 'auth-failed'), 20_000)).toBe(
      true,
    );
    const failure = statuses.find((s) => s.cameraId === 'wrong' && s.state === 'auth-failed')!;
    expect(failure.error?.code).toBe('auth-failed');
    expect(failure.error?.message).not.toContain('salah');
    // At most one attempt per minute after a 401: the next one is scheduled minutes away.
    expect(failure.retryAt! - failure.since).toBeGreaterThanOrEqual(60_000);
    expect(await waitFor(() => good.bytes().includes(SEQUENCE_HEADER), 20_000)).toBe(true);
    const wrongSession = hub.sessions().find((s) => s.key === 'wrong/main')!;
    expect(wrongSession.attempts).toHaveLength(1);
  });

  it('reports an unreachable camera and keeps retrying with backoff', async () => {
    const { hub, statuses } = newHub({ gone: { kind: 'rtsp', url: 'rtsp://127.0.0.1:9/nothing' } });
    subscriptions.push(hub.subscribe('gone', 'main', collector()));
    expect(await waitFor(() => statuses.some((s) => s.state === 'reconnecting'), 20_000)).toBe(true);
    expect(statuses.find((s) => s.state === 'reconnecting')!.error?.code).toBe('rtsp-unreachable');
    expect(await waitFor(() => hub.sessions()[0]!.spawnCount >= 2, 10_000)).toBe(true);
  });
});

describe('stream limit', () => {
  it('refuses a stream past the machine limit with its own error code, and serves again once one is closed', async () => {
    const { StreamHub } = await import('../../electron/core/streams/stream-hub');
    const hub = new StreamHub({
      ffmpegPath: (await import('../../electron/core/ffmpeg/resolve-ffmpeg')).resolveFfmpeg().path,
      logger: (await import('../../electron/core/log')).silentLogger,
      sourceFor: (id) => ({ kind: 'demo', label: id, pattern: 'testsrc', width: 160, height: 90, fps: 5 }),
      maxSessions: 2,
      lingerMs: 0,
    });
    try {
      const a = hub.subscribe('a', 'main', { write: () => undefined });
      hub.subscribe('b', 'main', { write: () => undefined });
      expect(() => hub.subscribe('c', 'main', { write: () => undefined })).toThrow(
        expect.objectContaining({ code: 'stream-limit' }),
      );
      // A second viewer of a running stream costs nothing and is never refused.
      expect(() => hub.subscribe('a', 'main', { write: () => undefined })).not.toThrow();
      a.dispose();
    } finally {
      await hub.dispose();
    }
  });
});
