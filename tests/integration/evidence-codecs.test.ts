/**
 * Clips of the codecs a city's fleet sends, from GStreamer's RTSP server: an
 * H.265 camera's picture is copied and tagged `hvc1` (what Windows' player and
 * Apple's want), an MJPEG camera's is encoded to H.264 and the manifest says
 * so; both decode to the camera's bars.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { PantauCore } from '../../electron/core/pantau-core';
import { barsIn, decodeFrames, smpteBars } from '../fixtures/picture';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { openCoreWith } from './open-core';

const context = { relayBase: 'ws://127.0.0.1:9' };
let server: RtspServer | undefined;
let core: PantauCore | undefined;

afterAll(async () => {
  await core?.dispose();
  await server?.stop();
});

it('H.265 is copied and tagged hvc1; MJPEG is encoded to H.264 and the manifest says so', async () => {
  server = await startRtspServer([
    { name: 'hevc', width: 320, height: 240, fps: 10, flags: 'pattern=smpte,nooverlay,codec=h265' },
    { name: 'mjpeg', width: 320, height: 240, fps: 10, flags: 'pattern=smpte,nooverlay,codec=mjpeg' },
  ]);
  const opened = await openCoreWith([
    { id: 'hevc', name: 'Kamera H.265', streams: [{ profile: 'main', url: server.url('hevc') }] },
    { id: 'mjpeg', name: 'Kamera MJPEG', streams: [{ profile: 'main', url: server.url('mjpeg') }] },
  ]);
  core = opened.core;
  await core.handlers['evidence:configure']({ operator: 'Aiptu Rahmat' }, context);
  // Recordings need no wall: each starts its camera's buffer.
  for (const cameraId of ['hevc', 'mjpeg']) await core.handlers['evidence:record']({ cameraId, on: true }, context);
  await new Promise((resolve) => setTimeout(resolve, 5000));

  const expected = {
    hevc: { codec: 'hevc', tag: 'hvc1', video: 'H.265, copied as the camera sent it' },
    mjpeg: { codec: 'h264', tag: 'avc1', video: 'MJPEG re-encoded to H.264' },
  } as const;
  for (const cameraId of ['hevc', 'mjpeg'] as const) {
    const { saved } = await core.handlers['evidence:record']({ cameraId, on: false }, context);
    const file = path.join(opened.evidenceDir, saved!.folder, saved!.manifest.files[0]!.name);
    const stream = JSON.parse(
      execFileSync('ffprobe', [
        '-v',
        'error',
        '-select_streams',
        'v',
        '-show_entries',
        'stream=codec_name,codec_tag_string',
        '-of',
        'json',
        file,
      ]).toString(),
    ).streams[0];
    expect({ codec: stream.codec_name, tag: stream.codec_tag_string, video: saved!.manifest.files[0]!.video }).toEqual(
      expected[cameraId],
    );
    const [first] = decodeFrames(readFileSync(file), 320, 240, 'mp4');
    expect(barsIn(first!)).toEqual(smpteBars);
  }
}, 60_000);
