/**
 * The latest evidence snapshots in the folder, newest first: what the sidecar
 * says (camera, local time, SHA-256), whether the PNG still matches that hash,
 * and a small JPEG thumbnail made by ffmpeg (kept in memory, never written
 * into the evidence folder, which holds only what was taken).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { runFfmpeg } from '../streams/ffmpeg-process';

const SidecarSchema = z.object({
  cameraId: z.string(),
  cameraName: z.string(),
  takenAt: z.string(),
  localTime: z.string(),
  file: z.string(),
  width: z.number(),
  height: z.number(),
  sha256: z.string(),
});

export interface ListedSnapshot {
  file: string;
  cameraId: string;
  cameraName: string;
  localTime: string;
  takenAt: string;
  width: number;
  height: number;
  sha256: string;
  /** The PNG still hashes to the sidecar's SHA-256. */
  intact: boolean;
  /** data:image/jpeg;base64,… or absent when the PNG is missing or unreadable. */
  thumbnail?: string;
}

/** Thumbnails by the PNG's own hash: the drawer asks again at every opening. */
const thumbnails = new Map<string, string>();
const THUMBNAILS_KEPT = 200;

async function thumbnailOf(ffmpegPath: string, file: string, key: string): Promise<string | undefined> {
  const known = thumbnails.get(key);
  if (known) return known;
  const run = await runFfmpeg(
    ffmpegPath,
    {
      args: ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', `file:${file}`, '-vf', 'scale=240:-2'].concat([
        '-frames:v',
        '1',
        '-c:v',
        'mjpeg',
        '-q:v',
        '6',
        '-f',
        'image2pipe',
        'pipe:1',
      ]),
    },
    10_000,
  );
  if (run.code !== 0 || run.stdout.length === 0) return undefined;
  const url = `data:image/jpeg;base64,${run.stdout.toString('base64')}`;
  if (thumbnails.size >= THUMBNAILS_KEPT) thumbnails.delete(thumbnails.keys().next().value!);
  thumbnails.set(key, url);
  return url;
}

export async function listSnapshots(options: {
  folder: string;
  ffmpegPath: string;
  limit: number;
}): Promise<ListedSnapshot[]> {
  const names = await readdir(options.folder).catch(() => [] as string[]);
  const sidecars = await Promise.all(
    names
      .filter((n) => n.endsWith('.json'))
      .map(async (name) => {
        const full = path.join(options.folder, name);
        const info = await stat(full).catch(() => undefined);
        return info?.isFile() && info.size < 64 * 1024 ? { full, mtime: info.mtimeMs } : undefined;
      }),
  );
  const newest = sidecars
    .filter((s) => s !== undefined)
    .sort((a, b) => b.mtime - a.mtime)
    .slice(0, options.limit);
  const listed: ListedSnapshot[] = [];
  for (const { full } of newest) {
    let record: z.infer<typeof SidecarSchema>;
    try {
      record = SidecarSchema.parse(JSON.parse(await readFile(full, 'utf8')));
    } catch {
      continue; // not one of ours, or damaged: the folder may hold other files
    }
    // The sidecar names its PNG; only a plain name in the same folder is read.
    const pngFile = path.basename(record.file) === record.file ? path.join(options.folder, record.file) : undefined;
    const png = pngFile ? await readFile(pngFile).catch(() => undefined) : undefined;
    const actual = png ? createHash('sha256').update(png).digest('hex') : undefined;
    const thumbnail = pngFile && actual ? await thumbnailOf(options.ffmpegPath, pngFile, actual) : undefined;
    listed.push({
      file: record.file,
      cameraId: record.cameraId,
      cameraName: record.cameraName,
      localTime: record.localTime,
      takenAt: record.takenAt,
      width: record.width,
      height: record.height,
      sha256: record.sha256,
      intact: actual === record.sha256,
      ...(thumbnail ? { thumbnail } : {}),
    });
  }
  return listed;
}
