/**
 * The pre-buffer of one camera: an ffmpeg that copies the camera's main
 * stream (never decodes or encodes it) into short Matroska segments in a
 * folder of its own, each cut on a keyframe, so a clip can start on any of
 * them. ffmpeg's segment muxer says on stdout when a segment is closed; that
 * moment is the segment's end in wall-clock time. Segments older than the
 * pre-buffer are deleted unless a recording holds them.
 *
 * When the camera drops, ffmpeg ends and is started again after a back-off
 * that grows (2 s … 60 s; a refused login waits 5 min): the camera is not
 * hammered, and the time without segments is a gap a clip reports.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log';
import { buildSegmentArgs } from '../streams/ffmpeg-args';
import { FfmpegProcess, type ExitFacts } from '../streams/ffmpeg-process';
import { failureOfRun } from '../streams/failure-class';
import { guardedSource, type RedirectVerdict } from '../streams/redirect-guard';
import type { StreamSource } from '../streams/stream-source';
import { secretsOf } from '../../../shared/rtsp-url';

export interface Segment {
  file: string;
  /** Which ffmpeg run wrote it: segments of different runs have a gap between them. */
  run: number;
  startMs: number;
  endMs: number;
}

export interface SegmentRingOptions {
  ffmpegPath: string;
  source: StreamSource;
  /** The ring's own folder (created; removed on stop). */
  dir: string;
  /** Seconds kept behind now (the pre-buffer), beyond what recordings hold. */
  keepSec: () => number;
  logger: Logger;
  label: string;
  checkRedirect?: (url: string) => Promise<RedirectVerdict>;
  /** Back-off after a run ends (ms), by how many runs in a row ended without a segment. */
  backoffMs?: (failures: number, authRefused: boolean) => number;
}

/** A gap is said when the picture is away longer than this (a segment boundary is not a gap). */
const GAP_SLACK_MS = 1500;

export function defaultBackoff(failures: number, authRefused: boolean): number {
  if (authRefused) return 5 * 60_000;
  return Math.min(60_000, 2000 * 2 ** Math.max(0, failures - 1));
}

export class SegmentRing {
  private readonly segments: Segment[] = [];
  private readonly holds = new Map<number, number>();
  private nextHold = 1;
  private run = 0;
  private process: FfmpegProcess | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failures = 0;
  private waiters: { afterMs: number; resolve: () => void }[] = [];
  /** Why the last run ended without a picture, without secrets (for the operator and the log). */
  lastProblem: string | undefined;

  constructor(private readonly options: SegmentRingOptions) {}

  async start(): Promise<void> {
    await mkdir(this.options.dir, { recursive: true });
    void this.startRun();
  }

  /** Every segment held now, oldest first. */
  all(): readonly Segment[] {
    return this.segments;
  }

  /** Keeps every segment from `fromMs` on until released (a recording in progress). */
  hold(fromMs: number): number {
    const id = this.nextHold++;
    this.holds.set(id, fromMs);
    return id;
  }

  /** A recording or a save is using the segments: the ring must not be stopped under it. */
  get held(): boolean {
    return this.holds.size > 0;
  }

  release(id: number): void {
    this.holds.delete(id);
    this.trim();
  }

