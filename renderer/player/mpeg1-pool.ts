/**
 * The page's side of MPEG-1 decoding in workers: the wall's MPEG-1 tiles share
 * a pool (worker-pool.ts) whose workers run JSMpeg (mpeg1-worker.ts).
 */
import { WorkerPool, type PooledPlayerEvents } from './worker-pool';

/**
 * Whether MPEG-1 tiles decode in workers: wherever the browser can hand a canvas to one, unless
 * the wall's link says `?mpeg1=page` (JSMpeg on the page's thread, as before: kept for browsers
 * without OffscreenCanvas and to measure the two side by side).
 */
export function mpeg1InWorkers(): boolean {
  if (new URLSearchParams(location.search).get('mpeg1') === 'page') return false;
  return typeof Worker !== 'undefined' && typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
}

let pool: WorkerPool<{ webgl: boolean }> | undefined;

/** A tile's MPEG-1 player in the pool; `?mpeg1-workers=N` on the wall's link sets the pool's size. */
export function openMpeg1InWorker(url: string, canvas: HTMLCanvasElement, webgl: boolean, events: PooledPlayerEvents) {
  pool ??= new WorkerPool(
    (name) => new Worker(new URL('./mpeg1-worker.ts', import.meta.url), { type: 'module', name }),
    'mpeg1-workers',
  );
  return pool.open(url, canvas, { webgl }, events);
}
