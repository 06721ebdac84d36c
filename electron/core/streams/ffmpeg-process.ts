/**
 * One ffmpeg run, as go2rtc runs its helpers: stdout as data, the last
 * couple of kilobytes of stderr kept for the reason of an exit, a `done`
 * promise with the exit facts, and a stop that escalates SIGTERM → SIGKILL.
 * The spawner and the clock are injected so the session can be tested
 * without real time.
 */
import type { FfmpegCommand } from './ffmpeg-args';
import { spawnGuarded, type GuardedProcess, type Spawner } from './spawn-guarded';

const STDERR_KEEP = 4096;

export interface ExitFacts {
  code: number | null;
  signal: NodeJS.Signals | null;
  elapsedMs: number;
  stderr: string;
  /** Set when we killed it, with why. */
  killedFor?: 'start-timeout' | 'stall' | undefined;
}

export interface FfmpegProcessOptions {
  ffmpegPath: string;
  command: FfmpegCommand;
  onData: (data: Buffer) => void;
  /** Each complete stderr line, as it arrives (decode-damage warnings are counted from these). */
  onStderrLine?: (line: string) => void;
  spawn?: Spawner;
  now?: () => number;
}

export class FfmpegProcess {
  readonly startedAt: number;
  readonly done: Promise<ExitFacts>;
  private readonly child: GuardedProcess;
  private stderrTail = '';
  private partialLine = '';
  private killedFor: ExitFacts['killedFor'];

  constructor(options: FfmpegProcessOptions) {
    const now = options.now ?? Date.now;
    this.startedAt = now();
    const child = (options.spawn ?? spawnGuarded)(options.ffmpegPath, options.command.args, options.command.stdin);
    this.child = child;
    child.stdout.on('data', options.onData);
    child.stderr.on('data', (data: Buffer) => {
      const text = data.toString('utf8');
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_KEEP);
      if (!options.onStderrLine) return;
      const lines = (this.partialLine + text).split(/\r?\n/);
      this.partialLine = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.onStderrLine(line);
    });
    this.done = new Promise((resolve) => {
      child.once('error', (error) => {
        this.stderrTail += `\n${error.message}`;
        // A process that never started (ENOENT, EACCES) gets no 'close' event of its own.
        if (child.pid === undefined) child.emit('close', null, null);
      });
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) =>
        resolve({
          code,
          signal,
          elapsedMs: now() - this.startedAt,
          stderr: this.stderrTail,
          killedFor: this.killedFor,
        }),
      );
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Ends it at once because our own health check gave up on it. */
  kill(reason: 'start-timeout' | 'stall'): void {
    this.killedFor = reason;
    this.child.kill('SIGKILL');
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  async stop(graceMs: number): Promise<ExitFacts> {
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const facts = await this.done;
    clearTimeout(killer);
    return facts;
  }
}

/** Runs ffmpeg to its end (a snapshot, a probe) with a deadline; stdout collected up to `maxBytes`. */
export async function runFfmpeg(
  ffmpegPath: string,
  command: FfmpegCommand,
  timeoutMs: number,
  maxBytes = 64 * 1024 * 1024,
): Promise<ExitFacts & { stdout: Buffer }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const process = new FfmpegProcess({
    ffmpegPath,
    command,
    onData: (data) => {
      size += data.length;
      if (size <= maxBytes) chunks.push(data);
    },
  });
  const timer = setTimeout(() => process.kill('start-timeout'), timeoutMs);
  const facts = await process.done;
  clearTimeout(timer);
  return { ...facts, stdout: Buffer.concat(chunks) };
}
