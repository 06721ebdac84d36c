/**
 * Fleet watch (issue #14): what the sweep knows of every camera in the
 * inventory, not only those on the wall, and the arithmetic of uptime. Pure:
 * the core's history and the page's views and reports share it.
 */
import { z } from 'zod';
import { errorCodes, type ErrorCode } from './errors';
import { CameraIdSchema } from './model';

/** A camera the sweep reached (its RTSP server described the stream) or did not. */
export const FleetStateSchema = z.enum(['up', 'down']);
export type FleetState = z.infer<typeof FleetStateSchema>;

export const FleetCameraSchema = z.strictObject({
  cameraId: CameraIdSchema,
  state: FleetStateSchema,
  /** When this state began (ms since epoch): the start of the outage while down. */
  since: z.number(),
  /** Why it is down, in the wall's failure classes. */
  reason: z.enum(errorCodes).optional(),
  /** The last check (ms since epoch). */
  checkedAt: z.number(),
});
export type FleetCamera = z.infer<typeof FleetCameraSchema>;

export const OutageSchema = z.strictObject({
  cameraId: CameraIdSchema,
  start: z.number(),
  /** Absent while the camera is still down. */
  end: z.number().optional(),
  reason: z.enum(errorCodes),
});
export type Outage = z.infer<typeof OutageSchema>;

/** The sweep's settings, kept in settings.json. */
export const FleetSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  /** Minutes between the starts of two sweeps. */
  intervalMin: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Checks at once over the whole inventory. */
  concurrency: z.number().int().min(1).max(256),
  /** Checks at once against one address (an NVR's channels share one box). */
  perHost: z.number().int().min(1).max(16),
  /** Checks started per second at most: 20,000 cameras in under 4 minutes, spread out rather than a burst. */
  perSecond: z.number().int().min(1).max(2000),
});
export type FleetSettings = z.infer<typeof FleetSettingsSchema>;

/** What the issue asks for: every 10 minutes, two at once per address. */
export const defaultFleetSettings = (enabled: boolean): FleetSettings => ({
  enabled,
  intervalMin: 10,
  concurrency: 64,
  perHost: 2,
  perSecond: 100,
});

/** One check's answer. */
export type CheckResult = { state: 'up' } | { state: 'down'; reason: ErrorCode };

export const DAY_MS = 86_400_000;

/** Milliseconds `timeZone` is ahead of UTC at `at` (Asia/Jakarta: 7 h, all year). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** Midnight of the local day holding `at`, in `timeZone`. */
export function localDayStart(at: number, timeZone: string): number {
  const offset = zoneOffsetMs(at, timeZone);
  const local = at + offset;
  const midnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - offset;
  // A zone whose offset changed during the day: midnight has its own offset.
  const fixed = midnight + offset - zoneOffsetMs(midnight, timeZone);
  return fixed;
}

/** The local days `[from, to)` covers, each as its [start, end). */
export function localDays(from: number, to: number, timeZone: string): { start: number; end: number }[] {
  const days: { start: number; end: number }[] = [];
  let start = localDayStart(from, timeZone);
  while (start < to) {
    // 26 h later is always inside the next local day, whatever the zone does.
    const end = localDayStart(start + 26 * 3_600_000, timeZone);
    days.push({ start, end });
    start = end;
  }
  return days;
}

/** How long `outages` overlap `[from, to)`; an open outage lasts until `now`. */
export function downMs(outages: readonly Outage[], from: number, to: number, now: number): number {
  let total = 0;
  for (const o of outages) {
    const start = Math.max(o.start, from);
    const end = Math.min(o.end ?? now, to);
    if (end > start) total += end - start;
  }
  return total;
}

/** Time watched and time down of one camera, or of many added up. */
export interface Uptime {
  watchedMs: number;
  downMs: number;
}

/**
 * One camera over `[from, to)`: watched from its first check (before it, the
 * sweep knew nothing) until `now`; down where its outages overlap.
 */
export function cameraUptime(
  outages: readonly Outage[],
  firstSeen: number | undefined,
  from: number,
  to: number,
  now: number,
): Uptime {
  if (firstSeen === undefined) return { watchedMs: 0, downMs: 0 };
  const start = Math.max(from, firstSeen);
  const end = Math.min(to, now);
  if (end <= start) return { watchedMs: 0, downMs: 0 };
  return { watchedMs: end - start, downMs: Math.min(end - start, downMs(outages, start, end, now)) };
}

export function addUptime(a: Uptime, b: Uptime): Uptime {
  return { watchedMs: a.watchedMs + b.watchedMs, downMs: a.downMs + b.downMs };
}

/** Uptime as a percentage, or undefined when nothing was watched (never NaN). */
export function uptimePercent(u: Uptime): number | undefined {
  if (u.watchedMs <= 0) return undefined;
  return (100 * (u.watchedMs - u.downMs)) / u.watchedMs;
}

/** The region a camera counts in: its group path cut to `depth` parts ("Kota Semarang/Tembalang"). */
export function regionOf(group: string | undefined, depth: number): string {
  const parts = (group ?? '')
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length ? parts.slice(0, Math.max(1, depth)).join('/') : '—';
}

/** The periods a report or the uptime view covers, ending now. */
export const uptimePeriods = ['day', 'week', 'month'] as const;
export type UptimePeriod = (typeof uptimePeriods)[number];

/** The local days of a period ending today (today included). */
export function periodDays(period: UptimePeriod, now: number, timeZone: string): { start: number; end: number }[] {
  const count = period === 'day' ? 1 : period === 'week' ? 7 : 30;
  const todayStart = localDayStart(now, timeZone);
  const from = localDayStart(todayStart - (count - 1) * DAY_MS + 3_600_000, timeZone);
  return localDays(from, now, timeZone);
}
