/**
 * Who may open a socket: every local web page can try to reach 127.0.0.1, so
 * a connection needs the machine's token (or a good access link's), an allowed
 * Origin and an allowed Host (the last defeats DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { AccessGrant } from '../../../shared/access';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An access link a token opened (issue #16): its id and what it may do. */
export interface CallerLink {
  linkId: string;
  grant: AccessGrant;
  /** The link's own token: what this caller's stream addresses carry (never the machine's). */
  token: string;
}

export interface AccessPolicy {
  token: string;
  /** Access links: the link a token other than the machine's opens, if any (electron/core/access). */
  grantFor?: (token: string) => { linkId: string; grant: AccessGrant } | undefined;
  /** Whether a link is still good (not revoked or expired): its open sockets are closed once it is not. */
  linkGood?: (linkId: string) => boolean;
  /** Origins allowed besides the page's own (e.g. "pantau://app" for Electron). */
  extraOrigins?: readonly string[];
  /** When set, only these Host header values are accepted. */
  allowedHosts?: readonly string[];
}

/** Returns why the request is refused, or null when it may proceed. */
export function refusal(req: IncomingMessage, policy: AccessPolicy): string | null {
  const host = req.headers.host ?? '';
  if (policy.allowedHosts && !policy.allowedHosts.includes(host.toLowerCase())) return 'host not allowed';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && !(policy.extraOrigins ?? []).includes(origin)) {
    return 'origin not allowed';
  }
  const given = new URL(req.url ?? '/', 'http://placeholder').searchParams.get('token');
  return admits(policy, given) ? null : 'missing or wrong token';
}

/** The machine's own token, or a good access link's. */
export function admits(policy: AccessPolicy, given: string | null | undefined): boolean {
  return tokenMatches(policy.token, given) || (!!given && !!policy.grantFor?.(given));
}

/** The access link of an admitted request, or undefined for the machine's own token. */
export function callerLink(req: IncomingMessage, policy: AccessPolicy): CallerLink | undefined {
  const given = new URL(req.url ?? '/', 'http://placeholder').searchParams.get('token');
  if (!given || tokenMatches(policy.token, given)) return undefined;
  const found = policy.grantFor?.(given);
  return found ? { ...found, token: given } : undefined;
}

export function rejectUpgrade(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
}

/** Answers a refused upgrade: 401 for a missing or wrong token, 403 for the rest. */
export function rejectRefused(socket: Duplex, why: string): void {
  rejectUpgrade(socket, why.includes('token') ? 401 : 403, why);
}

/** Host header values for a loopback listener on `port`. */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/** How often link sockets are checked: a revoked or expired link's close within a second. */
const LINK_SWEEP_MS = 500;

/**
 * The sockets opened with access links, for whoever holds them (the browser
 * host's API, the relay): each is forgotten when it closes, and twice a second
 * those of a link no longer good (revoked, expired) are closed with 4401, which
 * the page says in words.
 */
export class LinkSockets<T extends { linkId: string }> {
  private readonly sockets = new Map<WebSocket, T>();
  private readonly sweep: NodeJS.Timeout;

  constructor(policy: AccessPolicy) {
    this.sweep = setInterval(() => {
      if (!policy.linkGood) return;
      for (const [ws, { linkId }] of this.sockets)
        if (!policy.linkGood(linkId)) ws.close(4401, 'access link revoked or expired');
    }, LINK_SWEEP_MS);
    this.sweep.unref();
  }

  add(ws: WebSocket, facts: T): void {
    this.sockets.set(ws, facts);
    ws.once('close', () => this.sockets.delete(ws));
  }

  get(ws: WebSocket): T | undefined {
    return this.sockets.get(ws);
  }

  dispose(): void {
    clearInterval(this.sweep);
  }
}
