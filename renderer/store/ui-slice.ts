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

export const uiSlice: Slice<UiSlice> = (set) => ({
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
  tileText: savedTileText(),
  // Per window: a wall screen stays a wall screen after a reload, another window keeps its controls.
  wallOnly: sessionStorage.getItem('pantau.wallOnly') === '1',

  setLanguage(language) {
    localStorage.setItem('pantau.language', language);
    set({ language });
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
  },

  setDecoder(decoder) {
    localStorage.setItem('pantau.decoder', decoder);
    set({ decoder });
  },

  setWallOnly(on) {
    sessionStorage.setItem('pantau.wallOnly', on ? '1' : '0');
    set({ wallOnly: on });
  },

  setBudget(budget) {
    set({ budget });
  },
});
