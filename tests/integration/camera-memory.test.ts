/**
 * The core remembers a camera across its sessions and follows the inventory:
 * a wrong password keeps its back-off when a tile goes and comes back (tours,
 * reloads), an edited camera plays its new address within a second, and a
 * removed one stops being served — against the real RTSP server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { silentLogger } from '../../electron/core/log';
import { openPantau } from '../../electron/core/pantau-core';
import { StreamHub } from '../../electron/core/streams/stream-hub';
import type { StreamSession } from '../../electron/core/streams/stream-session';
import { withCredentials } from '../../shared/rtsp-url';
import { waitFor } from '../fixtures/processes';
import { startRedirectProxy } from '../fixtures/redirect-proxy';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';

const ffmpegPath = resolveFfmpeg().path;
let locked: RtspServer;
let open: RtspServer;

beforeAll(async () => {
  [locked, open] = await Promise.all([
    startRtspServer([{ name: 'cam', width: 320, height: 240 }], { digest: 'operator:Rahasia123' }),
    startRtspServer([
      { name: 'cam1', width: 320, height: 240 },
      { name: 'cam2', width: 320, height: 240 },
    ]),
  ]);
});
afterAll(() => Promise.all([locked?.stop(), open?.stop()]));

/** The core as the browser host opens it, on a camera file of the test's. */
const openCore = (dataDir: string, cameraFile: string) =>
  openPantau({
    ffmpegPath,
    logger: silentLogger,
    host: 'browser',
    version: 'test',
    dataDir,
    cameraFile,
    send: () => undefined,
  });

describe('a wrong password is not retried sooner because a tile came back', () => {
  it('five tiles opening the camera in turn (tour, reloads) cost one login attempt within the back-off', async () => {
    const hub = new StreamHub({
      ffmpegPath,
      logger: silentLogger,
      sourceFor: () => ({ kind: 'rtsp', url: withCredentials(locked.url('cam'), 'operator', 'salah') }),
      lingerMs: 50,
    });
    const sessions = new Set<StreamSession>();
    try {
      for (let visit = 0; visit < 5; visit++) {
        const subscription = hub.subscribe('cam', 'main', { write: () => undefined });
        sessions.add(subscription.session);
        expect(await waitFor(() => subscription.session.currentStatus.state === 'auth-failed', 10_000)).toBe(true);
        subscription.dispose();
        // Past the linger: the session is retired, as when a tour moves on.
        expect(await waitFor(() => hub.sessions().length === 0, 2000)).toBe(true);
      }
      expect(sessions.size).toBe(5);
      expect([...sessions].reduce((sum, s) => sum + s.spawnCount, 0)).toBe(1);
    } finally {
      await hub.dispose();
    }
  });
});

