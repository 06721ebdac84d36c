/**
 * `npm run bench -- --parts replay-capacity --decoders mpeg1,mpeg1-page`:
 * capacity per picture path, read off the glass, on cameras that cost the
 * machine nothing. The cameras are replays (rtsp-server.py `replay=`, one
 * picture number burnt into each picture); each tile's painted rate is the
 * picture numbers it advanced between two full-page screenshots, divided by the
 * time between them — what the operator saw, not what a decoder said. Every
 * tile at full rate (the paths are measured, not the economy policy).
 * A tile *holds* at ≥ 24 pictures a second; over 26 means it was catching up
 * (it had fallen behind), which the report shows as it is.
 */
import type { Browser, Page } from '@playwright/test';
import { decodePng, type RgbFrame } from '../fixtures/picture';
import { frameNumberIn, pictureBoxes, type ScreenBox } from '../fixtures/replay-clip';
import { inputToPaint } from './input-to-paint';
import { PICTURE_PATHS } from './picture-paths';
import type { Usage } from './proc';
import { showWall, startReplayWall } from './replay-wall';
import { median, percentile } from './stats';

const CLIP_SECONDS = 600;
const CLIP_PICTURES = CLIP_SECONDS * 25;
const SETTLE_S = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReplayStep {
  path: string;
  tiles: number;
  /** Painted pictures per second per tile, off the glass; undefined where a tile showed no number. */
  glassFps: { min: number; median: number; unread: number };
  tilesHolding: number;
  /** `n`: clicks the page took within 10 s, of 12. */
  clickToPaintMs: { median: number; p95: number; n: number } | undefined;
  usage: Record<string, Usage>;
}

export interface ReplayCapacityResult {
  steps: (ReplayStep | { path: string; tiles: number; failed: string })[];
  /** Per path: the largest wall whose every tile held. */
  holds: Record<string, number>;
}

function numbers(frame: RgbFrame, boxes: ScreenBox[]): (number | undefined)[] {
  return boxes.map((box) => frameNumberIn(frame, box));
}

/** The page as painted; a page that cannot give one within 30 s is past measuring (said so). */
async function glass(page: Page): Promise<RgbFrame> {
  return decodePng(await page.screenshot({ timeout: 30_000 }));
}

async function step(
  page: Page,
  pathName: string,
  n: number,
  ids: string[],
  usageOf: () => Promise<Record<string, Usage>>,
  seconds: number,
): Promise<ReplayStep> {
  await showWall(page, n, ids);
  await sleep(SETTLE_S * 1000);
  const boxes = await pictureBoxes(page);
  const usage = usageOf();
  const firstAt = Date.now();
  const first = numbers(await glass(page), boxes);
  await sleep(seconds * 1000);
  const lastAt = Date.now();
  const last = numbers(await glass(page), boxes);
  const elapsed = (lastAt - firstAt) / 1000;
  const rates = first.flatMap((from, i) => {
    const to = last[i];
    if (from === undefined || to === undefined) return [];
    // The clip starts again after CLIP_PICTURES: count across the wrap.
    return [((((to - from) % CLIP_PICTURES) + CLIP_PICTURES) % CLIP_PICTURES) / elapsed];
  });
  const clicks = await inputToPaint(page, n * n);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    path: pathName,
    tiles: n * n,
    glassFps: {
      min: rates.length ? round(Math.min(...rates)) : 0,
      median: rates.length ? round(median(rates)) : 0,
      unread: n * n - rates.length,
    },
    tilesHolding: rates.filter((fps) => fps >= 24).length,
    clickToPaintMs: clicks.length
      ? { median: Math.round(percentile(clicks, 50)), p95: Math.round(percentile(clicks, 95)), n: clicks.length }
      : undefined,
    usage: await usage,
  };
}

export async function replayCapacityPart(
  browser: Browser,
  log: (line: string) => void,
  paths: string[],
  sizes: number[],
  seconds: number,
): Promise<ReplayCapacityResult> {
  const most = Math.max(...sizes) ** 2;
  log(`capacity on replayed cameras: walls ${sizes.map((n) => `${n}×${n}`).join(', ')}; paths ${paths.join(', ')}`);
  const { ids, host, usageOf: usageFor, stop } = await startReplayWall(most, CLIP_SECONDS);
  const usageOf = () => usageFor(seconds);
  const steps: ReplayCapacityResult['steps'] = [];
  try {
    for (const pathName of paths) {
      const path = PICTURE_PATHS[pathName];
      if (!path) throw new Error(`no picture path "${pathName}": one of ${Object.keys(PICTURE_PATHS).join(', ')}`);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      try {
        await page.addInitScript(() => ((window as any).__pantauBench = {}));
        await page.goto(`${host.url}&${path.query}`);
        await page.waitForFunction(() => !!(window as any).__pantauBench.store);
        for (const n of sizes) {
          log(`capacity on replays (${pathName}): ${n}×${n}`);
          // A step that cannot be measured says why; the next (smaller paths after it) still runs.
          steps.push(
            await step(page, pathName, n, ids, usageOf, seconds).catch((error: Error) => ({
              path: pathName,
              tiles: n * n,
              failed: error.message.split('\n')[0]!,
            })),
          );
        }
      } finally {
        await page.close();
      }
    }
  } finally {
    await stop();
  }
  const holds: Record<string, number> = {};
  for (const s of steps)
    if ('tilesHolding' in s && s.tilesHolding === s.tiles) holds[s.path] = Math.max(holds[s.path] ?? 0, s.tiles);
  return { steps, holds };
}

export function replayCapacityReport(result: ReplayCapacityResult): string[] {
  const md = [
    '## Capacity on replayed cameras, read off the glass (every tile at full rate)',
    '',
    '| path | tiles | glass fps min / median (unread) | tiles ≥ 24 fps | click to paint median / p95 ms (clicks taken of 12) | host CPU % | ffmpeg CPU % (n) | browser CPU % | cameras CPU % |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of result.steps) {
    if ('failed' in s) {
      md.push(`| ${PICTURE_PATHS[s.path]?.label ?? s.path} | ${s.tiles} | not measured: ${s.failed} | | | | | | |`);
      continue;
    }
    md.push(
      `| ${PICTURE_PATHS[s.path]?.label ?? s.path} | ${s.tiles} | ${s.glassFps.min} / ${s.glassFps.median} (${s.glassFps.unread}) | ${s.tilesHolding} | ${s.clickToPaintMs ? `${s.clickToPaintMs.median} / ${s.clickToPaintMs.p95} (${s.clickToPaintMs.n})` : 'no click taken within 10 s'} | ${s.usage.host!.cpuPercent} | ${s.usage.ffmpeg!.cpuPercent} (${s.usage.ffmpeg!.processes}) | ${s.usage.browser!.cpuPercent} | ${s.usage.cameras!.cpuPercent} |`,
    );
  }
  md.push(
    '',
    `Largest wall where every tile held ≥ 24 fps: ${
      Object.entries(result.holds)
        .map(([path, tiles]) => `${path} ${tiles}`)
        .join(', ') || 'none'
    }.`,
    '',
  );
  return md;
}
