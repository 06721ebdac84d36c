/**
 * Fleet watch (issue #14): sweeps the whole inventory on a schedule with the
 * cheap RTSP check, keeps every state change in the embedded database, and
 * tells the pages what changed. Cameras the wall is already playing are not
 * checked again — their session's state is the answer — and a camera that
 * refused its password is asked again only after AUTH_RETRY_MS (or once its
 * entry is edited), so the sweep never locks a camera's account.
 */
import path from 'node:path';
import type { StreamStatus } from '../../../shared/model';
import type { CheckResult, FleetCamera, FleetSettings } from '../../../shared/fleet';
import type { CameraInventory } from '../cameras/camera-inventory';
import type { CameraRegistry } from '../cameras/camera-registry';
import { CodedError } from '../../../shared/errors';
import { MEMORY, SqlDatabase } from '../db/database';
import type { Logger } from '../log';
import { pantauMigrations } from '../db/migrations';
import { FleetHistory, type CheckRecord } from './fleet-history';
import { checkRtsp } from './rtsp-check';
import { runSweep, shuffled, type SweepCount, type SweepLimits } from './sweep';

export const AUTH_RETRY_MS = 6 * 3_600_000;
export const CHECK_TIMEOUT_MS = 5000;
/**
 * A camera seen up (or never seen) that fails a check is checked once more
 * after this pause before it is recorded down: a busy NVR's 503, or a server
 * between two clients (GStreamer's answers 503 while it tears a stream down),
 * must not become an outage. A refused login is never asked twice.
 */
export const CONFIRM_AFTER_MS = 2000;
/** The first sweep waits for the wall to be up (a restart within the interval waits for the interval). */
export const FIRST_SWEEP_DELAY_MS = 30_000;
const FLUSH_MS = 500;
const FLUSH_ROWS = 500;
/**
 * Changes go out at most once a second, each camera once with its latest state:
 * a city's sweep must not make every page rebuild its 20,000-camera directory
 * for each batch written (docs/benchmarks.md, "Fleet sweep").
 */
const EMIT_MS = 1000;

export interface FleetDeps {
  /** The database file (<data>/fleet.db). */
  file: string;
  logger: Logger;
  cameras: CameraRegistry;
  inventory: Pick<CameraInventory, 'onChange'>;
  /** The wall's own sessions: a camera playing needs no check. */
  statuses: () => StreamStatus[];
  settings: () => FleetSettings;
  check?: (url: string, timeoutMs: number) => Promise<CheckResult>;
  now?: () => number;
  confirmAfterMs?: number;
}

export interface FleetEvent {
  cameras: FleetCamera[];
  sweeping: boolean;
}

interface Target {
  cameraId: string;
  host: string;
  url: string;
}

