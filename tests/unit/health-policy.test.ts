/** The stream policy as a table: what happened → what the tile says and when the next attempt comes. */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import {
  classifyFailure,
  lastLine,
  rtspStatusClass,
  type FailureFacts,
} from '../../electron/core/streams/failure-class';
import {
  afterFailure,
  defaultTiming as t,
  isDegraded,
  judgeLiveness,
  nextAttempt,
  nextTransport,
  recoveredFromStall,
  watchForReturn,
} from '../../electron/core/streams/health-policy';

const facts = (stderr: string, extra: Partial<FailureFacts> = {}): FailureFacts => ({
  stderr,
  elapsedMs: 300,
  ioTimeoutMs: 10_000,
  hadPicture: false,
  ...extra,
});

describe('failure classes from what actually happened (ffmpeg 5.1 wording)', () => {
  const table: [string, FailureFacts, ErrorCode][] = [
    [
      '401',
      facts(
        '[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized\nrtsp://x: Server returned 401 Unauthorized (authorization failed)',
      ),
      'auth-failed',
    ],
    ['403', facts('[rtsp @ 0x1] method DESCRIBE failed: 403 Forbidden'), 'rtsp-forbidden'],
    ['404', facts('rtsp://127.0.0.1:8554/nope: Server returned 404 Not Found'), 'rtsp-not-found'],
    ['454', facts('[rtsp @ 0x1] method PLAY failed: 454 Session Not Found'), 'rtsp-server-error'],
    [
      '461: a UDP-only camera asked for TCP',
      facts('[rtsp @ 0x1] method SETUP failed: 461 Unsupported transport\nrtsp://x: Protocol not supported'),
      'rtsp-transport',
    ],
    ['503', facts('[rtsp @ 0x1] method DESCRIBE failed: 503 Service Unavailable'), 'rtsp-server-error'],
    ['TCP refused', facts('rtsp://127.0.0.1:9/x: Connection refused'), 'rtsp-unreachable'],
    ['no route', facts('rtsp://10.9.9.9/x: No route to host'), 'rtsp-unreachable'],
    ['name unknown', facts('rtsp://kamera.invalid/x: Name or service not known'), 'rtsp-unreachable'],
    [
      'TCP open, no RTSP answer until the socket timeout',
      facts('rtsp://x: Invalid data found when processing input', { elapsedMs: 10_200 }),
      'rtsp-no-answer',
    ],
    [
      'an HTTP server on the port',
      facts('rtsp://x: Invalid data found when processing input', { elapsedMs: 120 }),
      'not-rtsp',
    ],
    [
      'a live stream whose socket went silent',
      facts('rtsp://x: Connection timed out', { hadPicture: true }),
      'rtsp-timeout',
    ],
    ['connect timed out', facts('rtsp://x: Connection timed out'), 'rtsp-no-answer'],
    [
      'PLAY accepted, no picture within the start timeout',
      facts('', { killedFor: 'start-timeout', elapsedMs: 15_000 }),
      'rtsp-no-media',
    ],
    ['stalled past the restart limit', facts('', { killedFor: 'stall', hadPicture: true }), 'rtsp-timeout'],
    [
      'codec nobody decodes',
      facts('Could not find codec parameters for stream 0 (Video: none): unknown codec'),
      'unsupported',
    ],
    ['anything else', facts('Conversion failed!'), 'ffmpeg-failed'],
  ];
  it.each(table)('%s', (_name, input, expected) => {
    expect(classifyFailure(input)).toBe(expected);
  });

  it('maps RTSP status codes (RFC 2326)', () => {
    expect([401, 403, 404, 454, 461, 500, 503].map(rtspStatusClass)).toEqual([
      'auth-failed',
      'rtsp-forbidden',
      'rtsp-not-found',
      'rtsp-server-error',
      'rtsp-transport',
      'rtsp-server-error',
      'rtsp-server-error',
    ]);
  });

  it('never shows a decode-damage warning as the reason a stream ended', () => {
    expect(
      lastLine(
        'rtsp://x: Connection refused\nrtsp://x: corrupt decoded frame in stream 0\n    Last message repeated 2 times\n',
      ),
    ).toBe('rtsp://x: Connection refused');
  });
});

