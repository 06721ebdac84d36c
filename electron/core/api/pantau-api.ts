/** The implementation of the contract in shared/api.ts. */
import { chooseStream } from '../../../shared/stream-choice';
import { CodedError } from '../../../shared/errors';
import { evidenceProfile } from '../../../shared/evidence';
import type { CameraInventory } from '../cameras/camera-inventory';
import type { CameraRegistry } from '../cameras/camera-registry';
import { probeCamera } from '../cameras/probe';
import { ProbeGate } from '../cameras/probe-gate';
import type { OnvifService } from '../onvif/onvif-service';
import { cameraFromDevice, type PtzManager } from '../onvif/ptz-manager';
import { listSnapshots } from '../snapshots/snapshot-list';
import { takeSnapshot } from '../snapshots/snapshot-service';
import type { LayoutService } from '../store/layout-service';
import type { StreamHub } from '../streams/stream-hub';
import { SystemLoad } from '../system-load';
import type { ApiHandlers } from './dispatch';
import { credentialsOf } from '../../../shared/model';
import type { UiSettings } from '../../../shared/api';
import type { fleetMethods } from '../../../shared/fleet-api';
import type { alarmMethods } from '../../../shared/alarm-api';
import type { evidenceMethods } from '../../../shared/evidence-api';
import type { accessMethods } from '../../../shared/access-api';
import { withoutUserInfo } from '../../../shared/rtsp-url';
import type { EvidenceKey } from '../evidence/evidence-key';

export interface ApiDeps {
  cameras: CameraRegistry;
  onvif: OnvifService;
  ptz: PtzManager;
  hub: StreamHub;
  layouts: LayoutService;
  inventory: CameraInventory;
  ffmpegPath: string;
  /** Where snapshots are written now (the operator may choose another under Electron). */
  snapshotDir: () => string;
  /** Who signs evidence on this machine: the installation's key and the operator's name (evidence clips too). */
  evidenceSigner: () => { key: EvidenceKey; operator: string };
  /** The host's folder chooser (Electron's dialog); absent in the browser host. Resolves undefined when cancelled. */
  chooseSnapshotDir?: () => Promise<string | undefined>;
  /** Opens a folder in the file manager (Electron's shell); absent in the browser host, whose files may be on another machine. */
  openFolder?: (folder: string) => Promise<void>;
  token: string;
  host: 'electron' | 'browser';
  version: string;
  /** Hides the demo cameras for good (remembered in settings.json); resolves how many went. */
  removeDemo: () => Promise<number>;
  /** The operator's display choices (settings.json), and a change to them. */
  uiSettings: () => UiSettings;
  saveUiSettings: (change: UiSettings) => Promise<UiSettings>;
  /** The fleet watch's handlers (electron/core/fleet/fleet-handlers.ts). */
  fleet: Pick<ApiHandlers, keyof typeof fleetMethods>;
  /** The alarms' handlers (electron/core/alarms/alarm-handlers.ts). */
  alarms: Pick<ApiHandlers, keyof typeof alarmMethods>;
  /** The evidence clips' handlers (electron/core/evidence/evidence-handlers.ts). */
  evidence: Pick<ApiHandlers, keyof typeof evidenceMethods>;
  /** The access links' handlers (electron/core/access). */
  access: Pick<ApiHandlers, keyof typeof accessMethods>;
}

