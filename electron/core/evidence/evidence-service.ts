/**
 * Evidence clips (issue #15). For every camera a wall plays, a pre-buffer of
 * its main stream (segment-ring.ts), started when the camera comes on a wall
 * and stopped a little after it leaves — unless it is recording. "Save the
 * last 30 s" joins the buffer up to the press; a recording holds the buffer
 * from its start (pre-buffer included) until stopped, its maximum length, or
 * quitting, whatever the walls do meanwhile. Each export is signed
 * (evidence-export.ts) and listed in the evidence log.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CodedError } from '../../../shared/errors';
import {
  evidenceProfile,
  safeFileName,
  type EvidenceEntry,
  type EvidenceSettings,
  type Recording,
} from '../../../shared/evidence';
import { withoutUserInfo } from '../../../shared/rtsp-url';
import type { CameraRegistry } from '../cameras/camera-registry';
import type { StreamSource } from '../streams/stream-source';
import type { Logger } from '../log';
import type { RedirectVerdict } from '../streams/redirect-guard';
import type { StreamHub } from '../streams/stream-hub';
import { exportClip, type ClipCamera } from './clip-export';
import type { EvidenceKey } from './evidence-key';
import { removePartialExports } from './evidence-export';
import { listExports, removeOrphanBuffers } from './evidence-files';
import { segmentsFor, SegmentRing } from './segment-ring';

export interface EvidenceServiceOptions {
  ffmpegPath: string;
  logger: Logger;
  cameras: CameraRegistry;
  hub: Pick<StreamHub, 'sessions'>;
  /** The installation's signing key (opened at start). */
  key: () => EvidenceKey;
  settings: () => EvidenceSettings;
  evidenceDir: () => string;
  operator: () => string;
  version: string;
  checkRedirect?: (url: string) => Promise<RedirectVerdict>;
  /** How often the cameras on walls are looked at (ms). */
  reconcileMs?: number;
  /** A camera's buffer is kept this long after it leaves every wall (a layout switch does not lose it). */
  lingerMs?: number;
  /** How long a save waits for the segment that holds the press (a camera's GOP). */
  settleMs?: number;
  /** Where the buffers live (default: a folder in the system's temp folder). */
  tempDir?: string;
}

interface Buffered {
  ring: SegmentRing;
  lastOnWall: number;
  /** The source its ffmpeg reads: an edit of the camera makes this buffer stale. */
  source: StreamSource;
  /** The camera as it was when the buffer started: what a clip's manifest describes. */
  camera: Omit<ClipCamera, 'id'>;
  /** The camera was edited or removed: stop at once, or when its last hold is released. */
  stale: boolean;
}

interface Running {
  recording: Recording;
  buffered: Buffered;
  hold: number;
  holdFrom: number;
  timer: NodeJS.Timeout;
}

const BUFFER_PREFIX = 'pantau-prebuffer-';
/**
 * At most this many pre-buffers at once: each is a second main stream from a camera (4 Mbit/s is
 * common), and six monitors of 4×4 walls would otherwise pull ~100 of them over the centre's
 * network. The first cameras to settle on a wall get one; a recording still starts on any camera.
 */
const MAX_BUFFERS = 36;
/** How long a wall has shown a camera live before its pre-buffer starts. */
const SETTLED_MS = 3000;

export class EvidenceService {
  private readonly buffers = new Map<string, Buffered>();
  private readonly running = new Map<string, Running>();
  private readonly listeners = new Set<(recordings: Recording[]) => void>();
  private readonly timer: NodeJS.Timeout;
  private tempRoot: string | undefined;
  private disposed = false;
  /** Buffers started so far: each gets a folder of its own. */
  private started = 0;

  constructor(private readonly options: EvidenceServiceOptions) {
    this.timer = setInterval(() => void this.reconcile(), options.reconcileMs ?? 2000);
    this.timer.unref();
  }

  async start(): Promise<void> {
    await removePartialExports(this.options.evidenceDir());
    const temp = this.options.tempDir ?? os.tmpdir();
    await removeOrphanBuffers(temp, BUFFER_PREFIX);
    this.tempRoot = await mkdtemp(path.join(temp, `${BUFFER_PREFIX}${process.pid}-`));
  }