describe('next attempt', () => {
  const row = (code: ErrorCode, failures: number, previous?: ErrorCode) =>
    nextAttempt(code, { failures, previous }, t, 0.5);
  const table: [string, ReturnType<typeof row>, { state: string; min: number; max: number }][] = [
    [
      'a refused connection, first time: reconnect after ~1 s',
      row('rtsp-unreachable', 1),
      { state: 'reconnecting', min: 500, max: 1000 },
    ],
    [
      'silence is retried like an offline camera, not called unsupported',
      row('rtsp-no-answer', 2, 'rtsp-no-answer'),
      { state: 'reconnecting', min: 1000, max: 2000 },
    ],
    ['backoff doubles and is capped', row('rtsp-timeout', 10 - 6), { state: 'reconnecting', min: 4000, max: 8000 }],
    [
      'after five failures: offline, slow retry',
      row('rtsp-unreachable', 5),
      { state: 'offline', min: 30_000, max: 60_000 },
    ],
    [
      'a wrong password waits minutes at once (accounts lock)',
      row('auth-failed', 1),
      { state: 'auth-failed', min: t.authBackoffMs, max: t.authBackoffMs },
    ],
    [
      '403 is treated like a refused login',
      row('rtsp-forbidden', 1),
      { state: 'auth-failed', min: t.authBackoffMs, max: t.authBackoffMs },
    ],
    [
      'a redirect to another host: unsupported at once, minutes (the address must be edited)',
      row('rtsp-redirect', 1),
      { state: 'unsupported', min: t.unsupportedBackoffMs, max: t.unsupportedBackoffMs },
    ],
    [
      'a codec problem once may be a camera rebooting',
      row('unsupported', 1),
      { state: 'reconnecting', min: 500, max: 1000 },
    ],
    [
      'the same codec problem twice: unsupported, minutes',
      row('unsupported', 2, 'unsupported'),
      { state: 'unsupported', min: t.unsupportedBackoffMs, max: t.unsupportedBackoffMs },
    ],
    [
      'a web server twice: unsupported',
      row('not-rtsp', 2, 'not-rtsp'),
      { state: 'unsupported', min: t.unsupportedBackoffMs, max: t.unsupportedBackoffMs },
    ],
    [
      'a wrong path twice: offline, minutes (nothing to gain by asking often)',
      row('rtsp-not-found', 2, 'rtsp-not-found'),
      { state: 'offline', min: t.unsupportedBackoffMs, max: t.unsupportedBackoffMs },
    ],
    [
      'a server error is a camera in trouble: ordinary reconnect',
      row('rtsp-server-error', 2, 'rtsp-server-error'),
      { state: 'reconnecting', min: 1000, max: 2000 },
    ],
  ];
  it.each(table)('%s', (_name, got, want) => {
    expect(got.state).toBe(want.state);
    expect(got.delayMs).toBeGreaterThanOrEqual(want.min);
    expect(got.delayMs).toBeLessThanOrEqual(want.max);
  });

  it('spreads retries (jitter) so cameras that rebooted together are not hit in lockstep', () => {
    const low = nextAttempt('rtsp-unreachable', { failures: 3 }, t, 0).delayMs;
    const high = nextAttempt('rtsp-unreachable', { failures: 3 }, t, 0.999).delayMs;
    expect(high - low).toBeGreaterThan(1500);
  });
});

describe('transport', () => {
  it.each([
    ['auto', 'tcp', 'rtsp-transport', 'udp'],
    ['auto', 'tcp', 'rtsp-no-media', 'udp'],
    ['auto', 'tcp', 'rtsp-unreachable', 'tcp'],
    ['auto', 'udp', 'rtsp-unreachable', 'tcp'],
    ['auto', 'udp', 'rtsp-transport', 'udp'],
    ['tcp', 'tcp', 'rtsp-transport', 'tcp'],
    ['udp', 'udp', 'rtsp-unreachable', 'udp'],
  ] as const)('%s over %s after %s → %s', (mode, current, code, expected) => {
    expect(nextTransport(mode, current, code)).toBe(expected);
  });
});

