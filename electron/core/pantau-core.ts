/**
 * The engine both hosts share: cameras, the stream hub and the API handlers,
 * with one per-launch token. Hosts add their transport (IPC or WebSocket RPC)
 * and the relay.
 */
import path from 'node:path';
import type { CameraFileEntry } from '../../shared/model';
import { CameraInventory } from './cameras/camera-inventory';
import type { SecretSealer } from './cameras/secrets';
import type { CameraRegistry } from './cameras/camera-registry';
import { createApiHandlers } from './api/pantau-api';
import type { ApiHandlers } from './api/dispatch';
import type { Logger } from './log';
import { OnvifClient, type OnvifService } from './onvif/onvif-service';
import { PtzManager, ptzLookup } from './onvif/ptz-manager';
import { newToken } from './relay/access';
import { JsonFileStore } from './store/json-file-store';
import { LayoutService } from './store/layout-service';
import { z } from 'zod';

const SettingsSchema = z.strictObject({ snapshotDir: z.string().min(1).max(1024).optional() });
type Settings = z.infer<typeof SettingsSchema>;
import { StreamHub, type StreamHubOptions } from './streams/stream-hub';

export interface CoreOptions {
  cameras: CameraRegistry;
  ffmpegPath: string;
  logger: Logger;
  host: 'electron' | 'browser';
  version: string;
  /** Where layouts.json lives (Electron: userData; browser host: --data-dir). */
  dataDir: string;
  /** The inventory file CSV imports write to (the --cameras file, else <dataDir>/cameras.json), and what it holds now. */
  cameraFile?: string;
  cameraEntries?: readonly CameraFileEntry[];
  /** How camera passwords are kept at rest (Electron: safeStorage); none: as written. */
  sealer?: SecretSealer;
  /** Where snapshots go (default: <dataDir>/snapshots), unless the operator chose a folder since. */
  snapshotDir?: string;
  /** A folder chooser (Electron's dialog); resolves undefined when cancelled. */
  pickFolder?: (current: string) => Promise<string | undefined>;
  lingerMs?: number;
  timing?: StreamHubOptions['timing'];
}

export class PantauCore {
  readonly token = newToken();
  readonly hub: StreamHub;
  readonly handlers: ApiHandlers;
  readonly layouts: LayoutService;
  readonly inventory: CameraInventory;
  readonly onvif: OnvifService;
  /** Choices the operator made on this machine (settings.json in the data folder). */
  private readonly settingsStore: JsonFileStore<Settings>;
  private settings: Settings = {};
  readonly ptz: PtzManager;

  constructor(readonly options: CoreOptions) {
    this.settingsStore = new JsonFileStore({ file: path.join(options.dataDir, 'settings.json'), schema: SettingsSchema, defaults: () => ({}), logger: options.logger });
    this.hub = new StreamHub({
      ffmpegPath: options.ffmpegPath,
      logger: options.logger,
      sourceFor: (cameraId, profile) => options.cameras.sourceFor(cameraId, profile),
      ...(options.lingerMs !== undefined ? { lingerMs: options.lingerMs } : {}),
      ...(options.timing ? { timing: options.timing } : {}),
    });
    this.layouts = new LayoutService(path.join(options.dataDir, 'layouts.json'), options.logger);
    this.inventory = new CameraInventory(
      options.cameraFile ?? path.join(options.dataDir, 'cameras.json'),
      options.cameraEntries ?? [],
      options.cameras,
      options.logger,
      options.sealer,
    );
    this.onvif = new OnvifClient();
    this.ptz = new PtzManager(this.onvif, ptzLookup(this.inventory, options.cameras));
    this.handlers = createApiHandlers({
      cameras: options.cameras,
      onvif: this.onvif,
      ptz: this.ptz,
      hub: this.hub,
      layouts: this.layouts,
      inventory: this.inventory,
      ffmpegPath: options.ffmpegPath,
      snapshotDir: () => this.snapshotDir(),
      ...(options.pickFolder ? { chooseSnapshotDir: () => this.chooseSnapshotDir(options.pickFolder!) } : {}),
      token: this.token,
      host: options.host,
      version: options.version,
    });
  }

  /** Reads the stores; call once before serving. */
  async start(): Promise<void> {
    await this.layouts.load();
    await this.inventory.sealAtRest();
    this.settings = (await this.settingsStore.load()).value;
  }

  /** The operator's chosen folder, else --snapshot-dir, else <data>/snapshots. */
  private snapshotDir(): string {
    return this.settings.snapshotDir ?? this.options.snapshotDir ?? path.join(this.options.dataDir, 'snapshots');
  }

  private async chooseSnapshotDir(pick: (current: string) => Promise<string | undefined>): Promise<string | undefined> {
    const chosen = await pick(this.snapshotDir());
    if (chosen === undefined) return undefined;
    const next = { ...this.settings, snapshotDir: chosen };
    await this.settingsStore.save(next);
    this.settings = next;
    return chosen;
  }

  /** Stops any camera this launch set moving (briefly: a dead device must not hold up quitting), then every ffmpeg. */
  async dispose(): Promise<void> {
    await Promise.race([this.ptz.stopAll(), new Promise((resolve) => setTimeout(resolve, 1500).unref())]);
    await this.hub.dispose();
  }
}
