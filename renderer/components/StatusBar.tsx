/**
 * The decode budget, live: the machine's CPU, Pantau's and ffmpeg's share,
 * how busy the page's main thread is, pictures painted against pictures the
 * cameras send, and how many more tiles of this mix the machine can carry.
 * Every figure is measured here and now (shared/decode-budget.ts turns them
 * into the estimate); a figure this system cannot measure says so. The
 * wall's load meter (renderer/wall/use-wall-load.ts) measures; this shows.
 */
import { Gauge } from 'lucide-react';
import { useStore, useTranslate } from '../store';

/** How many tiles are on economy, and why (the machine, or the layout's choice); nothing when none is. */
export function EconomyCount({ className }: { className: string }) {
  const t = useTranslate();
  const why = useStore((s) => s.load?.economyWhy);
  const n = useStore((s) => s.load?.economyTiles ?? 0);
  if (!why) return null;
  return (
    <span data-figure="economy" data-count={n} className={className}>
      {t(why === 'layout' ? 'status.economyLayout' : 'status.economyMachine', { n })}
    </span>
  );
}

export function StatusBar() {
  const t = useTranslate();
  const figures = useStore((s) => s.load);
  const budget = useStore((s) => s.budget);

  const pct = (n: number) => Math.round(n);
  return (
    <footer className="status-bar" data-control="status-bar" aria-label={t('status.title')}>
      <Gauge aria-hidden="true" size={16} />
      {figures ? (
        <>
          <span data-figure="machine">
            {t('status.machine', { pct: pct(figures.system.machine), cores: figures.system.cores })}
          </span>
          <span data-figure="host">{t('status.host', { pct: pct(figures.system.host) })}</span>
          <span data-figure="ffmpeg">
            {figures.system.ffmpeg === null
              ? t('status.ffmpegUnmeasured', { count: figures.system.ffmpegCount })
              : t('status.ffmpeg', { pct: pct(figures.system.ffmpeg), count: figures.system.ffmpegCount })}
          </span>
          <span data-figure="page">{t('status.page', { pct: pct(figures.pageBusy) })}</span>
          <span data-figure="pictures">
            {/* No live tile settled yet (6 s after it starts): nothing measured, not "0 of 0". */}
            {figures.cameraFps > 0
              ? t('status.pictures', { painted: pct(figures.paintedFps), sent: pct(figures.cameraFps) })
              : t('status.picturesUnmeasured')}
          </span>
          <EconomyCount className="status-economy" />
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
