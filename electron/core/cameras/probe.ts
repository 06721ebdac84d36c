/**
 * "Test connection": asks ffmpeg to open a camera URL and reports, in words an
 * operator can act on, whether it is reachable, refuses the password, is not
 * RTSP, or sends a codec we cannot decode, with codec, size and frame rate.
 * The failure class comes from the same classifier the wall uses; `auto`
 * transport tries TCP, then UDP, as the wall does, and says which worked.
 * ffmpeg rather than ffprobe: the bundled ffmpeg-static ships no ffprobe.
 */
import type { ErrorCode } from '../../../shared/errors';
import type { StreamTransport, RtpTransport } from '../../../shared/model';
import { rtspUrlProblem, secretsOf, withCredentials } from '../../../shared/rtsp-url';
import { inputArgs } from '../streams/ffmpeg-args';
import { runFfmpeg } from '../streams/ffmpeg-process';
import { failureOfRun } from '../streams/failure-class';
import { whatAnswers } from '../streams/camera-alive';
import { nextTransport } from '../streams/health-policy';
import { checkRedirect, verdictOutcome, type RedirectVerdict } from '../streams/redirect-guard';

export type ProbeOutcome = 'ok' | 'auth-failed' | 'unreachable' | 'timeout' | 'not-rtsp' | 'unsupported' | 'failed';

export interface ProbeResult {
  outcome: ProbeOutcome;
  /** The failure class, as the wall would name it. */
  failure?: ErrorCode;
  transport?: RtpTransport;
  codec?: string;
  width?: number;
  height?: number;
  fps?: number;
  /** ffmpeg's last line, redacted. */
  detail?: string;
  /** The address answered as a web server (HTTP): the camera's web port typed instead of RTSP's. */
  http?: boolean;
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

/** The dialog's coarse outcome for a failure class. */
function outcomeOf(code: ErrorCode): ProbeOutcome {
  if (code === 'auth-failed' || code === 'rtsp-forbidden') return 'auth-failed';
  if (code === 'rtsp-unreachable') return 'unreachable';
  if (code === 'rtsp-no-answer' || code === 'rtsp-timeout' || code === 'rtsp-no-media') return 'timeout';
  if (code === 'not-rtsp') return 'not-rtsp';
  if (code === 'unsupported') return 'unsupported';
  return 'failed';
}

async function probeOnce(
  ffmpegPath: string,
  url: string,
  transport: RtpTransport,
  timeoutMs: number,
): Promise<ProbeResult> {
  const input = inputArgs({ kind: 'rtsp', url }, transport);
  // No output file: ffmpeg opens the input, prints what it found and stops.
  const run = await runFfmpeg(
    ffmpegPath,
    { args: ['-hide_banner', '-nostdin', ...input.args], ...(input.stdin ? { stdin: input.stdin } : {}) },
    timeoutMs,
    0,
  );
  const video = parseVideoStream(run.stderr);
  if (video)
    return {
      outcome: decodable.has(video.codec!) ? 'ok' : 'unsupported',
      ...(decodable.has(video.codec!) ? {} : { failure: 'unsupported' as const }),
      transport,
      ...video,
    };
  const { code: failure, detail } = failureOfRun(run, secretsOf(url), 'no answer in time');
  return { outcome: outcomeOf(failure), failure, transport, detail };
}

export async function probeCamera(
  ffmpegPath: string,
  url: string,
  username?: string,
  password?: string,
  timeoutMs = 15_000,
  mode: StreamTransport = 'auto',
  check: (url: string) => Promise<RedirectVerdict> = checkRedirect,
): Promise<ProbeResult> {
  if (rtspUrlProblem(url)) return { outcome: 'not-rtsp', detail: rtspUrlProblem(url)! };
  // The same check as the wall's: ffmpeg would carry the password to wherever a redirect points.
  const checked = withCredentials(url, username, password);
  const guarded = verdictOutcome(await check(checked), checked);
  if ('failure' in guarded) {
    const { code, message } = guarded.failure;
    return { outcome: outcomeOf(code), failure: code, detail: message };
  }
  const full = withCredentials(guarded.url, username, password);
  const first = mode === 'auto' ? 'tcp' : mode;
  const result = await probeOnce(ffmpegPath, full, first, timeoutMs);
  if (result.outcome === 'ok' || !result.failure) return result;
  const then = nextTransport(mode, first, result.failure);
  const final = then === first ? result : await probeOnce(ffmpegPath, full, then, timeoutMs);
  // "Not RTSP" says what is wrong; a web server on the port says what to do about it.
  if (final.failure === 'not-rtsp' && (await whatAnswers(url)) === 'http') return { ...final, http: true };
  return final;
}
