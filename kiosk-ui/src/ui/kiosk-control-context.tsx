/**
 * What components deep in any kiosk screen may ask of the session (the bar in every header, the camera button,
 * the spoken guidance): the visitor's preferences and the events that change them or speak. The kiosk page
 * provides it from the session machine, so components still only send events; the speaking itself is an actor.
 */
import { createContext, useContext } from 'react';
import type { PreferenceToggle, Preferences } from './preferences';
import type { Language } from '../i18n/catalogue';

export interface KioskControl {
  prefs: Preferences;
  setLanguage: (lang: Language) => void;
  toggle: (pref: PreferenceToggle) => void;
  /** Opens the camera as a slip scanner (home and slip-entry screens). */
  openCamera: () => void;
  /** Speaks a screen's guidance in the visitor's language (a new sentence cuts the previous one off). */
  speak: (text: string) => void;
  /** Stops speaking (the screen that said it has gone). */
  silence: () => void;
}

const KioskControlContext = createContext<KioskControl | null>(null);

export const KioskControlProvider = KioskControlContext.Provider;

/** Null outside the kiosk (counter console, display, a flow shown on its own): no visitor, no preferences. */
export function useKioskControl(): KioskControl | null {
  return useContext(KioskControlContext);
}
