/**
 * The evidence drawer's listing: newest first, each PNG checked against its
 * sidecar's hash, thumbnails made by real ffmpeg, and a folder that holds
 * other things (or a sidecar naming a file elsewhere) read without harm.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../../electron/core/ffmpeg/resolve-ffmpeg';
import { listSnapshots } from '../../electron/core/snapshots/snapshot-list';

const ffmpegPath = resolveFfmpeg().path;

function snapshot(folder: string, name: string, ageSeconds: number, camera = 'Simpang Lima'): string {
  const png = path.join(folder, `${name}.png`);
  execFileSync(ffmpegPath, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=640x360', '-frames:v', '1', png]);
  const sha256 = createHash('sha256').update(readFileSync(png)).digest('hex');
  const sidecar = path.join(folder, `${name}.json`);
  const record = {
    cameraId: 'simpang',
    cameraName: camera,
    takenAt: new Date().toISOString(),
    localTime: '2026-12-01 20:00:00 +07:00',
    file: `${name}.png`,
    width: 640,
    height: 360,
    sha256,
  };
  writeFileSync(sidecar, JSON.stringify(record));
  const when = Date.now() / 1000 - ageSeconds;
  utimesSync(sidecar, when, when);
  return png;
}

describe('the latest evidence snapshots', () => {
  it('lists newest first with thumbnails, says which files no longer match their hash, and ignores what is not ours', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'pantau-evidence-'));
    snapshot(folder, 'old', 300, 'Tugu Muda');
    const changed = snapshot(folder, 'changed', 200);
    snapshot(folder, 'new', 100);
    writeFileSync(changed, Buffer.concat([readFileSync(changed), Buffer.from('tampered')]));
    writeFileSync(path.join(folder, 'notes.json'), '{"not": "a sidecar"}');
    writeFileSync(path.join(folder, 'broken.json'), '{');
    const escape = { ...JSON.parse(readFileSync(path.join(folder, 'new.json'), 'utf8')), file: '../../etc/passwd' };
    writeFileSync(path.join(folder, 'escape.json'), JSON.stringify(escape));
    const oldTime = Date.now() / 1000 - 1000;
    for (const f of ['notes.json', 'broken.json', 'escape.json']) utimesSync(path.join(folder, f), oldTime, oldTime);

    const listed = await listSnapshots({ folder, ffmpegPath, limit: 10 });
    expect(listed.map((s) => [s.file, s.intact])).toEqual([
      ['new.png', true],
      ['changed.png', false],
      ['old.png', true],
      ['../../etc/passwd', false], // named outside the folder: never read
    ]);
    expect(listed[3]!.thumbnail).toBeUndefined();
    const jpeg = Buffer.from(listed[0]!.thumbnail!.replace('data:image/jpeg;base64,', ''), 'base64');
    expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8');
    const probe = execFileSync(
      ffmpegPath.replace(/ffmpeg$/, 'ffprobe'),
      ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', '-i', 'pipe:0'],
      { input: jpeg },
    );
    expect(probe.toString().trim()).toBe('240,136');

    expect((await listSnapshots({ folder, ffmpegPath, limit: 1 })).map((s) => s.file)).toEqual(['new.png']);
    expect(await listSnapshots({ folder: path.join(folder, 'missing'), ffmpegPath, limit: 5 })).toEqual([]);
  });
});
