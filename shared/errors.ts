/**
 * Errors cross every boundary (IPC, WebSocket RPC, files) as values, never as
 * thrown objects, and never carry a password: messages are redacted at source.
 */
export const errorCodes = [
  'invalid-request',
  'invalid-file',
  'unknown-method',
  'camera-not-found',
  'profile-not-found',
  'ffmpeg-missing',
  'ffmpeg-failed',
  'auth-failed',
  'rtsp-forbidden',
  'rtsp-not-found',
  'rtsp-transport',
  'rtsp-server-error',
  'rtsp-unreachable',
  'rtsp-no-answer',
  'rtsp-no-media',
  'rtsp-timeout',
  'rtsp-redirect',
  'not-rtsp',
  'unsupported',
  'decode-errors',
  'stream-limit',
  'unauthorized',
  'device-unreachable',
  'device-timeout',
  'device-error',
  'layout-not-found',
  'layout-locked',
  'store-failed',
  'disk-full',
  'no-footage',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface PantauError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PantauError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

/** An error that already carries a code and a safe-to-show message. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/**
 * The one answer for a camera id that is not there — also what an access link
 * gets for a camera outside its scope, so the two cannot be told apart.
 */
export function cameraNotFound(cameraId: string): CodedError {
  return new CodedError('camera-not-found', `Camera "${cameraId}" is not in the camera list.`);
}
