/**
 * Builds ffmpeg's argument array (never a shell string) for one stream:
 * camera → MPEG-TS with MPEG-1 video, the format JSMpeg decodes.
 */
import type { StreamSource } from './stream-source';

export interface OutputOptions {
  /** JSMpeg decodes 1080p MPEG-1 below real time; 720p is the ceiling. */
  maxWidth: number;
  maxHeight: number;
}

export const defaultOutput: OutputOptions = { maxWidth: 1280, maxHeight: 720 };

/** MPEG-1 only knows these frame rates (ISO/IEC 11172-2, frame_rate_code). */
const mpeg1Rates = [24, 25, 30, 50, 60];

export function mpeg1Rate(fps: number | undefined): number {
  if (!fps || !Number.isFinite(fps)) return 25;
  return mpeg1Rates.find((rate) => rate >= fps - 0.5) ?? 60;
}

/** Fits width×height into the box, keeping aspect ratio, even dimensions, never upscaling. */
export function fitSize(width: number, height: number, box: OutputOptions): { width: number; height: number } {
  const scale = Math.min(1, box.maxWidth / width, box.maxHeight / height);
  const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { width: even(width), height: even(height) };
}

/** Demo labels go inside a quoted filtergraph value: keep only characters that need no escaping. */
function drawtextLiteral(text: string): string {
  return text.replace(/[^\p{L}\p{N} ._#-]/gu, ' ');
}

/** The input half of the command line (also used for snapshots). */
export function inputArgs(source: StreamSource): string[] {
  if (source.kind === 'demo') {
    const clock = `drawtext=text='${drawtextLiteral(source.label)}  %{localtime\\:%X}'`
      + ':fontsize=h/14:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=12:y=h-th-18';
    return ['-re', '-f', 'lavfi', '-i', `${source.pattern}=size=${source.width}x${source.height}:rate=${source.fps},${clock}`];
  }
  return [
    '-rtsp_transport', source.transport ?? 'tcp',
    // Socket I/O timeout in microseconds: a camera that stops answering ends the process.
    '-timeout', '10000000',
    // Nothing but the network: a URL can never make ffmpeg read a local file.
    '-protocol_whitelist', 'rtsp,rtsps,tcp,udp,tls,rtp,srtp,crypto',
    // Low-delay input. LOW_DELAY turns off frame-threaded decoding, which would
    // add a frame of delay per thread. A short analysis (0.1 s) is enough: the
    // SDP carries SPS/PPS, audio is dropped, and the output rate is fixed.
    // Not `-fflags nobuffer`: it discards the packets read while probing, the
    // first keyframe among them, so every cold start waited a whole extra GOP
    // (measured: 1.21 s → 0.38 s to the first MPEG-1 sequence header).
    '-flags', 'low_delay',
    '-probesize', '262144',
    '-analyzeduration', '100000',
    '-i', source.url,
  ];
}

function scaleFilter(source: StreamSource, box: OutputOptions): string {
  if (source.width && source.height) {
    const size = fitSize(source.width, source.height, box);
    return `scale=${size.width}:${size.height}`;
  }
  return `scale=w='min(${box.maxWidth},iw)':h='min(${box.maxHeight},ih)':force_original_aspect_ratio=decrease:force_divisible_by=2`;
}

/** Bits per second for MPEG-1 at this size: ~0.12 bit per pixel, within 400k..6M. */
function bitrate(source: StreamSource, box: OutputOptions, fps: number): number {
  const size = source.width && source.height ? fitSize(source.width, source.height, box) : { width: 1280, height: 720 };
  const bits = size.width * size.height * fps * 0.12;
  return Math.round(Math.min(6_000_000, Math.max(400_000, bits)) / 1000) * 1000;
}

export function buildFfmpegArgs(source: StreamSource, box: OutputOptions = defaultOutput): string[] {
  const fps = mpeg1Rate(source.fps);
  const rate = bitrate(source, box, fps);
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error',
    ...inputArgs(source),
    '-an', '-sn', '-dn',
    '-vf', scaleFilter(source, box),
    '-r', String(fps),
    '-c:v', 'mpeg1video',
    // No B-frames (they add a frame of latency and JSMpeg does not need them);
    // one GOP per second so a joiner or a resync never waits more than 1 s.
    '-bf', '0',
    '-g', String(fps),
    '-b:v', String(rate),
    '-maxrate', String(rate * 2),
    '-bufsize', String(rate),
    '-f', 'mpegts',
    '-flush_packets', '1',
    '-muxdelay', '0',
    '-muxpreload', '0',
    'pipe:1',
  ];
}
