/** "Test connection" against the real RTSP server: every answer in words. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeCamera, parseVideoStream } from '../../electron/core/cameras/probe';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';

const ffmpeg = resolveFfmpeg().path;
let locked: RtspServer;

beforeAll(async () => {
  locked = await startRtspServer([{ name: 'cam', width: 640, height: 360 }], { digest: 'operator:Rahasia123' });
});
afterAll(() => locked?.stop());

describe('camera probe', () => {
  it('reports codec, size and rate of a reachable camera', async () => {
    expect(await probeCamera(ffmpeg, locked.url('cam'), 'operator', 'Rahasia123')).toMatchObject({
      outcome: 'ok',
      codec: 'h264',
      width: 640,
      height: 360,
      fps: 25,
    });
  });

  it('says when the password is wrong, without echoing it', async () => {
    const result = await probeCamera(ffmpeg, locked.url('cam'), 'operator', 'salah');
    expect(result.outcome).toBe('auth-failed');
    expect(JSON.stringify(result)).not.toContain('salah');
  });

  it('says when nothing answers, and refuses what is not RTSP without running anything', async () => {
    expect((await probeCamera(ffmpeg, 'rtsp://127.0.0.1:9/none')).outcome).toBe('unreachable');
    expect(await probeCamera(ffmpeg, 'http://127.0.0.1/x')).toMatchObject({ outcome: 'not-rtsp' });
  });

  it("says a web server answered on the camera's web port, and where RTSP usually is", async () => {
    const web = http.createServer((_req, res) => res.end('<html>camera login</html>'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    try {
      const port = (web.address() as AddressInfo).port;
      const result = await probeCamera(ffmpeg, `rtsp://127.0.0.1:${port}/`, undefined, undefined, 10_000, 'tcp');
      expect(result).toMatchObject({ outcome: 'not-rtsp', failure: 'not-rtsp', http: true });
    } finally {
      web.close();
    }
    // A server that is not HTTP either is only "not RTSP".
    expect((await probeCamera(ffmpeg, 'rtsp://127.0.0.1:9/none')).http).toBeUndefined();
  });

  it('reads the video line ffmpeg prints', () => {
    expect(
      parseVideoStream('  Stream #0:0: Video: hevc (Main), yuv420p(tv), 2560x1440, 20 fps, 20 tbr, 90k tbn'),
    ).toEqual({ codec: 'hevc', width: 2560, height: 1440, fps: 20 });
    expect(parseVideoStream('nothing here')).toBeUndefined();
  });
});
