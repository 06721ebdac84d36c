/**
 * Uptime per camera and per region over a period of local days, from the
 * outages the sweep recorded: what the uptime view, its chart and the
 * maintenance vendor's report all show. Pure and table-tested.
 */
import { addUptime, cameraUptime, uptimePercent, regionOf, type FleetCamera, type Outage, type Uptime } from './fleet';

export interface RegionUptime {
  region: string;
  cameras: number;
  /** Cameras up at the last check, and down (the rest were never checked). */
  up: number;
  down: number;
  /** Uptime % per day of the period (null: nothing watched that day; null, not undefined, survives JSON in an array). */
  perDay: (number | null)[];
  percent: number | undefined;
  downMs: number;
}

export interface CameraUptime {
  cameraId: string;
  region: string;
  percent: number | undefined;
  downMs: number;
  outages: number;
}

export interface UptimeSummary {
  regions: RegionUptime[];
  cameras: CameraUptime[];
}

export interface UptimeInput {
  cameras: readonly { id: string; group?: string | undefined }[];
  outages: readonly Outage[];
  firstSeen: ReadonlyMap<string, number>;
  states: ReadonlyMap<string, FleetCamera>;
  days: readonly { start: number; end: number }[];
  now: number;
  /** How many parts of the group path make a region. */
  depth: number;
}

const none: Uptime = { watchedMs: 0, downMs: 0 };

export function summarizeUptime(input: UptimeInput): UptimeSummary {
  const byCamera = new Map<string, Outage[]>();
  for (const outage of input.outages) {
    const list = byCamera.get(outage.cameraId);
    if (list) list.push(outage);
    else byCamera.set(outage.cameraId, [outage]);
  }
  const from = input.days[0]?.start ?? input.now;
  const to = input.days[input.days.length - 1]?.end ?? input.now;
  const regions = new Map<string, { cameras: number; up: number; down: number; perDay: Uptime[]; total: Uptime }>();
  const cameras: CameraUptime[] = [];
  for (const camera of input.cameras) {
    const region = regionOf(camera.group, input.depth);
    let entry = regions.get(region);
    if (!entry) {
      entry = { cameras: 0, up: 0, down: 0, perDay: input.days.map(() => none), total: none };
      regions.set(region, entry);
    }
    entry.cameras++;
    const state = input.states.get(camera.id)?.state;
    if (state === 'up') entry.up++;
    if (state === 'down') entry.down++;
    const outages = byCamera.get(camera.id) ?? [];
    const seen = input.firstSeen.get(camera.id);
    input.days.forEach((day, i) => {
      entry.perDay[i] = addUptime(entry.perDay[i]!, cameraUptime(outages, seen, day.start, day.end, input.now));
    });
    const total = cameraUptime(outages, seen, from, to, input.now);
    entry.total = addUptime(entry.total, total);
    const inPeriod = outages.filter((o) => o.start < to && (o.end ?? input.now) > from).length;
    cameras.push({
      cameraId: camera.id,
      region,
      percent: uptimePercent(total),
      downMs: total.downMs,
      outages: inPeriod,
    });
  }
  // Worst first: what the vendor is asked about first.
  cameras.sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || b.downMs - a.downMs);
  return {
    regions: [...regions.entries()]
      .map(([region, e]) => ({
        region,
        cameras: e.cameras,
        up: e.up,
        down: e.down,
        perDay: e.perDay.map((u) => uptimePercent(u) ?? null),
        percent: uptimePercent(e.total),
        downMs: e.total.downMs,
      }))
      .sort((a, b) => a.region.localeCompare(b.region)),
    cameras,
  };
}
