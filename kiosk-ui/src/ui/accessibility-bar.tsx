/** Language switch and display modes, in every kiosk screen's header: each a real toggle button of 64 px. */
import { useT } from '../i18n/i18n';
import { useKioskControl } from './kiosk-control-context';

export function AccessibilityBar({ guide }: { guide?: string | undefined }) {
  const t = useT();
  const control = useKioskControl();
  if (!control) return null;
  const { prefs, setLanguage, toggle, speak } = control;
  const modes = [
    { pref: 'largeText', label: t.a11y.largeText, glyph: 'A+' },
    { pref: 'highContrast', label: t.a11y.highContrast, glyph: '◐' },
    { pref: 'reach', label: t.a11y.reach, glyph: '⤓' },
  ] as const;
  return (
    <div className="a11y-bar" role="group" aria-label={t.a11y.bar}>
      {guide ? (
        <button type="button" className="a11y-bar__button" onClick={() => speak(guide)}>
          <span aria-hidden="true" className="a11y-bar__glyph">♪</span>
          <span>{t.guide.replay}</span>
        </button>
      ) : null}
      <button type="button" className="a11y-bar__button" lang={prefs.lang === 'vi' ? 'en' : 'vi'} onClick={() => setLanguage(prefs.lang === 'vi' ? 'en' : 'vi')}>
        {t.a11y.switchLanguage}
      </button>
      {modes.map((m) => (
        <button key={m.pref} type="button" className="a11y-bar__button" aria-pressed={prefs[m.pref]} onClick={() => toggle(m.pref)}>
          <span aria-hidden="true" className="a11y-bar__glyph">{m.glyph}</span>
          <span>{m.label}</span>
        </button>
      ))}
    </div>
  );
}
