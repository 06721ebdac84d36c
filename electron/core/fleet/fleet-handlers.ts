/** The fleet watch's API handlers (shared/fleet-api.ts). */
import type { fleetMethods } from '../../../shared/fleet-api';
import { periodDays, type FleetSettings } from '../../../shared/fleet';
import { summarizeUptime } from '../../../shared/fleet-uptime';
import type { ApiHandlers } from '../api/dispatch';
import type { CameraRegistry } from '../cameras/camera-registry';
import type { FleetService } from './fleet-service';

/** An answer carries at most this many outages (a month of a badly broken city fits; the newest are kept). */
export const MAX_OUTAGES_ANSWERED = 20_000;

export interface FleetHandlerDeps {
  fleet: FleetService;
  cameras: CameraRegistry;
  settings: () => FleetSettings;
  saveSettings: (change: Partial<FleetSettings>) => Promise<FleetSettings>;
}

export function fleetHandlers(deps: FleetHandlerDeps): Pick<ApiHandlers, keyof typeof fleetMethods> {
  const { fleet } = deps;
  return {
    'fleet:states': () => {
      const last = fleet.history.lastSweep();
      return {
        settings: deps.settings(),
        sweeping: fleet.sweeping,
        ...(last ? { last } : {}),
        cameras: fleet.history.states(),
        ...(fleet.notice ? { notice: fleet.notice } : {}),
      };
    },
    'fleet:sweep': () => {
      const started = !fleet.sweeping;
      void fleet.sweep();
      return { started };
    },
    'fleet:configure': async (change) => {
      const settings = await deps.saveSettings(change);
      fleet.schedule();
      return settings;
    },
    'fleet:uptime': (params) => {
      const now = Date.now();
      const days = periodDays(params.period, now, params.timeZone);
      const from = days[0]!.start;
      const outages = fleet.history.outages(from, now);
      const states = new Map(fleet.history.states().map((s) => [s.cameraId, s]));
      const cameras = deps.cameras.summaries().filter((c) => !c.demo);
      const summary = summarizeUptime({
        cameras,
        outages,
        firstSeen: fleet.history.firstSeen(),
        states,
        days,
        now,
        depth: params.depth ?? 2,
      });
      const known = new Set(cameras.map((c) => c.id));
      const shown = outages.filter((o) => known.has(o.cameraId));
      const kept = shown.slice(-MAX_OUTAGES_ANSWERED);
      return { now, days, ...summary, outages: kept, outagesLeftOut: shown.length - kept.length };
    },
  };
}
