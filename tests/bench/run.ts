/**
 * `npm run bench [-- --parts ttff,latency,capacity,replay-capacity,maximised,naive,soak,economy,fleet,prebuffer --trials 20 --seconds 8 ...]`
 *
 * Real GStreamer cameras (1920×1080 main + 640×360 sub, 25 fps, H.264, GOP 1 s,
 * the wall-clock time burnt into every frame), the browser host, and Debian's
 * Chromium. Prints a Markdown report and writes tests/bench/results/<date>.{json,md}.
 * Figures, not assertions: the tests assert behaviour, this measures it.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { outputTier } from '../../shared/stream-choice';
import { cityCameras } from '../fixtures/city';
import { startHost, writeCameraFile } from '../fixtures/host';
import { buildTree, directoryRows, searchIndex } from '../../shared/directory';
import { fold } from '../../shared/search';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { economyPart } from './economy';
import { fleetPart } from './fleet';
import { prebufferPart } from './prebuffer';
import { maximisedPart, replayCapacityPart } from './replay-capacity';
import { startNaiveWall } from './naive';
import { installGlassClock, sampleGlass } from './glass';
import { PICTURE_PATHS } from './picture-paths';
import { inputToPaint } from './input-to-paint';
import { installProbe } from './page-probe';
import { benchReport, type CapacityStep } from './report';
import { openWallPage } from './replay-wall';
import { commandOf, descendants, measure, rssMiB } from './proc';
import { median, summary } from './stats';

const { values: opts } = parseArgs({
  options: {
    parts: {
      type: 'string',
      default: 'ttff,latency,capacity,replay-capacity,maximised,naive,hidden,directory,economy,fleet,prebuffer',
    },
    /** The replay-capacity part's walls (n for n×n), on replayed cameras read off the glass. */
    'replay-walls': { type: 'string', default: '3,4,5,6,7' },
    /** …and the clips they replay: plain bars (~160 kbit/s), bars with a camera's grain (~600 kbit/s). */
    'replay-clips': { type: 'string', default: 'bars,grain' },
    trials: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '8' },
    tiles: { type: 'string', default: '1,4,9,16,25' },
    'naive-tiles': { type: 'string', default: '1,2,4' },
    'soak-minutes': { type: 'string', default: '3' },
    'soak-cameras': { type: 'string', default: '9' },
    label: { type: 'string', default: '' },
    renderer: { type: 'string', default: 'auto' },
    /** Capacity for each picture path, side by side in one run (PICTURE_PATHS: mpeg1, mpeg1-page, native). */
    decoders: { type: 'string', default: 'mpeg1' },
    /** The fleet part's city: 1 is the 20,000 cameras. */
    'fleet-scale': { type: 'string', default: '1' },
  },
});
const parts = new Set(opts.parts!.split(','));
/** The picture paths measured side by side (PICTURE_PATHS). */
const pathNames = opts.decoders!.split(',');
const trials = Number(opts.trials);
const seconds = Number(opts.seconds);
const SOURCE_FPS = 25;
const CAMERAS = 25;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  label: opts.label,
  commit: (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  options: opts,
};

