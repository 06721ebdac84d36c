/** Saved layouts and the tour: kept by the core, shown and changed here. */
import type { SavedLayout } from '../../shared/saved-layouts';
import { slug } from '../../shared/search';
import { withCamera } from '../../shared/wall';
import { noticeText, wallOf, wordsOf, type LayoutsSlice, type PantauState, type Slice } from './state';

/** The wall's picture-rate choices as a layout keeps them (left out while at their defaults). */
function rateOf(s: PantauState): Pick<SavedLayout, 'rate' | 'pinned'> {
  return { rate: s.wallRate === 'auto' ? undefined : s.wallRate, pinned: s.pinned.length ? s.pinned : undefined };
}

function newLayoutId(name: string): string {
  return `${slug(name, 'layout')}-${Date.now().toString(36)}`;
}

export const layoutsSlice: Slice<LayoutsSlice> = (set, get) => {
  const t = wordsOf(get);
  const fail = (message: string) => set({ notice: message });
  const layout = (): SavedLayout | undefined => get().layouts.find((l) => l.id === get().layoutId);
  const persist = async (l: SavedLayout) => {
    const saved = await get().api!.invoke('layout:save', { layout: l });
    if (!saved.ok) return fail(saved.error.code === 'layout-locked' ? t('layout.lockedSaveCopy') : saved.error.message);
    await get().refreshLayouts();
    set({ layoutId: saved.value.id, dirty: false });
  };
  return {
    layouts: [],
    defaultLayoutId: undefined,
    tour: null,

    async refreshLayouts() {
      const api = get().api;
      if (!api) return;
      const listed = await api.invoke('layout:list', {});
      if (!listed.ok) return fail(listed.error.message);
      const notice = listed.value.notice ? noticeText(get, listed.value.notice) : undefined;
      set({
        layouts: listed.value.layouts,
        defaultLayoutId: listed.value.defaultLayoutId,
        ...(notice ? { notice } : {}),
      });
    },

    openLayout(id) {
      const l = get().layouts.find((x) => x.id === id);
      if (l) get().applyLayout(l);
    },

    async saveLayout() {
      const current = layout();
      if (!current) return get().saveLayoutAs(t('layout.untitled'));
      if (current.locked) return fail(t('layout.lockedSaveCopy'));
      await persist({ ...current, geometry: get().geometry, cameras: get().tiles, ...rateOf(get()) });
    },

    async saveLayoutAs(name) {
      const trimmed = name.trim();
      if (!trimmed) return;
      await persist({
        id: newLayoutId(trimmed),
        name: trimmed,
        geometry: get().geometry,
        cameras: get().tiles,
        ...rateOf(get()),
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
      await get().refreshLayouts();
    },

    async setDefaultLayout(on) {
      const current = layout();
      if (!current) return;
      const result = await get().api!.invoke('layout:default', { id: on ? current.id : null });
      if (!result.ok) return fail(result.error.message);
      await get().refreshLayouts();
    },

    async lockLayout(locked) {
      const current = layout();
      if (!current) return;
      const result = await get().api!.invoke('layout:lock', { id: current.id, locked });
      if (!result.ok) return fail(result.error.message);
      await get().refreshLayouts();
    },

    async setLayoutMonitor(monitor) {
      const current = layout();
      if (!current) return;
      if (current.locked) return fail(t('layout.locked'));
      const { monitor: _old, ...rest } = current;
      const dirty = get().dirty;
      const saved = await get().api!.invoke('layout:save', { layout: { ...rest, ...(monitor ? { monitor } : {}) } });
      if (!saved.ok) return fail(saved.error.message);
      await get().refreshLayouts();
      set({ dirty }); // the wall's own changes stay unsaved
    },

    async importLayouts(text) {
      const result = await get().api!.invoke('layout:import', { text });
      if (!result.ok) return fail(`${t('layout.importFailed')}\n${result.error.message}`);
      await get().refreshLayouts();
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
};
