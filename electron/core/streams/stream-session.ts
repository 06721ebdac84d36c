/**
 * One ffmpeg process for one (camera, profile), shared by every viewer.
 * Keeps the bytes since the last GOP start so a new viewer paints at once,
 * and runs the health state machine:
 *
 *   connecting → live ⇄ stalled        (stalled: no frame for stallAfterMs, judged from the output)
 *   any failure → reconnecting          (exponential backoff with jitter, capped)
 *   offlineAfter failures → offline     (slow retry, never given up)
 *   RTSP 401 → auth-failed              (minutes: cameras lock accounts after bad logins)
 *   codec/URL ffmpeg cannot open → unsupported (minutes)
 */
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { ErrorCode } from '../../../shared/errors';
import type { StreamState, StreamStatus } from '../../../shared/model';
import { redact } from '../../../shared/rtsp-url';
import type { Logger } from '../log';
import { classifyFfmpegError, lastLine } from './classify-exit';
import { buildFfmpegArgs, defaultOutput, type OutputOptions } from './ffmpeg-args';
import { TsPacketizer, type TsChunk } from './mpegts';
import { spawnGuarded } from './spawn-guarded';
import type { StreamSource } from './stream-source';

export interface StreamSubscriber {
  /** Called with whole TS packets; `gopStart` chunks can be decoded on their own. */
  write(chunk: TsChunk): void;
}

export interface SessionTiming {
  /** No first GOP within this long: kill and retry. */
  startTimeoutMs: number;
  /** No new frame for this long while connected: stalled. */
  stallAfterMs: number;
  /** Stalled this long: kill ffmpeg and reconnect. */
  stallRestartMs: number;
  /** SIGTERM, then SIGKILL after this long. */
  killGraceMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Consecutive failures before the stream is called offline. */
  offlineAfter: number;
  offlineRetryMs: number;
  authBackoffMs: number;
  unsupportedBackoffMs: number;
}

export const defaultTiming: SessionTiming = {
  startTimeoutMs: 15_000,
  stallAfterMs: 2_000,
  stallRestartMs: 12_000,
  killGraceMs: 3_000,
  retryBaseMs: 1_000,
  retryMaxMs: 30_000,
  offlineAfter: 5,
  offlineRetryMs: 60_000,
  authBackoffMs: 5 * 60_000,
  unsupportedBackoffMs: 5 * 60_000,
};

export interface SessionOptions {
  cameraId: string;
  profile: string;
  source: StreamSource;
  ffmpegPath: string;
  logger: Logger;
  timing?: Partial<SessionTiming>;
  /** The box the picture is scaled into (never upscaled); grows with requestOutput. */
  output?: OutputOptions;
  /** Upper bound of the joiner cache when no GOP start comes. */
  maxCacheBytes?: number;
  onStatus?: (status: StreamStatus) => void;
}

const STDERR_KEEP = 2048;
const HEALTH_TICK_MS = 250;

export class StreamSession {
  private readonly subscribers = new Set<StreamSubscriber>();
  private readonly timing: SessionTiming;
  private packetizer = new TsPacketizer();
  private process: ChildProcessByStdio<null, Readable, Readable> | undefined;
  private exited: Promise<void> = Promise.resolve();
  private cache: Buffer[] = [];
  private cacheBytes = 0;
  private stderrTail = '';
  private startedAt = 0;
  private healthTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private lastFailure: ErrorCode | undefined;
  private stopping = false;
  private resizing = false;
  private output: OutputOptions;
  private status: StreamStatus;
  /** Frame and byte counters behind fps and kbit/s. */
  private frames = 0;
  private bytes = 0;
  private sampled = { at: Date.now(), frames: 0, bytes: 0 };
  /** Times (ms since epoch) of the recent connection attempts, newest last. */
  readonly attempts: number[] = [];

  constructor(private readonly options: SessionOptions) {
    this.timing = { ...defaultTiming, ...options.timing };
    this.output = options.output ?? defaultOutput;
    this.status = { cameraId: options.cameraId, profile: options.profile, state: 'idle', since: Date.now(), fps: 0, kbps: 0, reconnects: 0 };
  }

