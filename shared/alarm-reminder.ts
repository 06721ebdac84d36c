/**
 * When an alarm is sounded again (the page's reminder, renderer/alarms/alarm-reminder.ts).
 * An alarm nobody has acknowledged is not forgotten after one beep: the sound
 * comes back every minute while any alarm that asked for sound is open, and
 * after five minutes without an acknowledgement the alarm escalates — the
 * sound every 20 s and the bell marked as overdue. Muting this window stops
 * the sound, never the mark.
 */
import type { Alarm, WatchList } from './alarms';

export const REMIND_MS = 60_000;
export const ESCALATE_AFTER_MS = 5 * 60_000;
export const ESCALATED_REMIND_MS = 20_000;

export interface ReminderFacts {
  now: number;
  /** When the oldest open alarm that asked for sound was raised, or undefined when none is open. */
  oldestSoundingAt: number | undefined;
  /** When this window last sounded an alarm. */
  lastSoundAt: number | undefined;
  muted: boolean;
}

export function alarmReminder({ now, oldestSoundingAt, lastSoundAt, muted }: ReminderFacts): {
  play: boolean;
  escalated: boolean;
} {
  if (oldestSoundingAt === undefined) return { play: false, escalated: false };
  const escalated = now - oldestSoundingAt >= ESCALATE_AFTER_MS;
  const every = escalated ? ESCALATED_REMIND_MS : REMIND_MS;
  return { play: !muted && (lastSoundAt === undefined || now - lastSoundAt >= every), escalated };
}

/** The oldest open alarm raised by a watch list with sound. */
export function oldestSounding(alarms: readonly Alarm[], lists: readonly WatchList[]): number | undefined {
  const sounding = new Set(lists.filter((l) => l.sound).map((l) => l.id));
  const open = alarms.filter((a) => a.ackedAt === undefined && a.watchList && sounding.has(a.watchList));
  return open.length ? Math.min(...open.map((a) => a.raisedAt)) : undefined;
}
