/**
 * PTZ in the page: whether PTZ mode is on, what each camera last confirmed,
 * the one driver every input goes through, and the window events that must
 * let go of a held control (focus lost, page hidden, pointer out of the window).
 */
import { create } from 'zustand';
import type { PtzPreset } from '../../shared/onvif';
import { useStore } from '../store';
import { defaultGamepadMapping, PtzDriver, type GamepadMapping, type PtzState } from './driver';

interface PtzStore {
  /** Arrows with Shift, +/−, Alt+digits and the gamepad drive the selected camera while on. */
  mode: boolean;
  states: Record<string, { state: PtzState; error?: string }>;
  presets: Record<string, PtzPreset[]>;
  mapping: GamepadMapping;
  toggleMode(on?: boolean): void;
  setMapping(mapping: GamepadMapping): void;
  loadPresets(cameraId: string): Promise<void>;
  gotoPreset(cameraId: string, token: string): Promise<void>;
  savePreset(cameraId: string, name: string): Promise<void>;
  removePreset(cameraId: string, token: string): Promise<void>;
  home(cameraId: string): Promise<void>;
}

const MAPPING_KEY = 'pantau.gamepad';

function savedMapping(): GamepadMapping {
  try {
    const parsed = JSON.parse(localStorage.getItem(MAPPING_KEY) ?? 'null') as Partial<GamepadMapping> | null;
    return { ...defaultGamepadMapping, ...(parsed ?? {}) };
  } catch {
    return defaultGamepadMapping;
  }
}

const api = () => useStore.getState().api;
const said = (r: { ok: true } | { ok: false; error: { message: string } }) =>
  r.ok ? { ok: true as const } : { ok: false as const, message: r.error.message };

export const ptzDriver = new PtzDriver(
  {
    move: async (cameraId, velocity) => {
      const client = api();
      return client
        ? said(await client.invoke('ptz:move', { cameraId, velocity }))
        : { ok: false, message: 'not connected' };
    },
    stop: async (cameraId) => {
      const client = api();
      return client ? said(await client.invoke('ptz:stop', { cameraId })) : { ok: false, message: 'not connected' };
    },
  },
  (cameraId, state, error) =>
    usePtzStore.setState((s) => ({ states: { ...s.states, [cameraId]: error ? { state, error } : { state } } })),
);

export const usePtzStore = create<PtzStore>()((set, get) => {
  const fail = (cameraId: string, message: string) =>
    set((s) => ({
      states: { ...s.states, [cameraId]: { state: s.states[cameraId]?.state ?? 'still', error: message } },
    }));
  const ok = (cameraId: string) =>
    set((s) => ({ states: { ...s.states, [cameraId]: { state: s.states[cameraId]?.state ?? 'still' } } }));
  return {
    mode: false,
    states: {},
    presets: {},
    mapping: savedMapping(),
    toggleMode(on) {
      const next = on ?? !get().mode;
      if (!next) ptzDriver.releaseAll();
      set({ mode: next });
    },
    setMapping(mapping) {
      localStorage.setItem(MAPPING_KEY, JSON.stringify(mapping));
      set({ mapping });
    },
    async loadPresets(cameraId) {
      const result = await api()?.invoke('ptz:presets', { cameraId });
      if (!result) return;
      if (!result.ok) return fail(cameraId, result.error.message);
      set((s) => ({ presets: { ...s.presets, [cameraId]: result.value.presets } }));
    },
    async gotoPreset(cameraId, token) {
      const result = await api()?.invoke('ptz:goto', { cameraId, token });
      if (result && !result.ok) return fail(cameraId, result.error.message);
      ok(cameraId);
    },
    async savePreset(cameraId, name) {
      const result = await api()?.invoke('ptz:save', { cameraId, name });
      if (result && !result.ok) return fail(cameraId, result.error.message);
      await get().loadPresets(cameraId);
    },
    async removePreset(cameraId, token) {
      const result = await api()?.invoke('ptz:forget', { cameraId, token });
      if (result && !result.ok) return fail(cameraId, result.error.message);
      await get().loadPresets(cameraId);
    },
    async home(cameraId) {
      const result = await api()?.invoke('ptz:home', { cameraId });
      if (result && !result.ok) return fail(cameraId, result.error.message);
      ok(cameraId);
    },
  };
});

/** A pointer event from beyond the window's edges (the browser keeps reporting a held pointer there). */
export function outsideWindow(event: PointerEvent): boolean {
  return (
    event.clientX < 0 || event.clientY < 0 || event.clientX >= window.innerWidth || event.clientY >= window.innerHeight
  );
}

/** Window events that mean "the operator let go". Installed once, at start. */
export function installPtzSafety(): void {
  window.addEventListener('blur', () => ptzDriver.releaseAll());
  window.addEventListener('pagehide', () => ptzDriver.releaseAll());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') ptzDriver.releaseAll();
  });
  // A pointer leaving the window lets go of the pad: either the browser says
  // so (mouseout with nowhere to go), or, while a button is held and the
  // browser keeps sending moves, the pointer is outside the window.
  document.addEventListener('mouseout', (event) => {
    if (!event.relatedTarget) ptzDriver.releaseAll('pad');
  });
  window.addEventListener('pointermove', (event) => {
    if (outsideWindow(event)) ptzDriver.releaseAll('pad');
  });
  window.addEventListener('pointerup', () => ptzDriver.releaseAll('pad'));
  window.addEventListener('pointercancel', () => ptzDriver.releaseAll('pad'));
}

/** The selected tile's camera when it takes PTZ commands. */
export function selectedPtzCamera(): string | undefined {
  const s = useStore.getState();
  const id = s.selected !== null ? s.tiles[s.selected] : null;
  return id && s.cameras.find((c) => c.id === id)?.ptz ? id : undefined;
}