// Cameras: one encoder per profile, fanned out to 25 mount paths (25 distinct cameras to Pantau).
// The 1080p encoder costs the simulator most of a core, so it runs only while a
// part needs main streams; the 640×360 one (~20% of a core) stops while a part
// measures on cameras of its own. Each always comes back on the same port.
log('starting cameras (1920×1080 main, 640×360 sub, timecode)');
async function profileCameras(mount: { name: string; width: number; height: number }) {
  const start = (port?: number) => startRtspServer([mount], { copies: CAMERAS, timecode: true, keepAlive: true, port });
  let server: RtspServer | undefined = await start();
  const { port } = server;
  return {
    url: (i: number) => `rtsp://127.0.0.1:${port}/${mount.name}/${i}`,
    pids: () => (server ? [server.process.pid!] : []),
    async set(on: boolean): Promise<void> {
      if (on && !server) server = await start(port);
      if (!on && server) {
        await server.stop();
        server = undefined;
      }
    },
  };
}
const mains = await profileCameras({ name: 'main', width: 1920, height: 1080 });
const subs = await profileCameras({ name: 'sub', width: 640, height: 360 });
await mains.set(false);
const ids = Array.from({ length: CAMERAS }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}`);
const cameraFile = writeCameraFile(
  ids.map((id, i) => ({
    id,
    name: `Bench ${i + 1}`,
    streams: [
      { profile: 'main', url: mains.url(i + 1), width: 1920, height: 1080, fps: SOURCE_FPS },
      { profile: 'sub', url: subs.url(i + 1), width: 640, height: 360, fps: SOURCE_FPS },
    ],
  })),
);
const host = await startHost(['--cameras', cameraFile, '--linger-ms', '1000']);
const browser = await chromium.launch({
  executablePath: process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium',
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await page.addInitScript(installProbe);
await openWallPage(page, `${host.url}&renderer=${opts.renderer}`);

const hostPid = host.process.pid!;
const cameraPids = () => [...subs.pids(), ...mains.pids()];
const ffmpegPids = () => descendants(hostPid).filter((pid) => commandOf(pid).includes('ffmpeg'));
const browserPids = () => descendants(process.pid).filter((pid) => commandOf(pid).includes('chrom'));

// Page helpers: drive the wall through its own store.
const wall = {
  grid: (size: number) => page.evaluate((n) => (window as any).__pantauBench.store.getState().setGrid(n), size),
  assign: (tile: number, id: string | null) =>
    page.evaluate(([t, c]) => (window as any).__pantauBench.store.getState().assignTile(t, c), [tile, id] as const),
  clear: () =>
    page.evaluate(() => {
      const store = (window as any).__pantauBench.store;
      store.getState().tiles.forEach((_: unknown, i: number) => store.getState().assignTile(i, null));
    }),
  liveCount: () => page.locator('.tile[data-state="live"]').count(),
  resetProbe: () =>
    page.evaluate(() => {
      const p = (window as any).__pantauBench;
      p.frames = {};
    }),
  probe: () => page.evaluate(() => ({ frames: (window as any).__pantauBench.frames as Record<number, number> })),
  /** Assigns and resolves with ms until the first painted frame of that tile. */
  timeFirstFrame: async (tile: number, id: string) => {
    await page.evaluate(
      ([t, c]) => {
        const p = (window as any).__pantauBench;
        p.firstFrameMs = null;
        p.waiting = { tile: t, cameraId: c, t0: performance.now() };
        p.store.getState().assignTile(t, c);
      },
      [tile, id] as const,
    );
    await page.waitForFunction(() => (window as any).__pantauBench.firstFrameMs !== null, undefined, {
      timeout: 20_000,
    });
    return page.evaluate(() => (window as any).__pantauBench.firstFrameMs as number);
  },
};

async function waitLive(count: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let live = 0;
  while (Date.now() < deadline) {
    live = await wall.liveCount();
    if (live >= count) return live;
    await sleep(250);
  }
  return live;
}

async function waitNoFfmpeg(): Promise<void> {
  for (let i = 0; i < 80 && ffmpegPids().length > 0; i++) await sleep(100);
}

/** Parts that measure on cameras of their own: the bench's encoders stop meanwhile. */
const OWN_CAMERAS = new Set(['replay-capacity', 'maximised', 'economy', 'fleet', 'prebuffer']);

async function part(name: string, run: () => Promise<void>): Promise<void> {
  if (!parts.has(name)) return;
  await subs.set(!OWN_CAMERAS.has(name));
  if (OWN_CAMERAS.has(name)) await mains.set(false);
  try {
    await run();
  } catch (error) {
    log(`${name} failed: ${(error as Error).message}`);
    results[`${name}Error`] = (error as Error).message;
  }
}

await part('replay-capacity', async () => {
  // Its own replayed cameras, host and pages: the main wall is emptied first so it decodes nothing.
  await wall.clear();
  await waitNoFfmpeg();
  results.replayCapacity = await replayCapacityPart(
    browser,
    log,
    opts['replay-clips']!.split(',').map((look) => {
      if (look !== 'bars' && look !== 'grain') throw new Error(`no replay clip "${look}": bars or grain`);
      return look;
    }),
    pathNames,
    opts['replay-walls']!.split(',').map(Number),
    seconds,
  );
});

await part('maximised', async () => {
  await wall.clear();
  await waitNoFfmpeg();
  results.maximised = await maximisedPart(browser, log, pathNames, seconds);
});

await part('economy', async () => {
  // Its own replayed cameras, host and page: the main wall is emptied first so it decodes nothing.
  await wall.clear();
  await waitNoFfmpeg();
  results.economy = await economyPart(browser, log);
});

await part('fleet', async () => {
  // Its own cameras, host and page: the main wall is emptied first so it decodes nothing.
  await wall.clear();
  await waitNoFfmpeg();
  results.fleet = await fleetPart(browser, log, Number(opts['fleet-scale']));
});

await part('prebuffer', async () => {
  // In this process, with its own replayed cameras: the main wall is emptied first.
  await wall.clear();
  await waitNoFfmpeg();
  results.prebuffer = await prebufferPart(log);
});

/** Opens the wall on one picture path (PICTURE_PATHS) with an empty 3×3 grid. */
async function openPath(name: string): Promise<void> {
  const path = PICTURE_PATHS[name];
  if (!path) throw new Error(`no picture path "${name}": one of ${Object.keys(PICTURE_PATHS).join(', ')}`);
  await openWallPage(page, `${host.url}&renderer=${opts.renderer}&${path.query}`);
}

await part('ttff', async () => {
  const byPath: Record<string, unknown> = {};
  for (const name of pathNames) {
    log(`time to first frame (${name}): ${trials} cold and ${trials} warm trials at 3×3 (640×360 tiles)`);
    await openPath(name);
    await wall.grid(3);
    await wall.clear();
    await waitNoFfmpeg();
    const cold: number[] = [];
    for (let i = 0; i < trials; i++) {
      const id = ids[i % CAMERAS]!;
      await wall.assign(0, null);
      await waitNoFfmpeg(); // nothing running: a cold start
      cold.push(await wall.timeFirstFrame(0, id));
    }
    const warm: number[] = [];
    await wall.assign(0, ids[0]!);
    await waitLive(1);
    for (let i = 0; i < trials; i++) {
      await wall.assign(1, null);
      await sleep(300);
      warm.push(await wall.timeFirstFrame(1, ids[0]!)); // already streaming in tile 0: a warm start
    }
    byPath[name] = { profile: 'sub (640×360)', coldMs: summary(cold), warmMs: summary(warm), cold, warm };
    await wall.clear();
  }
  results.ttffByPath = byPath;
});

await part('latency', async () => {
  const byPath: Record<string, unknown> = {};
  for (const name of pathNames) {
    log(`glass-to-glass latency (${name}): 4 sub-stream tiles for ${seconds} s`);
    await openPath(name);
    await wall.grid(3);
    for (let i = 0; i < 4; i++) await wall.assign(i, ids[i]!);
    await waitLive(4);
    await sleep(2000);
    await installGlassClock(page);
    const readings = await sampleGlass(page, 4, seconds);
    if (!readings.some((r) => r.latenciesMs.length > 0))
      throw new Error(`no tile's timecode could be read off the screenshots (${name})`);
    byPath[name] = {
      tiles: 4,
      profile: 'sub',
      ms: summary(readings.flatMap((r) => r.latenciesMs)),
      clockAgeMs: summary(readings.map((r) => r.clockAgeMs)),
    };
    await wall.clear();
    await waitNoFfmpeg();
  }
  results.latencyByPath = byPath;
});

