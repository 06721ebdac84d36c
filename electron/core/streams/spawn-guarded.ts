/**
 * Spawns a helper process that must not outlive us, even when we are killed
 * with SIGKILL and get no chance to clean up.
 *
 * - Linux: `setpriv --pdeathsig KILL` (util-linux) sets PR_SET_PDEATHSIG and
 *   then execs the program, so the kernel kills it the moment we die. Same
 *   PID, no extra process.
 * - Windows: libuv puts every non-detached child into a job object with
 *   JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE; when our process ends, Windows closes
 *   the job and kills its members. Never pass `detached: true`.
 * - Elsewhere (macOS): ffmpeg dies of SIGPIPE at its next write to our
 *   closed stdout pipe; a silent camera ends it at ffmpeg's socket timeout.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

const SETPRIV = '/usr/bin/setpriv';
let setprivAvailable: boolean | undefined;

export function hasParentDeathSignal(): boolean {
  if (setprivAvailable === undefined) {
    try {
      accessSync(SETPRIV, constants.X_OK);
      setprivAvailable = process.platform === 'linux';
    } catch {
      setprivAvailable = false;
    }
  }
  return setprivAvailable;
}

export type GuardedProcess = ChildProcessByStdio<Writable | null, Readable, Readable>;

/**
 * `stdin`, when given, is written to the process and closed: how secrets
 * (camera URLs with passwords) reach ffmpeg without entering its command line.
 */
export function spawnGuarded(file: string, args: readonly string[], stdin?: string): GuardedProcess {
  const [command, commandArgs] = hasParentDeathSignal()
    ? [SETPRIV, ['--pdeathsig', 'KILL', '--', file, ...args]]
    : [file, [...args]];
  const child = spawn(command, commandArgs, {
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    windowsHide: true,
    detached: false,
  }) as GuardedProcess;
  if (stdin !== undefined && child.stdin) {
    // A process that dies before reading it closes the pipe: that is its exit to report, not ours.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  }
  return child;
}

export type Spawner = typeof spawnGuarded;
