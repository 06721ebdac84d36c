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

/** The clip replayed (replay-clip.ts): its look, its picture height, its length. */
export interface ReplayedClip {
  look: 'bars' | 'grain';
  height: 360 | 1080 | 2160;
  seconds: number;
}

export async function startReplayWall(count: number, clip: ReplayedClip): Promise<ReplayWall> {
  const size = { width: (clip.height * 16) / 9, height: clip.height };
  const cameras = await startRtspServer(
    [{ name: 'cam', ...size, flags: `replay=${replayClip(clip.seconds, clip.look, clip.height)}` }],
    { copies: count },
  );
  const ids = Array.from({ length: count }, (_, i) => `replay-${i + 1}`);
  const host = await startHost([
    '--cameras',
    writeCameraFile(
      ids.map((id, i) => ({
        id,
        name: `Replay ${i + 1}`,
        streams: [{ profile: 'main', url: cameras.url(`cam/${i + 1}`), ...size, fps: 25 }],
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
          cameras: () => [cameras.process.pid!],
        },
        seconds,
      ),
    stop: async () => {
      await host.stop('SIGTERM');
      await cameras.stop();
    },
  };
}

/**
 * Opens the wall and waits until its first load has put its wall up: the load (a recalled wall,
 * the default layout or the smallest grid of all cameras) arrives after the page has tiles, and
 * would undo whatever the bench set before it — a bench that cleared the wall too early measured
 * its own 5×5 of transcodes running beside every later part.
 */
export async function openWallPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as any).__pantauBench.store?.getState().wallLoaded === true);
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
