/**
 * The fleet sweep against real servers: GStreamer's RTSP server with Digest
 * (a password full of @:/#%), a closed port, a listener that never answers,
 * a web server on the camera port — each named in the wall's failure classes,
 * written to the real database, and a camera that refused its password not
 * asked again until its entry is edited.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CameraInventory } from '../../electron/core/cameras/camera-inventory';
import { FleetService } from '../../electron/core/fleet/fleet-service';
import { checkRtsp } from '../../electron/core/fleet/rtsp-check';
import { silentLogger } from '../../electron/core/log';
import { defaultFleetSettings, type FleetCamera } from '../../shared/fleet';
import type { CameraFileEntry, StreamStatus } from '../../shared/model';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';

const PASSWORD = 'p@ss:w/rd#%';
let rtsp: RtspServer;
let silent: net.Server;
let web: http.Server;
const portOf = (server: net.Server | http.Server) => (server.address() as AddressInfo).port;

beforeAll(async () => {
  rtsp = await startRtspServer([{ name: 'cam', width: 320, height: 180, fps: 5 }], { digest: `operator:${PASSWORD}` });
  // Accepts the connection and never says a word: a camera or NVR under load.
  silent = net.createServer(() => {});
  web = http.createServer((_req, res) => res.end('<html>login</html>'));
  await Promise.all([silent, web].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
});
afterAll(async () => {
  silent?.close();
  web?.close();
  await rtsp?.stop();
});

function entry(id: string, url: string, username?: string, password?: string): CameraFileEntry {
  return {
    id,
    name: id,
    group: 'Kota Semarang/Tembalang',
    streams: [{ profile: 'main', url }],
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}

/** A data folder with this inventory written to its camera file, opened as the core opens it. */
async function inventoryOf(entries: CameraFileEntry[]): Promise<{ dir: string; inventory: CameraInventory }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pantau-sweep-'));
  const file = path.join(dir, 'cameras.json');
  writeFileSync(file, JSON.stringify({ version: 1, cameras: entries }));
  const inventory = await CameraInventory.open(file, { required: true, logger: silentLogger });
  inventory.registry.showDemo(false);
  return { dir, inventory };
}

