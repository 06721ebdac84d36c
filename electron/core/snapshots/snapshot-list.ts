/**
 * The latest evidence snapshots in the folder, newest first — signed exports
 * (a folder with the PNG and its manifest) and older PNGs with a sidecar —: what
 * the record says (camera, local time, SHA-256), whether the PNG still matches that hash,
 * and a small JPEG thumbnail made by ffmpeg (kept in memory, never written
 * into the evidence folder, which holds only what was taken).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MANIFEST_FILE } from '../../../shared/evidence';
import { readManifest } from '../evidence/evidence-files';
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

/** A snapshot found in the folder: where its record is, and what it says. */
interface Found {
  mtime: number;
  read: () => Promise<(Omit<ListedSnapshot, 'intact' | 'thumbnail'> & { png: string | undefined }) | undefined>;
}

async function fileTime(file: string): Promise<number | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() && info.size < 64 * 1024 ? info.mtimeMs : undefined;
}

/** A signed export of kind snapshot (issue #15): a folder with the PNG and its manifest. */
async function exportSnapshot(folder: string, name: string): Promise<Found | undefined> {
  const manifestFile = path.join(folder, name, MANIFEST_FILE);
  const mtime = await fileTime(manifestFile);
  if (mtime === undefined) return undefined;
  return {
    mtime,
    read: async () => {
      const m = await readManifest(path.join(folder, name));
      if (m?.kind !== 'snapshot') return undefined;
      const file = m.files[0]!;
      const size = /(\d+)×(\d+)/.exec(file.video ?? '');
      return {
        file: `${name}/${file.name}`,
        cameraId: m.camera.id,
        cameraName: m.camera.name,
        localTime: m.start,
        takenAt: m.startUtc,
        width: Number(size?.[1] ?? 0),
        height: Number(size?.[2] ?? 0),
        sha256: file.sha256,
        png: path.basename(file.name) === file.name ? path.join(folder, name, file.name) : undefined,
      };
    },
  };
}

/** A snapshot taken before exports were signed: a PNG beside its sidecar JSON. */
async function legacySnapshot(folder: string, name: string): Promise<Found | undefined> {
  const full = path.join(folder, name);
  const mtime = name.endsWith('.json') ? await fileTime(full) : undefined;
  if (mtime === undefined) return undefined;
  return {
    mtime,
    read: async () => {
      const record = SidecarSchema.parse(JSON.parse(await readFile(full, 'utf8')));
      // The sidecar names its PNG; only a plain name in the same folder is read.
      const png = path.basename(record.file) === record.file ? path.join(folder, record.file) : undefined;
      return { ...record, png };
    },
  };
}

export async function listSnapshots(options: {
  folder: string;
  ffmpegPath: string;
  limit: number;
}): Promise<ListedSnapshot[]> {
  const names = (await readdir(options.folder).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
  const found = await Promise.all(
    names.map(async (name) => (await exportSnapshot(options.folder, name)) ?? legacySnapshot(options.folder, name)),
  );
  const newest = found.filter((f) => f !== undefined).sort((a, b) => b.mtime - a.mtime);
  const listed: ListedSnapshot[] = [];
  for (const candidate of newest) {
    if (listed.length >= options.limit) break;
    let record: Awaited<ReturnType<Found['read']>>;
    try {
      record = await candidate.read();
    } catch {
      continue; // not one of ours, or damaged: the folder may hold other files
    }
    if (!record) continue; // a clip, not a snapshot
    const { png: pngFile, ...facts } = record;
    const png = pngFile ? await readFile(pngFile).catch(() => undefined) : undefined;
    const actual = png ? createHash('sha256').update(png).digest('hex') : undefined;
    const thumbnail = pngFile && actual ? await thumbnailOf(options.ffmpegPath, pngFile, actual) : undefined;
    listed.push({ ...facts, intact: actual === record.sha256, ...(thumbnail ? { thumbnail } : {}) });
  }
  return listed;
}
