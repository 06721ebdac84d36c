/**
 * One ffmpeg process for one (camera, profile), shared by every viewer.
 * Keeps the bytes since the last GOP start so a new viewer paints at once,
 * restarts ffmpeg with backoff when it dies, and reports its state.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { ErrorCode } from '../../../shared/errors';
import type { StreamState, StreamStatus } from '../../../shared/model';
import { redact } from '../../../shared/rtsp-url';
import type { Logger } from '../log';
import { classifyFfmpegError, lastLine } from './classify-exit';
import { buildFfmpegArgs } from './ffmpeg-args';
import { TsPacketizer, type TsChunk } from './mpegts';
import type { StreamSource } from './stream-source';

export interface StreamSubscriber {
  /** Called with whole TS packets; `gopStart` chunks can be decoded on their own. */
  write(chunk: TsChunk): void;
}

export interface SessionOptions {
  cameraId: string;
  profile: string;
  source: StreamSource;
  ffmpegPath: string;
  logger: Logger;
  /** No first byte within this long: kill and retry. */
  startTimeoutMs?: number;
  /** SIGTERM, then SIGKILL after this long. */
  killGraceMs?: number;
  /** Backoff after failures: base doubling up to max; auth failures wait `authBackoffMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  authBackoffMs?: number;
  /** Upper bound of the joiner cache when no GOP start comes. */
  maxCacheBytes?: number;
  onStatus?: (status: StreamStatus) => void;
}

const STDERR_KEEP = 2048;

export class StreamSession {
  private readonly subscribers = new Set<StreamSubscriber>();
  private readonly packetizer = new TsPacketizer();
  private process: ChildProcessByStdio<null, Readable, Readable> | undefined;
  private exited: Promise<void> = Promise.resolve();
  private cache: Buffer[] = [];
  private cacheBytes = 0;
  private stderrTail = '';
  private startTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopping = false;
  private status: StreamStatus;
  /** Counts spawned processes, for diagnostics and tests. */
  spawnCount = 0;

  constructor(private readonly options: SessionOptions) {
    this.status = { cameraId: options.cameraId, profile: options.profile, state: 'idle', since: Date.now() };
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

  /** Shown in logs and diagnostics: the command line with credentials removed. */
  get redactedCommand(): string {
    return redact([this.options.ffmpegPath, ...buildFfmpegArgs(this.options.source)].join(' '));
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

  private setState(state: StreamState, error?: { code: ErrorCode; message: string }): void {
    if (this.status.state === state && this.status.error?.message === error?.message) return;
    this.status = { cameraId: this.options.cameraId, profile: this.options.profile, state, since: Date.now(), ...(error ? { error } : {}) };
    this.options.onStatus?.(this.status);
  }

  private start(): void {
    const { ffmpegPath, source, logger } = this.options;
    const args = buildFfmpegArgs(source);
    this.stderrTail = '';
    this.setState('connecting');
    logger.info(`start ${this.key}: ${this.redactedCommand}`);
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    this.process = child;
    this.spawnCount++;
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    let gotBytes = false;

    this.startTimer = setTimeout(() => {
      if (!gotBytes) {
        this.stderrTail += '\nno video within the start timeout (timed out)';
        child.kill('SIGKILL');
      }
    }, this.options.startTimeoutMs ?? 15_000);

    child.stdout.on('data', (data: Buffer) => {
      gotBytes = true;
      for (const chunk of this.packetizer.push(data)) this.deliver(chunk);
    });
    child.stderr.on('data', (data: Buffer) => {
      this.stderrTail = (this.stderrTail + data.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.once('error', (error) => {
      this.stderrTail += `\n${error.message}`;
      // A process that never started (ENOENT, EACCES) gets no 'close' event of its own.
      if (child.pid === undefined) child.emit('close', null, null);
    });
    child.once('close', (code, signal) => this.onExit(child, code, signal));
  }

  private deliver(chunk: TsChunk): void {
    if (chunk.gopStart) {
      this.cache = [];
      this.cacheBytes = 0;
      if (this.status.state !== 'live') {
        this.failures = 0;
        this.setState('live');
      }
    }
    if (this.status.state === 'live') {
      this.cache.push(chunk.data);
      this.cacheBytes += chunk.data.length;
      if (this.cacheBytes > (this.options.maxCacheBytes ?? 8 * 1024 * 1024)) {
        this.cache = [];
        this.cacheBytes = 0;
      }
    }
    for (const subscriber of this.subscribers) subscriber.write(chunk);
  }

  private onExit(child: ChildProcessByStdio<null, Readable, Readable>, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.process !== child) return; // already handled (a spawn error reports twice)
    clearTimeout(this.startTimer);
    this.process = undefined;
    this.cache = [];
    this.cacheBytes = 0;
    if (this.stopping) {
      this.setState('idle');
      return;
    }
    const detail = redact(lastLine(this.stderrTail)) || `ffmpeg exited (${signal ?? `code ${code}`})`;
    const errorCode = classifyFfmpegError(this.stderrTail);
    this.failures++;
    const delay = this.retryDelay(errorCode);
    this.options.logger.warn(`${this.key} stopped: ${detail}; retry in ${Math.round(delay / 1000)} s`);
    this.setState('error', { code: errorCode, message: detail });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopping && this.subscribers.size > 0) this.start();
    }, delay);
  }

  private retryDelay(code: ErrorCode): number {
    // Cameras lock accounts after repeated bad logins: never hammer with a wrong password.
    if (code === 'auth-failed') return this.options.authBackoffMs ?? 5 * 60_000;
    const base = this.options.retryBaseMs ?? 1000;
    const max = this.options.retryMaxMs ?? 30_000;
    const exp = Math.min(max, base * 2 ** (this.failures - 1));
    return exp / 2 + Math.random() * (exp / 2); // jitter: cameras rebooting together must not be hit in lockstep
  }

  /** Stops ffmpeg (SIGTERM, then SIGKILL) and resolves once it has exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.subscribers.clear();
    const child = this.process;
    if (!child) {
      this.setState('idle');
      return;
    }
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), this.options.killGraceMs ?? 3000);
    await this.exited;
    clearTimeout(killer);
  }
}
