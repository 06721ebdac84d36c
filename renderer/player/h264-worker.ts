/// <reference lib="webworker" />
/**
 * Native pictures off the page's main thread: each worker of the pool
 * (native-player.ts) serves the tiles it was given, each with its own socket to
 * the relay (the camera's own H.264, one length-framed picture per unit), its
 * own WebCodecs decoder, and its canvas handed over as an OffscreenCanvas.
 * The page's thread keeps drag, search and the PTZ pad.
 */
import { countPictures, stopCounting } from './painted-reports';
import { NativeTile } from './native-tile';
import type { FromTileWorker, ToTileWorker } from './tile-worker-messages';

declare const self: DedicatedWorkerGlobalScope;

const tiles = new Map<number, NativeTile>();
const post = (message: FromTileWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToTileWorker>) => {
  const message = event.data;
  if (message.type === 'open') {
    const { id } = message;
    tiles.set(
      id,
      new NativeTile(message.url, message.canvas, {
        onSocket: (state, detail, code) => post({ type: 'socket', id, state, detail, code }),
        onPainted: countPictures(id),
        onError: (text) => post({ type: 'error', id, message: text }),
        onUndecodable: (text) => post({ type: 'undecodable', id, message: text }),
      }),
    );
  } else if (message.type === 'rate') {
    tiles.get(message.id)?.setRate(message.rate);
  } else {
    tiles.get(message.id)?.close();
    tiles.delete(message.id);
    stopCounting(message.id);
  }
};
