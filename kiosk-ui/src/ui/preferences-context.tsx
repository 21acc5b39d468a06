/**
 * The visitor's session preferences for components deep in any flow (the bar in every screen's header), with the
 * way to change them: the kiosk page provides both from its machine, so components still only send events.
 */
import { createContext, useContext } from 'react';
import type { PreferenceToggle, Preferences } from './preferences';
import type { Language } from '../i18n/catalogue';

export interface PreferencesControl {
  prefs: Preferences;
  setLanguage: (lang: Language) => void;
  toggle: (pref: PreferenceToggle) => void;
  /** Opens the camera as a slip scanner (home and slip-entry screens). */
  openCamera: () => void;
}

const PreferencesContext = createContext<PreferencesControl | null>(null);

export const PreferencesProvider = PreferencesContext.Provider;

/** Null outside the kiosk (counter console, display): those pages have no visitor preferences. */
export function usePreferences(): PreferencesControl | null {
  return useContext(PreferencesContext);
}
