/** Speaks a screen's guidance once when the screen appears (or the language changes), and stops when it goes. */
import { useEffect } from 'react';
import type { Language } from '../i18n/catalogue';
import { speakGuidance, stopGuidance } from './guidance-speaker';

export function useSpokenGuidance(text: string | undefined, lang: Language): void {
  useEffect(() => {
    if (!text) return undefined;
    void speakGuidance(text, lang);
    return () => stopGuidance();
  }, [text, lang]);
}
