import type { ErrorCode } from '../../../shared/errors';

/** Maps ffmpeg's last stderr lines to an error code an operator can act on. */
export function classifyFfmpegError(stderr: string): ErrorCode {
  if (/401 Unauthorized|authorization failed/i.test(stderr)) return 'auth-failed';
  if (/Connection refused|No route to host|Network is unreachable|Name or service not known|Temporary failure in name resolution|Connection reset/i.test(stderr)) {
    return 'rtsp-unreachable';
  }
  if (/timed out|Operation timed out/i.test(stderr)) return 'rtsp-timeout';
  if (/not supported|Unsupported|Invalid data found|could not find codec|Protocol not found|not on whitelist/i.test(stderr)) {
    return 'unsupported';
  }
  return 'ffmpeg-failed';
}

/** The last meaningful line of ffmpeg's stderr, for a tile or a log. */
export function lastLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}
