/**
 * ffmpeg follows an RTSP 3xx to wherever it points and logs in there with the
 * credentials it was given for the first host (libavformat keeps the old user
 * info when the Location carries none). So before ffmpeg sees a password, the
 * core asks the camera itself (one DESCRIBE, logged in): a redirect within the
 * same host is followed, one to another host is refused with a sentence, and
 * a refused login is a failure at once — ffmpeg is not sent to log in again.
 * A host that answers us directly and redirects ffmpeg a moment later is not
 * caught; docs/security.md names that limit.
 */
import { createHash } from 'node:crypto';
import { CodedError, type ErrorCode } from '../../../shared/errors';
import type { StreamSource } from './stream-source';
import { redactKnown, secretsOf } from '../../../shared/rtsp-url';
import { describeRtsp, type DescribeReply } from './rtsp-describe';

export type RedirectVerdict =
  /** No redirect (checked), or no clear answer (ffmpeg tries and its failure is classified as usual). */
  | { kind: 'direct'; checked: boolean }
  /** Redirected within the same host: ffmpeg opens this URL (credentials kept). */
  | { kind: 'moved'; url: string }
  /** Redirected to another host or scheme: not followed; `location` carries no user info. */
  | { kind: 'refused'; location: string }
  /** The camera refused our login (401) or the account (403). */
  | { kind: 'login-refused'; status: 401 | 403 };

export type Describe = (url: string) => Promise<DescribeReply>;

const MAX_HOPS = 3;

export async function checkRedirect(url: string, describe: Describe = describeRtsp): Promise<RedirectVerdict> {
  const first = new URL(url);
  let current = url;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    let reply: DescribeReply;
    try {
      reply = await describe(current);
    } catch {
      return hop === 0 ? { kind: 'direct', checked: false } : { kind: 'moved', url: current };
    }
    if (reply.status === 401 || reply.status === 403) return { kind: 'login-refused', status: reply.status };
    const redirected = reply.status >= 300 && reply.status < 400 && reply.location;
    if (!redirected) return hop === 0 ? { kind: 'direct', checked: true } : { kind: 'moved', url: current };
    let next: URL;
    try {
      next = new URL(reply.location!, current);
    } catch {
      return { kind: 'refused', location: reply.location!.replace(/\/\/[^/@]*@/, '//') };
    }
    next.username = '';
    next.password = '';
    if (next.hostname.toLowerCase() !== first.hostname.toLowerCase() || next.protocol !== first.protocol)
      return { kind: 'refused', location: next.href };
    next.username = first.username;
    next.password = first.password;
    current = next.href;
  }
  return { kind: 'refused', location: `more than ${MAX_HOPS} redirects` };
}

/**
 * What a verdict means for the attempt: the URL to open, or the failure to
 * report instead. `url` is the one checked, credentials included: whatever the
 * camera put in its Location is said without them.
 */
export function verdictOutcome(
  verdict: RedirectVerdict,
  url: string,
): { url: string } | { failure: { code: ErrorCode; message: string } } {
  if (verdict.kind === 'direct') return { url };
  if (verdict.kind === 'moved') return { url: verdict.url };
  if (verdict.kind === 'login-refused')
    return {
      failure: {
        code: verdict.status === 401 ? 'auth-failed' : 'rtsp-forbidden',
        message: `the camera refused the login (${verdict.status}) before the stream was opened`,
      },
    };
  const message = `the camera redirects to ${verdict.location}, another host: not followed, so the password is not sent there`;
  return { failure: { code: 'rtsp-redirect', message: redactKnown(message, secretsOf(url)) } };
}

/**
 * Remembers the verdicts that let a stream start (direct, moved) for a while,
 * so a tour or a reload does not log in twice per visit. Failures are not
 * kept here: the stream's own back-off decides when to ask again.
 */
export class RedirectChecks {
  private readonly known = new Map<string, { verdict: RedirectVerdict; until: number }>();

  constructor(
    private readonly describe: Describe = describeRtsp,
    private readonly keepMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  readonly check = async (url: string): Promise<RedirectVerdict> => {
    // Keyed by a hash: the map holds no password in clear.
    const key = createHash('sha256').update(url).digest('hex');
    const known = this.known.get(key);
    if (known && known.until > this.now()) return known.verdict;
    const verdict = await checkRedirect(url, this.describe);
    if ((verdict.kind === 'direct' && verdict.checked) || verdict.kind === 'moved')
      this.known.set(key, { verdict, until: this.now() + this.keepMs });
    else this.known.delete(key);
    return verdict;
  };
}

/** The camera's source after the redirect check the wall does too (the password never follows a redirect off the host). */
export async function guardedSource(
  source: StreamSource,
  check: (url: string) => Promise<RedirectVerdict>,
): Promise<StreamSource> {
  if (source.kind !== 'rtsp') return source;
  const outcome = verdictOutcome(await check(source.url), source.url);
  if ('url' in outcome) return { ...source, url: outcome.url };
  throw new CodedError(outcome.failure.code, outcome.failure.message);
}
