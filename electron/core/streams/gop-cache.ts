/**
 * The bytes since the last GOP start, so a new viewer of a running stream
 * paints at once instead of waiting up to a second for the next keyframe.
 * It also knows where the GOP's first (key) picture ends, so a key-frame
 * viewer joins with that picture alone.
 */
import type { TsChunk } from './mpegts';

export class GopCache {
  private chunks: Buffer[] = [];
  private bytes = 0;
  /** Bytes of the key picture, once the next picture has begun (undefined while it is still arriving). */
  private keyPictureBytes: number | undefined;

  /** `maxBytes` bounds a stream whose GOP never ends (a camera that sends no keyframes). */
  constructor(private readonly maxBytes = 8 * 1024 * 1024) {}

  clear(): void {
    this.chunks = [];
    this.bytes = 0;
    this.keyPictureBytes = undefined;
  }

  push(chunk: TsChunk): void {
    if (chunk.gopStart) this.clear();
    // Without a GOP start first, nothing in the cache could be decoded on its own.
    if (this.chunks.length === 0 && !chunk.gopStart) return;
    if (chunk.pictureStart && !chunk.gopStart && this.keyPictureBytes === undefined) this.keyPictureBytes = this.bytes;
    this.chunks.push(chunk.data);
    this.bytes += chunk.data.length;
    if (this.bytes > this.maxBytes) this.clear();
  }

  /** PAT/PMT plus every packet since the last GOP start, or undefined before the first GOP. */
  snapshot(psi: Buffer): TsChunk | undefined {
    if (this.chunks.length === 0) return undefined;
    const keyPictureEnd = this.keyPictureBytes === undefined ? undefined : psi.length + this.keyPictureBytes;
    return { data: Buffer.concat([psi, ...this.chunks]), gopStart: true, pictureStart: true, keyPictureEnd };
  }
}
