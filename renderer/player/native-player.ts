/**
 * The tile's side of the native picture: hands the canvas to a worker
 * (h264-worker.ts) that reads, decodes and paints, and passes on what the tile
 * must know (socket state, pictures painted). A canvas handed over once can
 * never be drawn on by the page again: the tile gives each player a new one.
 */
import type { H264Support } from '../../shared/video-path';
import type { FromWorker, ToWorker } from './h264-messages';
import type { SocketReport } from './relay-source';

export interface NativePlayerEvents {
  onSocket: SocketReport;
  onPainted: (size: { width: number; height: number }) => void;
}

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

export class NativePlayer {
  private readonly worker: Worker;

  constructor(url: string, canvas: HTMLCanvasElement, events: NativePlayerEvents) {
    this.worker = new Worker(new URL('./h264-worker.ts', import.meta.url), { type: 'module', name: 'pantau-tile' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'socket') events.onSocket(message.state, message.detail, message.code);
      else if (message.type === 'painted') events.onPainted(message);
    };
    const offscreen = canvas.transferControlToOffscreen();
    this.send({ type: 'open', url, canvas: offscreen }, [offscreen]);
  }

  destroy(): void {
    this.send({ type: 'close' });
    // Let the worker close its socket, then end it.
    setTimeout(() => this.worker.terminate(), 100);
  }

  private send(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}
