/**
 * Who may open a socket: every local web page can try to reach 127.0.0.1, so
 * a connection needs the per-launch token, an allowed Origin and an allowed
 * Host (the last defeats DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface AccessPolicy {
  token: string;
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
  const url = new URL(req.url ?? '/', 'http://placeholder');
  if (!tokenMatches(policy.token, url.searchParams.get('token'))) return 'missing or wrong token';
  return null;
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
