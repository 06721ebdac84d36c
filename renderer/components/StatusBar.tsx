/**
 * The decode budget, live: the machine's CPU, Pantau's and ffmpeg's share,
 * how busy the page's main thread is, pictures painted against pictures the
 * cameras send, and how many more tiles of this mix the machine can carry.
 * Every figure is measured here and now (shared/decode-budget.ts turns them
 * into the estimate); a figure this system cannot measure says so.
 */
import { Gauge } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../shared/api';
import { estimateBudget } from '../../shared/decode-budget';
import { paintedSoFar } from '../player/paint-counter';
import { useStore, useTranslate } from '../store';

const EVERY_MS = 2000;
const TICK_MS = 100;

/** How much of the time the page's main thread was late to a 100 ms timer: what blocks drags and clicks. */
function useMainThreadBusy(): () => number {
  const late = useRef({ lateMs: 0, since: performance.now() });
  useEffect(() => {
    let expected = performance.now() + TICK_MS;
    const timer = setInterval(() => {
      const now = performance.now();
      late.current.lateMs += Math.max(0, now - expected);
      expected = now + TICK_MS;
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return () => {
    const now = performance.now();
    const busy = (100 * late.current.lateMs) / Math.max(1, now - late.current.since);
    late.current = { lateMs: 0, since: now };
    return Math.min(100, busy);
  };
}

interface Figures {
  load: ApiResult<'system:load'>;
  pageBusy: number;
  paintedFps: number;
  cameraFps: number;
}

export function StatusBar() {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const setBudget = useStore((s) => s.setBudget);
  const budget = useStore((s) => s.budget);
  const pageBusy = useMainThreadBusy();
  const [figures, setFigures] = useState<Figures>();

  useEffect(() => {
    if (!api) return;
    let painted = paintedSoFar();
    let at = performance.now();
    const timer = setInterval(() => {
      void api.invoke('system:load', {}).then((load) => {
        if (!load.ok) return;
        const now = performance.now();
        const paintedFps = ((paintedSoFar() - painted) * 1000) / Math.max(1, now - at);
        painted = paintedSoFar();
        at = now;
        // What the cameras on this window's tiles send: each tile paints its camera's live stream.
        const { tiles, statuses } = useStore.getState();
        let cameraFps = 0;
        let liveTiles = 0;
        for (const id of tiles) {
          const live = Object.values(statuses).filter((s) => s.cameraId === id && s.state === 'live');
          if (live.length === 0) continue;
          liveTiles++;
          cameraFps += Math.max(...live.map((s) => s.fps));
        }
        setFigures({ load: load.value, pageBusy: pageBusy(), paintedFps, cameraFps });
        setBudget(
          estimateBudget({
            cores: load.value.cores,
            machineBusy: load.value.machine,
            liveTiles,
            paintedFps,
            cameraFps,
          }),
        );
      });
    }, EVERY_MS);
    return () => clearInterval(timer);
    // pageBusy reads a ref: the same meter for this component's life.
  }, [api, setBudget]);

  const pct = (n: number) => Math.round(n);
  return (
    <footer className="status-bar" data-control="status-bar" aria-label={t('status.title')}>
      <Gauge aria-hidden="true" size={16} />
      {figures ? (
        <>
          <span data-figure="machine">
            {t('status.machine', { pct: pct(figures.load.machine), cores: figures.load.cores })}
          </span>
          <span data-figure="host">{t('status.host', { pct: pct(figures.load.host) })}</span>
          <span data-figure="ffmpeg">
            {figures.load.ffmpeg === null
              ? t('status.ffmpegUnmeasured', { count: figures.load.ffmpegCount })
              : t('status.ffmpeg', { pct: pct(figures.load.ffmpeg), count: figures.load.ffmpegCount })}
          </span>
          <span data-figure="page">{t('status.page', { pct: pct(figures.pageBusy) })}</span>
          <span data-figure="pictures">
            {t('status.pictures', { painted: pct(figures.paintedFps), sent: pct(figures.cameraFps) })}
          </span>
          <strong
            data-figure="budget"
            data-more={budget?.moreTiles ?? ''}
            className={budget && !budget.realTime ? 'status-behind' : ''}
          >
            {!budget || budget.moreTiles === undefined
              ? t('status.noTiles')
              : !budget.realTime
                ? t('status.behind')
                : t('status.more', { n: budget.moreTiles })}
          </strong>
        </>
      ) : (
        <span>{t('status.measuring')}</span>
      )}
    </footer>
  );
}
