/**
 * The stream health policy as pure functions: no clock, no process, no timer.
 * StreamSession feeds it facts and does what it says; tests/unit/health-policy
 * drives it with a table.
 *
 *   connecting → live ⇄ stalled        (stalled: no frame for stallAfterMs)
 *   live ⇄ degraded                    (ffmpeg concealing damage in several frames lately)
 *   any failure → reconnecting          (exponential backoff with jitter, capped)
 *   offlineAfter failures → offline     (slow retry, never given up)
 *   401/403 → auth-failed               (minutes: cameras lock accounts after bad logins)
 *   codec or not RTSP, twice → unsupported (minutes)
 *   redirect to another host → unsupported (minutes: the address must be edited)
 */
import type { ErrorCode } from '../../../shared/errors';
import type { RtpTransport, StreamState, StreamTransport } from '../../../shared/model';

export interface HealthTiming {
  /** No first picture within this long: kill and retry. */
  startTimeoutMs: number;
  /** No new frame for this long while connected: stalled. */
  stallAfterMs: number;
  /** Stalled this long: kill ffmpeg and reconnect. */
  stallRestartMs: number;
  /** SIGTERM, then SIGKILL after this long. */
  killGraceMs: number;
  /** ffmpeg's own socket timeout (RTSP `-timeout`). */
  ioTimeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Consecutive failures before the stream is called offline. */
  offlineAfter: number;
  offlineRetryMs: number;
  authBackoffMs: number;
  unsupportedBackoffMs: number;
  /** Frames ffmpeg reported damaged within `degradedWindowMs` that make a stream degraded. */
  degradedAfter: number;
  degradedWindowMs: number;
  /** While waiting out a long back-off after an outage, ask the camera (RTSP OPTIONS) this often whether it is back. */
  returnCheckMs: number;
  /** Frames in a row that make a stalled stream live again (1 s at 5 fps). */
  recoverFrames: number;
}

export const defaultTiming: HealthTiming = {
  startTimeoutMs: 15_000,
  stallAfterMs: 2_000,
  stallRestartMs: 12_000,
  killGraceMs: 3_000,
  ioTimeoutMs: 10_000,
  retryBaseMs: 1_000,
  retryMaxMs: 30_000,
  offlineAfter: 5,
  offlineRetryMs: 60_000,
  authBackoffMs: 5 * 60_000,
  unsupportedBackoffMs: 5 * 60_000,
  degradedAfter: 3,
  degradedWindowMs: 5_000,
  returnCheckMs: 2_000,
  recoverFrames: 5,
};

/** What the policy remembers between attempts. */
export interface RetryMemory {
  /** Consecutive failed attempts, this one included. */
  failures: number;
  /** The class of the attempt before this one. */
  previous?: ErrorCode | undefined;
}

export interface NextAttempt {
  state: StreamState;
  delayMs: number;
}

/** Classes that are the address or the stream itself, not the network: wait minutes when they repeat. */
const configClasses: ReadonlySet<ErrorCode> = new Set(['unsupported', 'not-rtsp', 'rtsp-not-found', 'rtsp-transport']);

/**
 * After a failed attempt: which state to show and how long to wait.
 * `random` in [0, 1) spreads retries so cameras that rebooted together are not hit in lockstep.
 */
export function nextAttempt(code: ErrorCode, memory: RetryMemory, t: HealthTiming, random: number): NextAttempt {
  // Cameras lock accounts after repeated bad logins: never hammer with a wrong password.
  if (code === 'auth-failed' || code === 'rtsp-forbidden') return { state: 'auth-failed', delayMs: t.authBackoffMs };
  // The camera sends us to another host: the same answer every time until someone edits the address.
  if (code === 'rtsp-redirect') return { state: 'unsupported', delayMs: t.unsupportedBackoffMs };
  // A wrong path, a codec or a server that is not RTSP fails the same way every time;
  // one failure can still be a camera rebooting, so only a repeat waits minutes.
  if (configClasses.has(code) && memory.previous === code)
    return {
      state: code === 'unsupported' || code === 'not-rtsp' ? 'unsupported' : 'offline',
      delayMs: t.unsupportedBackoffMs,
    };
  const half = (ms: number) => ms / 2 + random * (ms / 2);
  if (memory.failures >= t.offlineAfter) return { state: 'offline', delayMs: half(t.offlineRetryMs) };
  // Silence, refusals, timeouts, server errors: an ordinary reconnect with backoff.
  return { state: 'reconnecting', delayMs: half(Math.min(t.retryMaxMs, t.retryBaseMs * 2 ** (memory.failures - 1))) };
}

export type TransportMode = StreamTransport;

