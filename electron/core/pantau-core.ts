/**
 * The engine both shells share, started in one place: `openPantau` reads the
 * camera file (through the never-lost store), the layouts and the settings,
 * builds the stream hub, the relay and the API handlers with one per-launch
 * token, and forwards every contract event through the one `send` the shell
 * gives. Electron main and the browser host's CLI both call it and add only
 * their transport.
 */
import { accessHandlers } from './access/access-handlers';
import { AccessLinks } from './access/access-links';
import path from 'node:path';
import { z } from 'zod';
import { CameraInventory } from './cameras/camera-inventory';
import type { SecretSealer } from './cameras/secrets';
import type { CameraRegistry } from './cameras/camera-registry';
import { createApiHandlers } from './api/pantau-api';
import type { ApiHandlers } from './api/dispatch';
import { Disposables } from './disposables';
import { forwardEvents, type Send } from './events';
import type { Logger } from './log';
import { OnvifClient, type OnvifService } from './onvif/onvif-service';
import { PtzManager, ptzLookup } from './onvif/ptz-manager';
import { newToken, type AccessPolicy } from './relay/access';
import { Relay } from './relay/relay';
import { removeStaleSnapshotWork } from './snapshots/snapshot-service';
import { JsonFileStore } from './store/json-file-store';
import { LayoutService } from './store/layout-service';
import { OneWriter } from './store/one-writer';
import { StreamHub, type StreamHubOptions } from './streams/stream-hub';
import { UiSettingsSchema } from '../../shared/api';
import { defaultFleetSettings, FleetSettingsSchema, type FleetSettings } from '../../shared/fleet';
import { alarmHandlers } from './alarms/alarm-handlers';
import { AlarmService } from './alarms/alarm-service';
import { EventWatch } from './alarms/event-watch';
import { fleetHandlers } from './fleet/fleet-handlers';
import { defaultEvidenceSettings, EvidenceSettingsSchema, type EvidenceSettings } from '../../shared/evidence';
import { EvidenceKey } from './evidence/evidence-key';
import { evidenceHandlers } from './evidence/evidence-handlers';
import { EvidenceService } from './evidence/evidence-service';
import { FleetService } from './fleet/fleet-service';

const SettingsSchema = z.strictObject({
  snapshotDir: z.string().min(1).max(1024).optional(),
  /** The built-in demo cameras: shown on a machine that started with none of its own, until removed. */
  demoCameras: z.enum(['shown', 'removed']).optional(),
  /** Language, tile text size, picture path: the operator's display choices. */
  ui: UiSettingsSchema.optional(),
  /** The fleet sweep (issue #14), as the operator set it; unset: the host's default. */
  fleet: FleetSettingsSchema.partial().optional(),
  /** Evidence clips (issue #15): pre-buffer, longest recording, and the operator's name for the manifests. */
  evidence: EvidenceSettingsSchema.extend({ operator: z.string().max(120) })
    .partial()
    .optional(),
});
type Settings = z.infer<typeof SettingsSchema>;

export interface OpenPantauOptions {
  ffmpegPath: string;
  logger: Logger;
  host: 'electron' | 'browser';
  version: string;
  /** Where layouts, settings and (unless `cameraFile`) cameras.json live (Electron: userData; browser host: --data-dir). */
  dataDir: string;
  /** A camera file named by the user (--cameras): it must exist. Without it, <dataDir>/cameras.json, or the demo cameras. */
  cameraFile?: string | undefined;
  /** How camera passwords are kept at rest (Electron: safeStorage); none: as written. */
  sealer?: SecretSealer;
  /** Where snapshots go (default: <dataDir>/snapshots), unless the operator chose a folder since. */
  snapshotDir?: string | undefined;
  /** A folder chooser (Electron's dialog); resolves undefined when cancelled. */
  pickFolder?: (current: string) => Promise<string | undefined>;
  /** Opens a folder in the file manager (Electron's shell.openPath). */
  openFolder?: (folder: string) => Promise<void>;
  /** Every contract event goes out through this (IPC to every window, or every page's socket). */
  send: Send;
  /** Page origins besides the relay's own host (Electron's pages are pantau://app). */
  relayOrigins?: readonly string[];
  lingerMs?: number;
  timing?: StreamHubOptions['timing'];
  /** The link token (the browser host keeps one in its data folder); default: a new one per launch. */
  token?: string;
  /**
   * Whether the fleet sweep runs until the operator says otherwise: off on a
   * laptop (Electron's default), on for the browser host on a server.
   */
  fleetByDefault?: boolean;
  /** Seconds of pre-buffer the host imposes (--prebuffer), over the operator's choice; 0: none. */
  preBufferSec?: number;
}