/** The profile the first tile opened and the box its size asks for, read from the page. */
async function profileLabel(): Promise<string> {
  const { profile, width, height } = await page.evaluate(() => {
    const tile = document.querySelector<HTMLElement>('.wall .tile')!;
    const box = tile.getBoundingClientRect();
    return {
      profile: tile.dataset.profile ?? '?',
      width: box.width * devicePixelRatio,
      height: box.height * devicePixelRatio,
    };
  });
  const tier = outputTier(width, height);
  return `${profile} → ${tier.width}×${tier.height}`;
}

function perCore(fps: number[], cpuPercent: number): number {
  const realtimeTiles = fps.reduce((a, b) => a + b, 0) / SOURCE_FPS;
  return Math.round((realtimeTiles / Math.max(0.01, cpuPercent / 100)) * 10) / 10;
}

/**
 * The largest tile count where every tile keeps real time: ≥ 24 fps, and (where
 * the timecode was read) under half a second behind. A tile that decodes 25 fps
 * two seconds late is not holding.
 */
function headline(steps: { tiles: number; fpsPerTile: { min: number }; latencyMs?: { median: number } }[]): number {
  const holds = (s: (typeof steps)[number]) =>
    s.fpsPerTile.min >= 24 && (s.latencyMs === undefined || !(s.latencyMs.median >= 500));
  return Math.max(0, ...steps.filter(holds).map((s) => s.tiles));
}