describe('the fleet sweep', () => {
  it('names every camera as the wall would, and never asks twice for a refused password', async () => {
    const cam = `rtsp://127.0.0.1:${rtsp.port}/cam`;
    const { dir, inventory } = await inventoryOf([
      entry('good', cam, 'operator', PASSWORD),
      entry('wrong', cam, 'operator', 'salah'),
      entry('nologin', cam),
      entry('missing', `rtsp://127.0.0.1:${rtsp.port}/nope`, 'operator', PASSWORD),
      entry('refused', 'rtsp://127.0.0.1:9/x'),
      entry('silent', `rtsp://127.0.0.1:${portOf(silent)}/x`),
      entry('web', `rtsp://127.0.0.1:${portOf(web)}/`),
      // On the wall and playing: its session is the answer, no check is sent.
      entry('onwall', 'rtsp://127.0.0.1:9/wall'),
    ]);
    const checked: string[] = [];
    const wall: StreamStatus[] = [
      { cameraId: 'onwall', profile: 'main', state: 'live', since: 0, fps: 5, kbps: 100, reconnects: 0 },
    ];
    const fleet = new FleetService({
      file: path.join(dir, 'fleet.db'),
      logger: silentLogger,
      cameras: inventory.registry,
      inventory,
      statuses: () => wall,
      settings: () => ({ ...defaultFleetSettings(true), concurrency: 4 }),
      confirmAfterMs: 50,
      check: (url, _timeout) => {
        checked.push(new URL(url).pathname + (new URL(url).password ? ' (login)' : ''));
        return checkRtsp(url, 1500);
      },
    });
    const events: FleetCamera[] = [];
    fleet.onChange((e) => events.push(...e.cameras));
    try {
      expect(await fleet.sweep()).toEqual({ checked: 8, down: 6 });
      const states = Object.fromEntries(fleet.history.states().map((s) => [s.cameraId, s.reason ?? s.state]));
      expect(states).toEqual({
        good: 'up',
        onwall: 'up',
        wrong: 'auth-failed',
        nologin: 'auth-failed',
        missing: 'rtsp-not-found',
        refused: 'rtsp-unreachable',
        silent: 'rtsp-no-answer',
        web: 'not-rtsp',
      });
      // A failure is believed on the second check; a refused login is never asked twice. (The
      // good camera may be asked twice too: GStreamer answers 503 while it tears a stream down
      // between two clients, which is what the second check is for.)
      const times = (path: string) => checked.filter((c) => c === path).length;
      expect([times('/cam'), times('/nope (login)'), times('/x'), times('/')]).toEqual([1, 2, 4, 2]);
      expect(times('/cam (login)')).toBeGreaterThanOrEqual(2);
      expect(events.map((e) => e.cameraId).sort()).toEqual(Object.keys(states).sort());

      // The next sweep leaves the refused logins alone (an account must not be locked), and
      // asks the cameras already down once each.
      checked.length = 0;
      await fleet.sweep();
      expect([times('/cam'), times('/nope (login)'), times('/x'), times('/')]).toEqual([0, 1, 2, 1]);
      expect(times('/cam (login)')).toBeGreaterThanOrEqual(1);
      // The entry edited with the right password: asked again at once, and up.
      await inventory.update(entry('wrong', cam, 'operator', PASSWORD));
      checked.length = 0;
      await fleet.sweep();
      expect(times('/cam (login)')).toBeGreaterThanOrEqual(2);
      expect(fleet.history.states().find((s) => s.cameraId === 'wrong')).toMatchObject({ state: 'up' });
      // Nothing the page or the database holds carries the password.
      expect(JSON.stringify(fleet.history.states())).not.toContain('rd#');
    } finally {
      await fleet.dispose();
    }
  }, 60_000);

  it('a camera that goes down and comes back is one outage from the check that saw it go to the one that saw it back', async () => {
    const server = await startRtspServer([{ name: 'cam', width: 320, height: 180, fps: 5 }]);
    const port = server.port;
    const { dir, inventory } = await inventoryOf([entry('cam', `rtsp://127.0.0.1:${port}/cam`)]);
    const times: number[] = [];
    let clock = 1_000_000;
    const fleet = new FleetService({
      file: path.join(dir, 'fleet.db'),
      logger: silentLogger,
      cameras: inventory.registry,
      inventory,
      statuses: () => [],
      settings: () => defaultFleetSettings(true),
      confirmAfterMs: 50,
      check: (url) => checkRtsp(url, 1500),
      now: () => (times.push(clock), clock),
    });
    let back: RtspServer | undefined;
    try {
      await fleet.sweep();
      await server.stop();
      clock = 2_000_000;
      await fleet.sweep();
      clock = 3_000_000;
      await fleet.sweep();
      back = await startRtspServer([{ name: 'cam', width: 320, height: 180, fps: 5 }], { port });
      clock = 4_000_000;
      await fleet.sweep();
      expect(fleet.history.outages(0, 5_000_000)).toEqual([
        { cameraId: 'cam', start: 2_000_000, end: 4_000_000, reason: 'rtsp-unreachable' },
      ]);
      expect(fleet.history.states()).toEqual([
        { cameraId: 'cam', state: 'up', since: 4_000_000, checkedAt: 4_000_000 },
      ]);
      expect(fleet.history.lastSweep()).toMatchObject({ checked: 1, down: 0 });
    } finally {
      await fleet.dispose();
      await back?.stop();
    }
  }, 60_000);

  it('one failed answer from a camera that was up is checked again before it becomes an outage', async () => {
    const server = await startRtspServer([{ name: 'cam', width: 320, height: 180, fps: 5 }]);
    const { dir, inventory } = await inventoryOf([entry('busy', server.url('cam'))]);
    let calls = 0;
    const fleet = new FleetService({
      file: path.join(dir, 'fleet.db'),
      logger: silentLogger,
      cameras: inventory.registry,
      inventory,
      statuses: () => [],
      settings: () => defaultFleetSettings(true),
      confirmAfterMs: 50,
      // The second sweep's first answer is a busy NVR's 503; everything else is the real server's.
      check: (url) =>
        ++calls === 2 ? Promise.resolve({ state: 'down', reason: 'rtsp-server-error' }) : checkRtsp(url, 1500),
    });
    try {
      await fleet.sweep();
      await fleet.sweep();
      expect(calls).toBe(3);
      expect(fleet.history.outages(0, Date.now() + 1)).toEqual([]);
      expect(fleet.history.states()[0]).toMatchObject({ state: 'up' });
    } finally {
      await fleet.dispose();
      await server.stop();
    }
  });
});
