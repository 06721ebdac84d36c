import { describe, expect, it } from 'vitest';
import {
  cameraUptime,
  downMs,
  localDayStart,
  localDays,
  periodDays,
  regionOf,
  uptimePercent,
  zoneOffsetMs,
  type FleetCamera,
  type Outage,
} from '../../shared/fleet';
import { summarizeUptime } from '../../shared/fleet-uptime';

const H = 3_600_000;
const JKT = 'Asia/Jakarta';
/** A wall-clock time in Jakarta (UTC+7, no summer time) as ms since the epoch. */
const wib = (iso: string) => Date.parse(`${iso}+07:00`);

describe('local days', () => {
  it('knows Jakarta is seven hours ahead of UTC all year', () => {
    expect(zoneOffsetMs(wib('2026-01-15T12:00:00'), JKT)).toBe(7 * H);
    expect(zoneOffsetMs(wib('2026-07-15T12:00:00'), JKT)).toBe(7 * H);
  });

  it('starts a Jakarta day at local midnight, which is 17:00 UTC the day before', () => {
    const start = localDayStart(wib('2026-12-01T06:30:00'), JKT);
    expect(start).toBe(wib('2026-12-01T00:00:00'));
    expect(new Date(start).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    // 01:00 WIB is still the day before in UTC: the local day is what counts.
    expect(localDayStart(wib('2026-12-01T01:00:00'), JKT)).toBe(wib('2026-12-01T00:00:00'));
  });

  it('cuts a range into whole local days, 24 hours each in Jakarta', () => {
    const days = localDays(wib('2026-11-29T10:00:00'), wib('2026-12-01T10:00:00'), JKT);
    expect(days.map((d) => d.start)).toEqual([
      wib('2026-11-29T00:00:00'),
      wib('2026-11-30T00:00:00'),
      wib('2026-12-01T00:00:00'),
    ]);
    expect(days.every((d) => d.end - d.start === 24 * H)).toBe(true);
  });

  it('gives a day in a zone with summer time its own length', () => {
    const days = localDays(Date.parse('2026-03-28T12:00:00Z'), Date.parse('2026-03-30T12:00:00Z'), 'Europe/Amsterdam');
    expect(days.map((d) => (d.end - d.start) / H)).toEqual([24, 23, 24]);
  });

  it('a week is seven local days ending with today', () => {
    const days = periodDays('week', wib('2026-12-01T09:00:00'), JKT);
    expect(days).toHaveLength(7);
    expect(days[0]!.start).toBe(wib('2026-11-25T00:00:00'));
    expect(days[6]!.start).toBe(wib('2026-12-01T00:00:00'));
    expect(periodDays('month', wib('2026-12-01T09:00:00'), JKT)).toHaveLength(30);
  });
});

describe('uptime arithmetic', () => {
  const outage = (start: string, end?: string): Outage => ({
    cameraId: 'a',
    start: wib(start),
    ...(end ? { end: wib(end) } : {}),
    reason: 'rtsp-no-answer',
  });

  it('splits an outage across local midnight between the two days', () => {
    const night = [outage('2026-11-30T23:00:00', '2026-12-01T01:00:00')];
    const [before, after] = localDays(wib('2026-11-30T00:00:00'), wib('2026-12-02T00:00:00'), JKT);
    expect(downMs(night, before!.start, before!.end, wib('2026-12-02T00:00:00'))).toBe(1 * H);
    expect(downMs(night, after!.start, after!.end, wib('2026-12-02T00:00:00'))).toBe(1 * H);
  });

  it('counts an outage still open as down until now, and nothing after now', () => {
    const now = wib('2026-12-01T12:00:00');
    const day = { start: wib('2026-12-01T00:00:00'), end: wib('2026-12-02T00:00:00') };
    const u = cameraUptime([outage('2026-12-01T09:00:00')], wib('2026-11-01T00:00:00'), day.start, day.end, now);
    expect(u).toEqual({ watchedMs: 12 * H, downMs: 3 * H });
    expect(uptimePercent(u)).toBe(75);
  });

  it('counts only from the first check: before it nothing was known', () => {
    const day = { start: wib('2026-12-01T00:00:00'), end: wib('2026-12-02T00:00:00') };
    const u = cameraUptime([], wib('2026-12-01T18:00:00'), day.start, day.end, day.end);
    expect(u).toEqual({ watchedMs: 6 * H, downMs: 0 });
    expect(uptimePercent(cameraUptime([], undefined, day.start, day.end, day.end))).toBeUndefined();
  });

  it('names a region by the first parts of the group path', () => {
    expect(regionOf('Kota Semarang/Tembalang/Bulusan/RT 03', 2)).toBe('Kota Semarang/Tembalang');
    expect(regionOf(' Kota Semarang / Tembalang ', 1)).toBe('Kota Semarang');
    expect(regionOf(undefined, 2)).toBe('—');
  });
});

describe('uptime per region and camera', () => {
  const now = wib('2026-12-01T12:00:00');
  const days = periodDays('week', now, JKT);
  const seen = wib('2026-11-20T00:00:00');
  const state = (cameraId: string, s: 'up' | 'down'): [string, FleetCamera] => [
    cameraId,
    { cameraId, state: s, since: seen, checkedAt: now },
  ];
  const summary = summarizeUptime({
    cameras: [
      { id: 'a', group: 'Semarang/Tembalang/RW 1' },
      { id: 'b', group: 'Semarang/Tembalang/RW 2' },
      { id: 'c', group: 'Semarang/Candisari' },
      { id: 'new', group: 'Semarang/Candisari' },
    ],
    outages: [
      // b: down all of yesterday (local day), back this morning.
      { cameraId: 'b', start: wib('2026-11-30T00:00:00'), end: wib('2026-12-01T00:00:00'), reason: 'auth-failed' },
      // c: down since 06:00 today, still down.
      { cameraId: 'c', start: wib('2026-12-01T06:00:00'), reason: 'rtsp-unreachable' },
    ],
    firstSeen: new Map([
      ['a', seen],
      ['b', seen],
      ['c', seen],
    ]),
    states: new Map([state('a', 'up'), state('b', 'up'), state('c', 'down')]),
    days,
    now,
    depth: 2,
  });

  it('rolls cameras up into regions with their count and how many are up', () => {
    expect(summary.regions.map((r) => [r.region, r.cameras, r.up, r.down])).toEqual([
      ['Semarang/Candisari', 2, 0, 1],
      ['Semarang/Tembalang', 2, 2, 0],
    ]);
  });

  it('gives each region its uptime per local day', () => {
    const tembalang = summary.regions.find((r) => r.region === 'Semarang/Tembalang')!;
    // Yesterday: a up 24 h, b down 24 h → 50 %; other days 100 %.
    expect(tembalang.perDay).toEqual([100, 100, 100, 100, 100, 50, 100]);
    const candisari = summary.regions.find((r) => r.region === 'Semarang/Candisari')!;
    // Today so far (12 h): c down 6 of 12 h; "new" never checked counts for nothing.
    expect(candisari.perDay[6]).toBe(50);
    expect(candisari.percent).toBeCloseTo((100 * (6.5 * 24 - 6)) / (6.5 * 24), 6);
  });

  it('lists cameras worst first, one never checked last, never NaN', () => {
    expect(summary.cameras.map((c) => c.cameraId)).toEqual(['b', 'c', 'a', 'new']);
    expect(summary.cameras.find((c) => c.cameraId === 'b')!.outages).toBe(1);
    expect(summary.cameras.find((c) => c.cameraId === 'new')!.percent).toBeUndefined();
    expect(summary.cameras.every((c) => !Number.isNaN(c.percent))).toBe(true);
  });
});
