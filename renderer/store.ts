/**
 * The renderer's one store, in slices: cameras (from the core), stream
 * statuses (pushed by the core), the wall's layout, and UI preferences.
 */
import { create } from 'zustand';
import type { CameraSummary, StreamStatus } from '../shared/model';
import { fitTiles, smallestGridFor, type GridSize } from '../shared/layouts';
import type { AppInfo } from '../shared/api';
import { translate, type Language, type MessageKey } from './i18n';
import type { ApiClient } from './api/client';
import { initialRendering, type Rendering } from './player/rendering';

export interface PantauState {
  api: ApiClient | undefined;
  info: AppInfo | undefined;
  connected: boolean;
  cameras: CameraSummary[];
  statuses: Record<string, StreamStatus>;
  grid: GridSize;
  tiles: (string | null)[];
  language: Language;
  loadError: string | undefined;
  panel: 'health' | null;
  rendering: Rendering;

  start(api: ApiClient): void;
  setGrid(grid: GridSize): void;
  /** Puts a camera in a tile (or clears it with null). */
  assignTile(index: number, cameraId: string | null): void;
  setLanguage(language: Language): void;
  togglePanel(panel: 'health'): void;
}

export const statusKey = (cameraId: string, profile: string) => `${cameraId}/${profile}`;

function savedLanguage(): Language {
  return localStorage.getItem('pantau.language') === 'en' ? 'en' : 'id';
}

export const useStore = create<PantauState>()((set) => ({
  api: undefined,
  info: undefined,
  connected: false,
  cameras: [],
  statuses: {},
  grid: 2,
  tiles: [],
  language: savedLanguage(),
  loadError: undefined,
  panel: null,
  rendering: initialRendering(),

  start(api) {
    set({ api });
    api.on('stream:status', (status) =>
      set((state) => ({ statuses: { ...state.statuses, [statusKey(status.cameraId, status.profile)]: status } })),
    );
    api.on('stream:stats', (statuses) =>
      set((state) => {
        const next = { ...state.statuses };
        for (const status of statuses) next[statusKey(status.cameraId, status.profile)] = status;
        return { statuses: next };
      }),
    );
    const load = async () => {
      const [info, cameras, statuses] = await Promise.all([
        api.invoke('app:info', {}),
        api.invoke('camera:list', {}),
        api.invoke('stream:statuses', {}),
      ]);
      if (!info.ok || !cameras.ok || !statuses.ok) {
        const error = [info, cameras, statuses].find((r) => !r.ok);
        set({ loadError: error && !error.ok ? error.error.message : 'unknown error' });
        return;
      }
      const byKey = Object.fromEntries(statuses.value.map((s) => [statusKey(s.cameraId, s.profile), s]));
      set((state) => {
        // First load: fill the smallest grid that holds the first cameras (up to 4×4).
        const fresh = state.tiles.length === 0;
        const grid = fresh ? smallestGridFor(cameras.value.length) : state.grid;
        const tiles = fresh ? fitTiles(cameras.value.map((c) => c.id), grid) : state.tiles;
        return { info: info.value, cameras: cameras.value, statuses: byKey, grid, tiles, loadError: undefined };
      });
    };
    // Loads on every (re)connection: a restarted host may know other cameras.
    api.onConnection((connected) => {
      set({ connected });
      if (connected) void load();
    });
  },

  setGrid(grid) {
    set((state) => ({ grid, tiles: fitTiles(state.tiles, grid) }));
  },

  assignTile(index, cameraId) {
    set((state) => {
      if (index < 0 || index >= state.tiles.length) return {};
      const tiles = [...state.tiles];
      tiles[index] = cameraId;
      return { tiles };
    });
  },

  togglePanel(panel) {
    set((state) => ({ panel: state.panel === panel ? null : panel }));
  },

  setLanguage(language) {
    localStorage.setItem('pantau.language', language);
    set({ language });
  },
}));

/** The translation function for the current language. */
export function useTranslate(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useStore((s) => s.language);
  return (key, values) => translate(language, key, values);
}
