/**
 * Faults a command centre sees every day, against the real GStreamer RTSP
 * server: camera down and back, a frozen camera, ffmpeg dying, and the host
 * itself killed. Each test is bounded in time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { silentLogger } from '../../electron/core/log';
import { StreamHub } from '../../electron/core/streams/stream-hub';
import type { StreamStatus } from '../../shared/model';
import WebSocket from 'ws';
import { startHost, writeCameraFile } from '../fixtures/host';
import { ffmpegProcesses, waitFor } from '../fixtures/processes';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';

const ffmpegPath = resolveFfmpeg().path;
const cleanups: (() => Promise<unknown> | unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function camera(): Promise<RtspServer> {
  const server = await startRtspServer([{ name: 'cam', width: 320, height: 240 }]);
  cleanups.push(() => {
    try {
      server.process.kill('SIGCONT');
    } catch {
      // already gone
    }
    return server.stop();
  });
  return server;
}

function watch(url: string) {
  const statuses: StreamStatus[] = [];
  const stats: StreamStatus[][] = [];
  const hub = new StreamHub({
    ffmpegPath,
    logger: silentLogger,
    sourceFor: () => ({ kind: 'rtsp', url }),
    timing: { retryBaseMs: 300, retryMaxMs: 1500 },
    statsIntervalMs: 500,
  });
  hub.onStatus((s) => statuses.push(s));
  hub.onStats((s) => stats.push(s));
  let bytes = 0;
  const subscription = hub.subscribe('cam', 'main', { write: (chunk) => void (bytes += chunk.data.length) });
  cleanups.push(
    () => hub.dispose(),
    () => subscription.dispose(),
  );
  const states = () => statuses.map((s) => s.state);
  const last = () => statuses[statuses.length - 1];
  return { hub, statuses, stats, states, last, bytes: () => bytes };
}

describe('stream faults', () => {
  it('camera killed and restarted: reconnecting, then live again; fps and kbit/s are reported', async () => {
    let server = await camera();
    const stream = watch(server.url('cam'));
    expect(await waitFor(() => stream.last()?.state === 'live', 15_000)).toBe(true);
    expect(await waitFor(() => (stream.stats.at(-1)?.[0]?.fps ?? 0) > 15, 5_000)).toBe(true);
    const figures = stream.stats.at(-1)![0]!;
    expect(figures.kbps).toBeGreaterThan(10);
    expect(figures.lastFrameAt).toBeGreaterThan(Date.now() - 2000);

    const port = server.port;
    await server.stop();
    expect(await waitFor(() => ['reconnecting', 'offline'].includes(stream.last()!.state), 15_000)).toBe(true);
    expect(stream.last()!.error?.code).toMatch(/rtsp-unreachable|ffmpeg-failed|rtsp-timeout/);

    server = await startRtspServer([{ name: 'cam', width: 320, height: 240 }], { port });
    cleanups.push(() => server.stop());
    const before = stream.bytes();
    expect(await waitFor(() => stream.last()!.state === 'live', 20_000)).toBe(true);
    expect(await waitFor(() => stream.bytes() > before + 20_000, 10_000)).toBe(true);
    expect(stream.last()!.reconnects).toBeGreaterThanOrEqual(1);
  });

  // Two cameras frozen side by side (each test waits out its freeze: together, not one after the other).
  it('camera frozen (SIGSTOP) for 10 s: stalled, then live after SIGCONT; frozen for 20 s: stalled once, never "live" in between, restarted at the stall limit, live after SIGCONT', async () => {
    const tenSeconds = async () => {
      const server = await camera();
      const stream = watch(server.url('cam'));
      expect(await waitFor(() => stream.last()?.state === 'live', 15_000)).toBe(true);

      server.process.kill('SIGSTOP');
      const stoppedAt = Date.now();
      expect(await waitFor(() => stream.last()!.state === 'stalled', 6_000)).toBe(true);
      // Stalled is judged from the output: the last frame is older than the stall limit.
      expect(Date.now() - stream.last()!.lastFrameAt!).toBeGreaterThanOrEqual(2000);
      await waitFor(() => Date.now() - stoppedAt >= 10_000, 11_000, 250);
      server.process.kill('SIGCONT');

      const before = stream.bytes();
      expect(await waitFor(() => stream.last()!.state === 'live' && stream.bytes() > before + 10_000, 20_000)).toBe(
        true,
      );
      expect(stream.states()).toContain('stalled');
    };
    const twentySeconds = async () => {
      const server = await camera();
      const stream = watch(server.url('cam'));
      expect(await waitFor(() => stream.last()?.state === 'live', 15_000)).toBe(true);
      server.process.kill('SIGSTOP');
      const stoppedAt = Date.now();
      const seen = stream.statuses.length;
      expect(await waitFor(() => stream.last()!.state === 'stalled', 6_000)).toBe(true);
      // ffmpeg flushes what it holds when its socket times out (10 s): that must not read as "live".
      expect(await waitFor(() => stream.states().slice(seen).includes('reconnecting'), 16_000)).toBe(true);
      const restartedAfter = Date.now() - stoppedAt;
      const during = stream.states().slice(seen, stream.states().indexOf('reconnecting', seen));
      expect(during).toEqual(['stalled']);
      expect(restartedAfter).toBeLessThan(15_000);
      expect(stream.last()!.error?.code).toBe('rtsp-timeout');
      await waitFor(() => Date.now() - stoppedAt >= 20_000, 21_000, 250);
      server.process.kill('SIGCONT');
      expect(await waitFor(() => stream.last()!.state === 'live', 30_000)).toBe(true);
    };
    await Promise.all([tenSeconds(), twentySeconds()]);
  }, 60_000);

  it('ffmpeg killed: restarted, and live again', async () => {
    const server = await camera();
    const stream = watch(server.url('cam'));
    expect(await waitFor(() => stream.last()?.state === 'live', 15_000)).toBe(true);
    const [first] = ffmpegProcesses(`:${server.port}/cam`);
    process.kill(first!.pid, 'SIGKILL');

    expect(await waitFor(() => stream.states().includes('reconnecting'), 5_000)).toBe(true);
    expect(await waitFor(() => stream.last()!.state === 'live', 15_000)).toBe(true);
    const now = ffmpegProcesses(`:${server.port}/cam`);
    expect(now).toHaveLength(1);
    expect(now[0]!.pid).not.toBe(first!.pid);
    expect(stream.hub.sessions()[0]!.attempts).toHaveLength(2);
  });

  it('host killed with SIGKILL: no ffmpeg is left after 5 s, silent cameras included', async () => {
    const live = await camera();
    const frozen = await camera();
    const file = writeCameraFile([
      { id: 'live', name: 'Live', streams: [{ profile: 'main', url: live.url('cam') }] },
      { id: 'frozen', name: 'Frozen', streams: [{ profile: 'main', url: frozen.url('cam') }] },
    ]);
    const host = await startHost(['--cameras', file]);
    cleanups.push(() => host.stop('SIGKILL'));
    const viewers = ['live', 'frozen'].map(
      (id) => new WebSocket(`ws://127.0.0.1:${host.port}/stream/${id}/main?token=${host.token}`),
    );
    await Promise.all(viewers.map((ws) => new Promise((resolve) => ws.once('message', resolve))));
    // The frozen camera keeps its connection open but sends nothing: its ffmpeg
    // never writes, so it would never notice a dead parent through SIGPIPE.
    frozen.process.kill('SIGSTOP');
    const markers = [`:${live.port}/cam`, `:${frozen.port}/cam`];
    expect(markers.map((m) => ffmpegProcesses(m).length)).toEqual([1, 1]);

    await host.stop('SIGKILL');
    expect(await waitFor(() => markers.every((m) => ffmpegProcesses(m).length === 0), 5_000)).toBe(true);
  });
});
