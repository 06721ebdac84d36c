/**
 * Decides, per chunk, what a relay client gets. A client whose socket backlog
 * exceeds the limit stops receiving until the next GOP start arrives while
 * its backlog has drained to a quarter of the limit: it loses whole GOPs, never
 * half a GOP, and it never holds more than about the limit in memory.
 */
export type GateDecision = 'send' | 'drop' | 'resync';

export class BacklogGate {
  private skipping = false;
  dropped = 0;
  resyncs = 0;

  constructor(private readonly maxBacklogBytes: number) {}

  decide(gopStart: boolean, backlogBytes: number): GateDecision {
    if (this.skipping) {
      if (gopStart && backlogBytes <= this.maxBacklogBytes / 4) {
        this.skipping = false;
        this.resyncs++;
        return 'resync';
      }
      this.dropped++;
      return 'drop';
    }
    if (backlogBytes > this.maxBacklogBytes) {
      this.skipping = true;
      this.dropped++;
      return 'drop';
    }
    return 'send';
  }
}
