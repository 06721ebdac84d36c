/**
 * A few workers (one per core) that decode and paint the wall's tiles, each
 * tile going to the worker with the fewest. One worker per tile did not scale:
 * 64 tiles meant 64 threads, module loads and heaps starting at once, which
 * swamped a two-core machine (docs/benchmarks.md). A tile hands its canvas
 * over once: a canvas given to a worker can never be drawn on by the page
 * again, so the tile makes a new one for each player.
 */
import type { FromTileWorker, ToTileWorker } from './tile-worker-messages';
import type { SocketReport } from './relay-source';
import type { ViewerRate } from '../../shared/api';

export interface PooledPlayerEvents {
  onSocket: SocketReport;
  onPainted: (pictures: number) => void;
  /** The browser's decoder will not take the stream (native path). */
  onUndecodable?: () => void;
}

/** A tile's player in a worker: its rate can change on the open socket; destroy() ends it. */
export interface PooledPlayer {
  setRate(rate: ViewerRate): void;
  destroy(): void;
}

interface Member {
  worker: Worker;
  players: Map<number, PooledPlayerEvents>;
}

export class WorkerPool<Open> {
  private readonly members: Member[] = [];
  private nextId = 1;

  /**
   * `spawn` makes one worker (bundlers need the `new Worker(new URL(…))` written out where the
   * worker's module is named); `sizeParam` is the wall link's parameter that sets the pool's size
   * for measurements (default: one per core, at most 8 — more cannot run at once, and each holds
   * its own copy of the decoder's code).
   */
  constructor(
    private readonly spawn: (name: string) => Worker,
    private readonly sizeParam: string,
  ) {}

  /** Gives a tile's canvas and stream to a worker; destroy() of the answer ends the tile's player. */
  open(url: string, canvas: HTMLCanvasElement, open: Open, events: PooledPlayerEvents): PooledPlayer {
    const member = this.leastBusy();
    const id = this.nextId++;
    member.players.set(id, events);
    const offscreen = canvas.transferControlToOffscreen();
    const send = (message: ToTileWorker<Open>, transfer: Transferable[] = []) =>
      member.worker.postMessage(message, transfer);
    send({ type: 'open', id, url, canvas: offscreen, ...open }, [offscreen]);
    return {
      setRate: (rate) => send({ type: 'rate', id, rate }),
      destroy: () => {
        member.players.delete(id);
        send({ type: 'close', id });
      },
    };
  }

  private size(): number {
    const asked = Number(new URLSearchParams(location.search).get(this.sizeParam));
    if (Number.isInteger(asked) && asked >= 1 && asked <= 64) return asked;
    return Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
  }

  private leastBusy(): Member {
    if (this.members.length < this.size()) {
      const idle = this.members.find((member) => member.players.size === 0);
      return idle ?? this.add();
    }
    return this.members.reduce((best, member) => (member.players.size < best.players.size ? member : best));
  }

  private add(): Member {
    const name = `${this.sizeParam.replace(/s$/, '')}-${this.members.length + 1}`;
    const member: Member = { worker: this.spawn(`pantau-${name}`), players: new Map() };
    member.worker.onmessage = (event: MessageEvent<FromTileWorker>) => {
      const message = event.data;
      if (message.type === 'socket') {
        member.players.get(message.id)?.onSocket(message.state, message.detail, message.code);
      } else if (message.type === 'painted') {
        for (const [id, pictures] of message.counts) member.players.get(id)?.onPainted(pictures);
      } else {
        // The reason is kept where tests and support look; an undecodable stream goes to MPEG-1.
        console.warn(`pantau-${name}: ${message.message}`);
        if (message.type === 'undecodable') member.players.get(message.id)?.onUndecodable?.();
      }
    };
    member.worker.onerror = (event) => {
      // A decoder that threw in the worker: its tiles stop being painted and say so by going stale;
      // the error is logged where the tests and an operator's support look.
      console.error(`pantau-${name}: ${event.message}`);
    };
    this.members.push(member);
    return member;
  }
}
