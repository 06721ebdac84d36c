import { describe, expect, it } from 'vitest';
import { answerChallenge } from '../../electron/core/streams/rtsp-describe';
import { checkRedirect, RedirectChecks, verdictOutcome } from '../../electron/core/streams/redirect-guard';
import type { DescribeReply } from '../../electron/core/streams/rtsp-describe';
import { silentLogger } from '../../electron/core/log';
import { StreamHub } from '../../electron/core/streams/stream-hub';

describe('answerChallenge', () => {
  it('computes the RFC 2617 §3.5 example response', () => {
    const header = answerChallenge(
      [
        'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
      ],
      'GET',
      '/dir/index.html',
      'Mufasa',
      'Circle Of Life',
      '0a4f113b',
    );
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it('prefers Digest, uses Basic only when it is all that is offered, and answers nothing else', () => {
    expect(answerChallenge(['Basic realm="x"', 'Digest realm="x", nonce="n"'], 'DESCRIBE', 'u', 'a', 'b')).toMatch(
      /^Digest /,
    );
    expect(answerChallenge(['Basic realm="x"'], 'DESCRIBE', 'u', 'a', 'b')).toBe(`Basic ${btoa('a:b')}`);
    expect(answerChallenge(['Bearer realm="x"'], 'DESCRIBE', 'u', 'a', 'b')).toBeUndefined();
  });
});

/** A camera that answers DESCRIBE from a table of URL → reply. */
const camera =
  (replies: Record<string, DescribeReply | Error>) =>
  async (url: string): Promise<DescribeReply> => {
    const reply = replies[url];
    if (!reply) throw new Error(`unexpected DESCRIBE ${url}`);
    if (reply instanceof Error) throw reply;
    return reply;
  };

describe('checkRedirect', () => {
  const start = 'rtsp://admin:pw@10.0.0.5:554/ch1';
  it.each<[string, Record<string, DescribeReply | Error>, unknown]>([
    ['no redirect', { [start]: { status: 200, loggedIn: true } }, { kind: 'direct', checked: true }],
    ['no answer: ffmpeg decides', { [start]: new Error('timeout') }, { kind: 'direct', checked: false }],
    ['wrong password', { [start]: { status: 401, loggedIn: true } }, { kind: 'login-refused', status: 401 }],
    ['account forbidden', { [start]: { status: 403, loggedIn: true } }, { kind: 'login-refused', status: 403 }],
    [
      'same host, other port and path: followed with the credentials',
      {
        [start]: { status: 302, loggedIn: true, location: 'rtsp://10.0.0.5:8554/live' },
        'rtsp://admin:pw@10.0.0.5:8554/live': { status: 200, loggedIn: true },
      },
      { kind: 'moved', url: 'rtsp://admin:pw@10.0.0.5:8554/live' },
    ],
    [
      'relative location',
      {
        [start]: { status: 301, loggedIn: true, location: '/ch1/main' },
        'rtsp://admin:pw@10.0.0.5:554/ch1/main': { status: 200, loggedIn: true },
      },
      { kind: 'moved', url: 'rtsp://admin:pw@10.0.0.5:554/ch1/main' },
    ],
    [
      'another host: refused, its user info dropped',
      { [start]: { status: 302, loggedIn: true, location: 'rtsp://x:y@203.0.113.9/ch1' } },
      { kind: 'refused', location: 'rtsp://203.0.113.9/ch1' },
    ],
    [
      'another scheme on the same host',
      { [start]: { status: 302, loggedIn: true, location: 'http://10.0.0.5/ch1' } },
      { kind: 'refused', location: 'http://10.0.0.5/ch1' },
    ],
    [
      'a loop within the host',
      {
        [start]: { status: 302, loggedIn: true, location: '/a' },
        'rtsp://admin:pw@10.0.0.5:554/a': { status: 302, loggedIn: true, location: '/ch1' },
      },
      { kind: 'refused', location: 'more than 3 redirects' },
    ],
  ])('%s', async (_name, replies, verdict) => {
    expect(await checkRedirect(start, camera(replies))).toEqual(verdict);
  });

  it('a refused verdict becomes a failure that names the other host and no password', () => {
    const outcome = verdictOutcome({ kind: 'refused', location: 'rtsp://203.0.113.9/ch1' }, start);
    expect(outcome).toMatchObject({ failure: { code: 'rtsp-redirect' } });
    expect(JSON.stringify(outcome)).toContain('203.0.113.9');
    expect(JSON.stringify(outcome)).not.toContain('pw');
  });
});

describe('RedirectChecks', () => {
  it('asks once per URL while a good verdict lasts, and again for failures', async () => {
    let asked = 0;
    let now = 0;
    let status = 200;
    const checks = new RedirectChecks(
      async () => {
        asked++;
        return { status, loggedIn: true };
      },
      60_000,
      () => now,
    );
    await checks.check('rtsp://a@h/1');
    await checks.check('rtsp://a@h/1');
    expect(asked).toBe(1);
    now = 61_000;
    status = 401;
    expect(await checks.check('rtsp://a@h/1')).toEqual({ kind: 'login-refused', status: 401 });
    await checks.check('rtsp://a@h/1');
    expect(asked).toBe(3);
  });
});

describe('a login refused while nobody watches any more', () => {
  it('still holds its back-off: the tile that comes back does not log in again', async () => {
    let logins = 0;
    // The camera's answer (an injected DESCRIBE) comes after the only viewer left and the session was retired.
    const slowRefusal = async (): Promise<DescribeReply> => {
      logins++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { status: 401, loggedIn: true };
    };
    const hub = new StreamHub({
      ffmpegPath: 'ffmpeg-is-never-started-here',
      logger: silentLogger,
      sourceFor: () => ({ kind: 'rtsp', url: 'rtsp://operator:salah@127.0.0.1:9/cam' }),
      lingerMs: 10,
      redirects: new RedirectChecks(slowRefusal),
    });
    try {
      hub.subscribe('cam', 'main', { write: () => undefined }).dispose();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(hub.sessions()).toHaveLength(0);
      const again = hub.subscribe('cam', 'main', { write: () => undefined });
      expect(again.session.currentStatus.state).toBe('auth-failed');
      expect(again.session.currentStatus.retryAt! - Date.now()).toBeGreaterThan(4 * 60_000);
      expect(logins).toBe(1);
      again.dispose();
    } finally {
      await hub.dispose();
    }
  });
});