  onRecordings(listener: (recordings: Recording[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recordings(): Recording[] {
    return [...this.running.values()].map((r) => r.recording);
  }

  /** Which cameras hold a pre-buffer now (for the health panel and the benchmark). */
  bufferedCameras(): string[] {
    return [...this.buffers.keys()];
  }

  /** Starts and stops buffers to follow the walls. */
  async reconcile(now = Date.now()): Promise<void> {
    if (this.disposed || !this.tempRoot) return;
    // A camera is on a wall while a tile watches it; its buffer starts once the wall has had its
    // picture for a few seconds: a camera that is failing is not asked for a second stream, and
    // the two clients do not arrive at the camera at the same moment.
    const watched = this.options.hub.sessions().filter((s) => s.subscriberCount > 0);
    const onWall = new Set(watched.map((s) => s.currentStatus.cameraId));
    const settled = new Set(
      watched
        .filter((s) => s.currentStatus.state === 'live' && now - s.currentStatus.since >= SETTLED_MS)
        .map((s) => s.currentStatus.cameraId),
    );
    const wanted = this.options.settings().preBufferSec > 0;
    for (const [cameraId, buffered] of this.buffers) if (this.edited(cameraId, buffered)) buffered.stale = true;
    for (const [cameraId, buffered] of this.buffers) {
      const lingering = wanted && now - buffered.lastOnWall < (this.options.lingerMs ?? 10_000);
      // A stale buffer still held keeps its segments (a recording ends with the stream it began
      // on); its ffmpeg stops so the old address and password are not used again.
      if (buffered.ring.held && buffered.stale) await buffered.ring.stopCapture();
      if (buffered.ring.held || (lingering && !buffered.stale)) continue;
      this.buffers.delete(cameraId);
      await buffered.ring.stop();
    }
    for (const cameraId of onWall) {
      const buffered = this.buffers.get(cameraId);
      if (buffered && !buffered.stale) buffered.lastOnWall = now;
      else if (!buffered && wanted && settled.has(cameraId) && this.buffers.size < MAX_BUFFERS)
        this.startBuffer(cameraId, now);
    }
  }

  /** The camera was removed, or its main stream's address or login changed, since the buffer began. */
  private edited(cameraId: string, buffered: Buffered): boolean {
    try {
      const profile = evidenceProfile(this.options.cameras.summary(cameraId).profiles);
      return !profile || !isDeepStrictEqual(this.options.cameras.sourceFor(cameraId, profile), buffered.source);
    } catch {
      return true; // not in the camera list any more
    }
  }

  private startBuffer(cameraId: string, now: number): Buffered | undefined {
    const summary = this.options.cameras.summary(cameraId);
    // A demo picture is no evidence of anything.
    if (summary.demo) return undefined;
    const profile = evidenceProfile(summary.profiles);
    if (!profile || !this.tempRoot) return undefined;
    const source = this.options.cameras.sourceFor(cameraId, profile);
    // A buffer of an edited camera may still be held by a recording: the new one gets its own folder.
    const dir = path.join(this.tempRoot, `${safeFileName(cameraId)}-${++this.started}`);
    const ring = new SegmentRing({
      ffmpegPath: this.options.ffmpegPath,
      source,
      dir,
      keepSec: () => this.options.settings().preBufferSec,
      logger: this.options.logger,
      label: cameraId,
      ...(this.options.checkRedirect ? { checkRedirect: this.options.checkRedirect } : {}),
    });
    const camera = {
      name: summary.name,
      region: summary.group ?? '',
      stream: source.kind === 'rtsp' ? withoutUserInfo(source.url) : 'demo',
    };
    const buffered: Buffered = { ring, lastOnWall: now, source, camera, stale: false };
    this.buffers.set(cameraId, buffered);
    void ring.start();
    return buffered;
  }

  private bufferOf(cameraId: string): Buffered {
    const summary = this.options.cameras.summary(cameraId);
    if (summary.demo) throw new CodedError('unsupported', 'A demo camera’s test picture cannot be saved as evidence.');
    const current = this.buffers.get(cameraId);
    const buffered =
      current && !current.stale && !this.edited(cameraId, current) ? current : this.replaceBuffer(cameraId, current);
    if (!buffered) throw new CodedError('unsupported', `Camera "${cameraId}" has no stream to record.`);
    return buffered;
  }

  /** A fresh buffer for a camera whose old one is stale (kept while a recording holds it). */
  private replaceBuffer(cameraId: string, stale: Buffered | undefined): Buffered | undefined {
    if (stale) {
      stale.stale = true;
      this.buffers.delete(cameraId);
      if (stale.ring.held) void stale.ring.stopCapture();
      else void stale.ring.stop();
    }
    return this.startBuffer(cameraId, Date.now());
  }

  /** Saves the last `seconds` (default: the pre-buffer) up to now. */
  async saveLast(cameraId: string, seconds = this.options.settings().preBufferSec): Promise<EvidenceEntry> {
    const at = Date.now();
    const buffered = this.bufferOf(cameraId);
    const { ring } = buffered;
    const hold = ring.hold(at - seconds * 1000);
    try {
      await ring.waitUntil(at, this.options.settleMs ?? 6000);
      const segments = segmentsFor(ring.all(), at - seconds * 1000, at);
      if (segments.length === 0)
        throw new CodedError(
          'no-footage',
          `No picture of "${cameraId}" was kept${ring.lastProblem ? ` (${ring.lastProblem})` : ''}: nothing to save yet.`,
        );
      return await this.export(cameraId, buffered.camera, 'last', segments, at);
    } finally {
      ring.release(hold);
    }
  }

  startRecording(cameraId: string): Recording {
    const existing = this.running.get(cameraId);
    if (existing) return existing.recording;
    const buffered = this.bufferOf(cameraId);
    const { ring } = buffered;
    const startedAt = Date.now();
    const holdFrom = startedAt - this.options.settings().preBufferSec * 1000;
    const endsAt = startedAt + this.options.settings().maxRecordMin * 60_000;
    const timer = setTimeout(() => {
      this.stopRecording(cameraId).catch((error: unknown) =>
        this.options.logger.error(`recording of ${cameraId} at its maximum length: ${(error as Error).message}`),
      );
    }, endsAt - startedAt);
    timer.unref();
    const recording: Recording = { cameraId, startedAt, endsAt };
    this.running.set(cameraId, { recording, buffered, hold: ring.hold(holdFrom), holdFrom, timer });
    this.emit();
    return recording;
  }

  async stopRecording(cameraId: string): Promise<EvidenceEntry> {
    const running = this.running.get(cameraId);
    if (!running) throw new CodedError('invalid-request', `Camera "${cameraId}" is not recording.`);
    this.running.delete(cameraId);
    clearTimeout(running.timer);
    this.emit();
    const at = Date.now();
    // The buffer it began on, even if the camera was edited or removed meanwhile.
    const { buffered } = running;
    try {
      await buffered.ring.waitUntil(at, this.options.settleMs ?? 6000);
      const segments = segmentsFor(buffered.ring.all(), running.holdFrom, at);
      if (segments.length === 0)
        throw new CodedError('no-footage', `No picture of "${cameraId}" arrived during the recording: nothing saved.`);
      return await this.export(cameraId, buffered.camera, 'recording', segments, at);
    } finally {
      buffered.ring.release(running.hold);
      // Nothing else holds a stale buffer: its segments go now, not at the next look at the walls.
      if (buffered.stale && !buffered.ring.held && this.buffers.get(cameraId) !== buffered) void buffered.ring.stop();
    }
  }

  private async export(
    cameraId: string,
    camera: Omit<ClipCamera, 'id'>,
    how: 'last' | 'recording',
    segments: ReturnType<typeof segmentsFor>,
    endMs: number,
  ): Promise<EvidenceEntry> {
    const entry = await exportClip({
      ffmpegPath: this.options.ffmpegPath,
      evidenceDir: this.options.evidenceDir(),
      key: this.options.key(),
      operator: this.options.operator(),
      version: this.options.version,
      camera: { id: cameraId, ...camera },
      how,
      segments,
      endMs,
    });
    this.options.logger.info(`evidence saved: ${entry.folder}`);
    return entry;
  }

  /** The evidence log: every export in the evidence folder, newest first. */
  list(): Promise<EvidenceEntry[]> {
    return listExports(this.options.evidenceDir());
  }

  private emit(): void {
    const recordings = this.recordings();
    this.listeners.forEach((listener) => listener(recordings));
  }

  /** Saves every recording still running (quitting does not lose it), then stops every buffer. */
  async dispose(): Promise<void> {
    clearInterval(this.timer);
    const saving = [...this.running.keys()].map((cameraId) =>
      this.stopRecording(cameraId).catch((error: unknown) =>
        this.options.logger.error(`recording of ${cameraId} at quit: ${(error as Error).message}`),
      ),
    );
    await Promise.all(saving);
    this.disposed = true;
    await Promise.all([...this.buffers.values()].map((b) => b.ring.stop()));
    this.buffers.clear();
    if (this.tempRoot) await rm(this.tempRoot, { recursive: true, force: true });
  }
}
