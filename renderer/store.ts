/**
 * The renderer's one store, in slices: cameras and stream statuses (from the
 * core), the wall (geometry, camera per tile, maximised and selected tile),
 * saved layouts (persisted by the core), and UI preferences.
 */
import { create } from 'zustand';
import type { AppInfo } from '../shared/api';
import { fitCameras, smallestTemplateFor, template, type LayoutGeometry, type TemplateId } from '../shared/layouts';
import type { CameraSummary, StreamStatus } from '../shared/model';
import type { SavedLayout, Tour } from '../shared/saved-layouts';
import { slug } from '../shared/search';
import { withCamera, withGeometry, withMaximizeToggled, withSwap, withTemplate, type Wall } from '../shared/wall';
import type { ApiClient } from './api/client';
import { translate, type Language, type MessageKey } from './i18n';
import { initialRendering, type Rendering } from './player/rendering';
import { emptyWall, layoutForWall, readWallWindow, recalledWall, rememberWall } from './wall-window';

export interface PantauState {
  api: ApiClient | undefined;
  info: AppInfo | undefined;
  connected: boolean;
  cameras: CameraSummary[];
  statuses: Record<string, StreamStatus>;
  language: Language;
  loadError: string | undefined;
  panel: 'health' | null;
  rendering: Rendering;

  /** The walls this window shows (its own first, then tabs for walls whose display is missing), and the one on screen. */
  walls: string[];
  wall: string;
  /** This window carries the operator's controls. */
  control: boolean;
  /** The wall. */
  geometry: LayoutGeometry;
  tiles: (string | null)[];
  maximized: number | null;
  selected: number | null;
  /** The saved layout the wall shows, and whether it changed since. */
  layoutId: string | null;
  dirty: boolean;

  layouts: SavedLayout[];
  defaultLayoutId: string | undefined;
  /** A message for the operator (recovered file, import report, refused save). */
  notice: string | undefined;
  tour: Tour | null;

  start(api: ApiClient): void;
  /** Shows another of this window's walls (a tab). */
  showWall(wall: string): void;
  setTemplate(id: TemplateId): void;
  /** A custom geometry from the editor (already validated there; checked again here). */
  setGeometry(geometry: LayoutGeometry): void;
  /** Square grid n×n (kept for the benchmark and simple callers). */
  setGrid(n: number): void;
  assignTile(index: number, cameraId: string | null): void;
  swapTiles(a: number, b: number): void;
  toggleMaximize(index: number): void;
  restore(): void;
  select(index: number | null): void;
  setLanguage(language: Language): void;
  togglePanel(panel: 'health'): void;
  setNotice(notice: string | undefined): void;

  openLayout(id: string): void;
  saveLayout(): Promise<void>;
  saveLayoutAs(name: string): Promise<void>;
  renameLayout(name: string): Promise<void>;
  deleteLayout(): Promise<void>;
  setDefaultLayout(on: boolean): Promise<void>;
  lockLayout(locked: boolean): Promise<void>;
  /** Which monitor the current saved layout is meant for ("1"…"6"), or any. */
  setLayoutMonitor(monitor: string | undefined): Promise<void>;
  importLayouts(text: string): Promise<void>;
  exportLayouts(): Promise<string | undefined>;
  /** Saves the tour (persisted, so a running tour resumes after a restart); null stops and removes it. */
  saveTour(tour: Tour | null): Promise<void>;
  /** Takes an evidence snapshot of a camera (done by the core) and says where it went. */
  snapshot(cameraId: string): Promise<void>;
  /** Shows the tour's next step. */
  tourNext(): Promise<void>;
  /** Puts a tour step on the wall: its layout, or its camera in the tour's tile. */
  showTourStep(tour: Tour, index: number): void;
}

export const statusKey = (cameraId: string, profile: string) => `${cameraId}/${profile}`;

const wallOf = (s: PantauState): Wall => ({
  geometry: s.geometry,
  tiles: s.tiles,
  maximized: s.maximized,
  selected: s.selected,
});

function savedLanguage(): Language {
  return localStorage.getItem('pantau.language') === 'en' ? 'en' : 'id';
}

function newLayoutId(name: string): string {
  return `${slug(name, 'layout')}-${Date.now().toString(36)}`;
}

const wallWindow = readWallWindow(location.search);

