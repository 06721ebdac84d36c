/// <reference lib="webworker" />
/**
 * A decoding worker's count of the pictures each of its tiles painted, sent to
 * the page every REPORT_MS (a player's first picture at once): a wall of tiles
 * at 25 fps would otherwise be hundreds of messages a second to the page's thread.
 */
import type { FromTileWorker } from './tile-worker-messages';

const REPORT_MS = 100;

const counts = new Map<number, { painted: number; reported: boolean }>();
const post = (message: FromTileWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

/** Starts counting for a player: call the returned function for each picture painted. */
export function countPictures(id: number): () => void {
  const count = { painted: 0, reported: false };
  counts.set(id, count);
  return () => {
    count.painted++;
    if (!count.reported) {
      count.reported = true;
      report();
    }
  };
}

export function stopCounting(id: number): void {
  counts.delete(id);
}

function report(): void {
  const ready: [number, number][] = [];
  for (const [id, count] of counts) {
    if (count.painted === 0) continue;
    ready.push([id, count.painted]);
    count.painted = 0;
  }
  if (ready.length > 0) post({ type: 'painted', counts: ready });
}

setInterval(report, REPORT_MS);
