/**
 * The renderer's one store, made of slices (store/): streams from the core,
 * the wall, saved layouts and tours, the fleet sweep's findings, and the UI. Components select single
 * values from it.
 */
import { create } from 'zustand';
import { translate, type MessageKey } from './i18n';
import { alarmSlice } from './store/alarm-slice';
import { evidenceSlice } from './store/evidence-slice';
import { fleetSlice } from './store/fleet-slice';
import { layoutsSlice } from './store/layouts-slice';
import type { PantauState } from './store/state';
import { streamsSlice } from './store/streams-slice';
import { uiSlice } from './store/ui-slice';
import { wallSlice } from './store/wall-slice';
import { rememberWall } from './wall-window';

export { statusKey, type PantauState } from './store/state';

export const useStore = create<PantauState>()((...a) => ({
  ...uiSlice(...a),
  ...streamsSlice(...a),
  ...wallSlice(...a),
  ...layoutsSlice(...a),
  ...fleetSlice(...a),
  ...alarmSlice(...a),
  ...evidenceSlice(...a),
}));

/** The translation function for the current language. */
export function useTranslate(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useStore((s) => s.language);
  return (key, values) => translate(language, key, values);
}

// Every change to the wall on screen is remembered for this window's session (crash reload).
useStore.subscribe((state, previous) => {
  if (
    state.geometry === previous.geometry &&
    state.tiles === previous.tiles &&
    state.layoutId === previous.layoutId &&
    state.dirty === previous.dirty
  )
    return;
  if (state.wall !== previous.wall) return; // switching tabs: the new wall is not changed yet
  rememberWall(state.wall, {
    geometry: state.geometry,
    tiles: state.tiles,
    layoutId: state.layoutId,
    dirty: state.dirty,
  });
});
