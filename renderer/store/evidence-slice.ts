/**
 * Evidence clips (issue #15) as a window sees them: the recordings running
 * (kept current by `evidence:recording`), the operator's name for the
 * manifests (asked once, then remembered by the core), and the tile's two
 * actions — save the last seconds, record start/stop.
 */
import type { EvidenceEntry } from '../../shared/evidence';
import { wordsOf, type EvidenceSlice, type Slice } from './state';

export const evidenceSlice: Slice<EvidenceSlice> = (set, get) => {
  const t = wordsOf(get);
  /** Runs `action` once the core knows who the operator is: asks first, the one time it does not. */
  const asOperator = (action: () => Promise<void>) => {
    if (get().operator) return action();
    set({ operatorAsk: action });
    return Promise.resolve();
  };
  const savedNotice = (entry: EvidenceEntry) =>
    set((s) => ({
      evidenceSaved: s.evidenceSaved + 1,
      notice: t('clip.saved', { folder: entry.folder, seconds: Math.round(entry.manifest.seconds) }),
    }));
  return {
    recordings: [],
    operator: '',
    preBufferSec: 30,
    operatorAsk: undefined,
    evidenceSaved: 0,
    clipBusy: [],

    async loadEvidence() {
      const state = await get().api?.invoke('evidence:state', {});
      if (state?.ok)
        set({
          recordings: state.value.recordings,
          operator: state.value.operator,
          preBufferSec: state.value.settings.preBufferSec,
        });
    },

    async setOperator(name) {
      const result = await get().api?.invoke('evidence:configure', { operator: name });
      if (!result?.ok) return set({ notice: result?.error.message });
      const pending = get().operatorAsk;
      set({ operator: result.value.operator, operatorAsk: undefined });
      if (pending) await pending();
    },

    cancelOperator() {
      set({ operatorAsk: undefined });
    },

    saveClip(cameraId) {
      return asOperator(async () => {
        set((s) => ({ clipBusy: [...s.clipBusy, cameraId], notice: t('clip.saving') }));
        const result = await get().api!.invoke('evidence:save', { cameraId });
        set((s) => ({ clipBusy: s.clipBusy.filter((id) => id !== cameraId) }));
        if (!result.ok) return set({ notice: t('clip.failed', { reason: result.error.message }) });
        savedNotice(result.value);
      });
    },

    toggleRecording(cameraId) {
      const on = !get().recordings.some((r) => r.cameraId === cameraId);
      return asOperator(async () => {
        if (!on) set((s) => ({ clipBusy: [...s.clipBusy, cameraId], notice: t('clip.saving') }));
        const result = await get().api!.invoke('evidence:record', { cameraId, on });
        set((s) => ({ clipBusy: s.clipBusy.filter((id) => id !== cameraId) }));
        if (!result.ok) return set({ notice: t('clip.failed', { reason: result.error.message }) });
        if (result.value.saved) savedNotice(result.value.saved);
      });
    },
  };
};
