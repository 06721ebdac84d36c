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
import { CodedError } from '../../../shared/errors';
import {
  compactLocalTime,
  localTimestamp,
  safeFileName,
  type EvidenceEntry,
  type EvidenceSettings,
  type Recording,
} from '../../../shared/evidence';
import { withoutUserInfo } from '../../../shared/rtsp-url';
import type { CameraRegistry } from '../cameras/camera-registry';
import type { Logger } from '../log';
import type { RedirectVerdict } from '../streams/redirect-guard';
import type { StreamHub } from '../streams/stream-hub';
import { writeClip } from './clip-writer';
import type { EvidenceKey } from './evidence-key';
import { removePartialExports, writeExport } from './evidence-export';
import { listExports, removeOrphanBuffers } from './evidence-files';
import { gapsIn, segmentsFor, SegmentRing } from './segment-ring';

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
}

interface Running {
  recording: Recording;
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

/** The main stream: the one called main, else the largest, else the first. */
function mainProfile(profiles: readonly { profile: string; width?: number; height?: number }[]): string | undefined {
  if (profiles.some((p) => p.profile === 'main')) return 'main';
  const area = (p: { width?: number; height?: number }) => (p.width ?? 0) * (p.height ?? 0);
  return [...profiles].sort((a, b) => area(b) - area(a))[0]?.profile;
}

export class EvidenceService {
  private readonly buffers = new Map<string, Buffered>();
  private readonly running = new Map<string, Running>();
  private readonly listeners = new Set<(recordings: Recording[]) => void>();
  private readonly timer: NodeJS.Timeout;
  private tempRoot: string | undefined;
  private disposed = false;

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
    for (const cameraId of onWall) {
      const buffered = this.buffers.get(cameraId);
      if (buffered) buffered.lastOnWall = now;
      else if (wanted && settled.has(cameraId) && this.buffers.size < MAX_BUFFERS) this.startBuffer(cameraId, now);
    }
    for (const [cameraId, buffered] of this.buffers) {
      const keep = buffered.ring.held || (wanted && now - buffered.lastOnWall < (this.options.lingerMs ?? 10_000));
      if (keep) continue;
      this.buffers.delete(cameraId);
      await buffered.ring.stop();
    }
  }

  private startBuffer(cameraId: string, now: number): Buffered | undefined {
    const summary = this.options.cameras.summary(cameraId);
    // A demo picture is no evidence of anything.
    if (summary.demo) return undefined;
    const profile = mainProfile(summary.profiles);
    if (!profile || !this.tempRoot) return undefined;
    const ring = new SegmentRing({
      ffmpegPath: this.options.ffmpegPath,
      source: this.options.cameras.sourceFor(cameraId, profile),
      dir: path.join(this.tempRoot, safeFileName(cameraId)),
      keepSec: () => this.options.settings().preBufferSec,
      logger: this.options.logger,
      label: cameraId,
      ...(this.options.checkRedirect ? { checkRedirect: this.options.checkRedirect } : {}),
    });
    const buffered = { ring, lastOnWall: now };
    this.buffers.set(cameraId, buffered);
    void ring.start();
    return buffered;
  }

  private bufferOf(cameraId: string): Buffered {
    const summary = this.options.cameras.summary(cameraId);
    if (summary.demo) throw new CodedError('unsupported', 'A demo camera’s test picture cannot be saved as evidence.');
    const buffered = this.buffers.get(cameraId) ?? this.startBuffer(cameraId, Date.now());
    if (!buffered) throw new CodedError('unsupported', `Camera "${cameraId}" has no stream to record.`);
    return buffered;
  }

  /** Saves the last `seconds` (default: the pre-buffer) up to now. */
  async saveLast(cameraId: string, seconds = this.options.settings().preBufferSec): Promise<EvidenceEntry> {
    const at = Date.now();
    const { ring } = this.bufferOf(cameraId);
    const hold = ring.hold(at - seconds * 1000);
    try {
      await ring.waitUntil(at, this.options.settleMs ?? 6000);
      const segments = segmentsFor(ring.all(), at - seconds * 1000, at);
      if (segments.length === 0)
        throw new CodedError(
          'no-footage',
          `No picture of "${cameraId}" was kept${ring.lastProblem ? ` (${ring.lastProblem})` : ''}: nothing to save yet.`,
        );
      return await this.export(cameraId, 'last', segments, at);
    } finally {
      ring.release(hold);
    }
  }

  startRecording(cameraId: string): Recording {
    const existing = this.running.get(cameraId);
    if (existing) return existing.recording;
    const { ring } = this.bufferOf(cameraId);
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
    this.running.set(cameraId, { recording, hold: ring.hold(holdFrom), holdFrom, timer });
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
    const buffered = this.buffers.get(cameraId)!;
    try {
      await buffered.ring.waitUntil(at, this.options.settleMs ?? 6000);
      const segments = segmentsFor(buffered.ring.all(), running.holdFrom, at);
      if (segments.length === 0)
        throw new CodedError('no-footage', `No picture of "${cameraId}" arrived during the recording: nothing saved.`);
      return await this.export(cameraId, 'recording', segments, at);
    } finally {
      buffered.ring.release(running.hold);
    }
  }

  private async export(
    cameraId: string,
    how: 'last' | 'recording',
    segments: ReturnType<typeof segmentsFor>,
    endMs: number,
  ): Promise<EvidenceEntry> {
    const summary = this.options.cameras.summary(cameraId);
    const profile = mainProfile(summary.profiles)!;
    const source = this.options.cameras.sourceFor(cameraId, profile);
    const startMs = segments[0]!.startMs;
    const end = Math.min(endMs, segments[segments.length - 1]!.endMs);
    const gaps = gapsIn(segments);
    const awaySec = gaps.reduce((sum, gap) => sum + gap.seconds, 0);
    const base = `${compactLocalTime(startMs)}_${safeFileName(cameraId, 40)}`;
    const evidenceDir = this.options.evidenceDir();
    const { folder, manifest } = await writeExport({
      evidenceDir,
      folderName: `${base}_${how === 'last' ? 'terakhir' : 'rekaman'}`,
      key: this.options.key(),
      files: [
        {
          name: `${safeFileName(summary.name)}_${compactLocalTime(startMs)}.mp4`,
          write: (target) =>
            writeClip({
              ffmpegPath: this.options.ffmpegPath,
              segments,
              endMs: end,
              target,
              title: `${summary.name} (${cameraId})`,
              comment: `${localTimestamp(startMs)} – ${localTimestamp(end)}`,
              startMs,
            }),
        },
      ],
      body: {
        kind: 'clip',
        how,
        camera: {
          id: cameraId,
          name: summary.name,
          region: summary.group ?? '',
          stream: source.kind === 'rtsp' ? withoutUserInfo(source.url) : 'demo',
        },
        start: localTimestamp(startMs),
        end: localTimestamp(end),
        startUtc: new Date(startMs).toISOString(),
        endUtc: new Date(end).toISOString(),
        seconds: Math.max(0, Math.round((end - startMs) / 100) / 10 - awaySec),
        operator: this.options.operator(),
        machine: os.hostname(),
        pantauVersion: this.options.version,
        gaps: gaps.map((gap) => ({ from: localTimestamp(gap.fromMs), seconds: gap.seconds })),
      },
    });
    this.options.logger.info(`evidence saved: ${folder}`);
    return { folder, manifest };
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