/**
 * The transport for the next attempt. `auto` starts with TCP (it crosses NAT
 * and loses nothing) and moves to UDP when the camera refuses TCP (461) or
 * TCP brought no picture; a UDP attempt that fails for no transport reason
 * goes back to TCP, so a camera that was only down is not stuck on UDP.
 */
export function nextTransport(mode: TransportMode, current: RtpTransport, code: ErrorCode): RtpTransport {
  if (mode !== 'auto') return mode;
  if (current === 'tcp' && (code === 'rtsp-transport' || code === 'rtsp-no-media')) return 'udp';
  if (current === 'udp' && code !== 'rtsp-transport') return 'tcp';
  return current;
}

export type Liveness = 'ok' | 'stalled' | 'restart';

export interface LivenessFacts {
  state: StreamState;
  now: number;
  startedAt: number;
  lastFrameAt?: number | undefined;
  /** When the current state began (for stalled: when the stall was seen). */
  since?: number | undefined;
}

/**
 * Judged from ffmpeg's output, not from ffmpeg's own timeouts alone. A
 * stalled stream is restarted `stallRestartMs` after its last steady picture
 * even if a few frames trickle out meanwhile: ffmpeg flushes the frames it
 * still holds when its socket times out, and those must not reset the clock
 * (a frozen camera used to flap stalled ⇄ live and never be restarted).
 */
export function judgeLiveness(f: LivenessFacts, t: HealthTiming): Liveness {
  if (f.state === 'stalled') {
    const stalledFor = f.now - (f.since ?? f.lastFrameAt ?? f.startedAt);
    return stalledFor > t.stallRestartMs - t.stallAfterMs ? 'restart' : 'stalled';
  }
  if (f.state === 'live' || f.state === 'degraded') {
    const silentFor = f.now - (f.lastFrameAt ?? f.startedAt);
    if (silentFor > t.stallRestartMs) return 'restart';
    return silentFor > t.stallAfterMs ? 'stalled' : 'ok';
  }
  return f.now - f.startedAt > t.startTimeoutMs ? 'restart' : 'ok';
}

/** A stalled stream is live again only after a steady run of frames, not one flushed frame. */
export function recoveredFromStall(framesSinceStall: number, t: HealthTiming): boolean {
  return framesSinceStall >= t.recoverFrames;
}

/**
 * Damaged frames ffmpeg concealed, within a sliding window. A multi-slice
 * stream decoded wrongly or a lossy link paints green or smeared pictures
 * that still "move": the tile must not call that live.
 */
export function isDegraded(damageTimes: readonly number[], now: number, t: HealthTiming): boolean {
  return damageTimes.filter((at) => now - at <= t.degradedWindowMs).length >= t.degradedAfter;
}

/** Failures after which a camera may simply come back: worth asking it (RTSP OPTIONS) while waiting. */
const outageClasses: ReadonlySet<ErrorCode> = new Set([
  // Only a camera that did not answer at all: if it answers OPTIONS now, it is back. One that
  // answers but fails (5xx, stopped sending, no media) would answer OPTIONS all along, and
  // starting on every answer would hit it every two seconds.
  'rtsp-unreachable',
  'rtsp-no-answer',
]);

/**
 * Whether to ask the camera if it is back while waiting `delayMs`: only after
 * an outage (never after a refused login or a wrong address), and only when
 * the wait is long enough for it to matter.
 */
export function watchForReturn(code: ErrorCode, delayMs: number, t: HealthTiming): boolean {
  return outageClasses.has(code) && delayMs > t.returnCheckMs * 2;
}

export interface AfterExit {
  state: StreamState;
  delayMs: number;
  transport: RtpTransport;
  /** Consecutive failures to remember (a transport switch is not the camera's failure). */
  failures: number;
  /** Ask the camera (RTSP OPTIONS) while waiting, to start as soon as it is back. */
  watch: boolean;
}

/**
 * Everything the policy decides when an attempt failed with `code`: the next
 * transport (a switch is tried at once, keeping the state on screen), else
 * the state and wait from `nextAttempt`, and whether to watch for the camera's return.
 */
export function afterFailure(
  code: ErrorCode,
  now: { state: StreamState; transport: RtpTransport; mode: TransportMode; memory: RetryMemory },
  t: HealthTiming,
  random: number,
): AfterExit {
  const transport = nextTransport(now.mode, now.transport, code);
  if (transport !== now.transport) {
    return {
      state: now.state === 'idle' ? 'connecting' : now.state,
      delayMs: 0,
      transport,
      failures: now.memory.failures - 1,
      watch: false,
    };
  }
  const next = nextAttempt(code, now.memory, t, random);
  return { ...next, transport, failures: now.memory.failures, watch: watchForReturn(code, next.delayMs, t) };
}
