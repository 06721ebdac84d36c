/**
 * What a viewer on economy takes from its camera's stream (issue #23): the
 * key picture of each GOP and nothing after it ('key'), or the key picture of
 * every third GOP ('key-slow'). The pictures are the camera's own key frames
 * (or ffmpeg's, on the MPEG-1 path): no extra connection, no extra encode, and
 * each one decodes on its own, so the page pays for one picture a GOP.
 */
import { ViewerRateSchema, type ViewerRate } from '../../../shared/api';
import type { TsChunk } from '../streams/mpegts';
import { rateAsked } from '../../../shared/relay-protocol';

import { SLOW_EVERY } from '../../../shared/shedding-policy';

export function parseViewerRate(value: string | null): ViewerRate {
  const parsed = ViewerRateSchema.safeParse(value);
  return parsed.success ? parsed.data : 'full';
}

/** The rate a page's text message on its socket asks for; undefined for anything else (ignored). */
export function rateInMessage(text: string): ViewerRate | undefined {
  const parsed = ViewerRateSchema.safeParse(rateAsked(text));
  return parsed.success ? parsed.data : undefined;
}

export class RateGate {
  /** Inside a picture this viewer takes (its continuation chunks go too). */
  private taking = false;
  private keyPictures = 0;
  /** Back to full rate from key pictures: the pictures before the next GOP refer to ones never sent. */
  private awaitingGop = false;

  constructor(private rate: ViewerRate) {}

  get current(): ViewerRate {
    return this.rate;
  }

  /**
   * The page changed the tile's mode on the open socket (shared/relay-protocol.ts): no new
   * connection, so the camera's ffmpeg is never restarted for it. A picture under way is finished;
   * a climb back to full rate starts at the next GOP.
   */
  change(rate: ViewerRate): void {
    if (rate === this.rate) return;
    if (this.rate === 'full') this.taking = true;
    if (rate === 'full') this.awaitingGop = true;
    this.rate = rate;
  }

  /** The stream broke off (a new ffmpeg): a picture being taken will not be finished. */
  restart(): void {
    this.taking = false;
  }

  /** The bytes of this chunk the viewer gets, or undefined for none. */
  pass(chunk: TsChunk): Buffer | undefined {
    if (this.rate === 'full') {
      if (this.awaitingGop && !chunk.gopStart) return undefined;
      this.awaitingGop = false;
      return chunk.data;
    }
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