  get key(): string {
    return `${this.options.cameraId}/${this.options.profile}`;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  get currentStatus(): StreamStatus {
    return this.status;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get spawnCount(): number {
    return this.attempts.length;
  }

  /** Shown in logs and diagnostics: the command line with credentials removed. */
  get redactedCommand(): string {
    return redact([this.options.ffmpegPath, ...buildFfmpegArgs(this.options.source, this.output)].join(' '));
  }

  get outputBox(): OutputOptions {
    return this.output;
  }

  /**
   * A viewer needs a bigger picture: scale into the larger box from now on.
   * A running ffmpeg is restarted at once (no backoff); the box never shrinks
   * while the session lives, so viewers of smaller tiles cause no restarts.
   */
  requestOutput(box: OutputOptions): void {
    if (box.maxWidth <= this.output.maxWidth && box.maxHeight <= this.output.maxHeight) return;
    this.output = { maxWidth: Math.max(box.maxWidth, this.output.maxWidth), maxHeight: Math.max(box.maxHeight, this.output.maxHeight) };
    // The cached GOP has the old size: a new viewer waits for the new one instead.
    this.cache = [];
    this.cacheBytes = 0;
    if (this.process) {
      this.resizing = true;
      this.process.kill('SIGTERM');
    }
  }

  add(subscriber: StreamSubscriber): void {
    this.subscribers.add(subscriber);
    const cached = this.cachedGop();
    if (cached) subscriber.write(cached);
    if (!this.process && !this.retryTimer && !this.stopping) this.start();
  }

  remove(subscriber: StreamSubscriber): void {
    this.subscribers.delete(subscriber);
  }

  /** PAT/PMT plus every packet since the last GOP start, or undefined before the first GOP. */
  cachedGop(): TsChunk | undefined {
    if (this.cache.length === 0) return undefined;
    return { data: Buffer.concat([this.packetizer.psi(), ...this.cache]), gopStart: true };
  }

  psi(): Buffer {
    return this.packetizer.psi();
  }

  /** Updates fps and kbit/s from the counters since the previous sample. */
  sample(now = Date.now()): StreamStatus {
    const seconds = (now - this.sampled.at) / 1000;
    if (seconds >= 0.5) {
      const fps = (this.frames - this.sampled.frames) / seconds;
      const kbps = ((this.bytes - this.sampled.bytes) * 8) / 1000 / seconds;
      this.status = { ...this.status, fps: Math.round(fps * 10) / 10, kbps: Math.round(kbps) };
      this.sampled = { at: now, frames: this.frames, bytes: this.bytes };
    }
    return this.status;
  }

  private setState(state: StreamState, extra: { error?: { code: ErrorCode; message: string }; retryAt?: number } = {}): void {
    const { retryAt: _previousRetry, ...rest } = this.status;
    this.status = {
      ...rest,
      state,
      since: state === this.status.state ? this.status.since : Date.now(),
      ...(extra.error ? { error: extra.error } : {}),
      ...(extra.retryAt ? { retryAt: extra.retryAt } : {}),
      ...(state === 'live' || state === 'stalled' ? {} : { fps: 0, kbps: 0 }),
    };
    this.options.onStatus?.(this.status);
  }

  private start(): void {
    const { ffmpegPath, source, logger } = this.options;
    this.stderrTail = '';
    this.packetizer = new TsPacketizer();
    this.cache = [];
    this.cacheBytes = 0;
    this.startedAt = Date.now();
    const first = this.attempts.length === 0;
    this.attempts.push(this.startedAt);
    if (this.attempts.length > 50) this.attempts.shift();
    if (!first) this.status = { ...this.status, reconnects: this.status.reconnects + 1 };
    // The first attempt is "connecting"; later ones keep the state that explains the wait.
    if (first || this.status.state === 'idle') this.setState('connecting');
    else this.setState(this.status.state, this.status.error ? { error: this.status.error as { code: ErrorCode; message: string } } : {}); // drops retryAt
    logger.info(`start ${this.key}: ${this.redactedCommand}`);

    const child = spawnGuarded(ffmpegPath, buildFfmpegArgs(source, this.output));
    this.process = child;
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));

    child.stdout.on('data', (data: Buffer) => this.onData(data));
    child.stderr.on('data', (data: Buffer) => {
      this.stderrTail = (this.stderrTail + data.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.once('error', (error) => {
      this.stderrTail += `\n${error.message}`;
      // A process that never started (ENOENT, EACCES) gets no 'close' event of its own.
      if (child.pid === undefined) child.emit('close', null, null);
    });
    child.once('close', (code, signal) => this.onExit(child, code, signal));
    clearInterval(this.healthTimer);
    this.healthTimer = setInterval(() => this.checkHealth(child), HEALTH_TICK_MS);
  }

  private onData(data: Buffer): void {
    this.bytes += data.length;
    const framesBefore = this.packetizer.frames;
    const chunks = this.packetizer.push(data);
    const newFrames = this.packetizer.frames - framesBefore;
    if (newFrames > 0) {
      this.frames += newFrames;
      this.status = { ...this.status, lastFrameAt: Date.now() };
    }
    for (const chunk of chunks) this.deliver(chunk);
    if (newFrames > 0 && this.status.state === 'stalled') {
      this.failures = 0;
      this.setState('live');
    }
  }

  private deliver(chunk: TsChunk): void {
    if (chunk.gopStart) {
      this.cache = [];
      this.cacheBytes = 0;
      if (this.status.state !== 'live' && this.status.state !== 'stalled') {
        this.failures = 0;
        this.lastFailure = undefined;
        this.setState('live');
      }
    }
    if (this.status.state === 'live' || this.status.state === 'stalled') {
      this.cache.push(chunk.data);
      this.cacheBytes += chunk.data.length;
      if (this.cacheBytes > (this.options.maxCacheBytes ?? 8 * 1024 * 1024)) {
        this.cache = [];
        this.cacheBytes = 0;
      }
    }
    for (const subscriber of this.subscribers) subscriber.write(chunk);
  }

  /** Judged from ffmpeg's output, not from ffmpeg's own timeouts alone. */
  private checkHealth(child: ChildProcessByStdio<null, Readable, Readable>): void {
    if (this.process !== child || this.stopping) return;
    const now = Date.now();
    const state = this.status.state;
    if (state === 'live' || state === 'stalled') {
      const silentFor = now - (this.status.lastFrameAt ?? this.startedAt);
      if (state === 'live' && silentFor > this.timing.stallAfterMs) this.setState('stalled');
      if (silentFor > this.timing.stallRestartMs) this.kill(child, `no frame for ${Math.round(silentFor / 1000)} s (timed out)`);
    } else if (now - this.startedAt > this.timing.startTimeoutMs) {
      this.kill(child, 'no video within the start timeout (timed out)');
    }
  }

  private kill(child: ChildProcessByStdio<null, Readable, Readable>, reason: string): void {
    this.stderrTail += `\n${reason}`;
    child.kill('SIGKILL');
  }

  private onExit(child: ChildProcessByStdio<null, Readable, Readable>, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.process !== child) return; // already handled (a spawn error reports twice)
    clearInterval(this.healthTimer);
    this.process = undefined;
    this.cache = [];
    this.cacheBytes = 0;
    if (this.stopping) {
      this.setState('idle');
      return;
    }
    if (this.resizing) {
      this.resizing = false;
      if (this.subscribers.size > 0) this.start();
      return;
    }
    const detail = redact(lastLine(this.stderrTail)) || `ffmpeg exited (${signal ?? `code ${code}`})`;
    const errorCode = classifyFfmpegError(this.stderrTail);
    this.failures++;
    const { state, delay } = this.nextAttempt(errorCode);
    this.lastFailure = errorCode;
    const retryAt = Date.now() + delay;
    this.options.logger.warn(`${this.key} ${state}: ${detail}; next attempt in ${Math.round(delay / 1000)} s`);
    this.setState(state, { error: { code: errorCode, message: detail }, retryAt });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopping && this.subscribers.size > 0) this.start();
    }, delay);
  }

  private nextAttempt(code: ErrorCode): { state: StreamState; delay: number } {
    const t = this.timing;
    // Cameras lock accounts after repeated bad logins: never hammer with a wrong password.
    if (code === 'auth-failed') return { state: 'auth-failed', delay: t.authBackoffMs };
    // "Invalid data" can also be a camera or server in trouble: call it unsupported
    // (and wait minutes) only when the next attempt fails the same way.
    if (code === 'unsupported' && this.lastFailure === 'unsupported') return { state: 'unsupported', delay: t.unsupportedBackoffMs };
    if (this.failures >= t.offlineAfter) return { state: 'offline', delay: jitter(t.offlineRetryMs) };
    return { state: 'reconnecting', delay: jitter(Math.min(t.retryMaxMs, t.retryBaseMs * 2 ** (this.failures - 1))) };
  }

  /** Stops ffmpeg (SIGTERM, then SIGKILL) and resolves once it has exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.subscribers.clear();
    const child = this.process;
    if (!child) {
      clearInterval(this.healthTimer);
      this.setState('idle');
      return;
    }
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), this.timing.killGraceMs);
    await this.exited;
    clearTimeout(killer);
  }
}

/** Half to full of `ms`: cameras that rebooted together must not be hit in lockstep. */
function jitter(ms: number): number {
  return ms / 2 + Math.random() * (ms / 2);
}