export class FleetService {
  readonly history: FleetHistory;
  /** Set when the database was damaged at start-up and a new one begun. */
  readonly notice: string | undefined;
  /** The database this service opened; alarms keep their log in it too. */
  readonly db: SqlDatabase;
  private readonly now: () => number;
  private readonly check: (url: string, timeoutMs: number) => Promise<CheckResult>;
  private readonly listeners = new Set<(event: FleetEvent) => void>();
  private readonly authHeld = new Map<string, number>();
  /** Cameras edited since the last sweep: judged afresh (a failure is checked twice, as for one never seen). */
  private readonly edited = new Set<string>();
  private pending: CheckRecord[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private unsent = new Map<string, FleetCamera>();
  private emitTimer: NodeJS.Timeout | undefined;
  private scheduleTimer: NodeJS.Timeout | undefined;
  private running: Promise<SweepCount> | undefined;
  private abort = new AbortController();
  private readonly offInventory: () => void;

  constructor(private readonly deps: FleetDeps) {
    const opened = FleetService.openDatabase(deps.file, deps.logger);
    this.db = opened.db;
    this.notice = opened.notice;
    this.history = new FleetHistory(this.db);
    this.now = deps.now ?? Date.now;
    this.check = deps.check ?? checkRtsp;
    for (const camera of this.history.states())
      if (camera.state === 'down' && isLoginRefusal(camera.reason))
        this.authHeld.set(camera.cameraId, camera.checkedAt);
    this.offInventory = deps.inventory.onChange((change) => {
      // New credentials or a new address: the next sweep may try the login again.
      for (const id of [...change.changed, ...change.removed]) this.authHeld.delete(id);
      for (const id of change.changed) this.edited.add(id);
      this.history.forget(change.removed);
    });
  }

  /** The history file; if another Pantau holds it, a history in memory and a notice (the wall still starts). */
  private static openDatabase(file: string, logger: Logger): { db: SqlDatabase; notice?: string } {
    try {
      return SqlDatabase.open(file, pantauMigrations, logger);
    } catch (error) {
      if (!(error instanceof CodedError)) throw error;
      logger.error(error.message);
      return {
        db: SqlDatabase.open(MEMORY, pantauMigrations, logger).db,
        notice: `${error.message} This session's fleet checks are kept in memory only.`,
      };
    }
  }

  static defaultFile(dataDir: string): string {
    return path.join(dataDir, 'fleet.db');
  }

  get sweeping(): boolean {
    return this.running !== undefined;
  }

  onChange(listener: (event: FleetEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the schedule when enabled (called again after the settings change). */
  schedule(): void {
    clearTimeout(this.scheduleTimer);
    this.scheduleTimer = undefined;
    const settings = this.deps.settings();
    if (!settings.enabled) return;
    const interval = settings.intervalMin * 60_000;
    const last = this.history.lastSweep();
    const since = last ? this.now() - last.startedAt : Infinity;
    // Up to a tenth of the interval at random: many workstations started together do not sweep together.
    const jitter = Math.random() * interval * 0.1;
    const wait = Math.max(FIRST_SWEEP_DELAY_MS, Math.min(interval, interval - since)) + jitter;
    this.scheduleTimer = setTimeout(() => {
      void this.sweep().finally(() => this.schedule());
    }, wait);
    this.scheduleTimer.unref?.();
  }

  /** One sweep now (or the one already running). */
  sweep(): Promise<SweepCount> {
    if (this.running) return this.running;
    const started = this.now();
    const sweepId = this.history.startSweep(started);
    const { concurrency, perHost, perSecond } = this.deps.settings();
    const playing = this.wallAnswers();
    const targets: Target[] = [];
    const known: CheckRecord[] = [];
    for (const target of this.targets()) {
      const fromWall = playing.get(target.cameraId);
      if (fromWall) known.push({ cameraId: target.cameraId, at: started, result: fromWall });
      else if ((this.authHeld.get(target.cameraId) ?? -Infinity) > started - AUTH_RETRY_MS) continue;
      else targets.push(target);
    }
    this.pending.push(...known);
    const signal = this.abort.signal;
    const run = this.checkAll(targets, { concurrency, perHost, perSecond }, signal)
      .catch((error: unknown): SweepCount => {
        // A sweep that broke must not leave "sweeping" set for ever: the next one starts clean.
        this.deps.logger.error(`fleet: the sweep failed: ${(error as Error).message}`);
        return { checked: 0, down: 0 };
      })
      .then((count) => {
        const down = count.down + known.filter((k) => k.result.state === 'down').length;
        this.running = undefined;
        if (!signal.aborted) {
          this.flush();
          this.history.finishSweep(sweepId, this.now(), count.checked + known.length, down);
          this.history.prune(this.now());
          this.emit();
        }
        return { checked: count.checked + known.length, down };
      });
    this.running = run;
    this.emit(); // the pages say a sweep is running
    return run;
  }

  /**
   * Every target once; then, after CONFIRM_AFTER_MS, a second pass over the cameras that were not
   * known down and failed (a refused login excepted). The second pass runs after the first rather
   * than each camera waiting in its slot: a city's thousands of refusals must not hold the
   * concurrency while they wait.
   */
  private async checkAll(targets: Target[], limits: SweepLimits, signal: AbortSignal): Promise<SweepCount> {
    const wasDown = new Set(
      this.history
        .states()
        .filter((s) => s.state === 'down' && !this.edited.has(s.cameraId))
        .map((s) => s.cameraId),
    );
    this.edited.clear();
    const doubtful: Target[] = [];
    let lastDoubt = 0;
    let down = 0;
    const first = await runSweep(
      shuffled(targets),
      limits,
      (target) => this.check(target.url, CHECK_TIMEOUT_MS),
      (target, result) => {
        if (result.state === 'down' && !wasDown.has(target.cameraId) && !isLoginRefusal(result.reason)) {
          doubtful.push(target);
          lastDoubt = this.now();
        } else {
          if (result.state === 'down') down++;
          this.take({ cameraId: target.cameraId, at: this.now(), result });
        }
      },
      signal,
    );
    if (doubtful.length === 0 || signal.aborted) return { checked: first.checked, down };
    const pause = lastDoubt + (this.deps.confirmAfterMs ?? CONFIRM_AFTER_MS) - this.now();
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    const second = await runSweep(
      doubtful,
      limits,
      (target) => this.check(target.url, CHECK_TIMEOUT_MS),
      (target, result) => this.take({ cameraId: target.cameraId, at: this.now(), result }),
      signal,
    );
    return { checked: first.checked, down: down + second.down };
  }

  /** The wall's sessions that settle a camera's state without a check. */
  private wallAnswers(): Map<string, CheckResult> {
    const answers = new Map<string, CheckResult>();
    for (const status of this.deps.statuses()) {
      if (status.state === 'live' || status.state === 'degraded') answers.set(status.cameraId, { state: 'up' });
      else if (status.state === 'auth-failed' && !answers.has(status.cameraId))
        answers.set(status.cameraId, { state: 'down', reason: 'auth-failed' });
    }
    return answers;
  }

  /** Every RTSP camera of the inventory, by the address of its first stream (demo pictures have none). */
  private targets(): Target[] {
    const out: Target[] = [];
    for (const camera of this.deps.cameras.summaries()) {
      const first = camera.profiles[0];
      if (!first) continue;
      const source = this.deps.cameras.sourceFor(camera.id, first.profile);
      if (source.kind !== 'rtsp') continue;
      out.push({ cameraId: camera.id, host: new URL(source.url).hostname, url: source.url });
    }
    return out;
  }

  private take(record: CheckRecord): void {
    if (record.result.state === 'down' && isLoginRefusal(record.result.reason))
      this.authHeld.set(record.cameraId, record.at);
    else this.authHeld.delete(record.cameraId);
    this.pending.push(record);
    if (this.pending.length >= FLUSH_ROWS) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Writes the answers gathered so far in one transaction and tells the pages what changed. */
  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      for (const camera of this.history.record(batch)) this.unsent.set(camera.cameraId, camera);
      if (this.unsent.size > 0) this.emitTimer ??= setTimeout(() => this.emit(), EMIT_MS);
    } catch (error) {
      this.deps.logger.error(`fleet: could not record ${batch.length} checks: ${(error as Error).message}`);
    }
  }

  /** Sends the changes not yet sent (and whether a sweep runs) to every listener. */
  private emit(): void {
    clearTimeout(this.emitTimer);
    this.emitTimer = undefined;
    const event = { cameras: [...this.unsent.values()], sweeping: this.sweeping };
    this.unsent = new Map();
    this.listeners.forEach((listener) => listener(event));
  }

  async dispose(): Promise<void> {
    clearTimeout(this.scheduleTimer);
    this.abort.abort();
    await this.running;
    this.flush();
    clearTimeout(this.emitTimer);
    this.offInventory();
    this.db.close();
    this.abort = new AbortController();
  }
}

function isLoginRefusal(reason: string | undefined): boolean {
  return reason === 'auth-failed' || reason === 'rtsp-forbidden';
}
