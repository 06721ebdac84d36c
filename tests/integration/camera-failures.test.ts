/**
 * Failure classes from what really happened, against real servers: a camera
 * that accepts TCP and never answers, a web server on the camera's port, a
 * closed port, a wrong path, a lossy stream, and a Digest camera whose
 * password is full of URL syntax — which must play, and must never appear in
 * any process's command line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeCamera } from '../../electron/core/cameras/probe';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { withCredentials } from '../../shared/rtsp-url';
import { barsIn, decodeFrames, fittedBox, smpteBars } from '../fixtures/picture';
import { ffmpegProcesses, waitFor } from '../fixtures/processes';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { disposeWatchers, watchStream } from '../fixtures/watch-stream';

const ffmpegPath = resolveFfmpeg().path;
const PASSWORD = 'p@ss:w/rd#50% ;x';
let fleet: RtspServer;
let locked: RtspServer;
let silent: net.Server;
let web: http.Server;

const portOf = (server: net.Server | http.Server) => (server.address() as net.AddressInfo).port;

beforeAll(async () => {
  [fleet, locked] = await Promise.all([
    startRtspServer([
      { name: 'lossy', width: 640, height: 360, flags: 'pattern=smpte,slices=4,loss=0.05,nooverlay' },
      { name: 'h265', width: 640, height: 360, flags: 'pattern=smpte,codec=h265,nooverlay' },
      { name: 'mjpeg', width: 640, height: 360, flags: 'pattern=smpte,codec=mjpeg,nooverlay' },
      { name: 'bframes-audio', width: 640, height: 360, flags: 'pattern=smpte,bframes=2,audio,nooverlay' },
      { name: 'portrait', width: 360, height: 640, flags: 'pattern=smpte,nooverlay' },
    ]),
    startRtspServer([{ name: 'cam', width: 640, height: 360, flags: 'pattern=smpte,nooverlay' }], {
      digest: `admin:${PASSWORD}`,
    }),
  ]);
  // A camera (or NVR under load) that accepts the connection and never says a word.
  silent = net.createServer((socket) => socket.on('error', () => undefined));
  // Someone typed the camera's web interface port.
  web = http.createServer((_req, res) => res.end('<html>camera login</html>'));
  await Promise.all(
    [silent, web].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))),
  );
});
afterAll(async () => {
  await Promise.all([fleet?.stop(), locked?.stop()]);
  silent?.close();
  web?.close();
});
afterEach(disposeWatchers);

describe('failure classes', () => {
  it('a server that accepts TCP and never answers is a camera that does not answer, retried like offline; "test connection" says the same', async () => {
    // Both wait out the camera's silence: side by side, not one after the other.
    const stream = watchStream({ kind: 'rtsp', url: `rtsp://127.0.0.1:${portOf(silent)}/stream1`, transport: 'tcp' });
    const [answered, quiet] = await Promise.all([
      waitFor(() => stream.firstError() !== undefined, 20_000),
      probeCamera(ffmpegPath, `rtsp://127.0.0.1:${portOf(silent)}/x`, undefined, undefined, 15_000, 'tcp'),
    ]);
    expect(answered).toBe(true);
    expect(stream.firstError()!.code).toBe('rtsp-no-answer');
    expect(stream.last()!.state).toBe('reconnecting');
    expect(quiet).toMatchObject({ outcome: 'timeout', failure: 'rtsp-no-answer' });
  });

  it('a web server on the port is "not an RTSP server", a closed port "unreachable", a wrong path "not found"', async () => {
    const webStream = watchStream({ kind: 'rtsp', url: `rtsp://127.0.0.1:${portOf(web)}/` });
    const closed = watchStream({ kind: 'rtsp', url: 'rtsp://127.0.0.1:9/x' });
    const wrongPath = watchStream({ kind: 'rtsp', url: fleet.url('no-such-channel') });
    expect(await waitFor(() => [webStream, closed, wrongPath].every((s) => s.firstError()), 15_000)).toBe(true);
    expect([webStream, closed, wrongPath].map((s) => s.firstError()!.code)).toEqual([
      'not-rtsp',
      'rtsp-unreachable',
      'rtsp-not-found',
    ]);
  });

  // MPEG-1: ffmpeg decodes and says what it concealed. Native: ffmpeg only copies, and the core
  // reads the slices' places (slice-watch.ts).
  it.each(['mpeg1', 'h264'] as const)(
    'a stream that loses slices is "degraded" with the reason (%s)',
    async (video) => {
      const source = { kind: 'rtsp', url: fleet.url('lossy'), width: 640, height: 360 } as const;
      const stream = watchStream(source, undefined, {}, video);
      expect(await waitFor(() => stream.last()?.state === 'degraded', 20_000)).toBe(true);
      expect(stream.last()!.error).toMatchObject({ code: 'decode-errors' });
      expect(stream.last()!.error!.message).toMatch(/\d+ damaged frames or slices reported/);
    },
  );
});

describe('codecs and shapes', () => {
  it.each([
    ['H.265', 'h265', 16 / 9],
    ['MJPEG', 'mjpeg', 16 / 9],
    ['H.264 High with B-frames and G.711 audio', 'bframes-audio', 16 / 9],
    ['portrait 360×640, pillarboxed', 'portrait', 9 / 16],
  ])('%s shows its bars in their places', async (_name, mount, aspect) => {
    const stream = watchStream({ kind: 'rtsp', url: fleet.url(mount) });
    expect(await waitFor(() => stream.last()?.state === 'live' && stream.bytes().length > 120_000, 25_000)).toBe(true);
    const frame = decodeFrames(stream.bytes(), 640, 360, 'mpegts').at(-1)!;
    expect(barsIn(frame, fittedBox(aspect, 16 / 9))).toEqual(smpteBars);
  });
});

describe('a Digest camera whose password is full of URL syntax', () => {
  const url = () => withCredentials(locked.url('cam'), 'admin', PASSWORD);
  const encoded = encodeURIComponent(PASSWORD);

  it('plays, and no process on this machine has the password in its command line', async () => {
    const stream = watchStream({ kind: 'rtsp', url: url() });
    expect(await waitFor(() => stream.last()?.state === 'live' && stream.bytes().length > 50_000, 20_000)).toBe(true);
    expect(barsIn(decodeFrames(stream.bytes(), 640, 360, 'mpegts').at(-1)!)).toEqual(smpteBars);
    expect(ffmpegProcesses(`:${locked.port}/cam`)).toHaveLength(1);
    const leaks: string[] = [];
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue; // exited while we looked
      }
      // The fixture server itself was started with the password: it is the camera, not us.
      if (cmdline.includes('rtsp-server.py')) continue;
      if (cmdline.includes(PASSWORD) || cmdline.includes(encoded) || cmdline.includes('p@ss'))
        leaks.push(`${pid}: ${cmdline.replace(/\0/g, ' ')}`);
    }
    expect(leaks).toEqual([]);
  });

  it('a wrong one is auth-failed, and no status message carries either password', async () => {
    const stream = watchStream({ kind: 'rtsp', url: withCredentials(locked.url('cam'), 'admin', 'wr@ng pass#') });
    expect(await waitFor(() => stream.last()?.state === 'auth-failed', 15_000)).toBe(true);
    const text = JSON.stringify(stream.statuses);
    for (const secret of ['wr@ng pass#', encodeURIComponent('wr@ng pass#'), 'wr%40ng'])
      expect(text).not.toContain(secret);
  });
});

describe('"test connection" uses the same classifier and transport rule', () => {
  it('web server, UDP-only camera (the silent server: with the stream, above)', async () => {
    const page = await probeCamera(ffmpegPath, `rtsp://127.0.0.1:${portOf(web)}/`);
    expect(page).toMatchObject({ outcome: 'not-rtsp', failure: 'not-rtsp' });
    const udpOnly = await startRtspServer([{ name: 'cam', width: 320, height: 240, flags: 'udp-only' }]);
    try {
      expect(await probeCamera(ffmpegPath, udpOnly.url('cam'))).toMatchObject({
        outcome: 'ok',
        transport: 'udp',
        codec: 'h264',
      });
      expect(await probeCamera(ffmpegPath, udpOnly.url('cam'), undefined, undefined, 15_000, 'tcp')).toMatchObject({
        outcome: 'failed',
        failure: 'rtsp-transport',
      });
    } finally {
      await udpOnly.stop();
    }
  });

  it('plays the awkward Digest password', async () => {
    expect(await probeCamera(ffmpegPath, locked.url('cam'), 'admin', PASSWORD)).toMatchObject({
      outcome: 'ok',
      codec: 'h264',
      width: 640,
      height: 360,
    });
  });
});