export class PantauCore {
  readonly token: string;
  /** Who may open the relay and the API: the token, and the hosts and origins allowed (the browser host narrows it once it listens). */
  readonly policy: AccessPolicy;
  readonly hub: StreamHub;
  readonly relay: Relay;
  readonly handlers: ApiHandlers;
  readonly layouts: LayoutService;
  readonly cameras: CameraRegistry;
  readonly onvif: OnvifService;
  readonly ptz: PtzManager;
  readonly fleet: FleetService;
  readonly alarms: AlarmService;
  readonly events: EventWatch;
  readonly evidence: EvidenceService;
  /** Access links for other agencies (issue #16). */
  readonly access: AccessLinks;
  private evidenceKey: EvidenceKey | undefined;
  private readonly settingsStore: JsonFileStore<Settings>;
  /** Choices the operator made on this machine (settings.json in the data folder). */
  private settings: Settings = {};
  private readonly settingsWriter = new OneWriter();
  private readonly owned = new Disposables();

  constructor(
    readonly options: OpenPantauOptions,
    readonly inventory: CameraInventory,
  ) {
    const { logger } = options;
    this.cameras = inventory.registry;
    this.token = options.token ?? newToken();
    this.access = new AccessLinks(options.dataDir, logger);
    this.policy = {
      token: this.token,
      grantFor: (token) => this.access.grantFor(token),
      linkGood: (linkId) => this.access.isGood(linkId),
      ...(options.relayOrigins ? { extraOrigins: options.relayOrigins } : {}),
    };
    this.settingsStore = new JsonFileStore({
      file: path.join(options.dataDir, 'settings.json'),
      schema: SettingsSchema,
      defaults: () => ({}),
      logger,
    });
    this.hub = new StreamHub({
      ffmpegPath: options.ffmpegPath,
      logger,
      sourceFor: (cameraId, profile) => this.cameras.sourceFor(cameraId, profile),
      ...(options.lingerMs !== undefined ? { lingerMs: options.lingerMs } : {}),
      ...(options.timing ? { timing: options.timing } : {}),
    });
    this.relay = new Relay({ hub: this.hub, logger, policy: this.policy, groupOf: (id) => this.groupOf(id) });
    this.layouts = new LayoutService(path.join(options.dataDir, 'layouts.json'), logger);
    this.onvif = new OnvifClient();
    this.ptz = new PtzManager(this.onvif, ptzLookup(inventory, this.cameras));
    this.fleet = new FleetService({
      file: FleetService.defaultFile(options.dataDir),
      logger,
      cameras: this.cameras,
      inventory,
      statuses: () => this.hub.statuses(),
      settings: () => this.fleetSettings(),
    });
    this.alarms = new AlarmService({
      db: this.fleet.db,
      logger,
      cameras: this.cameras,
      fleet: this.fleet,
      hub: this.hub,
    });
    this.events = new EventWatch({ alarms: this.alarms, cameras: this.cameras, inventory, logger });
    this.evidence = new EvidenceService({
      ffmpegPath: options.ffmpegPath,
      logger,
      cameras: this.cameras,
      hub: this.hub,
      key: () => this.signingKey(),
      settings: () => this.evidenceSettings(),
      evidenceDir: () => this.snapshotDir(),
      operator: () => this.settings.evidence?.operator ?? '',
      version: options.version,
      checkRedirect: this.hub.redirectChecks,
    });
    this.handlers = createApiHandlers({
      cameras: this.cameras,
      onvif: this.onvif,
      ptz: this.ptz,
      hub: this.hub,
      layouts: this.layouts,
      inventory,
      ffmpegPath: options.ffmpegPath,
      snapshotDir: () => this.snapshotDir(),
      evidenceSigner: () => ({ key: this.signingKey(), operator: this.settings.evidence?.operator ?? '' }),
      ...(options.pickFolder ? { chooseSnapshotDir: () => this.chooseSnapshotDir(options.pickFolder!) } : {}),
      ...(options.openFolder ? { openFolder: options.openFolder } : {}),
      token: this.token,
      host: options.host,
      version: options.version,
      removeDemo: () => this.removeDemo(),
      uiSettings: () => this.settings.ui ?? {},
      saveUiSettings: async (change) => {
        await this.saveSettings((current) => ({ ui: { ...current.ui, ...change } }));
        return this.settings.ui ?? {};
      },
      fleet: fleetHandlers({
        fleet: this.fleet,
        cameras: this.cameras,
        settings: () => this.fleetSettings(),
        saveSettings: async (change) => {
          await this.saveSettings((current) => ({ fleet: { ...current.fleet, ...change } }));
          return this.fleetSettings();
        },
      }),
      alarms: alarmHandlers(this.alarms),
      access: accessHandlers(this.access),
      evidence: evidenceHandlers({
        evidence: this.evidence,
        key: () => this.signingKey(),
        evidenceDir: () => this.snapshotDir(),
        settings: () => ({ ...this.evidenceSettings(), operator: this.settings.evidence?.operator ?? '' }),
        saveSettings: (change) => this.saveSettings((current) => ({ evidence: { ...current.evidence, ...change } })),
        pickFolder: options.pickFolder,
      }),
    });
    // Released newest first: events stop, then the relay's sockets, then PTZ, then every ffmpeg, then the sweep and its database.
    this.owned.add(() => this.fleet.dispose());
    this.owned.add(() => this.alarms.dispose());
    this.owned.add(() => this.events.dispose());
    this.owned.add(() => this.hub.dispose());
    // Before the streams' hub: a recording still running is saved from its buffer first.
    this.owned.add(() => this.evidence.dispose());
    // Stops any camera this launch set moving (briefly: a dead device must not hold up quitting).
    this.owned.add(() =>
      Promise.race([this.ptz.stopAll(), new Promise((resolve) => setTimeout(resolve, 1500).unref())]),
    );
    this.owned.add(() => this.relay.dispose());
    this.owned.add(
      forwardEvents(
        { hub: this.hub, inventory, fleet: this.fleet, alarms: this.alarms, evidence: this.evidence },
        options.send,
      ),
    );
    // An edited camera plays its new address within a second; a removed one stops being served.
    this.owned.add(
      inventory.onChange((change) => {
        void this.hub.endCameras(change.changed, 'changed');
        void this.hub.endCameras(change.removed, 'removed');
      }),
    );
  }

