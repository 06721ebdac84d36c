/** Each tile's digital zoom (shared/zoom.ts), by tile index: the wheel, a drag and Ctrl + + / − / 0 change it. */
import { create } from 'zustand';
import { noZoom, zoomAt, type Zoom } from '../../shared/zoom';

interface ZoomStore {
  zooms: Record<number, Zoom>;
  setZoom(index: number, zoom: Zoom): void;
  /** Zoom about the middle of what the tile shows now (the keyboard's way). */
  step(index: number, factor: number): void;
  reset(index: number): void;
}

export const useZoomStore = create<ZoomStore>((set) => ({
  zooms: {},
  setZoom: (index, zoom) => set((s) => ({ zooms: { ...s.zooms, [index]: zoom } })),
  step: (index, factor) =>
    set((s) => ({ zooms: { ...s.zooms, [index]: zoomAt(s.zooms[index] ?? noZoom, factor, 0.5, 0.5) } })),
  reset: (index) =>
    set((s) => {
      if (!s.zooms[index]) return s;
      const { [index]: _gone, ...rest } = s.zooms;
      return { zooms: rest };
    }),
}));
