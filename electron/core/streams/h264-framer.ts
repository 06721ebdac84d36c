/**
 * Cuts ffmpeg's copied H.264 (Annex B on stdout) into whole access units for
 * the page's decoder, each preceded by its length (shared/h264.ts). ffmpeg's
 * own packets cannot be trusted as pictures: with several slices and SPS/PPS
 * before each IDR slice (many cameras do this), its parser splits a keyframe
 * in two. So a picture ends where the next one's first slice
 * (first_mb_in_slice 0) begins; the SPS, PPS, SEI and delimiters between two
 * pictures go with the second. A picture leaves as soon as the first bytes of
 * the next one's first slice arrive: one frame interval, as the MPEG-TS path's
 * end of a PES costs. Each picture's slices are checked for damage on the way
 * (slice-watch.ts): nothing here decodes them.
 */
import { NAL_AUD, NAL_IDR, firstMbInSlice, isVcl, nalType, splitNalUnits, startsPicture } from '../../../shared/h264';
import { SliceWatch } from './slice-watch';
import type { TsChunk } from './mpegts';

/** A chunk of framed access units; `gopStart` when it begins with a keyframe. */
export type FramedChunk = TsChunk;

export class H264Framer {
  private pending: Buffer = Buffer.alloc(0);
  /** NAL units of the picture being gathered. */
  private picture: Buffer[] = [];
  private pictureHasSlice = false;
  private pictureIsKey = false;
  /** Non-slice units seen since the last slice: they belong to the next picture. */
  private between: Buffer[] = [];
  /** Where each slice of the picture being gathered starts (first_mb_in_slice). */
  private starts: number[] = [];
  private readonly watch = new SliceWatch();
  /** Pictures completed so far, and how many of them had lost slices. */
  frames = 0;
  damaged = 0;

  push(input: Buffer): FramedChunk[] {
    const data = this.pending.length ? Buffer.concat([this.pending, input]) : input;
    const { units, rest } = splitNalUnits(data, false);
    this.pending = Buffer.from(data.subarray(rest));
    // A stream with no start code in 8 MB is not H.264: let it go rather than grow without end.
    if (this.pending.length > 8 * 1024 * 1024) this.pending = Buffer.alloc(0);
    const out: FramedChunk[] = [];
    for (const unit of units) {
      const nal = Buffer.from(unit.buffer, unit.byteOffset, unit.byteLength);
      const type = nalType(nal);
      if (type === NAL_AUD) continue; // the length framing marks pictures
      if (!isVcl(type)) {
        this.between.push(nal);
        continue;
      }
      if (startsPicture(nal) && this.pictureHasSlice) {
        out.push(this.finish());
      }
      this.picture.push(...this.between, nal);
      this.starts.push(firstMbInSlice(nal) ?? -1);
      this.between = [];
      this.pictureHasSlice = true;
      if (type === NAL_IDR) this.pictureIsKey = true;
    }
    // The unit still arriving: its first two bytes already say whether it is the next picture's
    // first slice, so the picture before it leaves now, not when that slice has fully arrived.
    const header = this.pending.indexOf(1) + 1; // the byte after the start code
    if (header > 0 && this.pending.length > header + 1 && this.pictureHasSlice) {
      if (startsPicture(this.pending.subarray(header))) out.push(this.finish());
    }
    return out;
  }

  /** No header is needed in front of a GOP: every keyframe carries its SPS and PPS (dump_extra). */
  psi(): Buffer {
    return Buffer.alloc(0);
  }

  private finish(): FramedChunk {
    const size = this.picture.reduce((sum, nal) => sum + 4 + nal.length, 0);
    const data = Buffer.alloc(4 + size);
    data.writeUInt32BE(size, 0);
    let at = 4;
    for (const nal of this.picture) {
      data.writeUInt32BE(1, at);
      nal.copy(data, at + 4);
      at += 4 + nal.length;
    }
    const chunk = { data, gopStart: this.pictureIsKey, pictureStart: true };
    if (this.watch.picture(this.starts)) this.damaged++;
    this.starts = [];
    this.picture = [];
    this.pictureHasSlice = false;
    this.pictureIsKey = false;
    this.frames++;
    return chunk;
  }
}
