/**
 * What went wrong, from what actually happened: ffmpeg's own words (RTSP
 * status lines, socket errors) and the facts the process wrapper measured
 * (how long it ran, whether it was killed by our own timeouts, whether any
 * picture came out). One classifier for the wall and for "test connection".
 */
import type { ErrorCode } from '../../../shared/errors';
import { redactKnown } from '../../../shared/rtsp-url';
import { RTSP_IO_TIMEOUT_MS } from './ffmpeg-args';
import type { ExitFacts } from './ffmpeg-process';

export interface FailureFacts {
  /** The tail of ffmpeg's stderr (warning level), already redacted or not: only matched, never shown. */
  stderr: string;
  /** How long the process ran. */
  elapsedMs: number;
  /** ffmpeg's socket I/O timeout: an "invalid data" exit after about this long is a server that never answered. */
  ioTimeoutMs: number;
  /** We killed it: no picture within the start timeout, or a stall that did not recover. */
  killedFor?: 'start-timeout' | 'stall';
  /** Any picture came out of this process before it ended. */
  hadPicture: boolean;
}

/** RTSP status code (RFC 2326 §7.1.1) → failure class. */
export function rtspStatusClass(status: number): ErrorCode {
  if (status === 401) return 'auth-failed';
  if (status === 403) return 'rtsp-forbidden';
  if (status === 404) return 'rtsp-not-found';
  if (status === 461) return 'rtsp-transport';
  // 454 Session Not Found, 5xx: the camera or NVR is in trouble, not the request.
  return 'rtsp-server-error';
}

const statusLine = /(?:method \w+ failed|Server returned):? (\d{3})\b/;
const unreachable =
  /Connection refused|No route to host|Network is unreachable|Name or service not known|Temporary failure in name resolution|nodename nor servname|No such host/i;
const codecTrouble =
  /could not find codec|Decoder \([^)]*\) not found|Unsupported codec|codec not currently supported|not supported by the decoder|not supported by the bitstream filter/i;

export function classifyFailure(facts: FailureFacts): ErrorCode {
  const { stderr } = facts;
  if (/authorization failed/i.test(stderr)) return 'auth-failed';
  const status = statusLine.exec(stderr);
  if (status) return rtspStatusClass(Number(status[1]));
  if (unreachable.test(stderr)) return 'rtsp-unreachable';
  if (/Connection reset by peer|End of file/i.test(stderr))
    return facts.hadPicture ? 'rtsp-timeout' : 'rtsp-server-error';
  if (codecTrouble.test(stderr)) return 'unsupported';
  if (/Protocol not found|not on whitelist/i.test(stderr)) return 'unsupported';
  if (/Invalid data found/i.test(stderr)) {
    // ffmpeg says "invalid data" both for a server that sent no byte until the
    // socket timeout and for one that answered something that is not RTSP
    // (a web server, a closed pipeline): only the time it took tells them apart.
    if (facts.elapsedMs >= facts.ioTimeoutMs * 0.8) return 'rtsp-no-answer';
    return facts.hadPicture ? 'rtsp-timeout' : 'not-rtsp';
  }
  if (/timed out/i.test(stderr)) return facts.hadPicture ? 'rtsp-timeout' : 'rtsp-no-answer';
  if (facts.killedFor === 'start-timeout') return 'rtsp-no-media';
  if (facts.killedFor === 'stall') return 'rtsp-timeout';
  return 'ffmpeg-failed';
}

/**
 * ffmpeg's words for a damaged picture (warning level): a frame it concealed,
 * or — with `-flags2 +chunks`, where a frame missing slices is finished by the
 * next one — slices it could not place. None of them appears for a clean
 * stream, joined mid-GOP or not (checked with every fixture camera). RTP's own
 * "missed packets" is pictures with holes, on either path (a copied stream is
 * never decoded by ffmpeg: its lost slices are read by slice-watch.ts).
 */
export const decodeErrorLine =
  /corrupt decoded frame|concealing \d+ DC|error while decoding MB|decode_slice_header error|Frame num change from|Missing reference picture|Invalid NAL unit|non-existing PPS|RTP: missed \d+ packets/;

/** The last line that explains an exit: decode-damage warnings are counted elsewhere, not shown as the reason. */
export function lastLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !decodeErrorLine.test(l) && !/^Last message repeated|^\[swscaler/.test(l));
  return lines[lines.length - 1] ?? '';
}

/**
 * A one-shot run (test connection, snapshot) that ended without a picture:
 * its class, and ffmpeg's last line with the camera's secrets removed
 * (`fallback` when ffmpeg said nothing).
 */
export function failureOfRun(
  run: ExitFacts,
  secrets: readonly string[],
  fallback: string,
): { code: ErrorCode; detail: string } {
  return {
    code: classifyFailure({ ...run, ioTimeoutMs: RTSP_IO_TIMEOUT_MS, hadPicture: false }),
    detail: redactKnown(lastLine(run.stderr), secrets) || fallback,
  };
}
