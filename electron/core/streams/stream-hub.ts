/**
 * Hands out subscriptions to (camera, profile). One StreamSession — one
 * ffmpeg — per key, reference-counted: it lingers a few seconds after the last
 * viewer leaves, so a layout switch does not restart the streams it keeps.
 */
import { CodedError } from '../../../shared/errors';
import type { StreamStatus, RtpTransport } from '../../../shared/model';
import type { Logger } from '../log';
import { StreamSession, type SessionMemory, type SessionOptions, type StreamSubscriber } from './stream-session';
import type { OutputOptions, VideoPath } from './ffmpeg-args';
import { RedirectChecks, type RedirectVerdict } from './redirect-guard';
import type { StreamSource } from './stream-source';

export interface Subscription {
  readonly session: StreamSession;
  dispose(): void;
}

export interface StreamHubOptions {
  ffmpegPath: string;
  logger: Logger;
  /** Resolves a camera profile to what ffmpeg reads (throws CodedError when unknown). */
  sourceFor: (cameraId: string, profile: string) => StreamSource;
  lingerMs?: number;
  timing?: SessionOptions['timing'];
  /** How often every running stream's figures are sampled and reported. */
  statsIntervalMs?: number;
  /**
   * At most this many streams (ffmpeg processes) at once: a page that opens
   * hundreds of streams gets a clear refusal instead of taking the machine
   * down. 128 covers an 8×8 wall with main and sub profiles lingering.
   */
  maxSessions?: number;
  /** Where cameras are asked about redirects before ffmpeg gets a password (default: a new RedirectChecks; false: not asked). */
  redirects?: RedirectChecks | false;
}

interface Entry {
  session: StreamSession;
  linger: NodeJS.Timeout | undefined;
}

export class StreamHub {
  private readonly entries = new Map<string, Entry>();
  private readonly statusListeners = new Set<(status: StreamStatus) => void>();
  private readonly statsListeners = new Set<(statuses: StreamStatus[]) => void>();
  private readonly statsTimer: NodeJS.Timeout;
  /** The RTP transport that last worked per camera profile: an `auto` camera that needed UDP starts with UDP next time. */
  private readonly transports = new Map<string, RtpTransport>();
  /** Back-offs of retired sessions, until their retryAt: a camera is never asked again sooner because a tile came back. */
  private readonly memory = new Map<string, SessionMemory>();
  private disposed = false;
  /** Sessions retired and still stopping: dispose waits for them too (no ffmpeg outlives the hub). */
  private readonly stopping = new Set<Promise<void>>();
  private readonly redirects: RedirectChecks | undefined;
  /** The hub's redirect check, shared with the evidence pre-buffers (one verdict per URL, not one per process). */
  readonly redirectChecks: ((url: string) => Promise<RedirectVerdict>) | undefined;

  constructor(private readonly options: StreamHubOptions) {
    this.redirects = options.redirects === false ? undefined : (options.redirects ?? new RedirectChecks());
    this.redirectChecks = this.redirects?.check;
    this.statsTimer = setInterval(() => {
      if (this.entries.size === 0 || this.statsListeners.size === 0) return;
      const now = Date.now();
      const statuses = [...this.entries.values()].map((entry) => entry.session.sample(now));
      this.statsListeners.forEach((listener) => listener(statuses));
    }, options.statsIntervalMs ?? 1000);
    this.statsTimer.unref();
  }

