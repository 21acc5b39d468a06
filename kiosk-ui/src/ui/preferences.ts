/**
 * What a visitor may change about the kiosk for their own session: the language, large text (150 %), high
 * contrast (≥ 7:1) and reach mode (every control in the lower part of the screen, for a wheelchair user). Pure;
 * held in the kiosk session's context and cleared with everything else when the kiosk returns to the attract
 * screen, so the next visitor starts from the defaults.
 */
import type { Language } from '../i18n/catalogue';

export interface Preferences {
  lang: Language;
  largeText: boolean;
  highContrast: boolean;
  reach: boolean;
}

export type PreferenceToggle = 'largeText' | 'highContrast' | 'reach';

export const DEFAULT_PREFERENCES: Preferences = { lang: 'vi', largeText: false, highContrast: false, reach: false };

export function toggled(prefs: Preferences, pref: PreferenceToggle): Preferences {
  return { ...prefs, [pref]: !prefs[pref] };
}

/** Classes for the document root: the CSS of each mode hangs on them (kiosk.css, accessibility.css). */
export function preferenceClasses(prefs: Preferences): string[] {
  return [prefs.largeText ? 'a11y-large' : '', prefs.highContrast ? 'a11y-contrast' : '', prefs.reach ? 'a11y-reach' : ''].filter(Boolean);
}
