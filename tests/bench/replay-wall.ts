/**
 * Replayed cameras and a host for them, for the parts that measure Pantau's
 * capacity (economy, replay-capacity): nothing is encoded, so the machine's
 * load is Pantau's own, and every picture carries its number (replay-clip.ts).
 */
import type { Page } from '@playwright/test';
import { startHost, writeCameraFile, type RunningHost } from '../fixtures/host';
import { replayClip } from '../fixtures/replay-clip';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { commandOf, descendants, measure, type Usage } from './proc';

export interface ReplayWall {
  ids: string[];
  host: RunningHost;
  cameras: RtspServer;
  /** CPU and memory of the host, its ffmpeg, the browser and the cameras over `seconds`. */
  usageOf: (seconds: number) => Promise<Record<string, Usage>>;
  stop: () => Promise<void>;
}

/** `otherCameras`: simulated cameras of the bench's that keep running meanwhile (counted with these). */
export async function startReplayWall(
  count: number,
  clipSeconds: number,
  otherCameras: () => number[] = () => [],
): Promise<ReplayWall> {
  const cameras = await startRtspServer(
    [{ name: 'cam', width: 640, height: 360, flags: `replay=${replayClip(clipSeconds)}` }],
    { copies: count },
  );
  const ids = Array.from({ length: count }, (_, i) => `replay-${i + 1}`);
  const host = await startHost([
    '--cameras',
    writeCameraFile(
      ids.map((id, i) => ({
        id,
        name: `Replay ${i + 1}`,
        streams: [{ profile: 'main', url: cameras.url(`cam/${i + 1}`), width: 640, height: 360, fps: 25 }],
      })),
    ),
    '--linger-ms',
    '1000',
  ]);
  return {
    ids,
    host,
    cameras,
    usageOf: (seconds) =>
      measure(
        {
          host: () => [host.process.pid!],
          ffmpeg: () => descendants(host.process.pid!).filter((pid) => commandOf(pid).includes('ffmpeg')),
          browser: () => descendants(process.pid).filter((pid) => commandOf(pid).includes('chrom')),
          cameras: () => [cameras.process.pid!, ...otherCameras()],
        },
        seconds,
      ),
    stop: async () => {
      await host.stop('SIGTERM');
      await cameras.stop();
    },
  };
}

/** Calls one action of the wall's own store (the page exposes it to the bench). */
export const store = (page: Page, call: string, ...args: unknown[]) =>
  page.evaluate(([c, a]) => (window as any).__pantauBench.store.getState()[c as string](...(a as unknown[])), [
    call,
    args,
  ] as const);

/** An n×n wall of the first n² cameras. */
export async function showWall(page: Page, n: number, ids: string[]): Promise<void> {
  const tiles = Array.from({ length: n * n }, (_, i) => ({ x: i % n, y: Math.floor(i / n), w: 1, h: 1 }));
  await store(page, 'setGeometry', { cols: n, rows: n, tiles });
  for (let i = 0; i < n * n; i++) await store(page, 'assignTile', i, ids[i]!);
}
