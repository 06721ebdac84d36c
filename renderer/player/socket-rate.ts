/**
 * A tile's economy rate told to the relay on its open socket
 * (shared/relay-protocol.ts), so a change of mode never reopens the stream.
 * The socket's address carries the rate the tile opened with; one asked since
 * is said again on every reconnection.
 */
import type { ViewerRate } from '../../shared/api';
import { rateMessage } from '../../shared/relay-protocol';

export class SocketRate {
  private asked: ViewerRate | undefined;

  /** The tile's mode changed: said now if the socket is open, else when it opens. */
  set(rate: ViewerRate, socket: WebSocket | undefined): void {
    this.asked = rate;
    if (socket?.readyState === WebSocket.OPEN) socket.send(rateMessage(rate));
  }

  /** A socket just opened at the rate in its address: it learns any rate asked since. */
  opened(socket: WebSocket): void {
    if (this.asked) socket.send(rateMessage(this.asked));
  }
}
