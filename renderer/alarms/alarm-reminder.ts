/**
 * The control window's reminder of open alarms: it looks every few seconds and
 * sounds again when shared/alarm-reminder.ts says so.
 */
import { useEffect } from 'react';
import { alarmReminder, oldestSounding } from '../../shared/alarm-reminder';
import { useStore } from '../store';
import { playAlarm } from './alarm-sound';

/** Looks every few seconds (the control window only: one sound per machine, not one per screen). */
export function useAlarmReminder(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      const { alarms, watchLists, alarmsMuted, alarmSoundAt, alarmsEscalated } = useStore.getState();
      const now = Date.now();
      const { play, escalated } = alarmReminder({
        now,
        oldestSoundingAt: oldestSounding(alarms, watchLists),
        lastSoundAt: alarmSoundAt,
        muted: alarmsMuted,
      });
      if (escalated !== alarmsEscalated) useStore.setState({ alarmsEscalated: escalated });
      if (!play) return;
      useStore.setState({ alarmSoundAt: now });
      void playAlarm().then((played) => document.documentElement.setAttribute('data-alarm-sound', played));
    }, 5000);
    return () => clearInterval(timer);
  }, [active]);
}
