/**
 * Asks the kiosk to speak a screen's guidance once when the screen appears (or its words change with the
 * language), and to stop when it goes. Outside the kiosk it does nothing.
 */
import { useEffect } from 'react';
import { useKioskControl } from './kiosk-control-context';

export function useSpokenGuidance(text: string | undefined): void {
  const control = useKioskControl();
  // speak and silence are stable (they only send events); the preferences around them change on every toggle.
  const speak = control?.speak;
  const silence = control?.silence;
  useEffect(() => {
    if (!text || !speak || !silence) return undefined;
    speak(text);
    return () => silence();
  }, [text, speak, silence]);
}
