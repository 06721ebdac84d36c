/// <reference lib="webworker" />
/**
 * One tile's native picture, off the page's main thread: this worker reads the
 * relay's socket (the camera's own H.264, one length-framed picture per unit),
 * decodes with WebCodecs and paints into the tile's canvas, handed over as an
 * OffscreenCanvas. The page's thread keeps drag, search and the PTZ pad.
 * It starts at a keyframe, and after any decoder error waits for the next one.
 */
import { NAL_IDR, NAL_SPS, codecString, framedUnits, nalType, splitNalUnits } from '../../shared/h264';
import type { ToWorker, FromWorker } from './h264-messages';
import { RELAY_DISCONTINUITY } from '../../shared/relay-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Close codes ≥ 4000 are the relay's own refusals (unknown camera, too many streams): retrying cannot help. */
const FINAL_CLOSE = 4000;
/** Pictures waiting in the decoder beyond this: skip to the next keyframe rather than fall behind. */
const MAX_QUEUE = 8;

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | null = null;
let socket: WebSocket | undefined;
let decoder: VideoDecoder | undefined;
let codec = '';
let needKey = true;
let retryMs = 300;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let closed = false;
let url = '';

const post = (message: FromWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'open') {
    canvas = message.canvas;
    context = canvas.getContext('2d', { alpha: false });
    url = message.url;
    connect();
  } else if (message.type === 'close') {
    closed = true;
    clearTimeout(retryTimer);
    socket?.close();
    if (decoder && decoder.state !== 'closed') decoder.close();
  }
};

function connect(): void {
  if (closed) return;
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  socket = ws;
  needKey = true; // every connection starts at a GOP
  ws.onopen = () => {
    retryMs = 300;
    post({ type: 'socket', state: 'open' });
  };
  ws.onmessage = (message: MessageEvent<ArrayBuffer | string>) => {
    // The stream broke off: the pictures after it refer to none before it.
    if (typeof message.data === 'string') {
      if (message.data === RELAY_DISCONTINUITY) needKey = true;
      return;
    }
    for (const unit of framedUnits(new Uint8Array(message.data))) picture(unit);
  };
  ws.onclose = (event) => {
    if (closed || socket !== ws) return;
    if (event.code >= FINAL_CLOSE) {
      post({ type: 'socket', state: 'refused', detail: event.reason, code: event.code });
      return;
    }
    post({ type: 'socket', state: 'closed' });
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  };
}

function picture(unit: Uint8Array): void {
  const nals = splitNalUnits(unit).units;
  const key = nals.some((nal) => nalType(nal) === NAL_IDR);
  if (key) {
    const sps = nals.find((nal) => nalType(nal) === NAL_SPS);
    if (sps && codecString(sps) !== codec) configure(codecString(sps));
  }
  if (!decoder || decoder.state !== 'configured') return;
  if (needKey && !key) return;
  // Behind: the pictures queued would be shown late; the next keyframe is now.
  if (decoder.decodeQueueSize > MAX_QUEUE && !key) {
    needKey = true;
    return;
  }
  needKey = false;
  decoder.decode(
    new EncodedVideoChunk({ type: key ? 'key' : 'delta', timestamp: performance.now() * 1000, data: unit }),
  );
}

function configure(next: string): void {
  if (decoder && decoder.state !== 'closed') decoder.close();
  codec = next;
  needKey = true;
  decoder = new VideoDecoder({
    output: paint,
    error: (error) => {
      // A damaged picture or a stream the decoder refuses: start again at the next keyframe.
      post({ type: 'error', message: error.message });
      codec = '';
      decoder = undefined;
    },
  });
  // No description: the units are Annex B, SPS and PPS in band before every keyframe.
  decoder.configure({ codec: next, optimizeForLatency: true });
}

function paint(frame: VideoFrame): void {
  if (context && canvas) {
    // The canvas takes the camera's own size: the picture is drawn 1:1 (only colour conversion,
    // no scaling here) and the page fits it into the tile (object-fit: contain), as for MPEG-1.
    // Measured: scaling into the tile's size in the worker cost more (docs/benchmarks.md).
    if (canvas.width !== frame.displayWidth || canvas.height !== frame.displayHeight) {
      canvas.width = frame.displayWidth;
      canvas.height = frame.displayHeight;
    }
    context.drawImage(frame, 0, 0);
  }
  post({ type: 'painted', width: frame.displayWidth, height: frame.displayHeight });
  frame.close();
}
