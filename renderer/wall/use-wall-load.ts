/**
 * The wall's load meter and its economy (issue #23), one per window. Every
 * 2 s it reads the machine's load from the core, counts the pictures each tile
 * painted against what its camera sent, estimates the room left
 * (shared/decode-budget.ts) and lets shared/shedding-policy.ts choose each
 * tile's mode. The status bar and the health drawer show what it measured;
 * each tile takes its mode (renderer/components/Tile.tsx).
 */
import { useEffect } from 'react';
import { estimateBudget, HEADROOM_PERCENT } from '../../shared/decode-budget';
import { decideModes, isEconomy, REAL_TIME_SHARE, type TileFacts, type TileMode } from '../../shared/shedding-policy';
import { paintedByTile } from '../player/paint-counter';
import { tileShare } from '../../shared/layouts';
import type { StreamStatus } from '../../shared/model';
import { useStore, type PantauState } from '../store';
import { TileHistory } from './tile-history';
import { useMainThreadBusy } from './use-main-thread-busy';

const EVERY_MS = 2000;
/** `?rate=full` on the wall's link: this page never sheds (support, measurements, tests of the picture). */
const linkRate = new URLSearchParams(location.search).get('rate') === 'full' ? ('full' as const) : undefined;
/** The page's main thread late this much of the time: it cannot paint more, whatever the CPU says. */
const PAGE_SATURATED = 80;
/** A tile counts in the measurement once its camera has been on it this long: a starting stream bursts to catch up. */
const SETTLED_MS = 6000;

/**
 * What the camera on a tile sends, when the tile should be painting it: its
 * stream is live, damaged or stalled (a wall past capacity starves ffmpeg too,
 * and the core then calls the stream stalled), at the rate it had when last
 * seen live. A camera reconnecting or offline is an outage, not a wall behind.
 */
function expectedFps(streams: StreamStatus[], cameraId: string, liveRates: Map<string, number>): number | undefined {
  const playing = streams.filter((x) => x.state === 'live' || x.state === 'degraded' || x.state === 'stalled');
  const live = playing.filter((x) => x.state === 'live' && x.fps > 0);
  if (live.length) liveRates.set(cameraId, Math.max(...live.map((x) => x.fps)));
  return playing.length ? liveRates.get(cameraId) : undefined;
}

/** The camera's GOP in seconds, the longest of its streams' (the slower key pictures, to be safe). */
function gopOf(streams: StreamStatus[]): number | undefined {
  const gops = streams.flatMap((x) => (x.gopSeconds !== undefined ? [x.gopSeconds] : []));
  return gops.length ? Math.max(...gops) : undefined;
}

/** Every stream status of the camera on a tile (one pass over the statuses per tile, not one per figure). */
const streamsOf = (s: PantauState, cameraId: string | null): StreamStatus[] =>
  cameraId ? Object.values(s.statuses).filter((x) => x.cameraId === cameraId) : [];

const average = (values: Iterable<number>) => {
  const all = [...values];
  return all.length ? all.reduce((a, b) => a + b, 0) / all.length : undefined;
};

const sameModes = (a: Record<number, TileMode>, b: Record<number, TileMode>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[Number(k)] === v);

