/**
 * The sweep's cheap check of one camera: one connection, DESCRIBE without
 * credentials (the camera's 401 is its OPTIONS-like "I am here"), then once
 * with them — the camera's login tried at most once per check, so a wrong
 * password never piles up failed logins. No media, no decoding. The answer is
 * named in the wall's failure classes.
 */
import type { ErrorCode } from '../../../shared/errors';
import type { CheckResult } from '../../../shared/fleet';
import { rtspStatusClass } from '../streams/failure-class';
import { describeRtsp, NoAnswerError, type DescribeReply } from '../streams/rtsp-describe';

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);

/** A DESCRIBE's reply → up, or down with the failure class. */
export function resultOfReply(reply: DescribeReply): CheckResult {
  // 2xx describes the stream; 3xx hands us elsewhere: either way an RTSP server is there and answering.
  if (reply.status >= 200 && reply.status < 400) return { state: 'up' };
  return { state: 'down', reason: rtspStatusClass(reply.status) };
}

/** A DESCRIBE that got no reply → its failure class. */
export function reasonOfError(error: unknown): ErrorCode {
  if (error instanceof NoAnswerError) {
    if (error.kind === 'timeout') return 'rtsp-no-answer';
    if (error.kind === 'not-rtsp') return 'not-rtsp';
    return 'rtsp-server-error';
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && unreachableCodes.has(code)) return 'rtsp-unreachable';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'rtsp-server-error';
  if (code === 'ETIMEDOUT') return 'rtsp-no-answer';
  return 'rtsp-unreachable';
}

/** Checks `url` (credentials in its user info, used only inside the core). */
export async function checkRtsp(url: string, timeoutMs: number): Promise<CheckResult> {
  try {
    return resultOfReply(await describeRtsp(url, timeoutMs));
  } catch (error) {
    return { state: 'down', reason: reasonOfError(error) };
  }
}
