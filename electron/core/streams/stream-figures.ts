/**
 * A stream's figures: frames and bytes counted from ffmpeg's output (fps and
 * kbit/s between samples), the time between its key pictures (its GOP), and
 * the times ffmpeg reported a damaged frame or slice (what makes a stream
 * "degraded").
 */
const DAMAGE_KEEP = 64;
/** GOP starts kept: the GOP is the median of their intervals, so one odd GOP (a scene cut) does not move it. */
const GOPS_KEEP = 5;

export class StreamFigures {
  private frames = 0;
  private bytes = 0;
  private sampled: { at: number; frames: number; bytes: number };
  private damage: number[] = [];
  private gopStarts: number[] = [];

  constructor(now: number) {
    this.sampled = { at: now, frames: 0, bytes: 0 };
  }

  count(bytes: number, frames: number): void {
    this.bytes += bytes;
    this.frames += frames;
  }

  /** A key picture began a GOP. */
  gopStarted(at: number): void {
    this.gopStarts.push(at);
    if (this.gopStarts.length > GOPS_KEEP) this.gopStarts.shift();
  }

  /** fps and kbit/s since the previous sample, and the GOP once two were seen; undefined when less than half a second passed. */
  sample(now: number): { fps: number; kbps: number; gopSeconds?: number } | undefined {
    const seconds = (now - this.sampled.at) / 1000;
    if (seconds < 0.5) return undefined;
    const fps = (this.frames - this.sampled.frames) / seconds;
    const kbps = ((this.bytes - this.sampled.bytes) * 8) / 1000 / seconds;
    this.sampled = { at: now, frames: this.frames, bytes: this.bytes };
    const gop = this.gopSeconds();
    return { fps: Math.round(fps * 10) / 10, kbps: Math.round(kbps), ...(gop ? { gopSeconds: gop } : {}) };
  }

  private gopSeconds(): number | undefined {
    const gaps = this.gopStarts.slice(1).map((at, i) => at - this.gopStarts[i]!);
    if (!gaps.length) return undefined;
    const median = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    return median > 0 ? Math.round(median / 100) / 10 : undefined;
  }

  damaged(at: number): void {
    this.damage.push(at);
    if (this.damage.length > DAMAGE_KEEP) this.damage.shift();
  }

  /** Damage reports, newest last (for the policy's window). */
  get damageTimes(): readonly number[] {
    return this.damage;
  }

  /** A new ffmpeg process: its damage is its own. */
  restart(): void {
    this.damage = [];
    this.gopStarts = [];
  }
}