  /** Reads the stores; `openPantau` calls it once before anything is served. */
  /** A camera's group for an access link's scope (null: no such camera). */
  groupOf(cameraId: string): string | undefined | null {
    try {
      return this.cameras.summary(cameraId).group;
    } catch {
      return null;
    }
  }

  async start(): Promise<void> {
    await removeStaleSnapshotWork();
    await this.access.open();
    await this.layouts.load();
    await this.inventory.sealAtRest();
    this.settings = (await this.settingsStore.load()).value;
    // A machine that starts with no camera of its own shows the demo cameras, and keeps showing
    // them beside the first real ones (a restart included) until the operator removes them.
    const demo = this.settings.demoCameras ?? (this.cameras.isDemo ? 'shown' : 'removed');
    this.cameras.showDemo(demo === 'shown');
    if (demo === 'shown' && !this.settings.demoCameras) await this.saveSettings(() => ({ demoCameras: 'shown' }));
    this.fleet.schedule();
    this.evidenceKey = await EvidenceKey.open(this.options.dataDir, this.options.logger, this.options.sealer);
    await this.evidence.start();
  }

  private signingKey(): EvidenceKey {
    if (!this.evidenceKey) throw new Error('the evidence key is not open yet');
    return this.evidenceKey;
  }

  private evidenceSettings(): EvidenceSettings {
    const { operator: _operator, ...chosen } = this.settings.evidence ?? {};
    const imposed = this.options.preBufferSec;
    return { ...defaultEvidenceSettings, ...chosen, ...(imposed === undefined ? {} : { preBufferSec: imposed }) };
  }

  /** The sweep's settings: the operator's choices over the host's defaults. */
  private fleetSettings(): FleetSettings {
    return { ...defaultFleetSettings(this.options.fleetByDefault ?? false), ...this.settings.fleet };
  }

  /** Each change is computed from the settings as the previous write left them: concurrent changes all land. */
  private saveSettings(change: (current: Settings) => Partial<Settings>): Promise<void> {
    return this.settingsWriter.run(async () => {
      const next = { ...this.settings, ...change(this.settings) };
      await this.settingsStore.save(next);
      this.settings = next;
    });
  }

  private async removeDemo(): Promise<number> {
    await this.saveSettings(() => ({ demoCameras: 'removed' }));
    const removed = this.cameras.showDemo(false);
    // Their streams end and every page reloads its camera list, as for cameras removed from the file.
    if (removed.length > 0) this.inventory.announce({ changed: [], removed });
    return removed.length;
  }

  /** The operator's chosen folder, else --snapshot-dir, else <data>/snapshots. */
  private snapshotDir(): string {
    return this.settings.snapshotDir ?? this.options.snapshotDir ?? path.join(this.options.dataDir, 'snapshots');
  }

  private async chooseSnapshotDir(pick: (current: string) => Promise<string | undefined>): Promise<string | undefined> {
    const chosen = await pick(this.snapshotDir());
    if (chosen === undefined) return undefined;
    await this.saveSettings(() => ({ snapshotDir: chosen }));
    return chosen;
  }

  /** Releases everything it started: event forwarding, relay sockets, PTZ moves, every ffmpeg (waited for). */
  dispose(): Promise<void> {
    return this.owned.dispose();
  }
}

/**
 * The one start-up. Throws a CodedError with a sentence for the user when it
 * cannot start (a camera file named on the command line that is missing or
 * damaged beyond its backup).
 */
export async function openPantau(options: OpenPantauOptions): Promise<PantauCore> {
  const cameraFile = options.cameraFile ?? path.join(options.dataDir, 'cameras.json');
  const inventory = await CameraInventory.open(cameraFile, {
    required: options.cameraFile !== undefined,
    logger: options.logger,
    ...(options.sealer ? { sealer: options.sealer } : {}),
  });
  const core = new PantauCore(options, inventory);
  try {
    await core.start();
  } catch (error) {
    await core.dispose();
    throw error;
  }
  return core;
}