async function capacityFor(decoder: string): Promise<{ steps: CapacityStep[]; headlineTiles: number }> {
  await openPath(decoder);
  const steps: CapacityStep[] = [];
  for (const tiles of opts.tiles!.split(',').map(Number)) {
    const size = Math.ceil(Math.sqrt(tiles));
    log(`capacity (${decoder}): ${tiles} tiles (${size}×${size})`);
    await wall.clear();
    await waitNoFfmpeg();
    await mains.set(size <= 2); // 1×1 and 2×2 tiles on a 1080p screen pick the main stream
    await wall.grid(size);
    for (let i = 0; i < tiles; i++) await wall.assign(i, ids[i]!);
    const live = await waitLive(tiles);
    await sleep(3000);
    await wall.resetProbe();
    await installGlassClock(page);
    const [usage, readings] = await Promise.all([
      measure({ host: () => [hostPid], ffmpeg: ffmpegPids, browser: browserPids, cameras: cameraPids }, seconds),
      sampleGlass(page, tiles, seconds, 2000),
    ]);
    const { frames } = await wall.probe();
    const latencies = readings.flatMap((r) => r.latenciesMs);
    // After the window, not in it: the clicks would be part of the load measured.
    const clicks = await inputToPaint(page, tiles);
    const fps = Array.from({ length: tiles }, (_, i) => (frames[i] ?? 0) / seconds);
    // The operator's own estimate, read where the operator reads it (the status bar), to set beside the measure.
    const statusEstimate = await page.evaluate((shown) => {
      const budget = document.querySelector<HTMLElement>('[data-figure="budget"]');
      if (!budget || budget.dataset.more === undefined || budget.dataset.more === '') return undefined;
      return budget.classList.contains('status-behind') ? ('behind' as const) : shown + Number(budget.dataset.more);
    }, tiles);
    const pipeline = usage.host!.cpuPercent + usage.ffmpeg!.cpuPercent + usage.browser!.cpuPercent;
    steps.push({
      tiles,
      live,
      profile: await profileLabel(),
      fpsPerTile: { min: Math.round(Math.min(...fps) * 10) / 10, median: Math.round(median(fps) * 10) / 10 },
      framesLostPct: Math.round((1 - fps.reduce((a, b) => a + b, 0) / (tiles * SOURCE_FPS)) * 1000) / 10,
      latencyMs: latencies.length ? { median: Math.round(median(latencies)), p95: summary(latencies).p95 } : undefined,
      inputToPaintMs: clicks.length ? { median: Math.round(median(clicks)), p95: summary(clicks).p95 } : undefined,
      usage,
      cpuPerTilePercent: Math.round((pipeline / tiles) * 10) / 10,
      realtimeTilesPerCore: perCore(fps, pipeline),
      statusEstimate,
    });
  }
  await mains.set(false);
  await wall.clear();
  await waitNoFfmpeg();
  return { steps, headlineTiles: headline(steps) };
}

await part('capacity', async () => {
  const byDecoder: Record<string, { steps: CapacityStep[]; headlineTiles: number }> = {};
  for (const decoder of pathNames) byDecoder[decoder] = await capacityFor(decoder);
  // The page remembers ?decoder=: the parts after this one run on the first path again.
  await openPath(pathNames[0]!);
  results.capacityByDecoder = byDecoder;
  results.capacity = Object.values(byDecoder)[0];
});

