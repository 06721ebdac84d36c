/**
 * One tile's native picture, in a decoding worker (h264-worker.ts): reads the
 * relay's socket, decodes with WebCodecs and paints into the tile's canvas.
 * It starts at a keyframe, and after any decoder error or discontinuity waits
 * for the next one.
 */
import { NAL_IDR, NAL_SPS, codecString, framedUnits, nalType, splitNalUnits } from '../../shared/h264';
import { RELAY_DISCONTINUITY } from '../../shared/relay-protocol';
import { DecodeTrouble } from './decode-trouble';
import type { SocketReport } from './relay-source';
import { SocketRate } from './socket-rate';
import type { ViewerRate } from '../../shared/api';

/** Close codes ≥ 4000 are the relay's own refusals (unknown camera, too many streams): retrying cannot help. */
const FINAL_CLOSE = 4000;
/** Pictures waiting in the decoder beyond this: skip to the next keyframe rather than fall behind. */
const MAX_QUEUE = 8;

export interface NativeTileEvents {
  onSocket: SocketReport;
  onPainted: () => void;
  onError: (message: string) => void;
  /** The browser's decoder will not take this camera's stream (decode-trouble.ts): the page shows it through MPEG-1. */
  onUndecodable: (message: string) => void;
}

export class NativeTile {
  private readonly context: OffscreenCanvasRenderingContext2D | null;
  private socket: WebSocket | undefined;
  private decoder: VideoDecoder | undefined;
  private codec = '';
  private needKey = true;
  private retryMs = 300;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly trouble = new DecodeTrouble();
  private readonly rate = new SocketRate();

  constructor(
    private readonly url: string,
    private readonly canvas: OffscreenCanvas,
    private readonly events: NativeTileEvents,
  ) {
    this.context = canvas.getContext('2d', { alpha: false });
    this.connect();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket?.close();
    if (this.decoder && this.decoder.state !== 'closed') this.decoder.close();
  }

  /** The tile's economy mode changed (socket-rate.ts). */
  setRate(rate: ViewerRate): void {
    this.rate.set(rate, this.socket);
  }

  private connect(): void {
    if (this.closed) return;
    const ws = new WebSocket(this.url);
    ws.binaryType = 'arraybuffer';
    this.socket = ws;
    this.needKey = true; // every connection starts at a GOP
    ws.onopen = () => {
      this.rate.opened(ws);
      this.retryMs = 300;
      this.events.onSocket('open');
    };
    ws.onmessage = (message: MessageEvent<ArrayBuffer | string>) => {
      // The stream broke off: the pictures after it refer to none before it.
      if (typeof message.data === 'string') {
        if (message.data === RELAY_DISCONTINUITY) this.needKey = true;
        return;
      }
      for (const unit of framedUnits(new Uint8Array(message.data))) this.picture(unit);
    };
    ws.onclose = (event) => {
      if (this.closed || this.socket !== ws) return;
      if (event.code >= FINAL_CLOSE) {
        this.events.onSocket('refused', event.reason, event.code);
        return;
      }
      this.events.onSocket('closed');
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
  }

  private picture(unit: Uint8Array): void {
    const nals = splitNalUnits(unit).units;
    const key = nals.some((nal) => nalType(nal) === NAL_IDR);
    if (key) {
      const sps = nals.find((nal) => nalType(nal) === NAL_SPS);
      if (sps && codecString(sps) !== this.codec) this.configure(codecString(sps));
    }
    const decoder = this.decoder;
    if (!decoder || decoder.state !== 'configured') return;
    if (this.needKey && !key) return;
    // Behind: the pictures queued would be shown late; the next keyframe is now.
    if (decoder.decodeQueueSize > MAX_QUEUE && !key) {
      this.needKey = true;
      return;
    }
    this.needKey = false;
    decoder.decode(
      new EncodedVideoChunk({ type: key ? 'key' : 'delta', timestamp: performance.now() * 1000, data: unit }),
    );
  }

  private configure(codec: string): void {
    if (this.decoder && this.decoder.state !== 'closed') this.decoder.close();
    this.codec = codec;
    this.needKey = true;
    const decoder = new VideoDecoder({
      output: (frame) => this.paint(frame),
      error: (error) => this.failed(decoder, error.message),
    });
    this.decoder = decoder;
    // No description: the units are Annex B, SPS and PPS in band before every keyframe.
    try {
      decoder.configure({ codec, optimizeForLatency: true });
    } catch (error) {
      this.failed(decoder, (error as Error).message);
    }
  }

  /** A damaged picture or a stream the decoder refuses: start again at the next keyframe. */
  private failed(decoder: VideoDecoder, message: string): void {
    this.events.onError(message);
    if (this.trouble.failed()) this.events.onUndecodable(message);
    if (this.decoder === decoder) {
      if (decoder.state !== 'closed') decoder.close();
      this.codec = '';
      this.decoder = undefined;
    }
  }

  private paint(frame: VideoFrame): void {
    if (this.context && !this.closed) {
      // The canvas takes the camera's own size: the picture is drawn 1:1 (only colour conversion,
      // no scaling here) and the page fits it into the tile (object-fit: contain), as for MPEG-1.
      // Measured: scaling into the tile's size in the worker cost more (docs/benchmarks.md).
      if (this.canvas.width !== frame.displayWidth || this.canvas.height !== frame.displayHeight) {
        this.canvas.width = frame.displayWidth;
        this.canvas.height = frame.displayHeight;
      }
      this.context.drawImage(frame, 0, 0);
      this.trouble.painted();
      this.events.onPainted();
    }
    frame.close();
  }
}
