import { describe, expect, it } from 'vitest';
import { eventSubscriptions, forwardEvents } from '../../electron/core/events';
import { apiEventNames, type ApiEvent } from '../../shared/api';
import type { StreamStatus } from '../../shared/model';
import type { AlarmEvent } from '../../electron/core/alarms/alarm-service';
import type { Recording } from '../../shared/evidence';

/** Event sources that keep their listeners where the test can fire and count them. */
function sources() {
  const listeners = {
    status: new Set<(s: StreamStatus) => void>(),
    stats: new Set<(s: StreamStatus[]) => void>(),
    change: new Set<() => void>(),
    fleet: new Set<(e: { cameras: []; sweeping: boolean }) => void>(),
    alarms: new Set<(e: AlarmEvent) => void>(),
    evidence: new Set<(recordings: Recording[]) => void>(),
  };
  const on =
    <T>(set: Set<T>) =>
    (listener: T) => (set.add(listener), () => set.delete(listener));
  return {
    listeners,
    count: () =>
      listeners.status.size +
      listeners.stats.size +
      listeners.change.size +
      listeners.fleet.size +
      listeners.alarms.size +
      listeners.evidence.size,
    hub: { onStatus: on(listeners.status), onStats: on(listeners.stats) },
    inventory: { onChange: on(listeners.change) },
    fleet: { onChange: on(listeners.fleet) },
    alarms: { onChange: on(listeners.alarms) },
    evidence: { onRecordings: on(listeners.evidence) },
  };
}

describe('contract events', () => {
  it('every event of the contract has a source, and nothing else does', () => {
    expect(Object.keys(eventSubscriptions).sort()).toEqual([...apiEventNames].sort());
  });

  it('forwards every event through the one send, and releases every listener', () => {
    const s = sources();
    const sent: ApiEvent[] = [];
    const stop = forwardEvents(s, (event) => sent.push(event));
    const status: StreamStatus = {
      cameraId: 'a',
      profile: 'main',
      state: 'live',
      since: 0,
      fps: 25,
      kbps: 900,
      reconnects: 0,
    };
    s.listeners.status.forEach((l) => l(status));
    s.listeners.stats.forEach((l) => l([status]));
    s.listeners.change.forEach((l) => l());
    s.listeners.fleet.forEach((l) => l({ cameras: [], sweeping: false }));
    s.listeners.alarms.forEach((l) =>
      l({ alarm: { id: 1, cameraId: 'a', kind: 'down', raisedAt: 0 }, raised: true, pop: undefined, sound: true }),
    );
    s.listeners.evidence.forEach((l) => l([]));
    expect(sent.sort()).toEqual([...apiEventNames].sort());
    stop();
    expect(s.count()).toBe(0);
  });
});
