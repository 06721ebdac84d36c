/**
 * Pantau without Electron: one HTTP server that serves the built renderer,
 * speaks the API contract over WebSocket RPC at /api, and relays streams at
 * /stream/…. Used by `npm run serve`, the e2e tests and the benchmark.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { RpcRequestSchema, type ApiEvent, type ApiEventPayload, type RpcMessage } from '../../../shared/api';
import { AccessCheck } from '../api/access-check';
import { dispatch, type CallContext } from '../api/dispatch';
import type { Logger } from '../log';
import type { PantauCore } from '../pantau-core';
import { admits, callerLink, LinkSockets, loopbackHosts, refusal, rejectRefused, rejectUpgrade } from '../relay/access';
import { Relay } from '../relay/relay';
import { serveStatic } from './static-files';

export interface BrowserHostOptions {
  core: PantauCore;
  rendererDir: string;
  logger: Logger;
  host?: string;
  port?: number;
}

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

/** Bytes of replies and events that may wait on one page's socket: a 20,000-camera CSV export (~3 MB) many times over. */
const MAX_QUEUED = 64 * 1024 * 1024;

export class BrowserHost {
  private readonly server: Server;
  // The largest request is a city's CSV (the contract allows 16 M characters, JSON-escaped in the frame).
  private readonly rpc = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  private boundPort = 0;
  /** API sockets opened with an access link: closed once it lapses; what each may see. */
  private readonly linked: LinkSockets<{ linkId: string; access: AccessCheck }>;

  constructor(private readonly options: BrowserHostOptions) {
    this.server = createServer((req, res) => {
      // Whether the page's token is still good: a tab left open across `--new-token` says so in words.
      if (new URL(req.url ?? '/', 'http://placeholder').pathname === '/api/token') return this.checkToken(req, res);
      void serveStatic(options.rendererDir, req, res);
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (Relay.isStreamPath(req.url)) return options.core.relay.handleUpgrade(req, socket, head);
      if (new URL(req.url ?? '/', 'http://placeholder').pathname !== '/api')
        return rejectUpgrade(socket, 404, 'not found');
      const why = refusal(req, options.core.policy);
      if (why) {
        options.logger.warn(`api refused a connection: ${why}`);
        return rejectRefused(socket, why);
      }
      this.rpc.handleUpgrade(req, socket, head, (ws) => this.attachRpc(ws, req));
    });
    this.linked = new LinkSockets(options.core.policy);
  }

  private checkToken(req: IncomingMessage, res: ServerResponse): void {
    const policy = this.options.core.policy;
    const hostAllowed = !policy.allowedHosts || policy.allowedHosts.includes((req.headers.host ?? '').toLowerCase());
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const ok = hostAllowed && admits(policy, given);
    res.writeHead(ok ? 204 : 401, { 'Cache-Control': 'no-store' }).end();
  }

  async listen(): Promise<string> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, host, () => resolve());
    });
    this.boundPort = (this.server.address() as AddressInfo).port;
    // On loopback, accept only loopback Host headers (DNS rebinding); on a LAN
    // address the user opted in, and the token remains the gate.
    if (loopback.has(host)) this.options.core.policy.allowedHosts = loopbackHosts(this.boundPort);
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return `http://${shown}:${this.boundPort}/?token=${encodeURIComponent(this.options.core.token)}`;
  }

  get port(): number {
    return this.boundPort;
  }

  private attachRpc(ws: WebSocket, req: IncomingMessage): void {
    const link = callerLink(req, this.options.core.policy);
    const context: CallContext = { relayBase: `ws://${req.headers.host}` };
    if (link) {
      const access = new AccessCheck(link.grant, (id) => this.options.core.groupOf(id));
      context.access = access;
      context.relayToken = link.token;
      this.linked.add(ws, { linkId: link.linkId, access });
    }
    // A bad frame (too large, invalid UTF-8) closes that socket; without a
    // listener it would be an uncaught error and take the host down.
    ws.on('error', (error) => this.options.logger.warn(`api socket closed on a bad frame: ${error.message}`));
    ws.on('message', async (raw, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      let request;
      try {
        request = RpcRequestSchema.parse(JSON.parse(raw.toString()));
      } catch {
        return ws.close(1007, 'malformed request');
      }
      const result = await dispatch(
        this.options.core.handlers,
        request.method,
        request.params,
        context,
        this.options.logger,
      );
      this.sendBounded(ws, JSON.stringify({ id: request.id, result } satisfies RpcMessage));
    });
  }

  /** A contract event to every connected page (the core's `send`). */
  broadcast<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void {
    const text = JSON.stringify({ event, payload } satisfies RpcMessage);
    for (const ws of this.rpc.clients) {
      const access = this.linked.get(ws)?.access;
      if (!access) {
        this.sendBounded(ws, text);
        continue;
      }
      // A page on an access link hears only of its own cameras' streams and that the list changed.
      const seen = scopedEvent(access, event, payload);
      if (seen !== undefined) this.sendBounded(ws, JSON.stringify({ event, payload: seen } as RpcMessage));
    }
  }

  /**
   * A page that stops reading must not make the host hold its replies without
   * end: past MAX_QUEUED bytes waiting on its socket, the socket is closed (the
   * page reconnects and loads afresh).
   */
  private sendBounded(ws: WebSocket, text: string): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount + text.length > MAX_QUEUED) {
      this.options.logger.warn(`api socket closed: ${ws.bufferedAmount} bytes waiting for a page that does not read`);
      ws.terminate();
      return;
    }
    ws.send(text);
  }

  /**
   * Closes every page's API and stream sockets without stopping anything
   * else; pages reconnect by themselves (used by the fault tests, and to shake
   * off a wedged client).
   */
  dropClients(): void {
    for (const ws of this.rpc.clients) ws.close(1012, 'host restarting connections');
    this.options.core.relay.dropClients();
  }

  /** Closes the pages' sockets and the server; the caller disposes the core (relay, ffmpeg). */
  async close(): Promise<void> {
    this.linked.dispose();
    for (const ws of this.rpc.clients) ws.terminate();
    this.rpc.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What a page on an access link gets of an event: its cameras' streams, that the list changed; nothing else. */
function scopedEvent(access: AccessCheck, event: ApiEvent, payload: unknown): unknown {
  if (event === 'camera:changed') return payload;
  if (event === 'stream:status') return access.sees((payload as { cameraId: string }).cameraId) ? payload : undefined;
  if (event === 'stream:stats') return (payload as { cameraId: string }[]).filter((s) => access.sees(s.cameraId));
  return undefined;
}
