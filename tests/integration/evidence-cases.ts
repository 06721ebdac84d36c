/**
 * Two evidence cases run beside the 30 s pre-buffer test (evidence-clips.test.ts), which spends
 * most of its time waiting for 30 s of picture:
 * - a recording across a camera restart (GStreamer's RTSP server killed and started again on the
 *   same port): the recording survives, the clip plays, and the manifest has exactly one gap, of
 *   about the time the camera was away; the camera's id and name are hostile to file systems and
 *   the export's names are safe on Windows; no wall plays the camera (a recording needs none);
 * - a camera edited, then removed, while it records: the buffer on the old address stops at once
 *   (no ffmpeg keeps the old address or password), the recording ends on what it had and is saved
 *   describing the camera as it was recorded, and removing the camera does not lose it;
 * - the codecs a city's fleet sends: an H.265 camera's picture is copied and tagged `hvc1` (what
 *   Windows' player and Apple's want), an MJPEG camera's is encoded to H.264 and the manifest says
 *   so; both decode to the camera's bars.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { PantauCore } from '../../electron/core/pantau-core';
import { barsIn, decodeFrames, smpteBars } from '../fixtures/picture';
import { ffmpegProcesses, waitFor } from '../fixtures/processes';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';
import { openCoreWith } from './open-core';

const context = { relayBase: 'ws://127.0.0.1:9' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mount = { name: 'pos', width: 320, height: 240, fps: 10, flags: 'pattern=smpte' };

export async function recordingAcrossRestart(): Promise<void> {
  let server: RtspServer | undefined;
  let core: PantauCore | undefined;
  try {
    server = await startRtspServer([mount]);
    const port = server.port;
    const name = '..\\..\\Windows\\System32 <Pos> "1"|?*. ';
    const opened = await openCoreWith([{ id: 'CON', name, streams: [{ profile: 'main', url: server.url('pos') }] }]);
    core = opened.core;
    const { evidenceDir } = opened;
    await core.handlers['evidence:configure']({ preBufferSec: 5, operator: 'Aiptu Rahmat' }, context);
    const started = await core.handlers['evidence:record']({ cameraId: 'CON', on: true }, context);
    expect(started.recording).toMatchObject({ cameraId: 'CON' });
    expect((await core.handlers['evidence:state']({}, context)).recordings).toHaveLength(1);
    await sleep(6000);

    // The camera goes away for ~4 s and comes back at the same address.
    await server.stop();
    await sleep(4000);
    server = await startRtspServer([mount], { port });
    await sleep(9000);

    const { saved } = await core.handlers['evidence:record']({ cameraId: 'CON', on: false }, context);
    expect(saved).not.toBeNull();
    const manifest = saved!.manifest;
    expect(manifest.how).toBe('recording');
    expect(manifest.gaps).toHaveLength(1);
    expect(manifest.gaps[0]!.seconds).toBeGreaterThan(2);
    expect(manifest.gaps[0]!.seconds).toBeLessThan(15);

    // Safe names: no path tricks, no reserved device name, nothing Windows refuses.
    expect(saved!.folder).toMatch(/^\d{8}-\d{6}__CON_rekaman$/);
    expect(saved!.folder).not.toMatch(/^CON(\.|$)/i);
    const clip = manifest.files[0]!.name;
    expect(clip).not.toMatch(/[<>:"/\\|?*]|\.\./);
    expect(readdirSync(path.join(evidenceDir, saved!.folder))).toContain(clip);
    expect(readdirSync(evidenceDir)).toEqual([saved!.folder]);

    const duration = Number(
      execFileSync('ffprobe', [
        '-v',
        'error',
        '-show_entries',
        'format=duration',
        '-of',
        'csv=p=0',
        path.join(evidenceDir, saved!.folder, clip),
      ]).toString(),
    );
    // Picture before the drop (pre-buffer and 6 s) and after it; the gap itself is not in the clip.
    expect(duration).toBeGreaterThan(8);
    expect(Math.abs(duration - manifest.seconds)).toBeLessThan(1.5);
    expect((await core.handlers['evidence:verify']({ folder: saved!.folder }, context)).ok).toBe(true);
  } finally {
    await core?.dispose();
    await server?.stop();
  }
}

export async function editedWhileRecording(): Promise<void> {
  let old: RtspServer | undefined;
  let moved: RtspServer | undefined;
  let core: PantauCore | undefined;
  try {
    // The camera's old and new addresses: two servers, so each one's clients can be counted.
    [old, moved] = await Promise.all([startRtspServer([mount]), startRtspServer([mount])]);
    const readingOld = () => ffmpegProcesses(`:${old!.port}/`).length;
    const camera = { id: 'gerbang', name: 'Gerbang Gudang', group: 'KPU/Gudang 3' };
    const opened = await openCoreWith([{ ...camera, streams: [{ profile: 'main', url: old.url('pos') }] }]);
    core = opened.core;
    await core.handlers['evidence:configure']({ preBufferSec: 3, operator: 'Aiptu Rahmat' }, context);
    await core.handlers['evidence:record']({ cameraId: 'gerbang', on: true }, context);
    expect(await waitFor(() => readingOld() === 1, 10_000)).toBe(true);
    await sleep(5000);

    // Edited to another address: nothing reads the old one any more (the walls' 2 s look at it).
    await core.handlers['camera:update'](
      { camera: { ...camera, streams: [{ profile: 'main', url: moved.url('pos') }] } },
      context,
    );
    expect(await waitFor(() => readingOld() === 0, 8000)).toBe(true);
    // Removed while its recording runs: stopping it still saves what was recorded.
    await core.handlers['camera:remove']({ cameraId: 'gerbang' }, context);
    const { saved } = await core.handlers['evidence:record']({ cameraId: 'gerbang', on: false }, context);
    expect(saved).not.toBeNull();
    const manifest = saved!.manifest;
    expect(manifest.camera).toMatchObject({ id: camera.id, name: camera.name, region: camera.group });
    expect(manifest.camera.stream).toBe(old.url('pos'));
    expect(manifest.seconds).toBeGreaterThan(3);
    expect((await core.handlers['evidence:verify']({ folder: saved!.folder }, context)).ok).toBe(true);
    expect(readingOld() + ffmpegProcesses(`:${moved.port}/`).length).toBe(0);
  } finally {
    await core?.dispose();
    await Promise.all([old?.stop(), moved?.stop()]);
  }
}

export async function codecClips(): Promise<void> {
  let server: RtspServer | undefined;
  let core: PantauCore | undefined;
  try {
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
    await sleep(5000);

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
      expect({
        codec: stream.codec_name,
        tag: stream.codec_tag_string,
        video: saved!.manifest.files[0]!.video,
      }).toEqual(expected[cameraId]);
      const [first] = decodeFrames(readFileSync(file), 320, 240, 'mp4');
      expect(barsIn(first!)).toEqual(smpteBars);
    }
  } finally {
    await core?.dispose();
    await server?.stop();
  }
}
