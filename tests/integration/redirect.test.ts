/**
 * An RTSP redirect must not carry a camera's password to another host. A
 * fault-injecting proxy in front of a real Digest-protected RTSP server
 * answers the logged-in DESCRIBE with a 302; the "other host" is a second
 * proxy on 127.0.0.2 that reports every Authorization header it receives.
 * First the fixture proves the danger is real (plain ffmpeg logs in there),
 * then the wall, "test connection" and a snapshot are shown not to.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeCamera } from '../../electron/core/cameras/probe';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { EvidenceKey } from '../../electron/core/evidence/evidence-key';
import { silentLogger } from '../../electron/core/log';
import { takeSnapshot } from '../../electron/core/snapshots/snapshot-service';
import { waitFor } from '../fixtures/processes';
import { startRedirectProxy, type RedirectProxy } from '../fixtures/redirect-proxy';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { disposeWatchers, watchStream } from '../fixtures/watch-stream';

const ffmpegPath = resolveFfmpeg().path;
const USER = 'operator';
const PASSWORD = 'rahasia kota@1:/#%;';
const credentials = `${USER}:${encodeURIComponent(PASSWORD)}`;
let camera: RtspServer;
let otherHost: RedirectProxy;
let toOtherHost: RedirectProxy;
let toSameHost: RedirectProxy;

beforeAll(async () => {
  camera = await startRtspServer([{ name: 'cam', width: 320, height: 180, flags: 'pattern=smpte,nooverlay' }], {
    digest: `${USER}:${PASSWORD}`,
  });
  otherHost = await startRedirectProxy({ listen: '127.0.0.2', upstream: camera.port, logAuth: true });
  [toOtherHost, toSameHost] = await Promise.all([
    startRedirectProxy({
      listen: '127.0.0.1',
      upstream: camera.port,
      redirect: `rtsp://127.0.0.2:${otherHost.port}/cam`,
    }),
    startRedirectProxy({ listen: '127.0.0.1', upstream: camera.port, redirect: `rtsp://127.0.0.1:${camera.port}/cam` }),
  ]);
});
afterAll(async () => {
  [otherHost, toOtherHost, toSameHost].forEach((proxy) => proxy?.stop());
  await camera?.stop();
});
afterEach(disposeWatchers);

const viaOther = () => `rtsp://${credentials}@127.0.0.1:${toOtherHost.port}/cam`;

describe('RTSP redirects and the password', () => {
  it('the fixture is sound: plain ffmpeg follows the 302 and logs in at the other host', async () => {
    const before = otherHost.authorizations.length;
    const child = spawn(ffmpegPath, [
      '-v',
      'error',
      '-rtsp_transport',
      'tcp',
      '-i',
      viaOther(),
      '-frames:v',
      '1',
      '-f',
      'null',
      '-',
    ]);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const sent = otherHost.authorizations.slice(before);
    expect(sent.some((header) => header.includes(`username="${USER}"`))).toBe(true);
  });

  it('the wall refuses a redirect to another host, says why, and sends no login there', async () => {
    const before = otherHost.authorizations.length;
    const stream = watchStream({ kind: 'rtsp', url: viaOther(), transport: 'tcp' });
    expect(await waitFor(() => stream.firstError() !== undefined, 15_000)).toBe(true);
    expect(stream.firstError()!.code).toBe('rtsp-redirect');
    expect(stream.firstError()!.message).toContain(`127.0.0.2:${otherHost.port}`);
    expect(stream.last()!.state).toBe('unsupported');
    expect(JSON.stringify(stream.statuses)).not.toContain('rahasia');
    expect(otherHost.authorizations.slice(before)).toEqual([]);
    expect(stream.chunks.length).toBe(0);
  });

  it('a redirect within the same host is followed with the password, and plays', async () => {
    const stream = watchStream({ kind: 'rtsp', url: `rtsp://${credentials}@127.0.0.1:${toSameHost.port}/cam` });
    expect(await waitFor(() => stream.last()?.state === 'live', 15_000)).toBe(true);
    expect(stream.firstError()).toBeUndefined();
  });

  it('a wrong password is refused before ffmpeg is started: one login, not two', async () => {
    const counting = await startRedirectProxy({ listen: '127.0.0.1', upstream: camera.port, logAuth: true });
    try {
      const stream = watchStream({ kind: 'rtsp', url: `rtsp://${USER}:wrong@127.0.0.1:${counting.port}/cam` });
      expect(await waitFor(() => stream.firstError() !== undefined, 15_000)).toBe(true);
      expect(stream.firstError()!.code).toBe('auth-failed');
      expect(stream.last()!.state).toBe('auth-failed');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(counting.authorizations.length).toBe(1);
    } finally {
      counting.stop();
    }
  });

  it('"test connection" and a snapshot refuse the same redirect', async () => {
    const before = otherHost.authorizations.length;
    const url = `rtsp://127.0.0.1:${toOtherHost.port}/cam`;
    const probe = await probeCamera(ffmpegPath, url, USER, PASSWORD, 10_000, 'tcp');
    expect(probe).toMatchObject({ outcome: 'failed', failure: 'rtsp-redirect' });
    expect(probe.detail).not.toContain('rahasia');
    const folder = await mkdtemp(path.join(os.tmpdir(), 'pantau-redirect-'));
    try {
      await expect(
        takeSnapshot({
          ffmpegPath,
          source: { kind: 'rtsp', url: viaOther() },
          camera: { id: 'c', name: 'C' },
          folder,
          signing: {
            key: await EvidenceKey.open(folder, silentLogger),
            operator: 'Test',
            version: 'test',
            region: '',
            stream: 'rtsp://x/',
          },
        }),
      ).rejects.toMatchObject({ code: 'rtsp-redirect' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    expect(otherHost.authorizations.slice(before)).toEqual([]);
  });
});