export function createApiHandlers(deps: ApiDeps): ApiHandlers {
  const probes = new ProbeGate();
  const load = new SystemLoad(() => deps.hub.sessions().flatMap((s) => (s.pid === undefined ? [] : [s.pid])));
  return {
    'app:info': () => ({
      name: 'Pantau',
      version: deps.version,
      host: deps.host,
      demo: deps.cameras.isDemo,
      secrets: deps.inventory.secretStorage,
      unreadablePasswords: deps.inventory.unreadable(),
      ...(deps.inventory.startupNotice ? { cameraFileNotice: deps.inventory.startupNotice } : {}),
    }),
    'camera:list': () => deps.cameras.summaries(),
    'stream:open': (params, context) => {
      const camera = deps.cameras.summary(params.cameraId);
      const chosen = chooseStream(camera.profiles, params.tileWidth, params.tileHeight);
      const profile = params.profile ? camera.profiles.find((p) => p.profile === params.profile) : chosen?.profile;
      if (!profile || !chosen)
        throw new CodedError('profile-not-found', `Camera "${camera.id}" has no "${params.profile}" stream.`);
      const path = `/stream/${encodeURIComponent(camera.id)}/${encodeURIComponent(profile.profile)}`;
      // A caller on an access link gets its own token in the address, never the machine's.
      const query = new URLSearchParams({ token: context.relayToken ?? deps.token, w: String(chosen.box.width) });
      if (params.video === 'h264') query.set('video', 'h264');
      if (params.rate && params.rate !== 'full') query.set('rate', params.rate);
      return {
        url: `${context.relayBase}${path}?${query.toString()}`,
        profile: profile.profile,
        width: chosen.box.width,
        height: chosen.box.height,
      };
    },
    'stream:statuses': () => deps.hub.statuses(),
    'camera:import': (params) => deps.inventory.importCsv(params.text, params.apply),
    'camera:probe': (params) => {
      // Edit dialog: an empty password means the stored one, used here inside the core.
      const target =
        params.cameraId && params.password === undefined
          ? deps.inventory.probeTarget(params.cameraId, params.url, params.username)
          : params;
      return probes.run(target.url, () =>
        probeCamera(deps.ffmpegPath, target.url, target.username, target.password, undefined, params.transport),
      );
    },
    'camera:add': async (params) => {
      await deps.inventory.add(params.camera);
      return deps.cameras.summary(params.camera.id);
    },
    'camera:get': (params) => deps.inventory.get(params.cameraId),
    'camera:update': async (params) => {
      const { passwordDropped } = await deps.inventory.update(params.camera, params.clearPassword);
      return { ...deps.cameras.summary(params.camera.id), passwordDropped };
    },
    'camera:remove': async (params) => (await deps.inventory.remove(params.cameraId), {}),
    'demo:remove': async () => ({ removed: await deps.removeDemo() }),
    'camera:export': (params) => ({ text: deps.inventory.exportCsv(params.includePasswords) }),
    'layout:list': () => deps.layouts.list(),
    'layout:save': (params) => deps.layouts.save(params.layout),
    'layout:delete': async (params) => (await deps.layouts.remove(params.id), {}),
    'layout:default': async (params) => (await deps.layouts.setDefault(params.id), {}),
    'layout:lock': (params) => deps.layouts.lock(params.id, params.locked),
    'layout:import': (params) => deps.layouts.import(params.text, new Set(deps.cameras.summaries().map((c) => c.id))),
    'layout:export': (params) => ({ text: deps.layouts.export(params.ids) }),
    'snapshot:take': (params) => {
      const camera = deps.cameras.summary(params.cameraId);
      const profile = params.profile ?? evidenceProfile(camera.profiles)!;
      const source = deps.cameras.sourceFor(camera.id, profile);
      const signer = deps.evidenceSigner();
      return takeSnapshot({
        ffmpegPath: deps.ffmpegPath,
        source,
        camera,
        folder: deps.snapshotDir(),
        signing: {
          ...signer,
          version: deps.version,
          region: camera.group ?? '',
          stream: source.kind === 'rtsp' ? withoutUserInfo(source.url) : 'demo',
        },
      });
    },
    'onvif:discover': async (params) => ({ devices: await deps.onvif.discover(params) }),
    'onvif:inspect': (params) => deps.onvif.inspect(params.address, credentialsOf(params)),
    'onvif:add': async (params) => {
      const report = await deps.onvif.inspect(params.address, credentialsOf(params));
      const camera = cameraFromDevice(report, {
        ...params,
        ...(params.group?.trim() ? { group: params.group.trim() } : {}),
      });
      await deps.inventory.add(camera);
      return deps.cameras.summary(camera.id);
    },
    'ptz:move': async (params) => ({ sent: await deps.ptz.move(params.cameraId, params.velocity) }),
    'ptz:stop': async (params) => (await deps.ptz.stop(params.cameraId), {}),
    'ptz:presets': async (params) => ({ presets: await deps.ptz.presets(params.cameraId) }),
    'ptz:goto': async (params) => (await deps.ptz.gotoPreset(params.cameraId, params.token), {}),
    'ptz:save': async (params) => ({ token: await deps.ptz.savePreset(params.cameraId, params.name) }),
    'ptz:forget': async (params) => (await deps.ptz.removePreset(params.cameraId, params.token), {}),
    'ptz:home': async (params) => (await deps.ptz.home(params.cameraId), {}),
    'snapshot:folder': () => ({ folder: deps.snapshotDir(), canChoose: deps.chooseSnapshotDir !== undefined }),
    'snapshot:choose': async () => {
      if (!deps.chooseSnapshotDir)
        throw new CodedError('unsupported', 'This host has no folder chooser: start it with --snapshot-dir FOLDER.');
      const chosen = await deps.chooseSnapshotDir();
      return { folder: deps.snapshotDir(), chosen: chosen !== undefined };
    },
    'snapshot:list': async (params) => {
      const folder = deps.snapshotDir();
      return {
        folder,
        canOpen: deps.openFolder !== undefined,
        canChoose: deps.chooseSnapshotDir !== undefined,
        items: await listSnapshots({ folder, ffmpegPath: deps.ffmpegPath, limit: params.limit }),
      };
    },
    'snapshot:reveal': async () => {
      if (!deps.openFolder) throw new CodedError('unsupported', 'This host cannot open folders on the screen.');
      await deps.openFolder(deps.snapshotDir());
      return {};
    },
    'system:load': () => load.sample(),
    'settings:get': () => deps.uiSettings(),
    'settings:set': (params) => deps.saveUiSettings(params),
    'tour:get': () => ({ tour: deps.layouts.tour() }),
    'tour:save': async (params) => (await deps.layouts.saveTour(params.tour), {}),
    ...deps.fleet,
    ...deps.alarms,
    ...deps.evidence,
    ...deps.access,
  };
}
