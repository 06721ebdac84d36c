/**
 * One ffmpeg process for one (camera, profile, path), shared by every viewer.
 * Its output (session-output.ts) keeps the bytes since the last GOP start so a
 * new viewer paints at once; the session does what the health policy (health-policy.ts, pure and table-tested) says:
 * which state to show, when to retry, which transport to try next.
 */
import type { ErrorCode } from '../../../shared/errors';
import type { StreamState, StreamStatus, RtpTransport } from '../../../shared/model';
import type { SessionMemory, SessionOptions, StreamSubscriber } from './session-types';
import { redact, redactKnown, secretsOf } from '../../../shared/rtsp-url';
import type { OutputOptions, VideoPath } from './ffmpeg-args';
import { SessionOutput } from './session-output';
import { FfmpegProcess, type ExitFacts } from './ffmpeg-process';
import { classifyFailure, decodeErrorLine, lastLine } from './failure-class';
import { StreamFigures } from './stream-figures';
import { AttemptTimer } from './attempt-timer';
import { answersRtsp } from './camera-alive';
import { verdictOutcome } from './redirect-guard';
import {
  afterFailure,
  defaultTiming,
  isDegraded,
  judgeLiveness,
  recoveredFromStall,
  watchForReturn,
  type HealthTiming,
  type TransportMode,
} from './health-policy';
import type { TsChunk } from './mpegts';
import type { StreamSource } from './stream-source';

export { defaultTiming };
export type SessionTiming = HealthTiming;

export type { SessionMemory, SessionOptions, StreamSubscriber } from './session-types';

const HEALTH_TICK_MS = 250;

export class StreamSession {
  private readonly subscribers = new Set<StreamSubscriber>();
  private readonly timing: SessionTiming;
  private readonly now: () => number;
  private readonly secrets: string[];
  private readonly transportMode: TransportMode;
  private transport: RtpTransport;
  private readonly out: SessionOutput;
  private process: FfmpegProcess | undefined;
  /** The redirect check before an attempt, while it is under way. */
  private checking: Promise<void> | undefined;
  /** What memory() said when stop() began its work (after any check under way ended). */
  memoryAtStop: SessionMemory | undefined;
  private healthTimer: NodeJS.Timeout | undefined;
  private readonly waiting: AttemptTimer;
  /** Frames since the stream was called stalled (a steady run makes it live again). */
  private framesSinceStall = 0;
  private failures = 0;
  private lastFailure: ErrorCode | undefined;
  private hadPicture = false;
  private stopping = false;
  private resizing = false;
  private status: StreamStatus;
  private readonly figures: StreamFigures;
  /** Times (ms since epoch) of the recent connection attempts, newest last. */
  readonly attempts: number[] = [];

