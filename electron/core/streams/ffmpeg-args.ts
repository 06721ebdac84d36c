/**
 * Builds ffmpeg's argument array (never a shell string) for one stream:
 * camera → MPEG-TS with MPEG-1 video, the format JSMpeg decodes.
 *
 * The camera URL with its credentials never goes into the argument array:
 * any local user can read a process's command line (`ps`, /proc/PID/cmdline,
 * Windows' task manager). ffmpeg reads it from its stdin instead, as a
 * one-entry ffconcat script (`-f concat -i pipe:0`); the concat demuxer opens
 * the entry with the RTSP options given beside it. Measured here: the same
 * first-frame time as `-i URL` (0.52–0.55 s against GStreamer's server).
 */
import type { RtpTransport } from '../../../shared/model';
import type { StreamSource } from './stream-source';

export interface OutputOptions {
  /** JSMpeg decodes 1080p MPEG-1 below real time; 720p is the ceiling. */
  maxWidth: number;
  maxHeight: number;
}

export const defaultOutput: OutputOptions = { maxWidth: 1280, maxHeight: 720 };

/** One ffmpeg run: arguments, and what goes to its stdin (the secret part, if any). */
export interface FfmpegCommand {
  args: string[];
  stdin?: string;
}

/** ffmpeg's RTSP socket timeout: a camera that stops answering ends the process. */
export const RTSP_IO_TIMEOUT_MS = 10_000;

/** Nothing but the network (and our own stdin script): a URL can never make ffmpeg read a local file. */
const PROTOCOLS = 'pipe,rtsp,rtsps,tcp,udp,tls,rtp,srtp,crypto';

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

/** A value inside single quotes in an ffconcat script (quote closed, escaped, reopened). */
function concatQuoted(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('a camera URL cannot hold a line break');
  return `'${value.replace(/'/g, "'\\''")}'`;
}

/**
 * The ffconcat script that names the camera. Its options are the RTSP
 * demuxer's: the transport, the socket timeout, and a short analysis (0.1 s;
 * the SDP or the first keyframe carries SPS/PPS, audio is dropped, the output
 * rate is fixed).
 */
export function rtspScript(url: string, transport: RtpTransport): string {
  return [
    'ffconcat version 1.0',
    `file ${concatQuoted(url)}`,
    `option rtsp_transport ${transport}`,
    `option timeout ${RTSP_IO_TIMEOUT_MS * 1000}`,
    'option probesize 262144',
    'option analyzeduration 100000',
    '',
  ].join('\n');
}

/** The input half of the command line (also used for snapshots and "test connection"). */
export function inputArgs(
  source: StreamSource,
  transport: RtpTransport = source.kind === 'rtsp' && source.transport && source.transport !== 'auto'
    ? source.transport
    : 'tcp',
): FfmpegCommand {
  if (source.kind === 'demo') {
    const clock =
      `drawtext=text='${drawtextLiteral(source.label)}  %{localtime\\:%X}'` +
      ':fontsize=h/14:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=12:y=h-th-18';
    return {
      args: [
        '-re',
        '-f',
        'lavfi',
        '-i',
        `${source.pattern}=size=${source.width}x${source.height}:rate=${source.fps},${clock}`,
      ],
    };
  }
  return {
    args: [
      // RTSP tunnelled in HTTP needs ffmpeg's http protocol, and only then.
      '-protocol_whitelist',
      transport === 'http' ? `${PROTOCOLS},http` : PROTOCOLS,
      // Cameras that send several slices per frame and repeat SPS/PPS before
      // every IDR slice (GStreamer's rtph264pay config-interval=-1, many
      // embedded encoders) make ffmpeg's H.264 parser cut each keyframe in
      // two: the halves were painted decoder-green with `-flags low_delay`, or
      // concealed as smears without it. `chunks` lets the decoder take a
      // frame in pieces and finish it when its last macroblock row arrives,
      // so a whole frame still leaves at once (tests/integration/real-cameras).
      // Like low_delay before it, it decodes without frame threads (no frame
      // of delay per thread).
      '-flags2:v',
      '+chunks',
      // Not `-fflags nobuffer`: it discards the packets read while probing, the
      // first keyframe among them (measured: 1.21 s → 0.38 s to the first frame).
      '-probesize',
      '262144',
      '-analyzeduration',
      '100000',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      'pipe:0',
    ],
    stdin: rtspScript(source.url, transport),
  };
}

/**
 * The output picture: the camera's own aspect ratio, letterboxed into a fixed
 * size. The declared size (camera file, ONVIF) only picks that size; a camera
 * that sends 4:3 while declared 16:9, or that changes resolution mid-stream,
 * is fitted inside without being stretched (ffmpeg re-creates the filters on a
 * size change; the encoder's size stays).
 */
export function outputSize(source: StreamSource, box: OutputOptions): { width: number; height: number } {
  if (source.width && source.height) return fitSize(source.width, source.height, box);
  return { width: box.maxWidth, height: box.maxHeight };
}