describe('logins per hour against a wrong-password camera, counted at the camera', () => {
  it('a page reloading and a tour coming back every few seconds cost one login, and the next is 5 min away (≤ 12 an hour)', async () => {
    // Every Authorization header that reaches the camera is counted by a proxy in front of it.
    const door = await startRedirectProxy({ listen: '127.0.0.1', upstream: locked.port, logAuth: true });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-logins-'));
    const cameraFile = path.join(dataDir, 'cameras.json');
    const url = `rtsp://127.0.0.1:${door.port}/cam`;
    const entry = (id: string) => ({
      id,
      name: id,
      username: 'operator',
      password: 'salah',
      streams: [{ profile: 'main', url }],
    });
    writeFileSync(cameraFile, JSON.stringify({ cameras: [entry('gate'), entry('other')] }));
    const core = await openCore(dataDir, cameraFile);
    const port = await core.relay.listen('127.0.0.1', 0);
    let nextLogin = 0;
    core.hub.onStatus((status) => {
      if (status.cameraId === 'gate' && status.retryAt) nextLogin = status.retryAt;
    });
    // A tile: the relay socket a page opens, kept for `ms`, then closed (reload, tour step).
    const showFor = (id: string, ms: number) =>
      new Promise<void>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/stream/${id}/main?token=${core.token}&w=320`);
        ws.once('close', () => resolve());
        setTimeout(() => ws.close(), ms);
      });
    try {
      const started = Date.now();
      // 10 s: reloads of the page showing the camera, and a two-camera tour passing it every 2 s.
      while (Date.now() - started < 10_000) {
        await showFor('gate', 1500);
        await Promise.all([showFor('other', 500), showFor('gate', 500)]);
      }
      const logins = door.authorizations.length;
      const waitS = Math.round((nextLogin - Date.now()) / 1000);
      console.log(`logins in 10 s of reloads and tours: ${logins}; the next one in ${waitS} s`);
      // One login per camera entry (both entries name this camera), whatever the page does;
      // the next only after the 5-minute back-off: at most 12 an hour per entry.
      expect(logins).toBe(2);
      expect(waitS).toBeGreaterThan(4 * 60);
    } finally {
      await core.dispose();
      door.stop();
    }
  });
});

describe('streams follow the inventory', () => {
  it('editing a camera re-opens its stream at the new address within a second; removing it ends the stream', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pantau-follow-'));
    const cameraFile = path.join(dataDir, 'cameras.json');
    writeFileSync(
      cameraFile,
      JSON.stringify({ cameras: [{ id: 'a', name: 'A', streams: [{ profile: 'main', url: open.url('cam1') }] }] }),
    );
    const core = await openCore(dataDir, cameraFile);
    const port = await core.relay.listen('127.0.0.1', 0);
    const view = () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/stream/a/main?token=${core.token}&w=320`);
      const closed = new Promise<{ code: number; at: number }>((resolve) =>
        ws.once('close', (code) => resolve({ code, at: Date.now() })),
      );
      const data = new Promise<void>((resolve) => ws.once('message', () => resolve()));
      return { ws, closed, data };
    };
    try {
      const first = view();
      await first.data;
      // A rename does not interrupt the picture.
      await core.inventory.update({
        id: 'a',
        name: 'A renamed',
        streams: [{ profile: 'main', url: open.url('cam1') }],
      });
      expect(core.hub.sessions()).toHaveLength(1);
      expect(first.ws.readyState).toBe(WebSocket.OPEN);
      const editedAt = Date.now();
      await core.inventory.update({ id: 'a', name: 'A', streams: [{ profile: 'main', url: open.url('cam2') }] });
      const ended = await first.closed;
      expect(ended.code).toBe(1012);
      expect(ended.at - editedAt).toBeLessThan(1000);
      // The page opens it again: the new session reads the new address.
      const second = view();
      await second.data;
      expect(core.hub.sessions()).toHaveLength(1);
      expect(core.hub.sessions()[0]!.spawnCount).toBe(1);
      expect(core.cameras.sourceFor('a', 'main')).toMatchObject({ url: open.url('cam2') });

      await core.inventory.remove('a');
      expect((await second.closed).code).toBe(4404);
      expect(core.hub.sessions()).toHaveLength(0);
    } finally {
      await core.dispose();
    }
  });
});

describe('a camera back after an outage', () => {
  it('plays within 5 s of its return, although its next scheduled attempt is a minute away', async () => {
    let server = await startRtspServer([{ name: 'cam', width: 320, height: 240 }]);
    const port = server.port;
    const hub = new StreamHub({
      ffmpegPath,
      logger: silentLogger,
      sourceFor: () => ({ kind: 'rtsp', url: `rtsp://127.0.0.1:${port}/cam` }),
      timing: { retryBaseMs: 200, retryMaxMs: 400, offlineAfter: 2, offlineRetryMs: 60_000 },
    });
    const subscription = hub.subscribe('cam', 'main', { write: () => undefined });
    try {
      expect(await waitFor(() => subscription.session.currentStatus.state === 'live', 15_000)).toBe(true);
      await server.stop();
      expect(await waitFor(() => subscription.session.currentStatus.state === 'offline', 15_000)).toBe(true);
      expect(subscription.session.currentStatus.retryAt! - Date.now()).toBeGreaterThan(20_000);
      server = await startRtspServer([{ name: 'cam', width: 320, height: 240 }], { port });
      const back = Date.now();
      expect(await waitFor(() => subscription.session.currentStatus.state === 'live', 8_000)).toBe(true);
      const recovery = Date.now() - back;
      console.log(`recovery after the camera came back: ${recovery} ms`);
      expect(recovery).toBeLessThan(5000);
    } finally {
      subscription.dispose();
      await hub.dispose();
      await server.stop();
    }
  });
});
