/**
 * PTZ for the cameras in the inventory: one command queue per camera, the
 * device reached with the credentials the core keeps. Remembers which
 * cameras it set moving, so quitting stops them.
 */
import { CodedError } from '../../../shared/errors';
import { type CameraFileEntry, credentialsOf } from '../../../shared/model';
import { isStill, type PtzPreset, type PtzVelocity } from '../../../shared/onvif';
import { CommandQueue } from './command-queue';
import type { OnvifService, PtzControl } from './onvif-service';

/** The device stops a ContinuousMove by itself after this, should our Stop never arrive. */
export const MOVE_TIMEOUT_MS = 5000;

export class PtzManager {
  private readonly queues = new Map<string, CommandQueue>();
  private readonly controls = new Map<string, { entry: CameraFileEntry; control: PtzControl }>();
  private readonly moving = new Set<string>();

  constructor(
    private readonly service: OnvifService,
    private readonly find: (cameraId: string) => CameraFileEntry,
  ) {}

  /** Resolves false when a newer move replaced this one before it was sent. */
  async move(cameraId: string, velocity: PtzVelocity): Promise<boolean> {
    if (isStill(velocity)) return this.stop(cameraId).then(() => true);
    const result = await this.run(cameraId, 'move', (c) => c.move(velocity, MOVE_TIMEOUT_MS));
    if (result === 'superseded') return false;
    this.moving.add(cameraId);
    return true;
  }

  async stop(cameraId: string): Promise<void> {
    await this.run(cameraId, 'other', (c) => c.stop());
    this.moving.delete(cameraId);
  }

  async presets(cameraId: string): Promise<PtzPreset[]> {
    return (await this.run(cameraId, 'other', (c) => c.presets())) as PtzPreset[];
  }

  async gotoPreset(cameraId: string, token: string): Promise<void> {
    await this.run(cameraId, 'other', (c) => c.gotoPreset(token));
  }

  async savePreset(cameraId: string, name: string): Promise<string> {
    return (await this.run(cameraId, 'other', (c) => c.savePreset(name))) as string;
  }

  async removePreset(cameraId: string, token: string): Promise<void> {
    await this.run(cameraId, 'other', (c) => c.removePreset(token));
  }

  async home(cameraId: string): Promise<void> {
    await this.run(cameraId, 'other', (c) => c.home());
  }

  /** Stops every camera this launch set moving (on quit); errors are only logged by the caller. */
  async stopAll(): Promise<PromiseSettledResult<void>[]> {
    return Promise.allSettled([...this.moving].map((id) => this.stop(id)));
  }

  private run<T>(
    cameraId: string,
    kind: 'move' | 'other',
    command: (control: PtzControl) => Promise<T>,
  ): Promise<T | 'superseded'> {
    const control = this.control(cameraId);
    let queue = this.queues.get(cameraId);
    if (!queue) this.queues.set(cameraId, (queue = new CommandQueue()));
    return queue.push(kind, () => command(control));
  }

  private control(cameraId: string): PtzControl {
    const entry = this.find(cameraId);
    if (!entry.onvif?.ptz) throw new CodedError('unsupported', `Camera "${entry.name}" does not take PTZ commands.`);
    const cached = this.controls.get(cameraId);
    // The inventory replaces entries when edited: a changed entry gets a new control.
    if (cached?.entry === entry) return cached.control;
    const control = this.service.ptz(entry.onvif, credentialsOf(entry));
    this.controls.set(cameraId, { entry, control });
    return control;
  }
}

/** Finds a camera's stored entry for PTZ; a camera the wall knows but the inventory does not (the built-in demo ones) has no PTZ. */
export function ptzLookup(
  inventory: { find(id: string): CameraFileEntry },
  registry: { summary(id: string): unknown },
): (cameraId: string) => CameraFileEntry {
  return (cameraId) => {
    try {
      return inventory.find(cameraId);
    } catch (error) {
      try {
        registry.summary(cameraId);
      } catch {
        throw error;
      }
      throw new CodedError('unsupported', `Camera "${cameraId}" does not take PTZ commands.`);
    }
  };
}

/** The camera entry for a device read over ONVIF: its profiles become the streams, largest first. */
export function cameraFromDevice(
  report: import('../../../shared/onvif').DeviceReport,
  details: { id: string; name: string; group?: string; username?: string; password?: string },
): CameraFileEntry {
  const names = ['main', 'sub'];
  return {
    id: details.id,
    name: details.name,
    ...(details.group ? { group: details.group } : {}),
    streams: report.profiles.map((p, i) => ({
      profile: names[i] ?? `sub${i}`,
      url: p.streamUri,
      ...(p.width && p.width >= 16 ? { width: p.width } : {}),
      ...(p.height && p.height >= 16 ? { height: p.height } : {}),
      ...(p.fps && p.fps <= 120 ? { fps: p.fps } : {}),
    })),
    ...(details.username ? { username: details.username } : {}),
    ...(details.password ? { password: details.password } : {}),
    onvif: {
      address: report.address,
      profileToken: report.ptzProfileToken ?? report.profiles[0]!.token,
      ptz: report.ptz,
      ...(report.profiles[0]?.snapshotUri ? { snapshotUri: report.profiles[0].snapshotUri } : {}),
    },
  };
}
