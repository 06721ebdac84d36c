/**
 * A stream's figures: frames and bytes counted from ffmpeg's output (fps and
 * kbit/s between samples), and the times ffmpeg reported a damaged frame or
 * slice (what makes a stream "degraded").
 */
const DAMAGE_KEEP = 64;

export class StreamFigures {
  private frames = 0;
  private bytes = 0;
  private sampled: { at: number; frames: number; bytes: number };
  private damage: number[] = [];

  constructor(now: number) {
    this.sampled = { at: now, frames: 0, bytes: 0 };
  }

  count(bytes: number, frames: number): void {
    this.bytes += bytes;
    this.frames += frames;
  }

  /** fps and kbit/s since the previous sample; undefined when less than half a second passed. */
  sample(now: number): { fps: number; kbps: number } | undefined {
    const seconds = (now - this.sampled.at) / 1000;
    if (seconds < 0.5) return undefined;
    const fps = (this.frames - this.sampled.frames) / seconds;
    const kbps = ((this.bytes - this.sampled.bytes) * 8) / 1000 / seconds;
    this.sampled = { at: now, frames: this.frames, bytes: this.bytes };
    return { fps: Math.round(fps * 10) / 10, kbps: Math.round(kbps) };
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
  }
}
