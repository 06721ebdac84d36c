/**
 * PTZ commands for one camera, one at a time and in the order given: a Stop
 * can never overtake the move it stops. A move waiting behind a running
 * command is replaced by a newer move (a joystick sends many), so the camera
 * follows the hand instead of a backlog; nothing else is ever dropped.
 */
export type CommandKind = 'move' | 'other';

interface Pending<T> {
  kind: CommandKind;
  run: () => Promise<T>;
  settle: { resolve: (value: T | 'superseded') => void; reject: (error: unknown) => void }[];
}

export class CommandQueue {
  private readonly pending: Pending<unknown>[] = [];
  private running = false;

  /** Resolves with the command's result, or 'superseded' for a move replaced before it was sent. */
  push<T>(kind: CommandKind, run: () => Promise<T>): Promise<T | 'superseded'> {
    return new Promise((resolve, reject) => {
      const last = this.pending.at(-1);
      if (kind === 'move' && last?.kind === 'move') {
        // The older waiting move is never sent: its callers learn it was superseded.
        for (const s of last.settle) s.resolve('superseded');
        last.run = run;
        last.settle = [{ resolve: resolve as (v: unknown) => void, reject }];
      } else {
        this.pending.push({ kind, run, settle: [{ resolve: resolve as (v: unknown) => void, reject }] });
      }
      void this.pump();
    });
  }

  get size(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        try {
          const value = await next.run();
          for (const s of next.settle) s.resolve(value);
        } catch (error) {
          for (const s of next.settle) s.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
