/**
 * What a viewer on economy takes from its camera's stream (issue #23): the
 * key picture of each GOP and nothing after it ('key'), or the key picture of
 * every third GOP ('key-slow'). The pictures are the camera's own key frames
 * (or ffmpeg's, on the MPEG-1 path): no extra connection, no extra encode, and
 * each one decodes on its own, so the page pays for one picture a GOP.
 */
import { ViewerRateSchema, type ViewerRate } from '../../../shared/api';
import type { TsChunk } from '../streams/mpegts';

/** On 'key-slow', one GOP's key picture in this many. */
export const SLOW_EVERY = 3;

export function parseViewerRate(value: string | null): ViewerRate {
  const parsed = ViewerRateSchema.safeParse(value);
  return parsed.success ? parsed.data : 'full';
}

export class RateGate {
  /** Inside a picture this viewer takes (its continuation chunks go too). */
  private taking = false;
  private keyPictures = 0;

  constructor(readonly rate: ViewerRate) {}

  /** The stream broke off (a new ffmpeg): a picture being taken will not be finished. */
  restart(): void {
    this.taking = false;
  }

  /** The bytes of this chunk the viewer gets, or undefined for none. */
  pass(chunk: TsChunk): Buffer | undefined {
    if (this.rate === 'full') return chunk.data;
    if (chunk.pictureStart) {
      this.taking = chunk.gopStart && (this.rate === 'key' || this.keyPictures++ % SLOW_EVERY === 0);
    }
    if (!this.taking) return undefined;
    if (chunk.keyPictureEnd !== undefined) {
      // A whole GOP at once (joining): its key picture only; the pictures after it are not taken.
      this.taking = false;
      return chunk.data.subarray(0, chunk.keyPictureEnd);
    }
    return chunk.data;
  }
}
