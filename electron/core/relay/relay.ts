/**
 * The stream relay: WebSocket clients at /stream/<camera>/<profile>?token=…
 * receive the camera's MPEG-TS (MPEG-1), or with `&video=h264` its own H.264
 * in length-framed pictures; with `&rate=key|key-slow` only key pictures
 * (economy, rate-gate.ts), a rate the page may change on the open socket
 * (shared/relay-protocol.ts). Each client starts at a GOP. A client that
 * falls behind (its socket backlog grows) is not buffered without bound: its
 * chunks are dropped until the next GOP start, so it cannot slow the others.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { CodedError, cameraNotFound } from '../../../shared/errors';
import { AccessCheck, type GroupOf } from '../api/access-check';
import { RELAY_DISCONTINUITY } from '../../../shared/relay-protocol';
import { tierByWidth } from '../../../shared/stream-choice';
import type { OutputOptions, VideoPath } from '../streams/ffmpeg-args';
import type { Logger } from '../log';
import type { TsChunk } from '../streams/mpegts';
import type { StreamHub, Subscription } from '../streams/stream-hub';
import {
  callerLink,
  LinkSockets,
  loopbackHosts,
  refusal,
  rejectRefused,
  rejectUpgrade,
  type AccessPolicy,
} from './access';
import { BacklogGate } from './backlog-gate';
import type { ViewerRate } from '../../../shared/api';
import { parseViewerRate, RateGate, rateInMessage } from './rate-gate';

export interface RelayOptions {
  hub: StreamHub;
  logger: Logger;
  policy: AccessPolicy;
  /** Backlog above which a client skips to the next GOP. */
  maxBacklogBytes?: number;
  /** A camera's group (null: no such camera), for an access link's scope. */
  groupOf?: GroupOf;
}

const PATH = /^\/stream\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})\/([a-z0-9][a-z0-9_-]{0,31})$/;

export class Relay {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1024 });
  /** Each viewer's socket and how to release its subscription. */
  private readonly clients = new Set<WebSocket>();
  private server: Server | undefined;
  /** Sockets opened with an access link: closed once it lapses. */
  private readonly linked: LinkSockets<{ linkId: string }>;

  constructor(private readonly options: RelayOptions) {
    this.linked = new LinkSockets(options.policy);
  }

  static isStreamPath(url: string | undefined): boolean {
    return (url ?? '').startsWith('/stream/');
  }

  /** Runs the relay on its own server (Electron): 127.0.0.1, a random port. */
  async listen(host = '127.0.0.1', port = 0): Promise<number> {
    const server = createServer((_req, res) => res.writeHead(404).end());
    server.on('upgrade', (req, socket, head) => this.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const bound = (server.address() as AddressInfo).port;
    this.options.policy.allowedHosts ??= loopbackHosts(bound);
    return bound;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const why = refusal(req, this.options.policy);
    if (why) {
      this.options.logger.warn(`relay refused a connection: ${why}`);
      rejectRefused(socket, why);
      return;
    }
    const match = PATH.exec(new URL(req.url ?? '/', 'http://placeholder').pathname);
    if (!match) {
      rejectUpgrade(socket, 404, 'no such stream path');
      return;
    }
    const [, cameraId, profile] = match as unknown as [string, string, string];
    const query = new URL(req.url ?? '/', 'http://placeholder').searchParams;
    const tier = tierByWidth(Number(query.get('w') ?? 1280));
    if (!tier) {
      rejectUpgrade(socket, 404, 'no such output size');
      return;
    }
    const output = { maxWidth: tier.width, maxHeight: tier.height };
    // `video=h264`: the camera's own H.264, framed in pictures (h264-framer.ts); otherwise MPEG-TS.
    const video = query.get('video') === 'h264' ? 'h264' : 'mpeg1';
    const rate = parseViewerRate(query.get('rate'));
    const link = callerLink(req, this.options.policy);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // A camera outside the link's scope: the very refusal of a camera that does not exist.
      if (
        link &&
        (!link.grant.rights.has('view') ||
          !new AccessCheck(link.grant, this.options.groupOf ?? (() => null)).sees(cameraId))
      )
        return ws.close(4404, cameraNotFound(cameraId).message.slice(0, 120));
      if (link) this.linked.add(ws, { linkId: link.linkId });
      this.attach(ws, cameraId, profile, output, video, rate);
    });
  }

  private attach(
    ws: WebSocket,
    cameraId: string,
    profile: string,
    output: OutputOptions,
    video: VideoPath,
    rate: ViewerRate,
  ): void {
    const pictures = new RateGate(rate);
    const gate = new BacklogGate(this.options.maxBacklogBytes ?? 2 * 1024 * 1024);
    let subscription: Subscription | undefined;
    /** Whether this viewer holds bytes of the current stream: only then is a break worth saying. */
    let sentSinceBreak = false;

    const subscriber = {
      // Edited: 1012 (service restart) makes the page open it again, now with the new address.
      // Removed: 4404, the same refusal as for an unknown camera.
      end: (reason: 'changed' | 'removed') =>
        reason === 'changed' ? ws.close(1012, 'camera changed') : ws.close(4404, 'camera removed'),
      // The page drops the part of a picture it holds (a truncated picture
      // is garbage to a decoder) and starts again at the next key picture.
      discontinuity: () => {
        pictures.restart();
        if (sentSinceBreak && ws.readyState === WebSocket.OPEN) ws.send(RELAY_DISCONTINUITY);
        sentSinceBreak = false;
      },
      write: (chunk: TsChunk) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        let taken = pictures.pass(chunk);
        if (!taken) return;
        const decision = gate.decide(chunk.gopStart, ws.bufferedAmount);
        if (decision === 'drop') return;
        if (decision === 'resync') {
          // Dropping began wherever the backlog grew, maybe inside a picture.
          ws.send(RELAY_DISCONTINUITY);
          // A fresh GOP: PAT/PMT first, as for a new viewer.
          if (subscription) taken = Buffer.concat([subscription.session.psi(), taken]);
        }
        ws.send(taken, { binary: true });
        sentSinceBreak = true;
      },
    };

    try {
      subscription = this.options.hub.subscribe(cameraId, profile, subscriber, output, video);
    } catch (error) {
      const message = error instanceof CodedError ? error.message : 'stream unavailable';
      // 4429: too many streams (the page says so); 4404: no such camera or profile.
      ws.close(error instanceof CodedError && error.code === 'stream-limit' ? 4429 : 4404, message.slice(0, 120));
      return;
    }
    this.clients.add(ws);
    ws.on('message', (data, isBinary) => {
      const rate = isBinary ? undefined : rateInMessage(String(data));
      if (rate) pictures.change(rate);
    });
    const release = () => {
      subscription?.dispose();
      this.clients.delete(ws);
    };
    ws.once('close', release);
    ws.once('error', release);
  }

  /** Closes every client with 1012 (service restart): clients reconnect and resume at a GOP. */
  dropClients(): void {
    for (const ws of this.clients) ws.close(1012, 'relay restarting connections');
  }

  /** Closes every client socket (their subscriptions are released) and the own server, if any. */
  async dispose(): Promise<void> {
    this.linked.dispose();
    for (const ws of this.clients) ws.terminate();
    this.clients.clear();
    this.wss.close();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
