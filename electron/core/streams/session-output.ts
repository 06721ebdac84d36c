/**
 * What a stream session's ffmpeg writes and how it is cut for viewers: the
 * command for its path (MPEG-1 scaled into a box, or the camera's H.264
 * copied), the cutter for its output (MPEG-TS packets, or whole pictures) and
 * the joiner cache of the current GOP.
 */
import type { RtpTransport } from '../../../shared/model';
import {
  buildFfmpegArgs,
  buildPassthroughArgs,
  defaultOutput,
  type FfmpegCommand,
  type OutputOptions,
  type VideoPath,
} from './ffmpeg-args';
import { GopCache } from './gop-cache';
import { H264Framer } from './h264-framer';
import { TsPacketizer, type TsChunk } from './mpegts';
import type { StreamSource } from './stream-source';

export class SessionOutput {
  private cutter: TsPacketizer | H264Framer;
  private readonly gop: GopCache;
  private box: OutputOptions;

  constructor(
    readonly video: VideoPath,
    box: OutputOptions = defaultOutput,
    maxCacheBytes?: number,
  ) {
    this.box = box;
    this.gop = new GopCache(maxCacheBytes);
    this.cutter = this.newCutter();
  }

  get outputBox(): OutputOptions {
    return this.box;
  }

  command(source: StreamSource, transport: RtpTransport): FfmpegCommand {
    return this.video === 'h264'
      ? buildPassthroughArgs(source, transport)
      : buildFfmpegArgs(source, this.box, transport);
  }

  /**
   * A viewer needs a bigger picture: true when ffmpeg must restart to scale
   * into the larger box. The box never shrinks while the session lives, and the
   * camera's own picture (h264) has its own size: nothing to re-scale.
   */
  grow(box: OutputOptions): boolean {
    if (this.video === 'h264') return false;
    if (box.maxWidth <= this.box.maxWidth && box.maxHeight <= this.box.maxHeight) return false;
    this.box = {
      maxWidth: Math.max(box.maxWidth, this.box.maxWidth),
      maxHeight: Math.max(box.maxHeight, this.box.maxHeight),
    };
    // The cached GOP has the old size: a new viewer waits for the new one instead.
    this.gop.clear();
    return true;
  }

  /** A new ffmpeg: a new cutter, nothing cached. */
  restart(): void {
    this.cutter = this.newCutter();
    this.gop.clear();
  }

  clearCache(): void {
    this.gop.clear();
  }

  /**
   * ffmpeg's stdout, cut; each chunk is cached and returned for the viewers, with the pictures it
   * completed and, for the camera's copied H.264, how many of them had lost slices (an MPEG-1
   * session's damage is ffmpeg's own word, on its stderr).
   */
  push(data: Buffer): { chunks: TsChunk[]; frames: number; damaged: number } {
    const cutter = this.cutter;
    const damagedSoFar = () => (cutter instanceof H264Framer ? cutter.damaged : 0);
    const before = { frames: cutter.frames, damaged: damagedSoFar() };
    const chunks = cutter.push(data);
    for (const chunk of chunks) this.gop.push(chunk);
    return { chunks, frames: cutter.frames - before.frames, damaged: damagedSoFar() - before.damaged };
  }

  /** What goes in front of a GOP handed to a new or resyncing viewer (PAT/PMT; nothing for h264). */
  psi(): Buffer {
    return this.cutter.psi();
  }

  /** The header plus everything since the last GOP start, or undefined before the first GOP. */
  cachedGop(): TsChunk | undefined {
    return this.gop.snapshot(this.cutter.psi());
  }

  private newCutter(): TsPacketizer | H264Framer {
    return this.video === 'h264' ? new H264Framer() : new TsPacketizer();
  }
}
