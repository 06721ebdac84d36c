/**
 * ONVIF events → alarms (issue #14), against the project's ONVIF camera with
 * its PullPoint event service (tests/fixtures/onvif-events.ts): a watch list
 * that takes events subscribes, the camera's motion and tamper become alarms
 * (ended when the camera says they ended), the subscription is renewed, and a
 * watch list that stops taking events unsubscribes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlarmService, type AlarmEvent } from '../../electron/core/alarms/alarm-service';
import { EventWatch } from '../../electron/core/alarms/event-watch';
import { CameraInventory } from '../../electron/core/cameras/camera-inventory';
import { SqlDatabase } from '../../electron/core/db/database';
import { pantauMigrations } from '../../electron/core/db/migrations';
import { silentLogger } from '../../electron/core/log';
import type { WatchList } from '../../shared/alarms';
import { startOnvifDevice, type OnvifDevice } from '../fixtures/onvif-device';

const credentials = { username: 'operator', password: 'Rahasia#1' };
let device: OnvifDevice;

beforeAll(async () => {
  device = await startOnvifDevice({
    ...credentials,
    profiles: [{ token: 'p0', name: 'main', width: 640, height: 360, fps: 10, uri: 'rtsp://127.0.0.1:9/x' }],
    events: true,
    // The camera's clock runs an hour off: alarms are timed by ours.
    clockOffsetMs: 3_600_000,
  });
});
afterAll(() => device?.stop());

const until = async (what: () => boolean, ms = 8000) => {
  const t0 = Date.now();
  while (!what()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('ONVIF events', () => {
  it('become alarms while a watch list takes them, and stop when it does not', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pantau-events-'));
    const file = path.join(dir, 'cameras.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        cameras: [
          {
            id: 'kpu-1',
            name: 'Gudang KPU Pintu',
            group: 'Gudang logistik KPU',
            streams: [{ profile: 'main', url: 'rtsp://127.0.0.1:9/x' }],
            ...credentials,
            onvif: { address: device.address, profileToken: 'p0', ptz: false },
          },
        ],
      }),
    );
    const inventory = await CameraInventory.open(file, { required: true, logger: silentLogger });
    const { db } = SqlDatabase.open(path.join(dir, 'fleet.db'), pantauMigrations, silentLogger);
    // The fleet and the wall raise nothing here: their sources stay silent.
    const alarms = new AlarmService({
      db,
      logger: silentLogger,
      cameras: inventory.registry,
      fleet: { onChange: () => () => {} },
      hub: { onStatus: () => () => {} },
      who: 'operator@test',
    });
    const watch = new EventWatch({ alarms, cameras: inventory.registry, inventory, logger: silentLogger });
    const seen: AlarmEvent[] = [];
    alarms.onChange((e) => seen.push(e));
    const list: WatchList = {
      id: 'kpu',
      name: 'Gudang KPU',
      groups: ['Gudang logistik KPU'],
      cameraIds: [],
      pop: { wall: '1', tile: 0 },
      sound: true,
      events: true,
    };
    try {
      alarms.saveWatchList(list);
      expect(watch.watching).toEqual(['kpu-1']);
      await until(() => device.events.requests.includes('PullMessages'));

      const before = Date.now();
      device.raise('motion', true);
      await until(() => seen.some((e) => e.raised && e.alarm.kind === 'motion'));
      const motion = seen.find((e) => e.raised)!;
      expect(motion).toMatchObject({ raised: true, pop: { wall: '1', tile: 0 }, sound: true });
      expect(motion.alarm).toMatchObject({ cameraId: 'kpu-1', kind: 'motion', watchList: 'kpu' });
      // Our clock, not the camera's hour-off one.
      expect(Math.abs(motion.alarm.raisedAt - before)).toBeLessThan(5000);
      // Still moving: no second alarm for the same thing.
      device.raise('motion', true);
      device.raise('motion', false);
      await until(() => alarms.log.get(motion.alarm.id).endedAt !== undefined);
      expect(seen.filter((e) => e.raised && e.alarm.kind === 'motion')).toHaveLength(1);

      device.raise('tamper', true);
      await until(() => seen.some((e) => e.raised && e.alarm.kind === 'tamper'));
      expect(
        alarms.ack(seen.find((e) => e.alarm.kind === 'tamper')!.alarm.id, 'Lensa ditutup, petugas dikirim'),
      ).toMatchObject({
        ackedBy: 'operator@test',
        note: 'Lensa ditutup, petugas dikirim',
      });
      // The subscription is renewed after each pull (as Axis and other cameras require).
      expect(device.events.requests).toContain('Renew');

      // The watch list stops taking events: the camera is unsubscribed.
      alarms.saveWatchList({ ...list, events: false });
      expect(watch.watching).toEqual([]);
      await until(() => device.events.requests.includes('Unsubscribe') && device.events.live() === 0, 10_000);
      device.raise('video-loss', true);
      await new Promise((r) => setTimeout(r, 1500));
      expect(seen.some((e) => e.alarm.kind === 'video-loss')).toBe(false);
    } finally {
      watch.dispose();
      alarms.dispose();
      db.close();
    }
  }, 30_000);
});
