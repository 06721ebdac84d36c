import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  defaultGamepadMapping,
  gamepadVelocity,
  KEEPALIVE_MS,
  padVelocity,
  PtzDriver,
  type PtzState,
} from '../../renderer/ptz/driver';
import type { PtzVelocity } from '../../shared/onvif';

function rig(fail: { move?: string; stop?: string } = {}) {
  const sent: string[] = [];
  const states: [string, PtzState, string?][] = [];
  const driver = new PtzDriver(
    {
      move: async (id, v: PtzVelocity) => (
        sent.push(`move ${id} ${v.pan},${v.tilt},${v.zoom}`),
        fail.move ? { ok: false, message: fail.move } : { ok: true }
      ),
      stop: async (id) => (sent.push(`stop ${id}`), fail.stop ? { ok: false, message: fail.stop } : { ok: true }),
    },
    (id, state, error) => states.push(error ? [id, state, error] : [id, state]),
  );
  return { driver, sent, states };
}
const flush = () => new Promise((r) => setImmediate(r));

describe('PTZ driver: press and hold', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  it('moves while held, sends only noticeable changes, stops on release, and reports what the camera confirmed', async () => {
    const { driver, sent, states } = rig();
    driver.hold('cam', 'pad', { pan: 0.5, tilt: 0, zoom: 0 });
    driver.hold('cam', 'pad', { pan: 0.52, tilt: 0.01, zoom: 0 }); // too small to send
    driver.hold('cam', 'pad', { pan: 0.8, tilt: 0, zoom: 0 });
    await flush();
    expect(states.at(-1)).toEqual(['cam', 'moving']);
    driver.release('cam', 'pad');
    await flush();
    expect(sent).toEqual(['move cam 0.5,0,0', 'move cam 0.8,0,0', 'stop cam']);
    expect(states.at(-1)).toEqual(['cam', 'still']);
    driver.release('cam', 'pad'); // nothing held: nothing sent
    expect(sent).toHaveLength(3);
  });

  it('repeats a held move inside the device timeout, and stops repeating after release', async () => {
    const { driver, sent } = rig();
    driver.hold('cam', 'keys', { pan: 0, tilt: 1, zoom: 0 });
    vi.advanceTimersByTime(KEEPALIVE_MS * 2 + 10);
    expect(sent).toEqual(['move cam 0,1,0', 'move cam 0,1,0', 'move cam 0,1,0']);
    driver.release('cam', 'keys');
    vi.advanceTimersByTime(KEEPALIVE_MS * 3);
    expect(sent.at(-1)).toBe('stop cam');
    expect(sent).toHaveLength(4);
  });

  it('with two inputs held, the newest wins; letting go of one falls back to the other; the last stops', async () => {
    const { driver, sent } = rig();
    driver.hold('cam', 'gamepad', { pan: -1, tilt: 0, zoom: 0 });
    driver.hold('cam', 'keys', { pan: 0, tilt: 0, zoom: 0.5 });
    driver.release('cam', 'keys');
    driver.release('cam', 'gamepad');
    expect(sent).toEqual(['move cam -1,0,0', 'move cam 0,0,0.5', 'move cam -1,0,0', 'stop cam']);
  });

  it('letting go of everything (window blur) stops every camera held', () => {
    const { driver, sent } = rig();
    driver.hold('a', 'pad', { pan: 1, tilt: 0, zoom: 0 });
    driver.hold('b', 'keys', { pan: 0, tilt: -1, zoom: 0 });
    driver.releaseAll();
    expect(sent.filter((s) => s.startsWith('stop'))).toEqual(['stop a', 'stop b']);
    expect(driver.isHeld('a') || driver.isHeld('b')).toBe(false);
  });

  it('a refused move leaves the state unknown with the reason, lets go, and still tries a stop', async () => {
    const { driver, sent, states } = rig({ move: 'The device refused the username or password.' });
    driver.hold('cam', 'pad', { pan: 1, tilt: 0, zoom: 0 });
    await flush();
    await flush();
    expect(sent).toEqual(['move cam 1,0,0', 'stop cam']);
    expect(states[0]).toEqual(['cam', 'unknown', 'The device refused the username or password.']);
    expect(driver.isHeld('cam')).toBe(false);
  });

  it('a failed stop is reported as unknown, never as still', async () => {
    const { driver, states } = rig({ stop: 'The device did not answer in time.' });
    driver.hold('cam', 'pad', { pan: 1, tilt: 0, zoom: 0 });
    driver.release('cam', 'pad');
    await flush();
    expect(states.at(-1)).toEqual(['cam', 'unknown', 'The device did not answer in time.']);
  });
});

describe('PTZ inputs', () => {
  it('pad: direction from the centre, speed by distance, a still centre, capped at the rim', () => {
    expect(padVelocity(0.5, 0.5)).toEqual({ pan: 0, tilt: 0, zoom: 0 });
    expect(padVelocity(0.75, 0.5)).toEqual({ pan: 0.5, tilt: 0, zoom: 0 });
    expect(padVelocity(0.5, 0)).toEqual({ pan: 0, tilt: 1, zoom: 0 });
    expect(padVelocity(1, 1)).toEqual({ pan: 0.71, tilt: -0.71, zoom: 0 });
  });

  it('gamepad: dead zone, inverted tilt, shoulder buttons zoom', () => {
    const m = defaultGamepadMapping;
    expect(gamepadVelocity([0.1, -0.1], [], m)).toEqual({ pan: 0, tilt: 0, zoom: 0 });
    expect(gamepadVelocity([1, -1], [], m)).toEqual({ pan: 1, tilt: 1, zoom: 0 });
    expect(gamepadVelocity([0.575, 0], [], m)).toEqual({ pan: 0.5, tilt: 0, zoom: 0 });
    const pressed = [];
    pressed[5] = true;
    expect(gamepadVelocity([0, 0], pressed, m)).toEqual({ pan: 0, tilt: 0, zoom: 0.5 });
    expect(gamepadVelocity([0, 0, 0, -0.9], [], { ...m, zoomAxis: 3 })).toEqual({ pan: 0, tilt: 0, zoom: -0.88 });
  });
});
