/** CPU and memory of processes from Linux /proc: what the benchmark reports per part of the system. */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: split after its closing parenthesis.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far (user + system). */
export function cpuSeconds(pid: number): number {
  const fields = stat(pid);
  if (!fields) return 0;
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime (fields 14, 15)
}

export function rssMiB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  return Number(stat(pid)?.[1] ?? 0);
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
  } catch {
    return '';
  }
}

/** Every live descendant of `root`. */
export function descendants(root: number): number[] {
  const pids = readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

export interface Usage {
  /** Share of one core, in percent, over the interval. */
  cpuPercent: number;
  rssMiB: number;
  processes: number;
}

/** Measures a group of processes (found again at the end, so short-lived ones count too). */
export async function measure(groups: Record<string, () => number[]>, seconds: number): Promise<Record<string, Usage>> {
  const start = Object.fromEntries(
    Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((p) => [p, cpuSeconds(p)]))]),
  );
  const began = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = (Date.now() - began) / 1000;
  const result: Record<string, Usage> = {};
  for (const [name, pids] of Object.entries(groups)) {
    const now = pids();
    const used = now.reduce((sum, pid) => sum + cpuSeconds(pid) - (start[name]!.get(pid) ?? 0), 0);
    result[name] = {
      cpuPercent: Math.round((used / elapsed) * 1000) / 10,
      rssMiB: Math.round(now.reduce((sum, pid) => sum + rssMiB(pid), 0)),
      processes: now.length,
    };
  }
  return result;
}
