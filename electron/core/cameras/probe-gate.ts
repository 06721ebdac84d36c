/**
 * "Test connection" opens any host and port the page names: without a limit
 * it is a port scanner for whoever holds a link. One test at a time per host,
 * and at most `perMinute` tests a minute (per link, when links get scopes).
 */
import { CodedError } from '../../../shared/errors';

export class ProbeGate {
  private readonly running = new Set<string>();
  private recent: number[] = [];

  constructor(
    private readonly perMinute = 20,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `probe` for `url`'s host, or refuses with a sentence saying why. */
  async run<T>(url: string, probe: () => Promise<T>): Promise<T> {
    const host = URL.canParse(url) ? new URL(url).host.toLowerCase() : url;
    const at = this.now();
    this.recent = this.recent.filter((t) => at - t < 60_000);
    if (this.running.has(host))
      throw new CodedError(
        'invalid-request',
        'A connection test to this camera is already running; wait for its answer.',
      );
    if (this.recent.length >= this.perMinute)
      throw new CodedError(
        'invalid-request',
        `At most ${this.perMinute} connection tests a minute; try again shortly.`,
      );
    this.recent.push(at);
    this.running.add(host);
    try {
      return await probe();
    } finally {
      this.running.delete(host);
    }
  }
}
