import { describe, expect, it } from 'vitest';
import { runSweep, shuffled, type SweepTarget } from '../../electron/core/fleet/sweep';
import type { CheckResult } from '../../shared/fleet';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 40 cameras on one NVR, 60 cameras each on its own address. */
const targets: SweepTarget[] = [
  ...Array.from({ length: 40 }, (_, i) => ({ cameraId: `nvr-${i}`, host: '10.0.0.2' })),
  ...Array.from({ length: 60 }, (_, i) => ({ cameraId: `cam-${i}`, host: `10.0.1.${i}` })),
];

describe('a sweep over the inventory', () => {
  it('checks every camera once, never more than the limits at a time overall or per address', async () => {
    let running = 0;
    let most = 0;
    const perHost = new Map<string, number>();
    let mostPerHost = 0;
    const seen: string[] = [];
    const count = await runSweep(
      targets,
      { concurrency: 8, perHost: 2 },
      async (t): Promise<CheckResult> => {
        running++;
        perHost.set(t.host, (perHost.get(t.host) ?? 0) + 1);
        most = Math.max(most, running);
        mostPerHost = Math.max(mostPerHost, perHost.get(t.host)!);
        await wait(1 + Math.random() * 3);
        running--;
        perHost.set(t.host, perHost.get(t.host)! - 1);
        return t.cameraId.endsWith('7') ? { state: 'down', reason: 'rtsp-no-answer' } : { state: 'up' };
      },
      (t) => seen.push(t.cameraId),
    );
    expect(seen.sort()).toEqual(targets.map((t) => t.cameraId).sort());
    expect(most).toBe(8);
    expect(mostPerHost).toBe(2);
    expect(count).toEqual({ checked: 100, down: 10 });
  });

  it('keeps the NVR busy alongside the single cameras, not after them', async () => {
    const order: string[] = [];
    await runSweep(
      targets,
      { concurrency: 8, perHost: 2 },
      async (t) => (order.push(t.host), await wait(1), { state: 'up' }),
      () => {},
    );
    // With two at a time on the NVR, its 40 channels must start well before the last single camera.
    const firstHalf = order.slice(0, 50).filter((h) => h === '10.0.0.2').length;
    expect(firstHalf).toBeGreaterThanOrEqual(10);
  });

  it('stops starting checks once aborted and reports none after', async () => {
    const abort = new AbortController();
    let started = 0;
    const reported: string[] = [];
    const count = await runSweep(
      targets,
      { concurrency: 4, perHost: 2 },
      async () => {
        started++;
        if (started === 6) abort.abort();
        await wait(2);
        return { state: 'up' };
      },
      (t) => reported.push(t.cameraId),
      abort.signal,
    );
    expect(started).toBeLessThanOrEqual(8);
    expect(reported.length).toBeLessThan(6);
    expect(count.checked).toBe(reported.length);
  });

  it('counts a check that throws as a camera down, and goes on', async () => {
    const count = await runSweep(
      targets.slice(0, 5),
      { concurrency: 2, perHost: 2 },
      async (t) => {
        if (t.cameraId === 'nvr-1') throw new Error('boom');
        return { state: 'up' };
      },
      () => {},
    );
    expect(count).toEqual({ checked: 5, down: 1 });
  });

  it('starts no more checks a second than it is allowed, spread evenly', async () => {
    const starts: number[] = [];
    const t0 = Date.now();
    await runSweep(
      targets.slice(0, 30),
      { concurrency: 64, perHost: 2, perSecond: 100 },
      async () => (starts.push(Date.now() - t0), { state: 'up' }),
      () => {},
    );
    // 30 checks at 100 a second: the last starts about 290 ms in, none before its share.
    expect(starts).toHaveLength(30);
    starts.forEach((at, i) => expect(at).toBeGreaterThanOrEqual(i * 10 - 2));
    expect(starts.at(-1)!).toBeLessThan(600);
  });

  it('shuffles without losing or repeating anything', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const mixed = shuffled(items);
    expect([...mixed].sort((a, b) => a - b)).toEqual(items);
    expect(mixed).not.toEqual(items);
  });
});
