/**
 * `npm run bench -- --parts fleet`: the fleet sweep (issue #14) over 20,000
 * camera entries, every one answered by something real on this machine:
 * - 16,000 up: GStreamer's RTSP server at four loopback addresses (127.0.0.11–14),
 *   each address standing for many cameras, as an NVR's channels do;
 * - 400 refusing their password: GStreamer with Digest at 127.0.0.20;
 * - 3,000 refused: closed ports, each at a loopback address of its own;
 * - 600 silent: listeners that accept and never answer, six cameras at each of
 *   100 addresses (an NVR that hangs).
 * It times a first sweep (nothing known: every failure is checked twice) and a
 * steady one, with the host's CPU and memory; then the wall's real-time
 * capacity on replayed cameras (nothing encoded) without a sweep and with
 * sweeps running back to back. Prints what it measured; never makes a figure up.
 */
import net from 'node:net';
import type { Browser, Page } from '@playwright/test';
import { startHost, writeCameraFile } from '../fixtures/host';
import { replayClip } from '../fixtures/replay-clip';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { cpuSeconds, rssMiB } from './proc';
import { openWallPage } from './replay-wall';

/** The city of the issue at scale 1 (`--fleet-scale 0.05` for a quick look). */
const CITY = { up: 16_000, locked: 400, refused: 3_000, silent: 600 };
const REPLAYS = 25;
const MEASURE_S = 12;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SweepFigures {
  label: string;
  seconds: number;
  checked: number;
  down: number;
  /** Host process CPU over the sweep, % of one core. */
  hostCpuPercent: number;
  hostRssMiB: { before: number; peak: number };
}

export interface WallStep {
  tiles: number;
  /** Tiles painting ≥ 24 of 25 fps (the page's own count, averaged over the measurement). */
  holding: number;
  minFps: number;
  /** Pictures painted by the whole wall as a share of what its cameras sent, %. */
  paintedPercent: number;
}

export interface FleetResult {
  cameras: number;
  sweeps: SweepFigures[];
  wall: { without: WallStep[]; withSweep: WallStep[]; capacityWithout: number; capacityWith: number };
}

// The page's own store (the page forbids eval: each call is its own function).
const bench = {
  sweepNow: (page: Page) => page.evaluate(() => (window as any).__pantauBench.store.getState().sweepNow()),
  sweeping: (page: Page) =>
    page.evaluate(
      () => (window as any).__pantauBench.store.getState().fleetInfo?.sweeping === true,
    ) as Promise<boolean>,
  finished: (page: Page) =>
    page.evaluate(() => {
      const info = (window as any).__pantauBench.store.getState().fleetInfo;
      return info && !info.sweeping ? info.last : undefined;
    }) as Promise<{ startedAt: number; finishedAt?: number; checked: number; down: number } | undefined>,
  grid: (page: Page, n: number) =>
    page.evaluate((size) => (window as any).__pantauBench.store.getState().setGrid(size), n),
  assign: (page: Page, index: number, id: string | null) =>
    page.evaluate(([i, c]) => (window as any).__pantauBench.store.getState().assignTile(i, c), [index, id] as const),
  rates: (page: Page) =>
    page.evaluate(() => (window as any).__pantauBench.store.getState().tileRates) as Promise<Record<number, number>>,
};

async function sweepOnce(page: Page, hostPid: number, label: string, log: (l: string) => void): Promise<SweepFigures> {
  const before = rssMiB(hostPid);
  let peak = before;
  const cpu0 = cpuSeconds(hostPid);
  const t0 = Date.now();
  await bench.sweepNow(page);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(hostPid))), 500);
  try {
    // Done when the page has read a sweep that started after we asked.
    for (;;) {
      await sleep(1000);
      const last = await bench.finished(page);
      if (last?.finishedAt && last.startedAt >= t0 - 1000) {
        const seconds = (last.finishedAt - last.startedAt) / 1000;
        const figures = {
          label,
          seconds: Math.round(seconds * 10) / 10,
          checked: last.checked,
          down: last.down,
          hostCpuPercent: Math.round(((cpuSeconds(hostPid) - cpu0) / ((Date.now() - t0) / 1000)) * 1000) / 10,
          hostRssMiB: { before: Math.round(before), peak: Math.round(peak) },
        };
        log(`fleet: ${label}: ${figures.seconds} s, ${figures.checked} checked, ${figures.down} down`);
        return figures;
      }
      if (Date.now() - t0 > 15 * 60_000) throw new Error(`the ${label} did not finish within 15 minutes`);
    }
  } finally {
    clearInterval(sampler);
  }
}

