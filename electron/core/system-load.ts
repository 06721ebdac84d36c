/**
 * What the machine is busy with, sampled between two calls: the whole
 * machine (os.cpus(), every platform), the core's own process
 * (process.cpuUsage) and the ffmpeg processes it runs (/proc on Linux; on
 * other systems ffmpeg's share is not measured and is reported as null,
 * never guessed).
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';

interface Mark {
  at: number;
  machine: { idle: number; total: number };
  host: NodeJS.CpuUsage;
  ffmpeg: Map<number, number>;
}

export interface LoadFigures {
  cores: number;
  /** Whole machine, % of all cores. */
  machine: number;
  /** The core's process, % of all cores. */
  host: number;
  /** All ffmpeg processes, % of all cores; null where it is not measured. */
  ffmpeg: number | null;
  ffmpegCount: number;
}

function machineTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    idle += cpu.times.idle;
    total += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq + cpu.times.idle;
  }
  return { idle, total };
}

/** CPU milliseconds a process has used, from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms). */
async function processMs(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export class SystemLoad {
  private last: Mark | undefined;

  constructor(private readonly ffmpegPids: () => number[]) {}

  /** Figures since the previous call (the first call measures over the next 250 ms). */
  async sample(): Promise<LoadFigures> {
    if (!this.last) {
      this.last = await this.mark();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const before = this.last;
    const now = await this.mark();
    this.last = now;
    const cores = os.cpus().length || 1;
    const wallMs = Math.max(1, now.at - before.at);
    const machineTotal = now.machine.total - before.machine.total;
    const machine = machineTotal > 0 ? 100 * (1 - (now.machine.idle - before.machine.idle) / machineTotal) : 0;
    const hostMs = (now.host.user - before.host.user + now.host.system - before.host.system) / 1000;
    let ffmpegMs = 0;
    for (const [pid, ms] of now.ffmpeg) ffmpegMs += ms - (before.ffmpeg.get(pid) ?? ms);
    const share = (ms: number) => Math.max(0, Math.min(100, (100 * ms) / wallMs / cores));
    return {
      cores,
      machine: Math.max(0, Math.min(100, machine)),
      host: share(hostMs),
      ffmpeg: process.platform === 'linux' ? share(ffmpegMs) : null,
      ffmpegCount: now.ffmpeg.size,
    };
  }

  private async mark(): Promise<Mark> {
    const ffmpeg = new Map<number, number>();
    if (process.platform === 'linux') {
      for (const pid of this.ffmpegPids()) {
        const ms = await processMs(pid);
        if (ms !== undefined) ffmpeg.set(pid, ms);
      }
    } else {
      for (const pid of this.ffmpegPids()) ffmpeg.set(pid, 0);
    }
    return { at: performance.now(), machine: machineTimes(), host: process.cpuUsage(), ffmpeg };
  }
}
