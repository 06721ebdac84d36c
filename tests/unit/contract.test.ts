import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LayoutService } from '../../electron/core/store/layout-service';
import { CameraInventory } from '../../electron/core/cameras/camera-inventory';
import { dispatch, type ApiHandlers } from '../../electron/core/api/dispatch';
import { createApiHandlers } from '../../electron/core/api/pantau-api';
import { OnvifClient } from '../../electron/core/onvif/onvif-service';
import { PtzManager, ptzLookup } from '../../electron/core/onvif/ptz-manager';
import { CameraRegistry } from '../../electron/core/cameras/camera-registry';
import { silentLogger } from '../../electron/core/log';
import { StreamHub } from '../../electron/core/streams/stream-hub';
import { alarmHandlers } from '../../electron/core/alarms/alarm-handlers';
import { EvidenceKey } from '../../electron/core/evidence/evidence-key';
import { evidenceHandlers } from '../../electron/core/evidence/evidence-handlers';
import { EvidenceService } from '../../electron/core/evidence/evidence-service';
import { defaultEvidenceSettings } from '../../shared/evidence';
import { AlarmService } from '../../electron/core/alarms/alarm-service';
import { fleetHandlers } from '../../electron/core/fleet/fleet-handlers';
import { FleetService } from '../../electron/core/fleet/fleet-service';
import { defaultFleetSettings } from '../../shared/fleet';
import { apiEventNames, apiMethodNames } from '../../shared/api';
import { accessHandlers } from '../../electron/core/access/access-handlers';
import { AccessLinks } from '../../electron/core/access/access-links';
import en from '../../resources/i18n/en.json';
import id from '../../resources/i18n/id.json';

const cameras = CameraRegistry.demo();
// The hub is never asked to start a stream here, so no ffmpeg path is needed.
const hub = new StreamHub({
  ffmpegPath: '/nonexistent',
  logger: silentLogger,
  sourceFor: (c, p) => cameras.sourceFor(c, p),
});
const layouts = new LayoutService(
  path.join(mkdtempSync(path.join(tmpdir(), 'pantau-contract-')), 'layouts.json'),
  silentLogger,
);
// A folder of its own: two runs at once must not write the same file.
const inventory = new CameraInventory(
  path.join(mkdtempSync(path.join(tmpdir(), 'pantau-contract-')), 'cameras.json'),
  [],
  cameras,
  silentLogger,
);
const fleet = new FleetService({
  file: path.join(mkdtempSync(path.join(tmpdir(), 'pantau-contract-')), 'fleet.db'),
  logger: silentLogger,
  cameras,
  inventory,
  statuses: () => [],
  settings: () => defaultFleetSettings(false),
});
const evidenceDir = mkdtempSync(path.join(tmpdir(), 'pantau-contract-'));
const evidenceKey = await EvidenceKey.open(evidenceDir, silentLogger);
const onvif = new OnvifClient();
const ptz = new PtzManager(onvif, ptzLookup(inventory, cameras));
const handlers = createApiHandlers({
  cameras,
  onvif,
  ptz,
  hub,
  layouts,
  inventory,
  ffmpegPath: '/nonexistent',
  snapshotDir: () => tmpdir(),
  evidenceSigner: () => ({ key: evidenceKey, operator: '' }),
  token: 'T0KEN',
  host: 'browser',
  version: '1.2.3',
  removeDemo: async () => 0, // the core's own is tested through the browser host (e2e)
  // The core's own settings store is tested through the browser host (e2e); here, a plain object.
  uiSettings: () => ({}),
  saveUiSettings: async (change) => change,
  fleet: fleetHandlers({
    fleet,
    cameras,
    settings: () => defaultFleetSettings(false),
    saveSettings: async (change) => ({ ...defaultFleetSettings(false), ...change }),
  }),
  alarms: alarmHandlers(new AlarmService({ db: fleet.db, logger: silentLogger, cameras, fleet, hub })),
  access: accessHandlers(new AccessLinks(evidenceDir, silentLogger)),
  evidence: evidenceHandlers({
    evidence: new EvidenceService({
      ffmpegPath: '/nonexistent',
      logger: silentLogger,
      cameras,
      hub,
      key: () => evidenceKey,
      settings: () => defaultEvidenceSettings,
      evidenceDir: () => evidenceDir,
      operator: () => '',
      version: '1.2.3',
    }),
    key: () => evidenceKey,
    evidenceDir: () => evidenceDir,
    settings: () => ({ ...defaultEvidenceSettings, operator: '' }),
    saveSettings: async () => undefined,
  }),
});
const context = { relayBase: 'ws://127.0.0.1:9' };
const call = (method: unknown, params: unknown) => dispatch(handlers, method, params, context, silentLogger);

describe('the API contract', () => {
  it('names channels domain:verb', () => {
    for (const name of [...apiMethodNames, ...apiEventNames]) expect(name).toMatch(/^[a-z]+:[a-z]+$/);
  });

  it('answers a valid call with a value', async () => {
    expect(await call('app:info', {})).toEqual({
      ok: true,
      value: {
        name: 'Pantau',
        version: '1.2.3',
        host: 'browser',
        demo: true,
        secrets: 'plain',
        unreadablePasswords: [],
      },
    });
  });

  it('opens a stream as a relay URL carrying the token', async () => {
    const result = await call('stream:open', { cameraId: 'demo-2', tileWidth: 640, tileHeight: 360 });
    expect(result).toEqual({
      ok: true,
      value: { url: 'ws://127.0.0.1:9/stream/demo-2/main?token=T0KEN&w=640', profile: 'main', width: 640, height: 360 },
    });
  });

  it('refuses PTZ on a camera that does not report it, saying so', async () => {
    expect(await call('ptz:move', { cameraId: 'demo-1', velocity: { pan: 1, tilt: 0, zoom: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: 'Camera "demo-1" does not take PTZ commands.' },
    });
    expect(await call('ptz:stop', { cameraId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'camera-not-found' },
    });
    expect(await call('ptz:move', { cameraId: 'demo-1', velocity: { pan: 2, tilt: 0, zoom: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('refuses evidence of a demo picture, a path out of the evidence folder, and a chooser it has not', async () => {
    expect(await call('evidence:save', { cameraId: 'demo-1' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: 'A demo camera’s test picture cannot be saved as evidence.' },
    });
    for (const folder of ['../x', '/etc', '.partial-abc'])
      expect(await call('evidence:verify', { folder })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    expect(await call('evidence:check', {})).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringContaining('npm run verify -- FOLDER') },
    });
  });

  it('takes no sealed password from the page', async () => {
    const camera = {
      id: 'x1',
      name: 'X',
      streams: [{ profile: 'main', url: 'rtsp://127.0.0.1/x' }],
      passwordSealed: 'AAAA',
    };
    expect(await call('camera:add', { camera })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses methods outside the contract', async () => {
    expect(await call('fs:read', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses malformed params, naming the field', async () => {
    const result = await call('stream:open', { cameraId: '../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!result.ok && result.error.message).toContain('params.cameraId');
    expect(await call('camera:list', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('turns a coded failure into an error value', async () => {
    expect(await call('stream:open', { cameraId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'camera-not-found' },
    });
  });

  it('checks results against the contract too', async () => {
    const broken = { ...handlers, 'app:info': () => ({ name: 'Other' }) } as unknown as ApiHandlers;
    expect(await dispatch(broken, 'app:info', {}, context, silentLogger)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('translations', () => {
  it('have the same keys in Bahasa Indonesia and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const value of [...Object.values(en), ...Object.values(id)]) expect(value.trim()).not.toBe('');
  });
});
