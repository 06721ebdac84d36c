/**
 * Damage in a camera's H.264 that is copied, not decoded: on the native path
 * ffmpeg only copies the stream, so it never says "concealing" as it does when
 * it decodes — the core reads the slices' places instead. Each picture's slices
 * start at macroblocks (first_mb_in_slice) in increasing order from 0; a
 * camera with a fixed slicing (x264 `slices=N`, most multi-slice cameras) starts
 * them at the same places in every picture. A picture is damaged when:
 * - its slices do not start at 0 or go backwards (its first slice was lost and
 *   its others were taken for the picture before), or
 * - the stream's slicing has been the same for SETTLED pictures and this picture
 *   has only some of those slices (one was lost).
 * A camera whose slices vary in place (cut by size) never settles: only the first
 * rule applies to it, so a clean stream is never called damaged. A single-slice
 * picture lost whole is not seen here (RTP's own gaps are, as ffmpeg's "missed
 * packets"; see failure-class.ts).
 */
export const SETTLED = 5;

export class SliceWatch {
  private layout = '';
  private sameFor = 0;
  private layoutStarts = new Set<number>();

  /** One picture's slice starts, in stream order; true when the picture is damaged. */
  picture(starts: number[]): boolean {
    if (starts[0] !== 0 || starts.some((start, i) => i > 0 && start <= starts[i - 1]!)) return true;
    const layout = starts.join(',');
    if (layout === this.layout) {
      this.sameFor++;
      return false;
    }
    const settled = this.sameFor >= SETTLED && this.layoutStarts.size > 1 ? this.layoutStarts : undefined;
    if (settled && starts.length < settled.size && starts.every((start) => settled.has(start))) return true;
    this.layout = layout;
    this.layoutStarts = new Set(starts);
    this.sameFor = 1;
    return false;
  }
}
