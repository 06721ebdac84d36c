/**
 * The page's side of the native picture: the wall's native tiles share a pool
 * (worker-pool.ts) whose workers decode the camera's own H.264 with WebCodecs
 * (h264-worker.ts, native-tile.ts) and paint into each tile's canvas.
 */
import type { H264Support } from '../../shared/video-path';
import { WorkerPool, type PooledPlayerEvents } from './worker-pool';

export async function h264Support(): Promise<H264Support> {
  if (
    typeof VideoDecoder === 'undefined' ||
    typeof HTMLCanvasElement.prototype.transferControlToOffscreen !== 'function'
  )
    return { decodes: false, hardware: false };
  const ask = (hardwareAcceleration: HardwareAcceleration) =>
    VideoDecoder.isConfigSupported({ codec: 'avc1.640028', hardwareAcceleration })
      .then((answer) => answer.supported === true)
      .catch(() => false);
  const [decodes, hardware] = await Promise.all([ask('no-preference'), ask('prefer-hardware')]);
  return { decodes, hardware };
}

let pool: WorkerPool<Record<never, never>> | undefined;

/** A tile's native player in the pool; `?native-workers=N` on the wall's link sets the pool's size. */
export function openNativeInWorker(url: string, canvas: HTMLCanvasElement, events: PooledPlayerEvents) {
  pool ??= new WorkerPool(
    (name) => new Worker(new URL('./h264-worker.ts', import.meta.url), { type: 'module', name }),
    'native-workers',
  );
  return pool.open(url, canvas, {}, events);
}