  /**
   * Resolves once a segment ending at or after `ms` is closed, or after
   * `timeoutMs` (a camera that is down: the clip ends where its picture did).
   */
  waitUntil(ms: number, timeoutMs: number): Promise<void> {
    if (this.segments.some((s) => s.endMs >= ms) || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { afterMs: ms, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, timeoutMs).unref();
    });
  }

  /** Ends the capture and keeps its segments (a recording of an edited camera ends on these). */
  async stopCapture(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.waiters.forEach((w) => w.resolve());
    this.waiters = [];
    await this.process?.stop(2000);
  }

  async stop(): Promise<void> {
    await this.stopCapture();
    await rm(this.options.dir, { recursive: true, force: true });
  }

  private async startRun(): Promise<void> {
    if (this.stopped) return;
    const run = ++this.run;
    let source: StreamSource;
    try {
      source = this.options.checkRedirect
        ? await guardedSource(this.options.source, this.options.checkRedirect)
        : this.options.source;
    } catch (error) {
      this.lastProblem = (error as Error).message;
      this.retryLater(/refused the login/.test(this.lastProblem));
      return;
    }
    if (this.stopped) return;
    const pattern = path.join(this.options.dir, `r${run}-%06d.mkv`);
    let partial = '';
    let gotSegment = false;
    const process = new FfmpegProcess({
      ffmpegPath: this.options.ffmpegPath,
      command: buildSegmentArgs(source, pattern),
      onData: (data) => {
        const lines = (partial + data.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const [name, start, end] = line.trim().split(',');
          const seconds = Number(end) - Number(start);
          if (!name || !Number.isFinite(seconds)) continue;
          gotSegment = true;
          this.failures = 0;
          this.lastProblem = undefined;
          this.add({
            file: path.join(this.options.dir, path.basename(name)),
            run,
            startMs: Date.now() - seconds * 1000,
            endMs: Date.now(),
          });
        }
      },
    });
    this.process = process;
    const facts: ExitFacts = await process.done;
    if (this.process === process) this.process = undefined;
    if (this.stopped) return;
    const secrets = this.options.source.kind === 'rtsp' ? secretsOf(this.options.source.url) : [];
    const failure = failureOfRun(facts, secrets, `ffmpeg ended (${facts.code ?? facts.signal})`);
    if (!gotSegment) this.failures++;
    this.lastProblem = failure.detail;
    this.options.logger.warn(`pre-buffer of ${this.options.label} ended: ${failure.detail}`);
    this.retryLater(failure.code === 'auth-failed');
  }

  private retryLater(authRefused: boolean): void {
    if (this.stopped) return;
    const wait = (this.options.backoffMs ?? defaultBackoff)(Math.max(1, this.failures), authRefused);
    this.timer = setTimeout(() => void this.startRun(), wait);
    this.timer.unref();
  }

  private add(segment: Segment): void {
    this.segments.push(segment);
    this.trim();
    const ready = this.waiters.filter((w) => segment.endMs >= w.afterMs);
    this.waiters = this.waiters.filter((w) => segment.endMs < w.afterMs);
    ready.forEach((w) => w.resolve());
  }

  /** Deletes segments that ended before the pre-buffer and before every hold. */
  private trim(): void {
    const keepFrom = Math.min(Date.now() - this.options.keepSec() * 1000 - 2000, ...this.holds.values());
    while (this.segments.length > 1 && this.segments[0]!.endMs < keepFrom) {
      const old = this.segments.shift()!;
      void rm(old.file, { force: true });
    }
  }
}

/**
 * The segments that make a clip from `fromMs` to `toMs`: starting with the
 * segment whose start (a keyframe) is nearest `fromMs`, ending with the one
 * that holds `toMs`.
 */
export function segmentsFor(all: readonly Segment[], fromMs: number, toMs: number): Segment[] {
  const inRange = all.filter((s) => s.endMs > fromMs - 1000 && s.startMs < toMs);
  if (inRange.length === 0) return [];
  let first = 0;
  inRange.forEach((s, i) => {
    if (Math.abs(s.startMs - fromMs) < Math.abs(inRange[first]!.startMs - fromMs)) first = i;
  });
  return inRange.slice(first);
}

/** Where the picture was away between consecutive segments (a new ffmpeg run, or a long silence). */
export function gapsIn(segments: readonly Segment[]): { fromMs: number; seconds: number }[] {
  const gaps: { fromMs: number; seconds: number }[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1]!;
    const away = segments[i]!.startMs - before.endMs;
    if (segments[i]!.run !== before.run || away > GAP_SLACK_MS)
      gaps.push({ fromMs: before.endMs, seconds: Math.max(0, Math.round(away / 100) / 10) });
  }
  return gaps;
}
