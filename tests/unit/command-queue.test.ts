import { describe, expect, it } from 'vitest';
import { CommandQueue } from '../../electron/core/onvif/command-queue';

/** A command that resolves when released, recording when it started. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { run: async () => (log.push(`start ${name}`), await done, log.push(`end ${name}`), name), release };
}

describe('PTZ command queue', () => {
  it('runs commands one at a time, in order: a stop never overtakes its move', async () => {
    const log: string[] = [];
    const queue = new CommandQueue();
    const move = gate(log, 'move');
    const stop = gate(log, 'stop');
    const a = queue.push('move', move.run);
    const b = queue.push('other', stop.run);
    await Promise.resolve();
    expect(log).toEqual(['start move']);
    stop.release(); // the stop is ready first, but must wait
    // Every pending promise job runs before the next macrotask: if the queue
    // could start the stop without the move finishing, it would have by now.
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['start move']);
    expect(queue.size).toBe(2);
    move.release();
    expect(await a).toBe('move');
    expect(await b).toBe('stop');
    expect(log).toEqual(['start move', 'end move', 'start stop', 'end stop']);
  });

  it('replaces a waiting move with a newer one, but never a stop', async () => {
    const log: string[] = [];
    const queue = new CommandQueue();
    const first = gate(log, 'move 1');
    const p1 = queue.push('move', first.run);
    const p2 = queue.push('move', async () => (log.push('move 2'), 'move 2'));
    const p3 = queue.push('move', async () => (log.push('move 3'), 'move 3'));
    const p4 = queue.push('other', async () => (log.push('stop'), 'stop'));
    const p5 = queue.push('move', async () => (log.push('move 4'), 'move 4'));
    first.release();
    expect(await Promise.all([p1, p2, p3, p4, p5])).toEqual(['move 1', 'superseded', 'move 3', 'stop', 'move 4']);
    expect(log).toEqual(['start move 1', 'end move 1', 'move 3', 'stop', 'move 4']);
  });

  it('a failed command rejects its caller and the queue goes on', async () => {
    const queue = new CommandQueue();
    const failed = queue.push('other', async () => {
      throw new Error('camera said no');
    });
    const next = queue.push('other', async () => 'next');
    await expect(failed).rejects.toThrow('camera said no');
    expect(await next).toBe('next');
    expect(queue.size).toBe(0);
  });
});
