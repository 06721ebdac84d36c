/**
 * `npm run bench -- --parts replay-capacity --decoders mpeg1,mpeg1-page`:
 * capacity per picture path, read off the glass, on cameras that cost the
 * machine nothing. The cameras are replays (rtsp-server.py `replay=`, one
 * picture number burnt into each picture). Two figures per tile, both needed:
 * - on the glass, the camera time it advanced between two full-page screenshots
 *   (picture numbers ÷ 25 per second): whether it keeps up with the camera —
 *   what the operator saw, not what a decoder said. This alone is not a frame
 *   rate: a tile that skips to the next key picture whenever it falls behind
 *   (the native path does) keeps up in time while painting a third of the
 *   pictures; until 2026-12-02 the report took it for one, and said the native
 *   path held 25 tiles where it painted 8–9 pictures a second in each of 16;
 * - the pictures it painted a second, by the page's own count over the same
 *   seconds (the wall's load meter, every 2 s).
 * A tile *holds* when both are ≥ 24; a glass figure over 26 means it was
 * catching up (it had fallen behind), which the report shows as it is. Every
 * tile at full rate (the paths are measured, not the economy policy).
 */
import type { Browser, Page } from '@playwright/test';
import { decodePng, type RgbFrame } from '../fixtures/picture';
import { frameNumberIn, pictureBoxes, type ScreenBox } from '../fixtures/replay-clip';
import { inputToPaint } from './input-to-paint';
import { PICTURE_PATHS } from './picture-paths';
import type { Usage } from './proc';
import { openWallPage, showWall, startReplayWall, type ReplayedClip } from './replay-wall';
import { median, percentile } from './stats';

const SETTLE_S = 10;
/** A wall whose median tile paints fewer pictures a second than this is far past capacity: no bigger one is tried. */
const FAR_PAST_FPS = 12;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReplayStep {
  path: string;
  clip: string;
  tiles: number;
  /** Camera seconds per second ×25 per tile, off the glass (keeping up); `unread` tiles showed no number. */
  glassFps: { min: number; median: number; unread: number };
  /** Pictures painted per second per tile, the page's own count over the same seconds. */
  paintedFps: { min: number; median: number };
  tilesHolding: number;
  /** `n`: clicks the page took within 10 s, of 12. */
  clickToPaintMs: { median: number; p95: number; n: number } | undefined;
  usage: Record<string, Usage>;
}

export interface ReplayCapacityResult {
  steps: (ReplayStep | { path: string; clip: string; tiles: number; failed: string })[];
  /** Per path and clip (`path · clip`): the largest wall whose every tile held. */
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
  clipPictures: number,
): Promise<Omit<ReplayStep, 'clip'>> {
  await showWall(page, n, ids);
  await sleep(SETTLE_S * 1000);
  const boxes = await pictureBoxes(page);
  const usage = usageOf();
  const firstAt = Date.now();
  const first = numbers(await glass(page), boxes);
  // The page's own count, as its load meter measures it every 2 s, over the same seconds.
  const counted: number[][] = boxes.map(() => []);
  const counting = setInterval(() => {
    page
      .evaluate(() => (window as any).__pantauBench.store.getState().tileRates as Record<number, number>)
      .then((rates) => counted.forEach((list, i) => list.push(rates[i] ?? 0)))
      .catch(() => undefined); // a page past answering: its tiles count what they gave before
  }, 2000);
  await sleep(seconds * 1000);
  clearInterval(counting);
  const painted = counted.map((list) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0));
  const lastAt = Date.now();
  const last = numbers(await glass(page), boxes);
  const elapsed = (lastAt - firstAt) / 1000;
  /** Each tile's camera pictures per second on the glass; undefined where a screenshot showed no number. */
  const glassRates = first.map((from, i) => {
    const to = last[i];
    if (from === undefined || to === undefined) return undefined;
    // The clip starts again after its last picture: count across the wrap.
    return ((((to - from) % clipPictures) + clipPictures) % clipPictures) / elapsed;
  });
  const rates = glassRates.filter((rate) => rate !== undefined);
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
    paintedFps: { min: round(Math.min(...painted)), median: round(median(painted)) },
    tilesHolding: glassRates.filter((rate, i) => rate !== undefined && rate >= 24 && painted[i]! >= 24).length,
    clickToPaintMs: clicks.length
      ? { median: Math.round(percentile(clicks, 50)), p95: Math.round(percentile(clicks, 95)), n: clicks.length }
      : undefined,
    usage: await usage,
  };
}

const clipName = (clip: ReplayedClip) => `${clip.look} ${clip.height}p`;