export function useWallLoad(): void {
  const api = useStore((s) => s.api);
  const pageBusy = useMainThreadBusy();

  useEffect(() => {
    if (!api) return;
    let history = new TileHistory();
    let geometry = useStore.getState().geometry;
    let before = paintedByTile();
    let at = performance.now();
    /** Each camera's rate when last seen live. */
    const liveRates = new Map<string, number>();
    let asking = false;
    let behindBefore = false;
    const timer = setInterval(() => {
      if (asking) return;
      asking = true;
      void api.invoke('system:load', {}).then((system) => {
        asking = false;
        if (!system.ok) return;
        const s = useStore.getState();
        const now = Date.now();
        // A new geometry starts at full rate (the wall slice cleared the modes): forget the old wall's tiles.
        if (s.geometry !== geometry) {
          geometry = s.geometry;
          history = new TileHistory();
        }
        const painted = paintedByTile();
        const seconds = Math.max(0.001, (performance.now() - at) / 1000);
        at = performance.now();
        const shown = document.visibilityState === 'visible';

        const facts: TileFacts[] = [];
        const tileRates: Record<number, number> = {};
        let paintedFps = 0;
        let allPaintedFps = 0;
        let sentFps = 0;
        let measuredTiles = 0;
        const count = s.geometry.tiles.length;
        history.keepOnly(count);
        for (let index = 0; index < count; index++) {
          const cameraId = s.tiles[index] ?? null;
          const tile = history.see(index, cameraId, now, s.tileModes[index] ?? 'full');
          const rate = ((painted.get(index) ?? 0) - (before.get(index) ?? 0)) / seconds;
          tileRates[index] = Math.round(rate * 10) / 10;
          allPaintedFps += rate;
          const visible = shown && !!cameraId && (s.maximized === null || s.maximized === index);
          const rect = s.geometry.tiles[index]!;
          const streams = streamsOf(s, cameraId);
          const sending = cameraId ? expectedFps(streams, cameraId, liveRates) : undefined;
          // Only tiles past their start count: a player still opening is not a wall behind.
          if (visible && sending && tile.mode === 'full' && now - tile.since >= SETTLED_MS) {
            paintedFps += Math.min(rate, sending);
            sentFps += sending;
            measuredTiles++;
          }
          facts.push({
            index,
            visible,
            area: s.maximized === index ? 1 : tileShare(s.geometry, rect),
            protected: index === s.selected || index === s.maximized || s.pinned.includes(index),
            gopSeconds: gopOf(streams),
            ...history.facts(index, now),
          });
        }
        before = painted;

        const budget = estimateBudget({
          cores: system.value.cores,
          machineBusy: system.value.machine,
          liveTiles: measuredTiles,
          paintedFps,
          cameraFps: sentFps,
          allPaintedFps,
          tileFps: average(liveRates.values()),
        });
        // The estimate counts in full-rate tiles, and on a wall mostly on economy it knows little (most of
        // what the machine then does is not pictures): a machine with headroom tries one step back, and
        // the next measurement says whether it holds.
        const headroom = system.value.machine < 100 - HEADROOM_PERCENT;
        const room = Math.max(budget.moreTiles ?? 0, headroom ? 1 : 0);
        // Shedding is the answer to a machine past its capacity, not to a camera's hiccup or a wall
        // starting up: the wall must be behind in two measurements running, with the machine's CPU or
        // the page's main thread saturated.
        const busy = pageBusy();
        const share = sentFps > 0 ? paintedFps / sentFps : 1;
        const saturated = !headroom || busy >= PAGE_SATURATED;
        const behindNow = share < REAL_TIME_SHARE && saturated;
        const paintedShare = behindNow && behindBefore ? share : Math.max(share, REAL_TIME_SHARE);
        behindBefore = behindNow;
        const decided = decideModes(facts, { paintedShare, room, now }, linkRate ?? s.wallRate);
        // What the machine carries at full rate, measured now: where a bigger new wall starts from.
        // (A page on `?rate=full` never learns it: its walls always start at full rate.)
        const carries =
          linkRate || measuredTiles === 0
            ? s.carries
            : behindNow
              ? Math.floor(measuredTiles * Math.min(1, share / REAL_TIME_SHARE))
              : measuredTiles + (budget.moreTiles ?? 0);
        const tileModes: Record<number, TileMode> = {};
        for (const [index, mode] of decided) {
          history.decided(index, mode, now);
          tileModes[index] = mode;
        }
        const economyTiles = [...decided.values()].filter(isEconomy).length;
        s.setMeasured({
          budget,
          load: {
            system: system.value,
            pageBusy: busy,
            paintedFps,
            cameraFps: sentFps,
            economyTiles,
            economyWhy: economyTiles === 0 ? undefined : s.wallRate === 'keyframes' ? 'layout' : 'machine',
          },
          tileModes: sameModes(s.tileModes, tileModes) ? s.tileModes : tileModes,
          tileRates,
          carries,
        });
      });
    }, EVERY_MS);
    return () => clearInterval(timer);
    // pageBusy reads a ref: the same meter for this component's life.
  }, [api]);
}
