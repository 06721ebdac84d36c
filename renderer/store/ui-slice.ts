/** The UI's own state: language, panels, the operator's notice, how tiles render. */
import type { Language } from '../i18n';
import { initialDecoder } from '../player/decoder-choice';
import { initialRendering } from '../player/rendering';
import type { Slice, UiSlice } from './state';

function savedLanguage(): Language {
  return localStorage.getItem('pantau.language') === 'en' ? 'en' : 'id';
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

  setBudget(budget) {
    set({ budget });
  },
});
