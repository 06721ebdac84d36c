/// <reference lib="webworker" />
/**
 * MPEG-1 tiles decoded off the page's main thread: each worker of the pool
 * (mpeg1-pool.ts) runs JSMpeg for the tiles it was given — its own socket to
 * the relay, demuxer, WebAssembly decoder and renderer per tile — painting into
 * each tile's canvas, handed over as an OffscreenCanvas. The page's thread keeps
 * drag, search and the PTZ pad however full the wall is, and a wall of tiles
 * uses every core instead of one.
 */
import './worker-window';
import JSMpeg, { type Player } from '@cycjimmy/jsmpeg-player';
import { tilePlayerOptions } from './jsmpeg-options';
import { relaySourceOf } from './relay-source';
import { countPictures, stopCounting } from './painted-reports';
import type { FromTileWorker, ToTileWorker } from './tile-worker-messages';

declare const self: DedicatedWorkerGlobalScope;

interface Tile {
  player: Player;
  canvas: OffscreenCanvas;
  webgl: boolean;
}

const tiles = new Map<number, Tile>();
const post = (message: FromTileWorker) => self.postMessage(message);

// JSMpeg asks whether WebGL works by making a canvas on the document, which a worker has not;
// the page decided already (rendering.ts) and asks for WebGL only where it pays.
JSMpeg.Renderer.WebGL.IsSupported = () => true;

self.onmessage = (event: MessageEvent<ToTileWorker<{ webgl: boolean }>>) => {
  const message = event.data;
  if (message.type === 'open') open(message.id, message.url, message.canvas, message.webgl);
  else if (message.type === 'rate') relaySourceOf(tiles.get(message.id)?.player)?.setRate(message.rate);
  else close(message.id);
};

function open(id: number, url: string, canvas: OffscreenCanvas, webgl: boolean): void {
  const player = new JSMpeg.Player(
    url,
    tilePlayerOptions(canvas, webgl, countPictures(id), {
      onSocket: (state, detail, code) => post({ type: 'socket', id, state, detail, code }),
    }),
  );
  tiles.set(id, { player, canvas, webgl });
}

function close(id: number): void {
  const tile = tiles.get(id);
  if (!tile) return;
  tiles.delete(id);
  stopCounting(id);
  try {
    tile.player.destroy();
  } finally {
    // JSMpeg's destroy() keeps a WebGL context alive, and browsers allow only a few.
    if (tile.webgl) tile.canvas.getContext('webgl')?.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
