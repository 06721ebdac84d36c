/**
 * Joins pre-buffer segments into one MP4 that Windows' own player and VLC
 * play: the camera's H.264 or H.265 copied as it was sent (H.265 tagged
 * `hvc1`, as Windows and Apple players want), anything else (MJPEG) encoded
 * to H.264 — which the manifest then says. The index goes to the front
 * (`faststart`) and the camera's name and the local time go into the
 * metadata. The segments start on keyframes, so the clip does too.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CodedError } from '../../../shared/errors';
import { runFfmpeg } from '../streams/ffmpeg-process';
import type { Segment } from './segment-ring';

/** The video codec of a segment, as ffmpeg names it (h264, hevc, mjpeg …), from its description of the input. */
export async function videoCodecOf(ffmpegPath: string, file: string): Promise<string> {
  const run = await runFfmpeg(ffmpegPath, { args: ['-hide_banner', '-nostdin', '-i', file] }, 10_000);
  const match = /Video: (\w+)/.exec(run.stderr);
  if (!match) throw new CodedError('ffmpeg-failed', 'the recorded picture could not be read back');
  return match[1]!;
}

/** A path in an ffconcat script: quoted, with its quotes escaped. */
function concatPath(file: string): string {
  return `'${file.replace(/\\/g, '/').replace(/'/g, "'\\''")}'`;
}

/**
 * Writes `target` from `segments`, cut at `endMs` (wall-clock) inside the
 * last one. Returns what the picture is, for the manifest.
 */
export async function writeClip(options: {
  ffmpegPath: string;
  segments: readonly Segment[];
  endMs: number;
  target: string;
  title: string;
  comment: string;
  startMs: number;
}): Promise<{ video: string }> {
  const { segments } = options;
  if (segments.length === 0) throw new CodedError('no-footage', 'There is no recorded picture of this camera to save.');
  const codec = await videoCodecOf(options.ffmpegPath, segments[0]!.file);
  const last = segments[segments.length - 1]!;
  const lines = ['ffconcat version 1.0'];
  for (const segment of segments) lines.push(`file ${concatPath(segment.file)}`);
  const outpoint = (options.endMs - last.startMs) / 1000;
  if (outpoint > 0 && outpoint < (last.endMs - last.startMs) / 1000) lines.push(`outpoint ${outpoint.toFixed(3)}`);
  const list = path.join(path.dirname(options.target), '.segments.ffconcat');
  await writeFile(list, `${lines.join('\n')}\n`);
  const copied = codec === 'h264' || codec === 'hevc';
  const video = copied
    ? ['-c:v', 'copy', ...(codec === 'hevc' ? ['-tag:v', 'hvc1'] : [])]
    : ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p'];
  const run = await runFfmpeg(
    options.ffmpegPath,
    {
      args: [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-f',
        'concat',
        '-safe',
        '0',
        '-i',
        list,
        '-map',
        '0:v:0',
        ...video,
        '-metadata',
        `title=${options.title}`,
        '-metadata',
        `comment=${options.comment}`,
        '-metadata',
        `creation_time=${new Date(options.startMs).toISOString()}`,
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        options.target,
      ],
    },
    // Copying is quick; an MJPEG camera's 30 minutes encoded is not.
    copied ? 120_000 : 30 * 60_000,
  );
  await rm(list, { force: true });
  if (run.code !== 0) {
    const why = run.stderr.trim().split('\n').pop() ?? '';
    throw new Error(why || `ffmpeg ended (${run.code ?? run.signal})`);
  }
  const name = codec === 'hevc' ? 'H.265' : codec === 'h264' ? 'H.264' : codec.toUpperCase();
  return { video: copied ? `${name}, copied as the camera sent it` : `${name} re-encoded to H.264` };
}