/** One clip's walls on every path: one set of replayed cameras, a fresh page per path. */
async function measureClip(
  browser: Browser,
  log: (line: string) => void,
  clip: ReplayedClip,
  paths: string[],
  sizes: number[],
  seconds: number,
): Promise<ReplayCapacityResult['steps']> {
  const { ids, host, usageOf: usageFor, stop } = await startReplayWall(Math.max(...sizes) ** 2, clip);
  const usageOf = () => usageFor(seconds);
  const name = clipName(clip);
  const steps: ReplayCapacityResult['steps'] = [];
  try {
    for (const pathName of paths) {
      const path = PICTURE_PATHS[pathName];
      if (!path) throw new Error(`no picture path "${pathName}": one of ${Object.keys(PICTURE_PATHS).join(', ')}`);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      try {
        await page.addInitScript(() => ((window as any).__pantauBench = {}));
        await openWallPage(page, `${host.url}&${path.query}`);
        let pastCapacity = false;
        for (const n of sizes) {
          // Past capacity a bigger wall only takes longer to say the same (screenshots time out).
          if (pastCapacity) {
            steps.push({
              path: pathName,
              clip: name,
              tiles: n * n,
              failed: 'skipped: a smaller wall was far past capacity',
            });
            continue;
          }
          log(`capacity on replays (${name}, ${pathName}): ${n}×${n}`);
          // A step that cannot be measured says why; the next path still runs.
          const result = await step(page, pathName, n, ids, usageOf, seconds, clip.seconds * 25).then(
            (measured) => ({ ...measured, clip: name }),
            (error: Error) => ({ path: pathName, clip: name, tiles: n * n, failed: error.message.split('\n')[0]! }),
          );
          steps.push(result);
          pastCapacity =
            'failed' in result || Math.min(result.glassFps.median, result.paintedFps.median) < FAR_PAST_FPS;
        }
      } finally {
        await page.close();
      }
    }
  } finally {
    await stop();
  }
  return steps;
}

function holding(steps: ReplayCapacityResult['steps']): Record<string, number> {
  const holds: Record<string, number> = {};
  for (const s of steps) {
    const key = `${s.path} · ${s.clip}`;
    if ('tilesHolding' in s && s.tilesHolding === s.tiles) holds[key] = Math.max(holds[key] ?? 0, s.tiles);
  }
  return holds;
}

/** Walls of 640×360 replayed cameras (each clip given), on every path. */
export async function replayCapacityPart(
  browser: Browser,
  log: (line: string) => void,
  looks: ReplayedClip['look'][],
  paths: string[],
  sizes: number[],
  seconds: number,
): Promise<ReplayCapacityResult> {
  log(
    `capacity on replayed cameras: walls ${sizes.map((n) => `${n}×${n}`).join(', ')}; paths ${paths.join(', ')}; clips ${looks.join(', ')}`,
  );
  const steps: ReplayCapacityResult['steps'] = [];
  for (const look of looks)
    steps.push(...(await measureClip(browser, log, { look, height: 360, seconds: 600 }, paths, sizes, seconds)));
  return { steps, holds: holding(steps) };
}

/**
 * A maximised camera: one tile filling a 1920×1080 page, replaying a 1920×1080 and a 3840×2160
 * main stream with a camera's grain at its bitrate (4 and 8 Mbit/s), on every path — whether the
 * picture is painted in real time (the native path decodes the camera's own size; MPEG-1 is
 * transcoded down to 1280×720 at most).
 */
export async function maximisedPart(
  browser: Browser,
  log: (line: string) => void,
  paths: string[],
  seconds: number,
): Promise<ReplayCapacityResult> {
  log(`maximised camera: 1080p and 2160p replayed mains; paths ${paths.join(', ')}`);
  const steps: ReplayCapacityResult['steps'] = [];
  for (const height of [1080, 2160] as const)
    steps.push(...(await measureClip(browser, log, { look: 'grain', height, seconds: 120 }, paths, [1], seconds)));
  return { steps, holds: holding(steps) };
}

export function replayCapacityReport(
  result: ReplayCapacityResult,
  title = 'Capacity on replayed cameras, read off the glass (every tile at full rate)',
): string[] {
  const md = [
    `## ${title}`,
    '',
    '| path | clip | tiles | glass: camera pictures per s min / median (unread) | painted fps min / median (page count) | tiles holding (both ≥ 24) | click to paint median / p95 ms (clicks taken of 12) | host CPU % | ffmpeg CPU % (n) | browser CPU % | cameras CPU % |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of result.steps) {
    if ('failed' in s) {
      md.push(
        `| ${PICTURE_PATHS[s.path]?.label ?? s.path} | ${s.clip} | ${s.tiles} | not measured: ${s.failed} | | | | | | | |`,
      );
      continue;
    }
    md.push(
      `| ${PICTURE_PATHS[s.path]?.label ?? s.path} | ${s.clip} | ${s.tiles} | ${s.glassFps.min} / ${s.glassFps.median} (${s.glassFps.unread}) | ${s.paintedFps.min} / ${s.paintedFps.median} | ${s.tilesHolding} | ${s.clickToPaintMs ? `${s.clickToPaintMs.median} / ${s.clickToPaintMs.p95} (${s.clickToPaintMs.n})` : 'no click taken within 10 s'} | ${s.usage.host!.cpuPercent} | ${s.usage.ffmpeg!.cpuPercent} (${s.usage.ffmpeg!.processes}) | ${s.usage.browser!.cpuPercent} | ${s.usage.cameras!.cpuPercent} |`,
    );
  }
  md.push(
    '',
    `Largest wall where every tile held (kept up on the glass and painted ≥ 24 pictures a second): ${
      Object.entries(result.holds)
        .map(([path, tiles]) => `${path} ${tiles}`)
        .join(', ') || 'none'
    }.`,
    '',
  );
  return md;
}
