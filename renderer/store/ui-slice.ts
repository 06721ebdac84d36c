/** The UI's own state: language, panels, the operator's notice, how tiles render. */
import type { Language } from '../i18n';
import { initialDecoder } from '../player/decoder-choice';
import { initialRendering } from '../player/rendering';
import type { Slice, TileText, UiSlice } from './state';

function savedLanguage(): Language {
  return localStorage.getItem('pantau.language') === 'en' ? 'en' : 'id';
}

function savedTileText(): TileText {
  const saved = localStorage.getItem('pantau.tileText');
  return saved === 'small' || saved === 'large' ? saved : 'normal';
}

export const uiSlice: Slice<UiSlice> = (set, get) => ({
  api: undefined,
  info: undefined,
  connected: false,
  linkRefused: false,
  language: savedLanguage(),
  loadError: undefined,
  panel: null,
  rendering: initialRendering(),
  decoder: initialDecoder(),
  notice: undefined,
  budget: undefined,
  load: undefined,
  tileModes: {},
  carries: undefined,
  tileRates: {},
  tileText: savedTileText(),
  // Per window: a wall screen stays a wall screen after a reload, another window keeps its controls.
  wallOnly: sessionStorage.getItem('pantau.wallOnly') === '1',

  setLanguage(language) {
    localStorage.setItem('pantau.language', language);
    set({ language });
    void get().api?.invoke('settings:set', { language });
  },

  togglePanel(panel) {
    set((state) => ({ panel: state.panel === panel ? null : panel }));
  },

  setNotice(notice) {
    set({ notice });
  },

  setTileText(tileText) {
    localStorage.setItem('pantau.tileText', tileText);
    set({ tileText });
    void get().api?.invoke('settings:set', { tileText });
  },

  setDecoder(decoder) {
    localStorage.setItem('pantau.decoder', decoder);
    set({ decoder });
    void get().api?.invoke('settings:set', { decoder });
  },

  applySettings(settings) {
    // The core's copy wins; this window's own storage only paints the first frame before it arrives.
    for (const [key, value] of Object.entries(settings))
      if (key !== 'decoder') localStorage.setItem(`pantau.${key}`, value);
    set({
      ...(settings.language ? { language: settings.language } : {}),
      ...(settings.tileText ? { tileText: settings.tileText } : {}),
      // A link that says ?decoder= keeps its choice for this page (the benchmark and support links use it).
      ...(settings.decoder && !new URLSearchParams(location.search).has('decoder')
        ? { decoder: settings.decoder }
        : {}),
    });
  },

  setWallOnly(on) {
    sessionStorage.setItem('pantau.wallOnly', on ? '1' : '0');
    set({ wallOnly: on });
  },

  setMeasured(measured) {
    set(measured);
  },
});