  /** `output` is the box this viewer's tile needs; the session scales into the largest asked for. */
  subscribe(
    cameraId: string,
    profile: string,
    subscriber: StreamSubscriber,
    output?: OutputOptions,
    video: VideoPath = 'mpeg1',
  ): Subscription {
    if (this.disposed) throw new Error('StreamHub is disposed');
    // One session per path: a tile decoding H.264 and one showing MPEG-1 need different ffmpeg outputs.
    const key = `${cameraId}/${profile}${video === 'h264' ? '+h264' : ''}`;
    // What is known of the camera (its back-off, its transport) is shared by both paths.
    const camera = cameraProfileOf(key);
    let entry = this.entries.get(key);
    if (!entry && this.entries.size >= (this.options.maxSessions ?? 128)) {
      throw new CodedError(
        'stream-limit',
        `Pantau already runs ${this.entries.size} streams on this machine; close some tiles first.`,
      );
    }
    if (!entry) {
      const source = this.options.sourceFor(cameraId, profile);
      const session = new StreamSession({
        ...(this.options.timing ? { timing: this.options.timing } : {}),
        ...(output ? { output } : {}),
        video,
        cameraId,
        profile,
        source,
        ffmpegPath: this.options.ffmpegPath,
        logger: this.options.logger,
        ...(this.transports.has(camera) ? { transport: this.transports.get(camera)! } : {}),
        resume: this.memory.get(camera),
        ...(this.redirects ? { checkRedirect: this.redirects.check } : {}),
        onTransportWorked: (transport) => this.transports.set(camera, transport),
        onStatus: (status) => this.statusListeners.forEach((listener) => listener(status)),
      });
      entry = { session, linger: undefined };
      this.entries.set(key, entry);
    }
    clearTimeout(entry.linger);
    entry.linger = undefined;
    if (output) entry.session.requestOutput(output);
    entry.session.add(subscriber);

    const current = entry;
    let active = true;
    return {
      session: current.session,
      dispose: () => {
        if (!active) return;
        active = false;
        current.session.remove(subscriber);
        if (current.session.subscriberCount === 0 && !this.disposed) {
          current.linger = setTimeout(() => this.retire(key, current), this.options.lingerMs ?? 5000);
        }
      },
    };
  }

  private retire(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry || entry.session.subscriberCount > 0) return;
    this.entries.delete(key);
    const camera = cameraProfileOf(key);
    const memory = entry.session.memory();
    if (memory) this.memory.set(camera, memory);
    else this.memory.delete(camera);
    // A check still under way when the session goes may end in a refused login: kept too.
    const stopped = entry.session.stop().then(() => {
      const late = entry.session.memoryAtStop;
      if (late && !this.entries.has(key)) this.memory.set(camera, late);
    });
    this.stopping.add(stopped);
    void stopped.finally(() => this.stopping.delete(stopped));
  }

  /**
   * A camera was edited or removed: its sessions end now (viewers are told,
   * and re-open an edited camera with its new address and credentials), and
   * what was remembered of its failures and transport is forgotten.
   */
  async endCameras(cameraIds: readonly string[], reason: 'changed' | 'removed'): Promise<void> {
    const ids = new Set(cameraIds);
    const ending: Promise<void>[] = [];
    for (const [key, entry] of this.entries) {
      if (!ids.has(cameraOfKey(key))) continue;
      this.entries.delete(key);
      clearTimeout(entry.linger);
      ending.push(entry.session.end(reason));
    }
    for (const map of [this.memory, this.transports])
      for (const key of map.keys()) if (ids.has(cameraOfKey(key))) map.delete(key);
    await Promise.all(ending);
  }

  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Every running stream's figures, each `statsIntervalMs`. */
  onStats(listener: (statuses: StreamStatus[]) => void): () => void {
    this.statsListeners.add(listener);
    return () => this.statsListeners.delete(listener);
  }

  statuses(): StreamStatus[] {
    return [...this.entries.values()].map((entry) => entry.session.currentStatus);
  }

  sessions(): StreamSession[] {
    return [...this.entries.values()].map((entry) => entry.session);
  }

  /** Stops every ffmpeg and waits until all have exited. */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearInterval(this.statsTimer);
    const entries = [...this.entries.values()];
    this.entries.clear();
    for (const entry of entries) clearTimeout(entry.linger);
    await Promise.all([...entries.map((entry) => entry.session.stop()), ...this.stopping]);
  }
}

/** `camera/profile` of a session key (`camera/profile` or `camera/profile+h264`). */
function cameraProfileOf(key: string): string {
  return key.replace(/\+h264$/, '');
}

/** The camera of a session key (profiles hold no "/"). */
function cameraOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf('/'));
}
