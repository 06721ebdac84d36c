import { describe, expect, it } from 'vitest';
import {
  alarmReminder,
  ESCALATE_AFTER_MS,
  ESCALATED_REMIND_MS,
  oldestSounding,
  REMIND_MS,
} from '../../shared/alarm-reminder';
import type { Alarm, WatchList } from '../../shared/alarms';

const t0 = 1_800_000_000_000;
const list = (id: string, sound: boolean): WatchList => ({
  id,
  name: id,
  groups: [],
  cameraIds: [],
  sound,
  events: false,
});
const alarm = (id: number, watchList: string, raisedAt: number, acked = false): Alarm => ({
  id,
  cameraId: `cam-${id}`,
  kind: 'down',
  watchList,
  raisedAt,
  ...(acked ? { ackedAt: raisedAt + 1, ackedBy: 'x' } : {}),
});

describe('an unacknowledged alarm is sounded again until someone acknowledges it', () => {
  it.each([
    // [what, minutes since the oldest sounding alarm (undefined: none open), seconds since the last sound, muted, play, escalated]
    ['no alarm open: silence', undefined, 500, false, false, false],
    ['just sounded: not again yet', 0.5, 10, false, false, false],
    ['a minute later: again', 1, REMIND_MS / 1000, false, true, false],
    ['never sounded in this window (opened later): at once', 2, undefined, false, true, false],
    ['five minutes unacknowledged: escalated, every 20 s', 5, ESCALATED_REMIND_MS / 1000, false, true, true],
    ['escalated, 10 s after the last: not yet', 6, 10, false, false, true],
    ['muted: no sound, still escalated', 7, 600, true, false, true],
    ['muted, not yet overdue: nothing', 1, 600, true, false, false],
  ] as const)('%s', (_what, minutes, seconds, muted, play, escalated) => {
    const now = t0 + 10 * 60_000;
    expect(
      alarmReminder({
        now,
        oldestSoundingAt: minutes === undefined ? undefined : now - minutes * 60_000,
        lastSoundAt: seconds === undefined ? undefined : now - seconds * 1000,
        muted,
      }),
    ).toEqual({ play, escalated });
  });

  it('counts only open alarms of watch lists that asked for sound, from the oldest', () => {
    const lists = [list('loud', true), list('quiet', false)];
    expect(oldestSounding([], lists)).toBeUndefined();
    expect(
      oldestSounding(
        [
          alarm(1, 'quiet', t0),
          alarm(2, 'loud', t0 + 5000, true),
          alarm(3, 'loud', t0 + 9000),
          alarm(4, 'loud', t0 + 7000),
        ],
        lists,
      ),
    ).toBe(t0 + 7000);
    expect(ESCALATE_AFTER_MS).toBe(5 * 60_000);
  });
});
