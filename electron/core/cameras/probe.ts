/**
 * "Test connection": asks ffmpeg to open a camera URL and reports, in words an
 * operator can act on, whether it is reachable, refuses the password, is not
 * RTSP, or sends a codec we cannot decode, with codec, size and frame rate.
 * ffmpeg rather than ffprobe: the bundled ffmpeg-static ships no ffprobe.
 */
import { spawn } from 'node:child_process';
import { rtspUrlProblem, redact, withCredentials } from '../../../shared/rtsp-url';
import { classifyFfmpegError, lastLine } from '../streams/classify-exit';
import { inputArgs } from '../streams/ffmpeg-args';

export type ProbeOutcome = 'ok' | 'auth-failed' | 'unreachable' | 'timeout' | 'not-rtsp' | 'unsupported' | 'failed';

export interface ProbeResult {
  outcome: ProbeOutcome;
  codec?: string;
  width?: number;
  height?: number;
  fps?: number;
  /** ffmpeg's last line, redacted. */
  detail?: string;
}

/** Decoders the pipeline has (Debian's and the bundled ffmpeg both decode these). */
const decodable = new Set(['h264', 'hevc', 'mpeg4', 'mjpeg', 'mpeg2video', 'mpeg1video']);

export function parseVideoStream(stderr: string): Omit<ProbeResult, 'outcome'> | undefined {
  const line = /Stream #\d+:\d+.*?: Video: ([a-z0-9_]+)[^\n]*/.exec(stderr);
  if (!line) return undefined;
  const size = /, (\d{2,5})x(\d{2,5})/.exec(line[0]);
  const fps = /, ([\d.]+) fps/.exec(line[0]);
  return {
    codec: line[1]!,
    ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}),
    ...(fps ? { fps: Number(fps[1]) } : {}),
  };
}

export function probeCamera(ffmpegPath: string, url: string, username?: string, password?: string, timeoutMs = 15_000): Promise<ProbeResult> {
  if (rtspUrlProblem(url)) return Promise.resolve({ outcome: 'not-rtsp', detail: rtspUrlProblem(url)! });
  const source = { kind: 'rtsp' as const, url: withCredentials(url, username, password) };
  return new Promise((resolve) => {
    // No output file: ffmpeg opens the input, prints what it found and stops.
    const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', ...inputArgs(source)], { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8192)));
    child.once('close', () => {
      clearTimeout(timer);
      const video = parseVideoStream(stderr);
      const detail = redact(lastLine(stderr));
      if (video) return resolve({ outcome: decodable.has(video.codec!) ? 'ok' : 'unsupported', ...video });
      if (timedOut) return resolve({ outcome: 'timeout', detail: 'no answer in time' });
      const code = classifyFfmpegError(stderr);
      const outcome: ProbeOutcome =
        code === 'auth-failed' ? 'auth-failed' : code === 'rtsp-unreachable' ? 'unreachable' : code === 'rtsp-timeout' ? 'timeout' : code === 'unsupported' ? 'unsupported' : 'failed';
      resolve({ outcome, detail });
    });
  });
}
