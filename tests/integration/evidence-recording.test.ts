/**
 * A recording across a camera restart (GStreamer's RTSP server killed and
 * started again on the same port): the recording survives, the clip plays,
 * and the manifest has exactly one gap, of about the time the camera was away.
 * The camera's id and name are hostile to file systems; the export's names
 * are safe on Windows. No wall plays the camera: a recording needs none.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { PantauCore } from '../../electron/core/pantau-core';
import { openCoreWith } from './open-core';
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server';

const context = { relayBase: 'ws://127.0.0.1:9' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mount = { name: 'pos', width: 320, height: 240, fps: 10, flags: 'pattern=smpte' };

let server: RtspServer | undefined;
let core: PantauCore | undefined;

afterAll(async () => {
  await core?.dispose();
  await server?.stop();
});

it('a recording across a camera restart keeps going, and its manifest has one gap', async () => {
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
}, 60_000);