await part('naive', async () => {
  const ffmpegPath = resolveFfmpeg().path;
  const steps = [];
  await mains.set(true);
  for (const tiles of opts['naive-tiles']!.split(',').map(Number)) {
    log(`naive recipe: ${tiles} tiles, one full-size transcode each`);
    const naive = await startNaiveWall(
      ffmpegPath,
      Array.from({ length: tiles }, (_, i) => mains.url(i + 1)),
    );
    const naivePage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await naivePage.goto(naive.url);
    await naivePage
      .waitForFunction((n) => Object.keys((window as any).naive.frames).length >= n, tiles, { timeout: 60_000 })
      .catch(() => undefined);
    await sleep(3000);
    await naivePage.evaluate(() => ((window as any).naive.frames = {}));
    const usage = await measure({ ffmpeg: naive.ffmpegPids, browser: browserPids, cameras: cameraPids }, seconds);
    const frames: Record<number, number> = await naivePage.evaluate(() => (window as any).naive.frames);
    const renderers: string[] = await naivePage.evaluate(() => (window as any).naive.renderers);
    const fps = Array.from({ length: tiles }, (_, i) => (frames[i] ?? 0) / seconds);
    steps.push({
      tiles,
      renderer: renderers[0],
      fpsPerTile: { min: Math.round(Math.min(...fps) * 10) / 10, median: Math.round(median(fps) * 10) / 10 },
      usage,
      cpuPerTilePercent: Math.round(((usage.ffmpeg!.cpuPercent + usage.browser!.cpuPercent) / tiles) * 10) / 10,
      realtimeTilesPerCore: perCore(fps, usage.ffmpeg!.cpuPercent + usage.browser!.cpuPercent),
    });
    await naivePage.close();
    await naive.close();
  }
  await mains.set(false);
  results.naive = { steps, headlineTiles: headline(steps) };
});

