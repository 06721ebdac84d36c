/**
 * Evidence snapshots: one frame at the stream's own resolution, grabbed by
 * ffmpeg straight from the camera (not from the tile's scaled picture), with
 * the camera name and the local time (with its UTC offset) burnt in, saved as
 * PNG in a signed export folder of its own, as clips are (evidence-export.ts):
 * the PNG, manifest.json with its SHA-256, and manifest.sig.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CodedError } from '../../../shared/errors';
import { compactLocalTime, localTimestamp, MANIFEST_FILE, safeFileName } from '../../../shared/evidence';
import type { EvidenceKey } from '../evidence/evidence-key';
import { writeExport } from '../evidence/evidence-export';
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

/** Who signs a snapshot's manifest, and what it says of the camera beyond its id and name. */
export interface SnapshotSigning {
  key: EvidenceKey;
  operator: string;
  version: string;
  region: string;
  /** The stream's URL without user info. */
  stream: string;
}

export async function takeSnapshot(options: {
  ffmpegPath: string;
  source: StreamSource;
  camera: { id: string; name: string };
  folder: string;
  signing: SnapshotSigning;
  timeoutMs?: number;
  checkRedirect?: (url: string) => Promise<RedirectVerdict>;
}): Promise<Snapshot> {
  const source = await guardedSource(options.source, options.checkRedirect ?? checkRedirect);
  const now = Date.now();
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
    const name = `${safeFileName(options.camera.name)}_${compactLocalTime(now)}.png`;
    // The same signed export as a clip: a folder with the PNG, manifest.json and manifest.sig.
    const { folder, manifest } = await writeExport({
      evidenceDir: options.folder,
      folderName: `${compactLocalTime(now)}_${safeFileName(options.camera.id, 40)}_gambar`,
      key: options.signing.key,
      files: [{ name, write: async (target) => (await writeFile(target, png), { video: `PNG ${width}×${height}` }) }],
      body: {
        kind: 'snapshot',
        how: 'snapshot',
        camera: {
          id: options.camera.id,
          name: options.camera.name,
          region: options.signing.region,
          stream: options.signing.stream,
        },
        start: stamp,
        end: stamp,
        startUtc: new Date(now).toISOString(),
        endUtc: new Date(now).toISOString(),
        seconds: 0,
        operator: options.signing.operator,
        machine: os.hostname(),
        pantauVersion: options.signing.version,
        gaps: [],
      },
    });
    const exportDir = path.join(options.folder, folder);
    return {
      file: path.join(exportDir, name),
      sidecar: path.join(exportDir, MANIFEST_FILE),
      sha256: manifest.files[0]!.sha256,
      width,
      height,
      takenAt: manifest.startUtc,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
