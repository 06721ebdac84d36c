/**
 * The browser host as `npm run serve` runs it: built CLI, real RTSP server,
 * real WebSockets, real ffmpeg processes.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PAGE_CSP } from '../../electron/core/host/static-files';
import { ffmpegProcesses, waitFor } from '../fixtures/processes';
import { newDataDir, runHostToExit, startHost, writeCameraFile, type RunningHost } from '../fixtures/host';
import { rpc, upgradeStatus } from '../fixtures/rpc';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';

const SEQUENCE_HEADER = Buffer.from([0x00, 0x00, 0x01, 0xb3]);

let camera: RtspServer;
let host: RunningHost;

beforeAll(async () => {
  camera = await startRtspServer([{ name: 'cam1', width: 640, height: 360 }]);
  const file = writeCameraFile([
    {
      id: 'cam-1',
      name: 'Simpang Lima',
      streams: [{ profile: 'main', url: camera.url('cam1'), width: 640, height: 360 }],
      username: 'op',
      password: 'Rahasia123',
    },
  ]);
  host = await startHost(['--cameras', file, '--linger-ms', '500']);
});

afterAll(async () => {
  await host?.stop('SIGKILL');
  await camera?.stop();
});

describe('browser host', () => {
  it('prints one ready line with a loopback URL carrying the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/);
    expect(host.output().match(/Pantau ready at/g)).toHaveLength(1);
  });

  it('serves the built renderer with its CSP', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect((await fetch(`${host.origin}/../../etc/passwd`)).status).toBe(404);
  });

  it('refuses API and stream sockets without the token, with a foreign Origin, or a foreign Host', async () => {
    const api = `ws://127.0.0.1:${host.port}/api`;
    const stream = `ws://127.0.0.1:${host.port}/stream/cam-1/main`;
    expect(await upgradeStatus(api)).toBe(401);
    expect(await upgradeStatus(`${api}?token=wrong`)).toBe(401);
    expect(await upgradeStatus(stream)).toBe(401);
    expect(await upgradeStatus(`${api}?token=${host.token}`, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(`${stream}?token=${host.token}`, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(`${api}?token=${host.token}`, { Host: `rebound.example:${host.port}` })).toBe(403);
    expect(await upgradeStatus(`${api}?token=${host.token}`, { Origin: host.origin })).toBe(101);
  });

  it('answers the API contract and never sends a URL or password to the page', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const cameras = await rpc(ws, 'camera:list', {});
    expect(cameras).toEqual({
      ok: true,
      value: [
        { id: 'cam-1', name: 'Simpang Lima', demo: false, profiles: [{ profile: 'main', width: 640, height: 360 }] },
      ],
    });
    expect(JSON.stringify(cameras)).not.toMatch(/rtsp|Rahasia123/);
    expect(await rpc(ws, 'nope:nope', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const opened = await rpc(ws, 'stream:open', { cameraId: 'cam-1' });
    expect(opened).toEqual({
      ok: true,
      value: {
        profile: 'main',
        url: `ws://127.0.0.1:${host.port}/stream/cam-1/main?token=${host.token}&w=1280`,
        width: 1280,
        height: 720,
      },
    });
    ws.close();
  });

  it('survives a malformed frame: that socket closes, the host keeps answering', async () => {
    const bad = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    await new Promise((resolve) => bad.once('open', resolve));
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    bad.send(Buffer.from([0xc3, 0x28]), { binary: false }); // a text frame that is not UTF-8
    expect(await closed).toBe(1007);
    const good = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    await new Promise((resolve) => good.once('open', resolve));
    // A request far above the old 64 KiB frame limit: a city's CSV checked, not written.
    const csv =
      'id,name,main url\n' +
      Array.from({ length: 5000 }, (_, i) => `big-${i},Kamera ${i},rtsp://127.0.0.1:1/${i}`).join('\n');
    expect(csv.length).toBeGreaterThan(150_000);
    expect(await rpc(good, 'camera:import', { text: csv, apply: false })).toMatchObject({
      ok: true,
      value: { rejected: [] },
    });
    good.close();
  });

  it('relays the camera: the first message carries a sequence header; the process goes after the viewer', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/stream/cam-1/main?token=${host.token}`);
    const first = await new Promise<Buffer>((resolve) => ws.once('message', (data) => resolve(data as Buffer)));
    // A fresh ffmpeg may first send PAT/PMT alone; by the second GOP every message is whole packets.
    const received: Buffer[] = [first];
    ws.on('message', (data) => received.push(data as Buffer));
    expect(await waitFor(() => Buffer.concat(received).includes(SEQUENCE_HEADER), 15_000)).toBe(true);
    expect(first[0]).toBe(0x47);
    expect(ffmpegProcesses(`:${camera.port}/cam1`)).toHaveLength(1);
    // The password went into ffmpeg's arguments, but no log line shows it.
    expect(host.output()).not.toContain('Rahasia123');

    // A second viewer joins the running stream and its first message holds a whole GOP start.
    const joiner = new WebSocket(`ws://127.0.0.1:${host.port}/stream/cam-1/main?token=${host.token}`);
    const joined = await new Promise<Buffer>((resolve) => joiner.once('message', (data) => resolve(data as Buffer)));
    expect(joined.includes(SEQUENCE_HEADER)).toBe(true);
    expect(ffmpegProcesses(`:${camera.port}/cam1`)).toHaveLength(1);

    ws.close();
    joiner.close();
    expect(await waitFor(() => ffmpegProcesses(`:${camera.port}/cam1`).length === 0, 8000)).toBe(true);
  });

  it('closes a stream socket for an unknown camera with a reason', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/stream/ghost/main?token=${host.token}`);
    const [code, reason] = await new Promise<[number, string]>((resolve) =>
      ws.once('close', (c, r) => resolve([c, r.toString()])),
    );
    expect(code).toBe(4404);
    expect(reason).toContain('ghost');
  });

  it('stops every ffmpeg it started on SIGTERM', async () => {
    const file = writeCameraFile([{ id: 'cam-1', name: 'A', streams: [{ profile: 'main', url: camera.url('cam1') }] }]);
    const own = await startHost(['--cameras', file]);
    const viewer = new WebSocket(`ws://127.0.0.1:${own.port}/stream/cam-1/main?token=${own.token}`);
    await new Promise((resolve) => viewer.once('message', resolve));
    const marker = `:${camera.port}/cam1`;
    expect(ffmpegProcesses(marker).length).toBeGreaterThan(0);
    expect(await own.stop('SIGTERM')).toBe(0);
    expect(ffmpegProcesses(marker)).toHaveLength(0);
  });
});

describe('browser host start-up errors', () => {
  it('says clearly when ffmpeg is missing', async () => {
    const result = await runHostToExit([], { FFMPEG_PATH: '/nonexistent/ffmpeg' });
    expect(result.code).toBe(69);
    expect(result.output).toContain('Pantau cannot start: FFMPEG_PATH is set to "/nonexistent/ffmpeg"');
  });

  it('names the bad field of a camera file and exits', async () => {
    const file = writeCameraFile([{ id: 'x', name: 'X', streams: [{ profile: 'main', url: 'file:///etc/passwd' }] }]);
    const result = await runHostToExit(['--cameras', file]);
    expect(result.code).toBe(65);
    expect(result.output).toContain('cameras[0].streams[0].url');
    expect(result.output).toContain('only rtsp:// and rtsps://');
  });
});

describe('bounded', () => {
  it('a page that stops reading its API socket is cut off, not buffered without end', async () => {
    const { cityCameras } = await import('../fixtures/city');
    const big = await startHost([
      '--cameras',
      writeCameraFile(cityCameras(20_000, (i) => `rtsp://10.${(i >> 8) & 255}.${i & 255}.1/stream`)),
    ]);
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${big.port}/api?token=${big.token}`, { origin: big.origin });
      await new Promise((resolve) => ws.once('open', resolve));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      ws.pause(); // reads nothing from here on
      // Each reply is the 20,000-camera inventory as CSV (~2 MB): 80 of them are far past what a page may leave waiting.
      for (let id = 1; id <= 80; id++)
        ws.send(JSON.stringify({ id, method: 'camera:export', params: { includePasswords: false } }));
      expect(await waitFor(() => big.output().includes('does not read'), 30_000)).toBe(true);
      // A paused socket learns of the close only when it reads again.
      ws.resume();
      const outcome = await Promise.race([
        closed.then(() => 'closed'),
        new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000)),
      ]);
      expect(outcome).toBe('closed');
    } finally {
      await big.stop('SIGKILL');
    }
  });
});

describe('the link token across restarts', () => {
  it('is kept in the data folder (owner-only), so a restart keeps links; --new-token revokes them', async () => {
    const dataDir = newDataDir();
    const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
    const check = (origin: string, token: string) =>
      fetch(`${origin}/api/token`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);

    const first = await startHost(['--data-dir', dataDir]);
    const kept = tokenOf(first.url);
    expect(await check(first.origin, kept)).toBe(204);
    expect(await check(first.origin, 'x'.repeat(32))).toBe(401);
    expect(statSync(path.join(dataDir, 'host-token')).mode & 0o777).toBe(0o600);
    expect(await first.stop('SIGTERM')).toBe(0);

    const again = await startHost(['--data-dir', dataDir]);
    expect(tokenOf(again.url)).toBe(kept);
    expect(await again.stop('SIGTERM')).toBe(0);

    const renewed = await startHost(['--data-dir', dataDir, '--new-token']);
    expect(tokenOf(renewed.url)).not.toBe(kept);
    expect(await check(renewed.origin, kept)).toBe(401);
    expect(await check(renewed.origin, tokenOf(renewed.url))).toBe(204);
    expect(await renewed.stop('SIGTERM')).toBe(0);
  });
});
