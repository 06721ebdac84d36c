/**
 * Keeps one ONVIF event subscription per camera that a watch list takes
 * events from (issue #14), and no other: started and stopped as watch lists
 * and the inventory change. Events become alarms through AlarmService, timed
 * by our clock (a camera's own is often hours off).
 */
import { createHash } from 'node:crypto';
import { watchingList } from '../../../shared/alarms';
import type { CameraFileEntry, CameraSummary } from '../../../shared/model';
import type { OnvifEventReading } from '../../../shared/onvif-events';
import type { Logger } from '../log';
import { subscribeEvents } from '../onvif/onvif-events';
import type { AlarmService } from './alarm-service';

export interface EventWatchDeps {
  alarms: AlarmService;
  cameras: { summaries(): CameraSummary[] };
  inventory: { find(id: string): CameraFileEntry; onChange(listener: () => void): () => void };
  logger: Logger;
  subscribe?: typeof subscribeEvents;
}

export class EventWatch {
  private readonly running = new Map<string, { key: string; stop: () => void }>();
  private readonly offs: (() => void)[];

  constructor(private readonly deps: EventWatchDeps) {
    this.offs = [deps.alarms.onWatchListsChange(() => this.refresh()), deps.inventory.onChange(() => this.refresh())];
    this.refresh();
  }

  /** Cameras subscribed now (for the health of the watch itself, and tests). */
  get watching(): string[] {
    return [...this.running.keys()];
  }

  refresh(): void {
    const lists = this.deps.alarms.watchLists().filter((l) => l.events);
    const wanted = new Map<string, { key: string; entry: CameraFileEntry }>();
    if (lists.length > 0)
      for (const camera of this.deps.cameras.summaries()) {
        if (camera.demo || !watchingList(lists, camera.id, camera.group)) continue;
        let entry: CameraFileEntry;
        try {
          entry = this.deps.inventory.find(camera.id);
        } catch {
          continue;
        }
        if (!entry.onvif) continue;
        // A new address or new credentials subscribe again (the key never holds the password itself).
        const key = createHash('sha256')
          .update(JSON.stringify([entry.onvif.address, entry.username ?? '', entry.password ?? '']))
          .digest('hex');
        wanted.set(camera.id, { key, entry });
      }
    for (const [id, sub] of this.running)
      if (wanted.get(id)?.key !== sub.key) {
        sub.stop();
        this.running.delete(id);
      }
    for (const [id, { key, entry }] of wanted) {
      if (this.running.has(id)) continue;
      const subscribe = this.deps.subscribe ?? subscribeEvents;
      const stop = subscribe(
        entry.onvif!.address,
        {
          ...(entry.username ? { username: entry.username } : {}),
          ...(entry.password ? { password: entry.password } : {}),
        },
        (reading: OnvifEventReading) =>
          this.deps.alarms.event({ cameraId: id, kind: reading.kind, active: reading.active, at: Date.now() }),
        (message) => this.deps.logger.warn(`events of ${id}: ${message}`),
      );
      this.running.set(id, { key, stop });
    }
  }

  dispose(): void {
    this.offs.forEach((off) => off());
    for (const sub of this.running.values()) sub.stop();
    this.running.clear();
  }
}
