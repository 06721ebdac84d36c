import { describe, expect, it } from 'vitest';
import { BacklogGate } from '../../electron/core/relay/backlog-gate';

describe('BacklogGate (slow relay clients)', () => {
  it('sends while the backlog is under the limit', () => {
    const gate = new BacklogGate(1000);
    expect([gate.decide(true, 0), gate.decide(false, 500), gate.decide(false, 1000)]).toEqual(['send', 'send', 'send']);
  });

  it('drops from the moment the backlog passes the limit until the next GOP after it drains', () => {
    const gate = new BacklogGate(1000);
    expect(gate.decide(false, 1001)).toBe('drop');
    expect(gate.decide(false, 100)).toBe('drop'); // drained, but mid-GOP: a partial GOP would not decode
    expect(gate.decide(true, 600)).toBe('drop'); // a GOP, but still backed up
    expect(gate.decide(true, 200)).toBe('resync');
    expect(gate.decide(false, 200)).toBe('send');
    expect({ dropped: gate.dropped, resyncs: gate.resyncs }).toEqual({ dropped: 3, resyncs: 1 });
  });
});