  constructor(private readonly options: SessionOptions) {
    this.timing = { ...defaultTiming, ...options.timing };
    this.now = options.now ?? Date.now;
    this.out = new SessionOutput(options.video ?? 'mpeg1', options.output, options.maxCacheBytes);
    const source = options.source;
    this.secrets = source.kind === 'rtsp' ? secretsOf(source.url) : [];
    this.transportMode = source.kind === 'rtsp' ? (source.transport ?? 'auto') : 'tcp';
    this.transport = this.transportMode === 'auto' ? (options.transport ?? 'tcp') : this.transportMode;
    this.figures = new StreamFigures(this.now());
    this.waiting = new AttemptTimer({
      checkEveryMs: this.timing.returnCheckMs,
      answersRtsp: options.answersRtsp ?? answersRtsp,
      onEarly: (savedMs) =>
        options.logger.info(`${this.key} answers again: starting now instead of in ${Math.round(savedMs / 1000)} s`),
    });
    this.status = {
      cameraId: options.cameraId,
      profile: options.profile,
      state: 'idle',
      since: this.now(),
      fps: 0,
      kbps: 0,
      reconnects: 0,
    };
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

  /** Shown in logs and diagnostics: the command line (which holds no credentials). */
  get redactedCommand(): string {
    return redact([this.options.ffmpegPath, ...this.out.command(this.options.source, this.transport).args].join(' '));
  }

  get video(): VideoPath {
    return this.out.video;
  }

  get outputBox(): OutputOptions {
    return this.out.outputBox;
  }

  /**
   * A viewer needs a bigger picture: a running ffmpeg is restarted at once (no
   * backoff) to scale into the larger box (session-output.ts).
   */
  requestOutput(box: OutputOptions): void {
    if (!this.out.grow(box) || !this.process) return;
    this.resizing = true;
    void this.process.stop(this.timing.killGraceMs);
  }

  add(subscriber: StreamSubscriber): void {
    this.subscribers.add(subscriber);
    const cached = this.cachedGop();
    if (cached) subscriber.write(cached);
    if (this.process || this.checking || this.waiting.pending || this.stopping) return;
    const resume = this.options.resume;
    if (resume && resume.retryAt > this.now() && this.attempts.length === 0) return this.waitAsBefore(resume);
    this.start();
  }

  /** A previous session of this camera is still in its back-off: show its state and wait out its time. */
  private waitAsBefore(resume: SessionMemory): void {
    this.failures = resume.failures;
    this.lastFailure = resume.lastFailure;
    this.status = { ...this.status, reconnects: resume.reconnects };
    this.setState(resume.state, { error: resume.error, retryAt: resume.retryAt });
    this.scheduleStart(
      resume.retryAt - this.now(),
      resume.error ? watchForReturn(resume.error.code, resume.retryAt - this.now(), this.timing) : false,
    );
  }

  /** What the next session of this camera must know, when this one is waiting out a back-off. */
  memory(): SessionMemory | undefined {
    const { state, retryAt, error } = this.status;
    if (
      retryAt === undefined ||
      retryAt <= this.now() ||
      state === 'live' ||
      state === 'degraded' ||
      state === 'stalled'
    )
      return undefined;
    return {
      state,
      error,
      retryAt,
      failures: this.failures,
      lastFailure: this.lastFailure,
      reconnects: this.status.reconnects,
    };
  }

  remove(subscriber: StreamSubscriber): void {
    this.subscribers.delete(subscriber);
  }

  /** PAT/PMT plus every packet since the last GOP start, or undefined before the first GOP. */
  cachedGop(): TsChunk | undefined {
    return this.out.cachedGop();
  }

  psi(): Buffer {
    return this.out.psi();
  }

  /** Updates fps and kbit/s from the counters since the previous sample. */
  sample(now = this.now()): StreamStatus {
    const figures = this.figures.sample(now);
    if (figures) this.status = { ...this.status, ...figures };
    return this.status;
  }

  private setState(
    state: StreamState,
    extra: { error?: { code: ErrorCode; message: string } | undefined; retryAt?: number } = {},
  ): void {
    const { retryAt: _previousRetry, ...rest } = this.status;
    this.status = {
      ...rest,
      state,
      since: state === this.status.state ? this.status.since : this.now(),
      ...(extra.error ? { error: extra.error } : {}),
      ...(extra.retryAt ? { retryAt: extra.retryAt } : {}),
      ...(this.options.source.kind === 'rtsp' ? { transport: this.transport } : {}),
      video: this.video,
      ...(state === 'live' || state === 'stalled' || state === 'degraded' ? {} : { fps: 0, kbps: 0 }),
    };
    this.options.onStatus?.(this.status);
  }

  /** `resize`: the same picture in a bigger box (a tile maximised), not a reconnect in the figures. */
  private start(why: 'attempt' | 'resize' = 'attempt'): void {
    const { source } = this.options;
    this.out.restart();
    for (const subscriber of this.subscribers) subscriber.discontinuity?.();
    this.hadPicture = false;
    this.figures.restart();
    const first = this.attempts.length === 0;
    this.attempts.push(this.now());
    if (this.attempts.length > 50) this.attempts.shift();
    if (!first && why === 'attempt') this.status = { ...this.status, reconnects: this.status.reconnects + 1 };
    // The first attempt is "connecting"; later ones keep the state that explains the wait.
    if (first || this.status.state === 'idle') this.setState('connecting');
    else this.setState(this.status.state, { error: this.status.error }); // drops retryAt
    if (source.kind !== 'rtsp' || !this.options.checkRedirect) return this.spawn(source);
    this.checking = this.options.checkRedirect(source.url).then((verdict) => {
      this.checking = undefined;
      const outcome = verdictOutcome(verdict, source.url);
      // A refused login was a login: its back-off holds even if every viewer left meanwhile.
      if ('failure' in outcome) return this.failed(outcome.failure.code, outcome.failure.message);
      if (this.stopping || this.subscribers.size === 0) return this.setState('idle');
      this.spawn({ ...source, url: outcome.url });
    });
  }

  private spawn(source: StreamSource): void {
    const { ffmpegPath, logger } = this.options;
    logger.info(`start ${this.key}: ${this.redactedCommand}`);

    const process = new FfmpegProcess({
      ffmpegPath,
      command: this.out.command(source, this.transport),
      onData: (data) => this.onData(data),
      onStderrLine: (line) => {
        if (!decodeErrorLine.test(line)) return;
        this.figures.damaged(this.now());
      },
      now: this.now,
      ...(this.options.spawn ? { spawn: this.options.spawn } : {}),
    });
    this.process = process;
    void process.done.then((facts) => this.onExit(process, facts));
    clearInterval(this.healthTimer);
    this.healthTimer = setInterval(() => this.checkHealth(process), HEALTH_TICK_MS);
  }

  private onData(data: Buffer): void {
    const { chunks, frames: newFrames, damaged } = this.out.push(data);
    this.figures.count(data.length, newFrames);
    for (let i = 0; i < damaged; i++) this.figures.damaged(this.now());
    if (newFrames > 0) {
      this.status = { ...this.status, lastFrameAt: this.now() };
    }
    for (const chunk of chunks) this.deliver(chunk);
    if (this.status.state !== 'stalled') return;
    this.framesSinceStall += newFrames;
    if (recoveredFromStall(this.framesSinceStall, this.timing)) {
      this.failures = 0;
      this.setState('live');
    }
  }

  private deliver(chunk: TsChunk): void {
    if (chunk.gopStart) {
      this.figures.gopStarted(this.now());
      this.hadPicture = true;
      if (this.status.state !== 'live' && this.status.state !== 'stalled' && this.status.state !== 'degraded') {
        this.failures = 0;
        this.lastFailure = undefined;
        this.setState('live');
        if (this.transportMode === 'auto') this.options.onTransportWorked?.(this.transport);
      }
    }
    for (const subscriber of this.subscribers) subscriber.write(chunk);
  }

  private checkHealth(process: FfmpegProcess): void {
    if (this.process !== process || this.stopping) return;
    const now = this.now();
    const state = this.status.state;
    const verdict = judgeLiveness(
      { state, now, startedAt: process.startedAt, lastFrameAt: this.status.lastFrameAt, since: this.status.since },
      this.timing,
    );
    if (verdict === 'restart') {
      process.kill(state === 'live' || state === 'stalled' || state === 'degraded' ? 'stall' : 'start-timeout');
      return;
    }
    if (verdict === 'stalled') {
      if (state !== 'stalled') {
        this.framesSinceStall = 0;
        this.setState('stalled');
      }
      return;
    }
    const damaged = isDegraded(this.figures.damageTimes, now, this.timing);
    if (state === 'live' && damaged) {
      const recent = this.figures.damageTimes.filter((at) => now - at <= this.timing.degradedWindowMs).length;
      const message = `${recent} damaged frames or slices reported in the last ${Math.round(this.timing.degradedWindowMs / 1000)} s`;
      this.options.logger.warn(`${this.key} degraded: ${message}`);
      this.setState('degraded', { error: { code: 'decode-errors', message } });
    } else if (state === 'degraded' && !damaged) {
      this.setState('live');
    }
  }

  private onExit(process: FfmpegProcess, facts: ExitFacts): void {
    if (this.process !== process) return;
    clearInterval(this.healthTimer);
    this.process = undefined;
    this.out.clearCache();
    if (this.stopping) {
      this.setState('idle');
      return;
    }
    if (this.resizing) {
      this.resizing = false;
      if (this.subscribers.size > 0) this.start('resize');
      return;
    }
    const errorCode = classifyFailure({ ...facts, ioTimeoutMs: this.timing.ioTimeoutMs, hadPicture: this.hadPicture });
    const detail =
      redactKnown(lastLine(facts.stderr), this.secrets) || `ffmpeg exited (${facts.signal ?? `code ${facts.code}`})`;
    this.failed(errorCode, detail);
  }

  /** An attempt failed (ffmpeg exited, or the check before it refused): the policy says what next. */
  private failed(errorCode: ErrorCode, detail: string): void {
    const tried = this.transport;
    const memory = { failures: this.failures + 1, previous: this.lastFailure };
    const next = afterFailure(
      errorCode,
      { state: this.status.state, transport: tried, mode: this.transportMode, memory },
      this.timing,
      (this.options.random ?? Math.random)(),
    );
    this.failures = next.failures;
    this.transport = next.transport;
    this.lastFailure = errorCode;
    const via = next.transport !== tried ? ` over ${next.transport}` : '';
    this.options.logger.warn(
      `${this.key} ${next.state} (${errorCode} over ${tried}): ${detail}; next attempt${via} in ${Math.round(next.delayMs / 1000)} s`,
    );
    this.setState(next.state, { error: { code: errorCode, message: detail }, retryAt: this.now() + next.delayMs });
    this.scheduleStart(next.delayMs, next.watch);
  }

  /** The next attempt after `delayMs`; with `watch`, sooner if the camera is back after an outage. */
  private scheduleStart(delayMs: number, watch: boolean): void {
    const source = this.options.source;
    const start = () => {
      if (!this.stopping && this.subscribers.size > 0) this.start();
    };
    this.waiting.schedule(delayMs, start, watch && source.kind === 'rtsp' ? source.url : undefined);
  }

  /** Ends the stream for every viewer (its camera was edited or removed), then stops. */
  async end(reason: 'changed' | 'removed'): Promise<void> {
    const viewers = [...this.subscribers];
    await this.stop();
    for (const viewer of viewers) viewer.end?.(reason);
  }

  /** Stops ffmpeg (SIGTERM, then SIGKILL) and resolves once it has exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.subscribers.clear();
    await this.checking;
    // Taken before the session idles: a check that ended in a refused login after the hub retired us.
    this.memoryAtStop = this.memory();
    this.waiting.cancel();
    const process = this.process;
    if (!process) {
      clearInterval(this.healthTimer);
      this.setState('idle');
      return;
    }
    await process.stop(this.timing.killGraceMs);
  }
}