await part('hidden', async () => {
  log('hidden wall: 9 tiles shown, then the page hidden, then shown again');
  await wall.clear();
  await waitNoFfmpeg();
  await wall.grid(3);
  for (let i = 0; i < 9; i++) await wall.assign(i, ids[i]!);
  await waitLive(9);
  await sleep(2000);
  const groups = { host: () => [hostPid], ffmpeg: ffmpegPids, browser: browserPids };
  const shown = await measure(groups, seconds);
  // A string, not a function: tsx would wrap the getter in a helper the page lacks.
  const setHidden = (hidden: boolean) =>
    page.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${hidden ? 'hidden' : 'visible'}' });
      document.dispatchEvent(new Event('visibilitychange'));`);
  await setHidden(true);
  await sleep(1000 + 3000); // the host's linger (1 s here) and the processes' exit
  const hidden = await measure(groups, seconds);
  const t0 = Date.now();
  await setHidden(false);
  await waitLive(9);
  results.hidden = { tiles: 9, shown, hidden, backLiveMs: Date.now() - t0 };
  await wall.clear();
});

await part('directory', async () => {
  log('directory: 20,000 cameras, load and search');
  // The bench's own wall stops playing first: this part measures the city
  // page (which starts its own default wall of 16 tiles), not two walls
  // fighting for two cores.
  await wall.clear();
  await new Promise((r) => setTimeout(r, 1500));
  const city = cityCameras(20_000, (i) => subs.url((i % CAMERAS) + 1));
  // The functions alone, in Node.
  const t0 = performance.now();
  const summaries = city.map((c) => ({
    id: c.id,
    name: c.name,
    group: c.group,
    profiles: [{ profile: 'main' }],
    demo: false,
  }));
  const tree = buildTree(summaries);
  const index = searchIndex(summaries);
  const buildMs = performance.now() - t0;
  const queries = [
    'bulusan',
    'kamera tembalang 1234',
    'rt 07',
    'semarang timur kelurahan 3',
    'smg-19999',
    'gayamsari',
    'kamera 7',
    'pedurungan rt 12',
  ];
  const functionMs = queries.map((q) => {
    const start = performance.now();
    directoryRows(tree, new Set(), fold(q), () => undefined, index);
    return performance.now() - start;
  });
  // The real page: host, WebSocket, React, virtualised list.
  const cityHost = await startHost(['--cameras', writeCameraFile(city), '--linger-ms', '1000']);
  const cityPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // Timed inside the page: navigation start → the frame after the first
  // group rows appear (what the operator sees), free of the test driver's
  // round trips. The first load is cold (fresh host, fresh page); then reloads.
  await cityPage.addInitScript(`(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('.camera-count')?.textContent === '20000' && document.querySelector('[data-group]')) {
        observer.disconnect();
        requestAnimationFrame(() => (window.__treeMs = performance.now()));
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })()`);
  const loads: number[] = [];
  let driverMs = 0;
  for (let i = 0; i < 4; i++) {
    const start = Date.now();
    await (i === 0 ? cityPage.goto(cityHost.url) : cityPage.reload());
    if (i === 0) {
      await cityPage.waitForFunction(() => (window as any).__treeMs, undefined, { timeout: 60_000 });
      driverMs = Date.now() - start;
    }
    loads.push(
      Math.round(
        (await cityPage
          .waitForFunction(() => (window as any).__treeMs, undefined, { timeout: 60_000 })
          .then((h) => h.jsonValue())) as number,
      ),
    );
  }
  const loadMs = { cold: loads[0]!, warm: median(loads.slice(1)), driverMs };
  const searchMs: number[] = [];
  for (const q of queries) {
    // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
    searchMs.push(
      await cityPage.evaluate(`(async () => {
        const input = document.querySelector('[data-control="camera-search"]');
        const list = document.querySelector('.camera-list');
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const t0 = performance.now();
        setValue.call(input, ${JSON.stringify(q)});
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // The list marks which query its rows are for; wait for ours.
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (list.getAttribute('data-query') === ${JSON.stringify(q)}) { observer.disconnect(); resolve(); }
          });
          observer.observe(list, { attributes: true, attributeFilter: ['data-query'] });
        });
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        return performance.now() - t0;
      })()`),
    );
  }
  await cityPage.close();
  await cityHost.stop('SIGTERM');
  results.directory = {
    cameras: 20_000,
    buildMs: Math.round(buildMs),
    functionSearchMs: summary(functionMs),
    pageLoadMs: loadMs,
    pageSearchMs: summary(searchMs),
    queries,
  };
});

await part('soak', async () => {
  const minutes = Number(opts['soak-minutes']);
  const cameras = Number(opts['soak-cameras']);
  log(`soak: ${cameras} cameras for ${minutes} min, one ffmpeg killed every 20 s to force reconnects`);
  await wall.clear();
  await mains.set(Math.ceil(Math.sqrt(cameras)) <= 2);
  await wall.grid(Math.ceil(Math.sqrt(cameras)));
  for (let i = 0; i < cameras; i++) await wall.assign(i, ids[i]!);
  await waitLive(cameras);
  const samples: {
    t: number;
    hostRssMiB: number;
    ffmpegRssMiB: number;
    browserRssMiB: number;
    ffmpegs: number;
    kills: number;
  }[] = [];
  const start = Date.now();
  let kills = 0;
  while (Date.now() - start < minutes * 60_000) {
    const pids = ffmpegPids();
    samples.push({
      t: Math.round((Date.now() - start) / 1000),
      hostRssMiB: Math.round(rssMiB(hostPid)),
      ffmpegRssMiB: Math.round(pids.reduce((s, p) => s + rssMiB(p), 0)),
      browserRssMiB: Math.round(browserPids().reduce((s, p) => s + rssMiB(p), 0)),
      ffmpegs: pids.length,
      kills,
    });
    if (samples.length % 2 === 0 && pids.length > 0) {
      process.kill(pids[kills % pids.length]!, 'SIGKILL');
      kills++;
    }
    await sleep(10_000);
  }
  const settled = samples.filter((s) => s.t >= 30);
  const first = settled[0] ?? samples[0]!;
  const last = samples[samples.length - 1]!;
  results.soak = {
    cameras,
    minutes,
    kills,
    hostRssGrowthMiB: last.hostRssMiB - first.hostRssMiB,
    ffmpegRssGrowthMiB: last.ffmpegRssMiB - first.ffmpegRssMiB,
    samples,
  };
});

await browser.close();
await host.stop('SIGTERM');
await Promise.all([mains.set(false), subs.set(false)]);

const md = benchReport(results, opts.renderer!, opts.label!);

// A part that could not measure says so in the report and fails the run: no figure is made up.
const failed = Object.entries(results).filter(([key]) => key.endsWith('Error'));
for (const [key, message] of failed)
  md.push(`## ${key.slice(0, -'Error'.length)}: not measured`, '', String(message), '');

const dir = path.resolve('tests/bench/results');
mkdirSync(dir, { recursive: true });
const stamp = String(results.date).replace(/[:.]/g, '-');
writeFileSync(path.join(dir, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(dir, `${stamp}.md`), `${md.join('\n')}\n`);
process.stdout.write(`${md.join('\n')}\n`);
log(`written tests/bench/results/${stamp}.{json,md}`);
if (failed.length > 0) {
  log(`could not measure: ${failed.map(([key]) => key.slice(0, -'Error'.length)).join(', ')} (see the report)`);
  process.exitCode = 1;
}
