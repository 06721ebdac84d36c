/**
 * The fleet sweep's findings for every camera of the inventory (issue #14):
 * loaded on each connection, kept current by `fleet:changed`.
 */
import type { FleetSlice, Slice } from './state';

export const fleetSlice: Slice<FleetSlice> = (set, get) => ({
  fleet: {},
  fleetInfo: undefined,

  async loadFleet() {
    const api = get().api;
    if (!api) return;
    const result = await api.invoke('fleet:states', {});
    if (!result.ok) return;
    const { cameras, ...info } = result.value;
    set({ fleet: Object.fromEntries(cameras.map((c) => [c.cameraId, c])), fleetInfo: info });
  },

  async sweepNow() {
    const result = await get().api?.invoke('fleet:sweep', {});
    if (result?.ok) set((s) => ({ fleetInfo: s.fleetInfo && { ...s.fleetInfo, sweeping: true } }));
  },

  async configureFleet(change) {
    const before = get().fleetInfo;
    // The switch moves at once; the core's answer (or its refusal) then settles it.
    if (before) set({ fleetInfo: { ...before, settings: { ...before.settings, ...change } } });
    const result = await get().api?.invoke('fleet:configure', change);
    if (result?.ok) set((s) => ({ fleetInfo: s.fleetInfo && { ...s.fleetInfo, settings: result.value } }));
    else if (result && !result.ok) set({ notice: result.error.message, fleetInfo: before });
  },
});