/** Puts n×n replayed cameras on the wall and waits until every tile is live and painting. */
async function showWall(page: Page, n: number): Promise<void> {
  await bench.grid(page, n);
  for (let i = 0; i < n * n; i++) await bench.assign(page, i, `replay-${i + 1}`);
  await page
    .waitForFunction(
      (count) =>
        [...document.querySelectorAll('.tile')].filter((t) => t.getAttribute('data-state') === 'live').length === count,
      n * n,
      { timeout: 30_000 },
    )
    .catch(() => undefined); // a wall that never gets all tiles live is measured as it is
  await sleep(4000);
}

/** Tiles painting in real time over MEASURE_S, by the page's own count (the load meter's 2 s figures). */
async function measureWall(page: Page, n: number): Promise<WallStep> {
  const samples: number[][] = [];
  for (let t = 0; t < MEASURE_S / 2; t++) {
    await sleep(2000);
    const rates = await bench.rates(page);
    samples.push(Array.from({ length: n * n }, (_, i) => rates[i] ?? 0));
  }
  const perTile = Array.from({ length: n * n }, (_, i) => samples.reduce((a, s) => a + s[i]!, 0) / samples.length);
  return {
    tiles: n * n,
    holding: perTile.filter((fps) => fps >= 24).length,
    minFps: Math.round(Math.min(...perTile) * 10) / 10,
    paintedPercent: Math.round((perTile.reduce((a, b) => a + b, 0) / (25 * n * n)) * 1000) / 10,
  };
}

const capacity = (steps: WallStep[]) => Math.max(0, ...steps.filter((s) => s.holding === s.tiles).map((s) => s.tiles));

