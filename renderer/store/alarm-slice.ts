/**
 * Alarms (issue #14): the list and the watch lists from the core, kept current
 * by `alarm:changed`; a new alarm sounds (unless muted) and pops its camera
 * onto the watch list's tile when that wall is in this window.
 */
import { playAlarm } from '../alarms/alarm-sound';
import type { Alarm } from '../../shared/alarms';
import type { ApiEventPayload } from '../../shared/api';
import type { AlarmSlice, PantauState, Slice } from './state';

const SHOWN = 200;

export const alarmSlice: Slice<AlarmSlice> = (set, get) => ({
  alarms: [],
  watchLists: [],
  alarmsOpen: 0,
  alarmsMuted: sessionStorage.getItem('pantau.alarmsMuted') === '1',
  alarmSoundAt: undefined,
  alarmsEscalated: false,

  async loadAlarms() {
    const result = await get().api?.invoke('alarm:list', { limit: SHOWN });
    if (result?.ok)
      set({ alarms: result.value.alarms, watchLists: result.value.watchLists, alarmsOpen: result.value.open });
  },

  async ackAlarm(id, note) {
    const result = await get().api?.invoke('alarm:ack', { id, note });
    if (result && !result.ok) set({ notice: result.error.message });
    await get().loadAlarms();
    return result?.ok === true;
  },

  async saveWatchList(list) {
    const result = await get().api?.invoke('alarm:watch', { watchList: list });
    if (result && !result.ok) set({ notice: result.error.message });
    await get().loadAlarms();
    return result?.ok === true;
  },

  async removeWatchList(id) {
    await get().api?.invoke('alarm:unwatch', { id });
    await get().loadAlarms();
  },

  setAlarmsMuted(muted) {
    sessionStorage.setItem('pantau.alarmsMuted', muted ? '1' : '0');
    set({ alarmsMuted: muted });
  },
});

/** What a window does when the core says an alarm changed. */
export function onAlarmChanged(
  get: () => PantauState,
  set: (change: Partial<PantauState>) => void,
  event: ApiEventPayload<'alarm:changed'>,
): void {
  mergeAlarm(get, set, event.alarm);
  if (!event.raised) return;
  if (event.sound && !get().alarmsMuted && get().control) {
    set({ alarmSoundAt: Date.now() });
    void playAlarm().then((played) => document.documentElement.setAttribute('data-alarm-sound', played));
  }
  const pop = event.pop;
  if (!pop || !get().walls.includes(pop.wall)) return;
  if (get().wall !== pop.wall) get().showWall(pop.wall);
  if (pop.tile < get().geometry.tiles.length) {
    get().assignTile(pop.tile, event.alarm.cameraId);
    get().select(pop.tile);
  }
}

/**
 * The event's alarm into the list this window holds, and the count of those
 * not acknowledged kept with it — without asking the core for the whole list
 * again at every event (a city's outage raises hundreds at once, in every window).
 */
function mergeAlarm(get: () => PantauState, set: (change: Partial<PantauState>) => void, alarm: Alarm): void {
  const { alarms, alarmsOpen } = get();
  const before = alarms.find((a) => a.id === alarm.id);
  const wasOpen = before ? before.ackedAt === undefined : false;
  const isOpen = alarm.ackedAt === undefined;
  const next = before ? alarms.map((a) => (a.id === alarm.id ? alarm : a)) : [alarm, ...alarms].slice(0, SHOWN);
  set({ alarms: next, alarmsOpen: Math.max(0, alarmsOpen + Number(isOpen) - Number(wasOpen)) });
}