export const useStore = create<PantauState>()((set, get) => {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(get().language, key, values);
  const fail = (message: string) => set({ notice: message });
  const layout = (): SavedLayout | undefined => get().layouts.find((l) => l.id === get().layoutId);

  const applyLayout = (l: SavedLayout) =>
    set({ geometry: l.geometry, tiles: [...l.cameras], layoutId: l.id, dirty: false, maximized: null, selected: null });

  const refreshLayouts = async () => {
    const api = get().api;
    if (!api) return;
    const listed = await api.invoke('layout:list', {});
    if (!listed.ok) return fail(listed.error.message);
    const n = listed.value.notice;
    const notice = n
      ? t(n.kind === 'restored' ? 'store.restored' : n.kind === 'reset' ? 'store.reset' : 'store.missingRestored', {
          detail: n.detail,
          keptAs: n.keptAs ?? '',
          savedAt: n.savedAt ? new Date(n.savedAt).toLocaleString(get().language === 'id' ? 'id-ID' : 'en-GB') : '',
        })
      : undefined;
    set({
      layouts: listed.value.layouts,
      defaultLayoutId: listed.value.defaultLayoutId,
      ...(notice ? { notice } : {}),
    });
  };

  const persist = async (l: SavedLayout) => {
    const api = get().api!;
    const saved = await api.invoke('layout:save', { layout: l });
    if (!saved.ok) return fail(saved.error.code === 'layout-locked' ? t('layout.lockedSaveCopy') : saved.error.message);
    await refreshLayouts();
    set({ layoutId: saved.value.id, dirty: false });
  };

  const changeWall = (next: Partial<PantauState>) => set({ ...next, dirty: true });

  return {
    api: undefined,
    info: undefined,
    connected: false,
    cameras: [],
    statuses: {},
    language: savedLanguage(),
    loadError: undefined,
    panel: null,
    rendering: initialRendering(),
    walls: wallWindow.walls,
    wall: wallWindow.walls[0]!,
    control: wallWindow.control,
    geometry: template('2x2'),
    tiles: [],
    maximized: null,
    selected: null,
    layoutId: null,
    dirty: false,
    layouts: [],
    defaultLayoutId: undefined,
    notice: undefined,
    tour: null,

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
      api.on('camera:changed', () => {
        void api.invoke('camera:list', {}).then((cameras) => cameras.ok && set({ cameras: cameras.value }));
        void api.invoke('app:info', {}).then((info) => info.ok && set({ info: info.value }));
      });
      let first = true;
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
        set({ info: info.value, cameras: cameras.value, statuses: byKey, loadError: undefined });
        await refreshLayouts();
        if (!first) return;
        first = false;
        const tour = await api.invoke('tour:get', {});
        if (tour.ok) set({ tour: tour.value.tour });
        // First load: a running tour's step, else the default layout, else the smallest grid that holds the first cameras.
        const running = tour.ok && tour.value.tour?.running ? tour.value.tour : undefined;
        const runningStep = running?.steps[running.index];
        const wall = get().wall;
        // A window reloaded after a crash gets back exactly what it showed.
        const recalled = recalledWall(wall);
        if (recalled) {
          set({ ...recalled, maximized: null, selected: null });
          return;
        }
        const chosen =
          runningStep && 'layoutId' in runningStep
            ? get().layouts.find((l) => l.id === runningStep.layoutId)
            : wallWindow.explicit
              ? layoutForWall(get().layouts, get().defaultLayoutId, wall)
              : get().layouts.find((l) => l.id === get().defaultLayoutId);
        if (chosen) applyLayout(chosen);
        else if (wallWindow.explicit && wall !== '1') set(emptyWall());
        else {
          const geometry = template(smallestTemplateFor(cameras.value.length));
          set({
            geometry,
            tiles: fitCameras(
              cameras.value.map((c) => c.id),
              geometry.tiles.length,
            ),
            dirty: false,
          });
        }
      };
      // Loads on every (re)connection: a restarted host may know other cameras.
      api.onConnection((connected) => {
        set({ connected });
        if (connected) void load();
      });
    },

    showWall(wall) {
      if (!get().walls.includes(wall) || wall === get().wall) return;
      set({ wall, maximized: null, selected: null });
      const recalled = recalledWall(wall);
      if (recalled) return set({ ...recalled });
      const chosen = layoutForWall(get().layouts, get().defaultLayoutId, wall);
      if (chosen) applyLayout(chosen);
      else set(emptyWall());
    },

    setTemplate(id) {
      changeWall(withTemplate(wallOf(get()), id));
    },

    setGeometry(geometry) {
      const next = withGeometry(wallOf(get()), geometry);
      if (next.geometry !== get().geometry) changeWall(next);
    },

    setGrid(n) {
      get().setTemplate(n <= 1 ? '1' : (`${n}x${n}` as TemplateId));
    },

    assignTile(index, cameraId) {
      const next = withCamera(wallOf(get()), index, cameraId);
      if (next.tiles !== get().tiles) changeWall({ tiles: next.tiles });
    },

    swapTiles(a, b) {
      const next = withSwap(wallOf(get()), a, b);
      if (next.tiles !== get().tiles) changeWall({ tiles: next.tiles });
    },

    toggleMaximize(index) {
      const { maximized, selected } = withMaximizeToggled(wallOf(get()), index);
      set({ maximized, selected });
    },

    restore() {
      set({ maximized: null });
    },

    select(index) {
      set({ selected: index });
    },

    togglePanel(panel) {
      set((state) => ({ panel: state.panel === panel ? null : panel }));
    },

    setLanguage(language) {
      localStorage.setItem('pantau.language', language);
      set({ language });
    },

    setNotice(notice) {
      set({ notice });
    },

    openLayout(id) {
      const l = get().layouts.find((x) => x.id === id);
      if (l) applyLayout(l);
    },

    async saveLayout() {
      const current = layout();
      if (!current) return get().saveLayoutAs(t('layout.untitled'));
      if (current.locked) return fail(t('layout.lockedSaveCopy'));
      await persist({ ...current, geometry: get().geometry, cameras: get().tiles });
    },

    async saveLayoutAs(name) {
      const trimmed = name.trim();
      if (!trimmed) return;
      await persist({
        id: newLayoutId(trimmed),
        name: trimmed,
        geometry: get().geometry,
        cameras: get().tiles,
        locked: false,
        updatedAt: Date.now(),
      });
    },

    async renameLayout(name) {
      const current = layout();
      if (!current || !name.trim()) return;
      if (current.locked) return fail(t('layout.locked'));
      await persist({ ...current, name: name.trim() });
    },

    async deleteLayout() {
      const current = layout();
      if (!current) return;
      const result = await get().api!.invoke('layout:delete', { id: current.id });
      if (!result.ok) return fail(result.error.code === 'layout-locked' ? t('layout.locked') : result.error.message);
      set({ layoutId: null, dirty: true });
      await refreshLayouts();
    },

    async setDefaultLayout(on) {
      const current = layout();
      if (!current) return;
      const result = await get().api!.invoke('layout:default', { id: on ? current.id : null });
      if (!result.ok) return fail(result.error.message);
      await refreshLayouts();
    },

    async lockLayout(locked) {
      const current = layout();
      if (!current) return;
      const result = await get().api!.invoke('layout:lock', { id: current.id, locked });
      if (!result.ok) return fail(result.error.message);
      await refreshLayouts();
    },

    async setLayoutMonitor(monitor) {
      const current = layout();
      if (!current) return;
      if (current.locked) return fail(t('layout.locked'));
      const { monitor: _old, ...rest } = current;
      const dirty = get().dirty;
      const saved = await get().api!.invoke('layout:save', { layout: { ...rest, ...(monitor ? { monitor } : {}) } });
      if (!saved.ok) return fail(saved.error.message);
      await refreshLayouts();
      set({ dirty }); // the wall's own changes stay unsaved
    },

    async importLayouts(text) {
      const result = await get().api!.invoke('layout:import', { text });
      if (!result.ok) return fail(`${t('layout.importFailed')}\n${result.error.message}`);
      await refreshLayouts();
      const { imported, unknownCameras } = result.value;
      set({
        notice: [
          t('layout.imported', { count: imported.length, names: imported.map((l) => l.name).join(', ') }),
          unknownCameras.length ? t('layout.unknownCameras', { ids: unknownCameras.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
      });
    },

    async snapshot(cameraId) {
      const result = await get().api!.invoke('snapshot:take', { cameraId });
      if (!result.ok) return fail(t('snapshot.failed', { reason: result.error.message }));
      set({
        notice: t('snapshot.saved', {
          file: result.value.file,
          width: result.value.width,
          height: result.value.height,
          hash: result.value.sha256,
        }),
      });
    },

    async saveTour(tour) {
      set({ tour });
      const result = await get().api!.invoke('tour:save', { tour });
      if (!result.ok) fail(result.error.message);
    },

    async tourNext() {
      const tour = get().tour;
      if (!tour) return;
      const index = (tour.index + 1) % tour.steps.length;
      get().showTourStep(tour, index);
      await get().saveTour({ ...tour, index });
    },

    showTourStep(tour, index) {
      const step = tour.steps[index];
      if (!step) return;
      if ('layoutId' in step) get().openLayout(step.layoutId);
      else if (tour.tile !== undefined) {
        // A camera tour changes one tile only; it does not make the layout "changed".
        set({ tiles: withCamera(wallOf(get()), tour.tile, step.cameraId).tiles });
      }
    },

    async exportLayouts() {
      const result = await get().api!.invoke('layout:export', {});
      if (!result.ok) {
        fail(result.error.message);
        return undefined;
      }
      return result.value.text;
    },
  };
});

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
