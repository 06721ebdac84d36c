/**
 * Raises, ends and acknowledges alarms (issue #14). A watched camera that goes
 * down — seen by the fleet sweep, or by the wall's own stream giving up
 * (offline) or being refused (wrong password) — raises one "down" alarm until
 * it comes back; an ONVIF camera's event (motion, tamper, video loss) raises
 * one of its kind when its watch list takes events. A camera already alarming
 * for the same thing raises nothing more: an operator is told once.
 */
import os from 'node:os';
import { watchingList, type Alarm, type AlarmKind, type WatchList } from '../../../shared/alarms';
import type { ErrorCode } from '../../../shared/errors';
import type { FleetCamera } from '../../../shared/fleet';
import type { StreamStatus } from '../../../shared/model';
import type { CameraRegistry } from '../cameras/camera-registry';
import type { SqlDatabase } from '../db/database';
import type { Logger } from '../log';
import { AlarmLog } from './alarm-log';

export interface AlarmEvent {
  alarm: Alarm;
  raised: boolean;
  pop: WatchList['pop'];
  sound: boolean;
}

/** An event a camera reported (ONVIF PullPoint), in our words. */
export interface CameraEvent {
  cameraId: string;
  kind: Exclude<AlarmKind, 'down'>;
  /** true: it began; false: it ended. */
  active: boolean;
  at: number;
}

export interface AlarmDeps {
  db: SqlDatabase;
  logger: Logger;
  cameras: Pick<CameraRegistry, 'summary'>;
  fleet: { onChange(listener: (event: { cameras: FleetCamera[] }) => void): () => void };
  hub: { onStatus(listener: (status: StreamStatus) => void): () => void };
  /** Who acknowledges, as the log records it (the operating-system user running the core). */
  who?: string;
  now?: () => number;
}

export class AlarmService {
  readonly log: AlarmLog;
  private lists: WatchList[];
  private readonly listeners = new Set<(event: AlarmEvent) => void>();
  private readonly listListeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];
  private readonly now: () => number;
  /** Each wall stream's last state, by camera/profile. */
  private readonly wallStates = new Map<string, StreamStatus['state']>();

  constructor(private readonly deps: AlarmDeps) {
    this.log = new AlarmLog(deps.db);
    this.lists = this.log.watchLists();
    this.now = deps.now ?? Date.now;
    this.offs.push(
      deps.fleet.onChange(({ cameras }) => {
        for (const camera of cameras)
          if (camera.state === 'down') this.down(camera.cameraId, camera.reason, camera.since);
          else this.back(camera.cameraId, camera.since);
      }),
      deps.hub.onStatus((status) => {
        // Only a change of state counts: a session waiting out its back-off repeats "offline", and a
        // camera the sweep has since found up must not be called down again by that repetition.
        const key = `${status.cameraId}/${status.profile}`;
        const before = this.wallStates.get(key);
        this.wallStates.set(key, status.state);
        if (before === status.state) return;
        if (status.state === 'offline' || status.state === 'auth-failed')
          this.down(status.cameraId, status.error?.code, status.since);
        else if (status.state === 'live') this.back(status.cameraId, status.since);
      }),
    );
  }

  onChange(listener: (event: AlarmEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after a watch list is saved or removed (the ONVIF event subscriptions follow them). */
  onWatchListsChange(listener: () => void): () => void {
    this.listListeners.add(listener);
    return () => this.listListeners.delete(listener);
  }

  watchLists(): WatchList[] {
    return this.lists;
  }

  saveWatchList(list: WatchList): WatchList {
    this.log.saveWatchList(list);
    this.lists = this.log.watchLists();
    this.listListeners.forEach((listener) => listener());
    return list;
  }

  removeWatchList(id: string): void {
    this.log.removeWatchList(id);
    this.lists = this.log.watchLists();
    this.listListeners.forEach((listener) => listener());
  }

  ack(id: number, note: string): Alarm {
    const alarm = this.log.ack(id, this.now(), this.deps.who ?? whoRuns(), note);
    this.emit({ alarm, raised: false, pop: undefined, sound: false });
    return alarm;
  }

  /** An event reported by a camera (ONVIF): raised when it begins, ended when it ends. */
  event(event: CameraEvent): void {
    if (event.active) this.raise(event.cameraId, event.kind, event.at, undefined, true);
    else this.end(event.cameraId, event.kind, event.at);
  }

  private down(cameraId: string, reason: ErrorCode | undefined, at: number): void {
    this.raise(cameraId, 'down', at, reason, false);
  }

  private back(cameraId: string, at: number): void {
    this.end(cameraId, 'down', at);
  }

  private raise(cameraId: string, kind: AlarmKind, at: number, reason: ErrorCode | undefined, isEvent: boolean): void {
    const list = watchingList(this.lists, cameraId, this.groupOf(cameraId));
    if (!list || (isEvent && !list.events)) return;
    try {
      if (this.log.open(cameraId, kind)) return;
      const alarm = this.log.raise(cameraId, kind, at, reason, list.id);
      this.emit({ alarm, raised: true, pop: list.pop, sound: list.sound });
    } catch (error) {
      this.deps.logger.error(`alarms: could not record ${kind} of ${cameraId}: ${(error as Error).message}`);
    }
  }

  private end(cameraId: string, kind: AlarmKind, at: number): void {
    const open = this.log.open(cameraId, kind);
    if (open) this.emit({ alarm: this.log.end(open.id, at), raised: false, pop: undefined, sound: false });
  }

  private groupOf(cameraId: string): string | undefined {
    try {
      return this.deps.cameras.summary(cameraId).group;
    } catch {
      return undefined; // removed meanwhile: watched by id only
    }
  }

  private emit(event: AlarmEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }

  dispose(): void {
    this.offs.forEach((off) => off());
  }
}

function whoRuns(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return os.hostname();
  }
}
