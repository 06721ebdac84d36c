/**
 * One RTSP DESCRIBE (RFC 2326 §10.2), logged in with the camera's own
 * credentials when it asks (Digest per RFC 2617, Basic only when that is all it
 * offers): the status, and where a 3xx sends us. No media, no decoding. The
 * redirect guard uses it before ffmpeg sees the password; the fleet sweep
 * checks every camera with the same request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rtspSocket } from './rtsp-socket';

export interface DescribeReply {
  status: number;
  /** The Location header of a 3xx answer. */
  location?: string;
  /** We sent credentials in the answered request. */
  loggedIn: boolean;
}

/** Why no answer came: what the fleet sweep classifies (socket errors keep Node's own `code`). */
export class NoAnswerError extends Error {
  constructor(
    readonly kind: 'timeout' | 'closed' | 'not-rtsp',
    message: string,
  ) {
    super(message);
  }
}

interface Reply {
  status: number;
  headers: Map<string, string[]>;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `key="value", key=value` pairs of a Digest challenge. */
function challengeParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const match of text.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g))
    params.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? '');
  return params;
}

/** The Authorization header answering one of the server's challenges, or undefined when we cannot. */
export function answerChallenge(
  challenges: readonly string[],
  method: string,
  uri: string,
  user: string,
  password: string,
  cnonce = randomBytes(8).toString('hex'),
): string | undefined {
  const digest = challenges.find((c) => /^digest\s/i.test(c));
  if (digest) {
    const p = challengeParams(digest.slice(7));
    const realm = p.get('realm') ?? '';
    const nonce = p.get('nonce') ?? '';
    const ha1 = md5(`${user}:${realm}:${password}`);
    const ha2 = md5(`${method}:${uri}`);
    const auth = (p.get('qop') ?? '').split(',').some((q) => q.trim() === 'auth');
    const nc = '00000001';
    const response = auth ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
    const fields = [`username="${user}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${uri}"`];
    fields.push(`response="${response}"`, 'algorithm="MD5"');
    if (p.has('opaque')) fields.push(`opaque="${p.get('opaque')}"`);
    if (auth) fields.push('qop=auth', `nc=${nc}`, `cnonce="${cnonce}"`);
    return `Digest ${fields.join(', ')}`;
  }
  if (challenges.some((c) => /^basic\b/i.test(c)))
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return undefined;
}

/** Reads RTSP replies off one connection, skipping each body by its Content-Length. */
class ReplyReader {
  private buffered = Buffer.alloc(0);
  private waiting: ((reply: Reply) => void) | undefined;

  push(data: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, data]);
    this.deliver();
  }

  next(): Promise<Reply> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
  }

  private deliver(): void {
    if (!this.waiting) return;
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    const [statusLine = '', ...lines] = this.buffered.subarray(0, end).toString('latin1').split('\r\n');
    const headers = new Map<string, string[]>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
    }
    const bodyLength = Number(headers.get('content-length')?.[0] ?? 0) || 0;
    if (this.buffered.length < end + 4 + bodyLength) return;
    this.buffered = this.buffered.subarray(end + 4 + bodyLength);
    const status = /^RTSP\/1\.\d (\d{3})/.exec(statusLine);
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve({ status: status ? Number(status[1]) : 0, headers });
  }
}

/**
 * DESCRIBE `url`; on 401, once more with credentials from the URL's user info.
 * Rejects on a socket error, a reply that is not RTSP, or after `timeoutMs`.
 */
export async function describeRtsp(url: string, timeoutMs = 4000): Promise<DescribeReply> {
  const target = new URL(url);
  const user = decoded(target.username);
  const password = decoded(target.password);
  target.username = '';
  target.password = '';
  // The request line names the stream without user info (what ffmpeg sends too).
  const uri = target.href;
  // Written at once: the socket holds the request until it is connected.
  const { socket } = rtspSocket(target);
  const reader = new ReplyReader();
  socket.on('data', (data: Buffer) => reader.push(data));
  let timer: NodeJS.Timeout | undefined;
  const failure = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerError('timeout', `no RTSP answer within ${timeoutMs} ms`)), timeoutMs);
    socket.once('error', reject);
    socket.once('close', () => reject(new NoAnswerError('closed', 'the server closed the connection')));
  });
  failure.catch(() => {}); // raced below; after the answer it rejects unheard
  const ask = async (cseq: number, authorization?: string): Promise<Reply> => {
    const lines = [`DESCRIBE ${uri} RTSP/1.0`, `CSeq: ${cseq}`, 'User-Agent: Pantau', 'Accept: application/sdp'];
    if (authorization) lines.push(`Authorization: ${authorization}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    const reply = await Promise.race([reader.next(), failure]);
    if (reply.status === 0) throw new NoAnswerError('not-rtsp', 'the answer is not RTSP');
    return reply;
  };
  try {
    let reply = await ask(1);
    let loggedIn = false;
    if (reply.status === 401 && user) {
      const authorization = answerChallenge(
        reply.headers.get('www-authenticate') ?? [],
        'DESCRIBE',
        uri,
        user,
        password,
      );
      if (authorization) {
        reply = await ask(2, authorization);
        loggedIn = true;
      }
    }
    const location = reply.headers.get('location')?.[0];
    return { status: reply.status, loggedIn, ...(location ? { location } : {}) };
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}
