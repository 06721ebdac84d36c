/**
 * Evidence snapshots: one frame at the stream's own resolution, grabbed by
 * ffmpeg straight from the camera (not from the tile's scaled picture), with
 * the camera name and the local time (with its UTC offset) burnt in, saved as
 * PNG beside a sidecar JSON that carries the PNG's SHA-256.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CodedError } from '../../../shared/errors';
import { localDateTime } from '../../../shared/time';
import { secretsOf } from '../../../shared/rtsp-url';
import { failureOfRun } from '../streams/failure-class';
import { inputArgs } from '../streams/ffmpeg-args';
import { runFfmpeg } from '../streams/ffmpeg-process';
import type { StreamSource } from '../streams/stream-source';
import { checkRedirect, guardedSource, type RedirectVerdict } from '../streams/redirect-guard';

/** Each snapshot's caption file lives in a folder of its own, removed when the snapshot is done. */
const WORK_PREFIX = 'pantau-snapshot-';

/**
 * Work folders older than `olderThanMs` are what a killed process left behind
 * (a snapshot takes seconds): removed at start.
 */
export async function removeStaleSnapshotWork(tmp = os.tmpdir(), olderThanMs = 10 * 60_000): Promise<number> {
  let removed = 0;
  for (const name of await readdir(tmp).catch(() => [] as string[])) {
    if (!name.startsWith(WORK_PREFIX)) continue;
    const folder = path.join(tmp, name);
    const info = await stat(folder).catch(() => undefined);
    if (!info?.isDirectory() || Date.now() - info.mtimeMs < olderThanMs) continue;
    await rm(folder, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

export interface Snapshot {
  file: string;
  sidecar: string;
  sha256: string;
  width: number;
  height: number;
  takenAt: string;
}

/** "2026-11-22 23:30:05 +07:00": local time an investigator can read, with its offset. */
export function localTimestamp(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const p = (n: number) => String(Math.abs(n)).padStart(2, '0');
  return `${localDateTime(date.getTime())} ${offset >= 0 ? '+' : '-'}${p(Math.trunc(offset / 60))}:${p(offset % 60)}`;
}

/** A path inside a filtergraph option: forward slashes, ':' and '\'' escaped (Windows drive letters). */
function filterPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/[:']/g, (c) => `\\${c}`);
}

function pngSize(png: Buffer): { width: number; height: number } {
  // PNG signature (8 bytes), IHDR length and type (8), then width and height.
  if (png.length < 24 || png.readUInt32BE(12) !== 0x49484452)
    throw new CodedError('ffmpeg-failed', 'ffmpeg did not produce a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export async function takeSnapshot(options: {
  ffmpegPath: string;
  source: StreamSource;
  camera: { id: string; name: string };
  folder: string;
  timeoutMs?: number;
  checkRedirect?: (url: string) => Promise<RedirectVerdict>;
}): Promise<Snapshot> {
  const source = await guardedSource(options.source, options.checkRedirect ?? checkRedirect);
  const now = new Date();
  const stamp = localTimestamp(now);
  // The caption goes through a text file: camera names are user data and must
  // never be parsed as filtergraph syntax.
  const work = await mkdtemp(path.join(os.tmpdir(), WORK_PREFIX));
  try {
    const captionFile = path.join(work, 'caption.txt');
    await writeFile(captionFile, `${options.camera.name}  ${stamp}`, 'utf8');
    const caption = `drawtext=textfile='${filterPath(captionFile)}':expansion=none:fontsize=h/24:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:x=w-tw-16:y=16`; // top right: cameras' own OSD is usually top left and bottom
    const input = inputArgs(source);
    const args = [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      ...input.args,
      '-frames:v',
      '1',
      '-an',
      '-vf',
      caption,
      '-c:v',
      'png',
      '-f',
      'image2pipe',
      'pipe:1',
    ];
    const run = await runFfmpeg(
      options.ffmpegPath,
      { args, ...(input.stdin ? { stdin: input.stdin } : {}) },
      options.timeoutMs ?? 20_000,
    );
    if (run.code !== 0 || run.stdout.length === 0) {
      const secrets = options.source.kind === 'rtsp' ? secretsOf(options.source.url) : [];
      const { code, detail } = failureOfRun(run, secrets, 'no picture from the camera');
      throw new CodedError(code, detail);
    }
    const png = run.stdout;
    const { width, height } = pngSize(png);
    const sha256 = createHash('sha256').update(png).digest('hex');
    await mkdir(options.folder, { recursive: true });
    const base = `${options.camera.id}-${stamp
      .slice(0, 19)
      .replace(/[-: ]/g, '')
      .replace(/^(\d{8})/, '$1-')}`;
    const file = path.join(options.folder, `${base}.png`);
    const sidecar = path.join(options.folder, `${base}.json`);
    await writeFile(file, png, { flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      throw new CodedError(
        'store-failed',
        `A snapshot named ${path.basename(file)} already exists; try again in a second.`,
      );
    });
    const record = {
      cameraId: options.camera.id,
      cameraName: options.camera.name,
      takenAt: now.toISOString(),
      localTime: stamp,
      file: path.basename(file),
      width,
      height,
      sha256,
    };
    await writeFile(sidecar, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
    return { file, sidecar, sha256, width, height, takenAt: record.takenAt };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