function scaleFilter(size: { width: number; height: number }): string {
  const { width: w, height: h } = size;
  return `scale=${w}:${h}:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1`;
}

/** Bits per second for MPEG-1 at this size: ~0.12 bit per pixel, within 400k..6M. */
function bitrate(size: { width: number; height: number }, fps: number): number {
  const bits = size.width * size.height * fps * 0.12;
  return Math.round(Math.min(6_000_000, Math.max(400_000, bits)) / 1000) * 1000;
}

/** The camera's first video stream and nothing else: no audio, subtitles or data. */
const VIDEO_ONLY = ['-map', '0:v:0', '-an', '-sn', '-dn'];

/**
 * Warnings too: "corrupt decoded frame" is how ffmpeg says it concealed damage;
 * `repeat`: every one of them, not "Last message repeated N times" later.
 */
const QUIET_BUT_WARNINGS = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'repeat+warning'];

export function buildFfmpegArgs(
  source: StreamSource,
  box: OutputOptions = defaultOutput,
  transport?: RtpTransport,
): FfmpegCommand {
  const fps = mpeg1Rate(source.fps);
  const size = outputSize(source, box);
  const rate = bitrate(size, fps);
  const input = inputArgs(source, transport);
  return {
    ...input,
    args: [
      ...QUIET_BUT_WARNINGS,
      ...input.args,
      '-an',
      '-sn',
      '-dn',
      '-vf',
      scaleFilter(size),
      '-r',
      String(fps),
      '-c:v',
      'mpeg1video',
      // No B-frames (they add a frame of latency and JSMpeg does not need them).
      '-bf',
      '0',
      // A keyframe every second of time, not every `fps` frames: a 5 fps
      // substream comes out at 5 fps (MPEG-TS keeps variable rates), and a GOP
      // counted in frames would make a joiner wait 5 s.
      '-g',
      String(fps),
      '-force_key_frames',
      'expr:gte(t,n_forced*1)',
      '-b:v',
      String(rate),
      '-maxrate',
      String(rate * 2),
      '-bufsize',
      String(rate),
      '-f',
      'mpegts',
      '-flush_packets',
      '1',
      '-muxdelay',
      '0',
      '-muxpreload',
      '0',
      'pipe:1',
    ],
  };
}

/** Which picture the page gets: MPEG-1 for JSMpeg, or the camera's own H.264 for the page's decoder. */
export type { VideoPath } from '../../../shared/video-path';

/**
 * The camera's H.264 copied, never decoded or encoded (`-c:v copy`), as an
 * Annex B byte stream that h264-framer.ts cuts into pictures. `dump_extra`
 * puts SPS and PPS before every keyframe, so a viewer can start at any GOP
 * even when the camera sent them only in its SDP. The built-in demo pictures
 * have no H.264 to copy: they are encoded, as cheaply as x264 can.
 * A camera that sends another codec fails here ("unsupported"); the page then
 * takes the MPEG-1 path.
 */
export function buildPassthroughArgs(source: StreamSource, transport?: RtpTransport): FfmpegCommand {
  const input = inputArgs(source, transport);
  const video =
    source.kind === 'demo'
      ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-bf', '0', '-g', String(source.fps)]
      : // h264_mp4toannexb also refuses any other codec at once ("unsupported"), where the raw
        // h264 muxer would pass an H.265 stream through unread.
        ['-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb,dump_extra=freq=keyframe'];
  return {
    ...input,
    args: [
      ...QUIET_BUT_WARNINGS,
      ...input.args,
      ...VIDEO_ONLY,
      ...video,
      '-f',
      'h264',
      '-flush_packets',
      '1',
      'pipe:1',
    ],
  };
}

/**
 * The evidence pre-buffer (evidence/segment-ring.ts): the camera's video copied
 * as it was sent into Matroska segments (`pattern`, e.g. `…/r1-%06d.mkv`), each
 * cut at the first keyframe after a second, each announced on stdout as
 * `name,start,end` when closed. The picture only (docs/decisions.md, "Evidence
 * clips"); the demo pictures are encoded, as they have nothing to copy.
 */
export function buildSegmentArgs(source: StreamSource, pattern: string): FfmpegCommand {
  const input = inputArgs(source);
  const video = source.kind === 'demo' ? ['libx264', '-preset', 'ultrafast', '-g', String(source.fps)] : ['copy'];
  return {
    ...input,
    args: [
      '-hide_banner',
      '-nostdin',
      '-nostats',
      '-loglevel',
      'error',
      ...input.args,
      ...VIDEO_ONLY,
      '-c:v',
      ...video,
      '-f',
      'segment',
      '-segment_time',
      '1',
      '-segment_format',
      'matroska',
      '-reset_timestamps',
      '1',
      '-segment_list',
      'pipe:1',
      '-segment_list_type',
      'csv',
      pattern,
    ],
  };
}
