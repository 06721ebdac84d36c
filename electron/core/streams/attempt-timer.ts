/**
 * The wait before a stream's next attempt. After an outage it also asks the
 * camera every `checkEveryMs` whether it answers RTSP again, and starts at once
 * when it does (camera-alive.ts): a camera back after a minute-long outage
 * plays within seconds, not at its next scheduled attempt.
 */
export interface AttemptTimerOptions {
  checkEveryMs: number;
  answersRtsp: (url: string) => Promise<boolean>;
  /** Said when the camera answered before its time. */
  onEarly?: (savedMs: number) => void;
}

export class AttemptTimer {
  private timer: NodeJS.Timeout | undefined;
  private watch: NodeJS.Timeout | undefined;
  private dueAt = 0;

  constructor(private readonly options: AttemptTimerOptions) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Runs `start` after `delayMs`, or as soon as `watchUrl` answers RTSP again. */
  schedule(delayMs: number, start: () => void, watchUrl?: string): void {
    this.cancel();
    this.dueAt = Date.now() + delayMs;
    const go = () => {
      this.cancel();
      start();
    };
    this.timer = setTimeout(go, delayMs);
    if (watchUrl === undefined) return;
    let asking = false;
    this.watch = setInterval(() => {
      if (asking) return;
      asking = true;
      void this.options.answersRtsp(watchUrl).then((back) => {
        asking = false;
        if (!back || !this.pending) return;
        this.options.onEarly?.(this.dueAt - Date.now());
        go();
      });
    }, this.options.checkEveryMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
    clearInterval(this.watch);
    this.timer = undefined;
    this.watch = undefined;
  }
}