describe('liveness and damage', () => {
  const base = { state: 'live' as const, startedAt: 0, lastFrameAt: 10_000 };
  it.each([
    [{ ...base, now: 11_000 }, 'ok'],
    [{ ...base, now: 10_000 + t.stallAfterMs + 1 }, 'stalled'],
    [{ ...base, state: 'degraded' as const, now: 10_000 + t.stallAfterMs + 1 }, 'stalled'],
    [{ ...base, state: 'stalled' as const, now: 10_000 + t.stallRestartMs + 1 }, 'restart'],
    // Stalled at 12 s; ffmpeg flushed a frame at 20 s when its socket timed out: still restarted on time.
    [
      {
        ...base,
        state: 'stalled' as const,
        since: 12_000,
        lastFrameAt: 20_000,
        now: 12_000 + t.stallRestartMs - t.stallAfterMs + 1,
      },
      'restart',
    ],
    [{ ...base, state: 'stalled' as const, since: 12_000, lastFrameAt: 20_000, now: 20_500 }, 'stalled'],
    [{ state: 'connecting' as const, startedAt: 0, now: t.startTimeoutMs - 1 }, 'ok'],
    [{ state: 'connecting' as const, startedAt: 0, now: t.startTimeoutMs + 1 }, 'restart'],
  ])('%o → %s', (input, expected) => {
    expect(judgeLiveness(input, t)).toBe(expected);
  });

  it('a stalled stream is live again after a steady run of frames, not after one flushed frame', () => {
    expect(recoveredFromStall(1, t)).toBe(false);
    expect(recoveredFromStall(t.recoverFrames, t)).toBe(true);
  });

  it('calls a stream degraded after several damaged frames within the window, and clean again after it', () => {
    expect(isDegraded([1000, 1200], 1300, t)).toBe(false);
    expect(isDegraded([1000, 1200, 1250], 1300, t)).toBe(true);
    expect(isDegraded([1000, 1200, 1250], 1250 + t.degradedWindowMs + 1, t)).toBe(false);
  });
});

describe('after a failed attempt', () => {
  const memory = (failures: number) => ({ failures, previous: undefined });
  it.each([
    [
      'auto over TCP refused for its transport: UDP at once, the state kept, not counted as a failure',
      'rtsp-transport',
      'auto',
      'tcp',
      { state: 'connecting', delayMs: 0, transport: 'udp', failures: 0, watch: false },
    ],
    [
      'a refused login waits minutes and never asks the camera in between',
      'auth-failed',
      'auto',
      'tcp',
      { state: 'auth-failed', delayMs: t.authBackoffMs, transport: 'tcp', failures: 1, watch: false },
    ],
    [
      'an outage that reaches offline watches for the camera to come back',
      'rtsp-unreachable',
      'tcp',
      'tcp',
      { state: 'offline', transport: 'tcp', failures: 5, watch: true },
    ],
    [
      'a short reconnect does not bother to watch',
      'rtsp-unreachable',
      'tcp',
      'tcp',
      { state: 'reconnecting', transport: 'tcp', failures: 1, watch: false },
    ],
  ] as const)('%s', (_name, code, mode, transport, expected) => {
    const failures = expected.failures + ('delayMs' in expected && expected.delayMs === 0 ? 1 : 0);
    const got = afterFailure(code, { state: 'connecting', transport, mode, memory: memory(failures) }, t, 0.5);
    expect(got).toMatchObject(expected);
  });

  it('watches only after outages, never after a refused login or a wrong address', () => {
    expect(watchForReturn('rtsp-no-answer', 30_000, t)).toBe(true);
    expect(watchForReturn('auth-failed', 300_000, t)).toBe(false);
    expect(watchForReturn('rtsp-not-found', 300_000, t)).toBe(false);
    expect(watchForReturn('rtsp-unreachable', 1_000, t)).toBe(false);
  });
});

describe('asking a camera whether it is back', () => {
  it('only after it did not answer at all: a camera that answers but fails is not started on every OPTIONS reply', () => {
    for (const code of ['rtsp-server-error', 'rtsp-timeout', 'rtsp-no-media', 'ffmpeg-failed'] as const) {
      expect(watchForReturn(code, 60_000, t), code).toBe(false);
    }
  });
});