export async function fleetPart(browser: Browser, log: (line: string) => void, scale = 1): Promise<FleetResult> {
  const [UP, LOCKED, REFUSED, SILENT] = [CITY.up, CITY.locked, CITY.refused, CITY.silent].map((n) =>
    Math.max(6, Math.round((n * scale) / 6) * 6),
  ) as [number, number, number, number];
  log(
    `fleet: ${UP + LOCKED + REFUSED + SILENT} cameras (${UP} up, ${LOCKED} wrong password, ${REFUSED} refused, ${SILENT} silent)`,
  );
  const servers: RtspServer[] = [];
  const silent: net.Server[] = [];
  const mount = [{ name: 'cam', width: 320, height: 180, fps: 5 }];
  try {
    for (let a = 11; a <= 14; a++)
      servers.push(await startRtspServer(mount, { address: `127.0.0.${a}`, keepAlive: true }));
    const locked = await startRtspServer(mount, { address: '127.0.0.20', digest: 'operator:Rahasia#1' });
    servers.push(locked);
    const replays = await startRtspServer(
      [{ name: 'rep', width: 640, height: 360, flags: `replay=${replayClip(600)}` }],
      { copies: REPLAYS },
    );
    servers.push(replays);
    const silentPorts: number[] = [];
    for (let a = 1; a <= SILENT / 6; a++) {
      const server = net.createServer(() => {});
      await new Promise<void>((resolve) => server.listen(0, `127.0.50.${a}`, resolve));
      silent.push(server);
      silentPorts.push((server.address() as net.AddressInfo).port);
    }
    const entries: object[] = [];
    const camera = (id: string, url: string, group: string, password?: string) =>
      entries.push({
        id,
        name: id,
        group,
        streams: [{ profile: 'main', url }],
        ...(password ? { username: 'operator', password } : {}),
      });
    for (let i = 0; i < UP; i++) camera(`up-${i}`, servers[i % 4]!.url('cam'), `Kota/Wilayah ${i % 16}`);
    for (let i = 0; i < LOCKED; i++) camera(`locked-${i}`, locked.url('cam'), 'Kota/Gudang', 'salah');
    for (let i = 0; i < REFUSED; i++)
      camera(`refused-${i}`, `rtsp://127.0.${1 + (i >> 8)}.${i & 255}:9/x`, `Kota/Wilayah ${i % 16}`);
    for (let i = 0; i < SILENT; i++)
      camera(`silent-${i}`, `rtsp://127.0.50.${1 + Math.floor(i / 6)}:${silentPorts[Math.floor(i / 6)]}/x`, 'Kota/NVR');
    for (let i = 0; i < REPLAYS; i++)
      entries.push({
        id: `replay-${i + 1}`,
        name: `Replay ${i + 1}`,
        streams: [{ profile: 'main', url: replays.url(`rep/${i + 1}`), width: 640, height: 360, fps: 25 }],
      });
    // The schedule is off: this part starts every sweep itself.
    const host = await startHost(['--cameras', writeCameraFile(entries), '--linger-ms', '1000', '--fleet', 'off']);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.addInitScript(() => ((window as any).__pantauBench = {}));
      await openWallPage(page, `${host.url}&rate=full`);
      await page.waitForFunction(() => !!(window as any).__pantauBench.store.getState().fleetInfo);
      await bench.grid(page, 1);
      await bench.assign(page, 0, null);
      const hostPid = host.process.pid!;
      const sweeps = [
        await sweepOnce(page, hostPid, 'first sweep (nothing known)', log),
        await sweepOnce(page, hostPid, 'steady sweep', log),
      ];
      // Each wall measured with no sweep running, then inside one steady sweep (60 s at full scale:
      // the 12 s window starts 3 s in), so both see the same tiles in the same state.
      const without: WallStep[] = [];
      const withSweep: WallStep[] = [];
      for (const n of [2, 3, 4]) {
        while (await bench.sweeping(page)) await sleep(1000);
        await showWall(page, n);
        without.push(await measureWall(page, n));
        await bench.sweepNow(page);
        await sleep(3000);
        withSweep.push(await measureWall(page, n));
        if (!(await bench.sweeping(page))) log(`fleet: ${n}×${n}: the sweep ended before the measurement did`);
        log(
          `fleet: ${n}×${n}: ${without.at(-1)!.holding}/${n * n} real time without a sweep, ${withSweep.at(-1)!.holding} with`,
        );
      }
      return {
        cameras: entries.length,
        sweeps,
        wall: { without, withSweep, capacityWithout: capacity(without), capacityWith: capacity(withSweep) },
      };
    } finally {
      await page.close();
      await host.stop();
    }
  } finally {
    silent.forEach((s) => s.close());
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export function fleetReport(result: FleetResult): string[] {
  const lines = [
    `## Fleet sweep: ${result.cameras} cameras (real servers on loopback addresses)`,
    '',
    '| sweep | seconds | checked | down | host CPU % of a core | host RSS MiB before → peak |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of result.sweeps)
    lines.push(
      `| ${s.label} | ${s.seconds} | ${s.checked} | ${s.down} | ${s.hostCpuPercent} | ${s.hostRssMiB.before} → ${s.hostRssMiB.peak} |`,
    );
  lines.push(
    '',
    '| wall (replayed cameras) | no sweep: tiles ≥ 24 fps | slowest fps | painted % of sent | sweeps running: tiles ≥ 24 fps | slowest fps | painted % of sent |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  result.wall.without.forEach((w, i) => {
    const s = result.wall.withSweep[i]!;
    lines.push(
      `| ${w.tiles} tiles | ${w.holding} | ${w.minFps} | ${w.paintedPercent} | ${s.holding} | ${s.minFps} | ${s.paintedPercent} |`,
    );
  });
  lines.push(
    '',
    `Real-time capacity (every tile ≥ 24 fps, the page's own paint count): ${result.wall.capacityWithout} tiles without a sweep, ${result.wall.capacityWith} with sweeps running.`,
    '',
    "The bench's other simulated cameras (its 640×360 encoder for the other parts) keep running during this part, the same for both columns.",
    '',
  );
  return lines;
}
