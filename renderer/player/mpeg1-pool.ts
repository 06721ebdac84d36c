/**
 * The page's side of MPEG-1 decoding in workers: a few workers (one per core,
 * the page's own thread being mostly idle then) share the wall's MPEG-1
 * tiles, each tile going to the worker with the fewest. A tile hands its canvas
 * over once: a canvas given to a worker can never be drawn on by the page
 * again, so the tile makes a new one for each player.
 */
import type { FromMpeg1Worker, ToMpeg1Worker } from './mpeg1-messages';
import type { SocketReport } from './relay-source';

export interface Mpeg1PlayerEvents {
  onSocket: SocketReport;
  onPainted: (pictures: number) => void;
}

/**
 * Whether MPEG-1 tiles decode in workers: wherever the browser can hand a canvas to one, unless
 * the wall's link says `?mpeg1=page` (JSMpeg on the page's thread, as before: kept for browsers
 * without OffscreenCanvas and to measure the two side by side).
 */
export function mpeg1InWorkers(): boolean {
  if (new URLSearchParams(location.search).get('mpeg1') === 'page') return false;
  return typeof Worker !== 'undefined' && typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
}

interface PooledWorker {
  worker: Worker;
  name: string;
  players: Map<number, Mpeg1PlayerEvents>;
}

const pool: PooledWorker[] = [];
let nextId = 1;

/**
 * One worker per core, at most 8: more cannot run at once, and each holds its own copy of the
 * decoder. `?mpeg1-workers=N` on the wall's link sets it (measurements).
 */
function poolSize(): number {
  const asked = Number(new URLSearchParams(location.search).get('mpeg1-workers'));
  if (Number.isInteger(asked) && asked >= 1 && asked <= 16) return asked;
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
}

function spawn(): PooledWorker {
  const name = `pantau-mpeg1-${pool.length + 1}`;
  const worker = new Worker(new URL('./mpeg1-worker.ts', import.meta.url), { type: 'module', name });
  const pooled: PooledWorker = { worker, name, players: new Map() };
  worker.onmessage = (event: MessageEvent<FromMpeg1Worker>) => {
    const message = event.data;
    if (message.type === 'socket') {
      pooled.players.get(message.id)?.onSocket(message.state, message.detail, message.code);
    } else {
      for (const [id, pictures] of message.counts) pooled.players.get(id)?.onPainted(pictures);
    }
  };
  worker.onerror = (event) => {
    // A decoder that threw in the worker: its tiles stop being painted and say so by going stale;
    // the error is logged where the tests and an operator's support look.
    console.error(`${name}: ${event.message}`);
  };
  pool.push(pooled);
  return pooled;
}

function leastBusy(): PooledWorker {
  if (pool.length < poolSize()) {
    const idle = pool.find((pooled) => pooled.players.size === 0);
    return idle ?? spawn();
  }
  return pool.reduce((best, pooled) => (pooled.players.size < best.players.size ? pooled : best));
}

export class Mpeg1WorkerPlayer {
  private readonly id = nextId++;
  private readonly home: PooledWorker;

  constructor(url: string, canvas: HTMLCanvasElement, webgl: boolean, events: Mpeg1PlayerEvents) {
    this.home = leastBusy();
    this.home.players.set(this.id, events);
    const offscreen = canvas.transferControlToOffscreen();
    this.send({ type: 'open', id: this.id, url, canvas: offscreen, webgl }, [offscreen]);
  }

  destroy(): void {
    this.home.players.delete(this.id);
    this.send({ type: 'close', id: this.id });
  }

  private send(message: ToMpeg1Worker, transfer: Transferable[] = []): void {
    this.home.worker.postMessage(message, transfer);
  }
}
