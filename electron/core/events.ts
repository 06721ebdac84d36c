/**
 * Every push event of the contract, wired once: both shells hand `send` and
 * get every event, so a new event is added here and nowhere else. The mapped
 * type makes a contract event without a source a compile error;
 * tests/unit/events.test.ts checks the same at run time.
 */
import type { ApiEvent, ApiEventPayload } from '../../shared/api';
import type { CameraInventory } from './cameras/camera-inventory';
import type { AlarmService } from './alarms/alarm-service';
import type { FleetService } from './fleet/fleet-service';
import type { EvidenceService } from './evidence/evidence-service';
import type { StreamHub } from './streams/stream-hub';

export interface EventSources {
  hub: Pick<StreamHub, 'onStatus' | 'onStats'>;
  inventory: Pick<CameraInventory, 'onChange'>;
  fleet: Pick<FleetService, 'onChange'>;
  alarms: Pick<AlarmService, 'onChange'>;
  evidence: Pick<EvidenceService, 'onRecordings'>;
}

export type Send = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => void;

type Subscribe<E extends ApiEvent> = (sources: EventSources, emit: (payload: ApiEventPayload<E>) => void) => () => void;

export const eventSubscriptions: { [E in ApiEvent]: Subscribe<E> } = {
  'stream:status': (s, emit) => s.hub.onStatus(emit),
  'stream:stats': (s, emit) => s.hub.onStats(emit),
  'camera:changed': (s, emit) => s.inventory.onChange(() => emit({})),
  'fleet:changed': (s, emit) => s.fleet.onChange(emit),
  'alarm:changed': (s, emit) => s.alarms.onChange(emit),
  'evidence:recording': (s, emit) => s.evidence.onRecordings((recordings) => emit({ recordings })),
};

/** Subscribes `send` to every contract event; returns the one function that undoes it all. */
export function forwardEvents(sources: EventSources, send: Send): () => void {
  const offs = (Object.keys(eventSubscriptions) as ApiEvent[]).map((event) =>
    (eventSubscriptions[event] as Subscribe<typeof event>)(sources, (payload) => send(event, payload)),
  );
  return () => offs.forEach((off) => off());
}
