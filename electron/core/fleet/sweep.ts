/**
 * One pass over the inventory: every target checked once, at most
 * `concurrency` at a time and at most `perHost` at a time against one address
 * (an NVR's 64 channels are one box with one CPU), in a fresh random order
 * each sweep so no camera or NVR is always first. Stops early when aborted.
 */
import type { CheckResult } from '../../../shared/fleet';

export interface SweepTarget {
  cameraId: string;
  /** The address checks are counted against (an NVR's channels share it). */
  host: string;
}

export interface SweepLimits {
  concurrency: number;
  perHost: number;
  /**
   * Checks started per second at most: a sweep is spread out rather than run as a
   * burst (each answer costs the camera or NVR and this machine a little; a wall at
   * its capacity feels 300 a second, docs/benchmarks.md). Unset: no limit.
   */
  perSecond?: number;
}

export interface SweepCount {
  checked: number;
  down: number;
}

export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Checks every target with `check`, reporting each answer through `onResult`
 * as it comes. Resolves when all are done (or, once aborted, when the checks
 * running have ended).
 */
export function runSweep<T extends SweepTarget>(
  targets: readonly T[],
  limits: SweepLimits,
  check: (target: T) => Promise<CheckResult>,
  onResult: (target: T, result: CheckResult) => void,
  signal?: AbortSignal,
): Promise<SweepCount> {
  const queues = new Map<string, T[]>();
  for (const target of targets) {
    const queue = queues.get(target.host);
    if (queue) queue.push(target);
    else queues.set(target.host, [target]);
  }
  const active = new Map<string, number>();
  // Hosts with work waiting and room for one more check. The longest queue goes first and a host
  // with room again goes back to the front: an NVR's 64 channels, two at a time, are the sweep's
  // critical path, and the single cameras fill the slots around them.
  const ready = shuffled([...queues.keys()]).sort((a, b) => queues.get(b)!.length - queues.get(a)!.length);
  const inReady = new Set(ready);
  const count: SweepCount = { checked: 0, down: 0 };
  let running = 0;
  let started = 0;
  const began = Date.now();
  let paced: NodeJS.Timeout | undefined;

  return new Promise((resolve) => {
    const next = (): T | undefined => {
      while (ready.length > 0) {
        const host = ready.shift()!;
        inReady.delete(host);
        const queue = queues.get(host)!;
        const target = queue.shift();
        if (!target) continue;
        const now = (active.get(host) ?? 0) + 1;
        active.set(host, now);
        if (now < limits.perHost && queue.length > 0) {
          ready.unshift(host);
          inReady.add(host);
        }
        return target;
      }
      return undefined;
    };
    const finished = (host: string) => {
      running--;
      active.set(host, (active.get(host) ?? 1) - 1);
      if ((queues.get(host)?.length ?? 0) > 0 && !inReady.has(host)) {
        ready.unshift(host);
        inReady.add(host);
      }
      fill();
    };
    const fill = () => {
      while (!signal?.aborted && running < limits.concurrency) {
        if (limits.perSecond) {
          // The first check of each second's share starts on time, never early.
          const due = began + (started / limits.perSecond) * 1000;
          if (due > Date.now()) {
            paced ??= setTimeout(() => {
              paced = undefined;
              fill();
            }, due - Date.now());
            return;
          }
        }
        const target = next();
        if (!target) break;
        started++;
        running++;
        void check(target)
          .catch((): CheckResult => ({ state: 'down', reason: 'internal' }))
          .then((result) => {
            if (!signal?.aborted) {
              count.checked++;
              if (result.state === 'down') count.down++;
              onResult(target, result);
            }
            finished(target.host);
          });
      }
      if (running === 0 && !paced) resolve(count);
    };
    fill();
  });
}
