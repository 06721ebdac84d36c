/**
 * A JSMpeg source reading the relay's WebSocket. Unlike JSMpeg's own it
 * reconnects with backoff (the relay starts every connection at a GOP, so
 * decoding resumes cleanly), stops for good on a refusal, and reports socket
 * state and received bytes to the tile.
 *
 * Where the stream breaks off — a new connection, or the relay's
 * discontinuity frame (a new ffmpeg, a skip ahead) — the demuxer's unfinished
 * picture is dropped, never completed with the next stream's bytes: JSMpeg's
 * WebAssembly decoder shares one heap among all tiles, and a truncated
 * picture decoded there can write past its buffers and break every tile.
 */
import type { JSMpegDestination, JSMpegPlayerOptions, JSMpegSource, Player } from '@cycjimmy/jsmpeg-player';
import { RELAY_DISCONTINUITY } from '../../shared/relay-protocol';
import { dropUnfinishedPicture } from './jsmpeg-demuxer';
import { SocketRate } from './socket-rate';
import type { ViewerRate } from '../../shared/api';

/** A player's socket to the relay: `code` is the close code of a refusal (4404 no such camera, 4429 too many streams). */
export type SocketReport = (state: 'open' | 'closed' | 'refused', detail?: string, code?: number) => void;

export interface RelaySourceEvents {
  onSocket?: SocketReport;
  onBytes?: (count: number) => void;
}

/** Close codes ≥ 4000 are the relay's own refusals (unknown camera…): retrying cannot help. */
const FINAL_CLOSE = 4000;

/** The relay source a JSMpeg player reads (tilePlayerOptions gives every tile's player one). */
export const relaySourceOf = (player: Player | undefined) =>
  player?.source instanceof RelaySource ? player.source : undefined;

export class RelaySource implements JSMpegSource {
  streaming = true;
  established = false;
  progress = 0;
  private destination: JSMpegDestination | undefined;
  private socket: WebSocket | undefined;
  private retryMs = 300;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private readonly events: RelaySourceEvents;
  private readonly hookOnEstablished: (() => void) | undefined;
  private readonly rate = new SocketRate();

  constructor(
    private readonly url: string,
    options: JSMpegPlayerOptions,
  ) {
    this.events = (options.relayEvents as RelaySourceEvents | undefined) ?? {};
    this.hookOnEstablished = options.hookOnEstablished;
  }

  connect(destination: JSMpegDestination): void {
    this.destination = destination;
  }

  start(): void {
    if (this.destroyed) return;
    const ws = new WebSocket(this.url);
    ws.binaryType = 'arraybuffer';
    this.socket = ws;
    ws.onopen = () => {
      this.rate.opened(ws);
      this.progress = 1;
      this.retryMs = 300;
      this.events.onSocket?.('open');
    };
    let first = true;
    ws.onmessage = (message: MessageEvent<ArrayBuffer | string>) => {
      if (typeof message.data === 'string') {
        if (message.data === RELAY_DISCONTINUITY) dropUnfinishedPicture(this.destination);
        return;
      }
      // A reconnection: the previous socket may have ended inside a picture.
      if (first && this.established) dropUnfinishedPicture(this.destination);
      first = false;
      if (!this.established) {
        this.established = true;
        this.hookOnEstablished?.();
      }
      this.events.onBytes?.(message.data.byteLength);
      this.destination?.write(message.data);
    };
    ws.onclose = (event) => {
      if (this.destroyed || this.socket !== ws) return;
      if (event.code >= FINAL_CLOSE) {
        this.events.onSocket?.('refused', event.reason, event.code);
        return;
      }
      this.events.onSocket?.('closed');
      this.retryTimer = setTimeout(() => this.start(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
  }

  resume(): void {}

  /** The tile's economy mode changed (socket-rate.ts). */
  setRate(rate: ViewerRate): void {
    this.rate.set(rate, this.socket);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.retryTimer);
    this.socket?.close();
  }
}
