/** The screen a kiosk shows while nobody uses it: the whole screen is one button. */
import { useT } from '../../../i18n/i18n';
import { Clock } from '../../../ui/clock';
import type { ScreenProps } from './screen-props';

export function AttractScreen({ state, send }: ScreenProps) {
  const t = useT();
  const info = state.context.info;
  return (
    <button type="button" className="attract" onClick={() => send({ type: 'kiosk.touched' })} aria-label={t.attract.touchToStart}>
      <span className="attract__center">{info?.centerName}</span>
      <span className="attract__title">{t.attract.title}</span>
      <span className="attract__cta">{t.attract.touchToStart}</span>
      {info ? <Clock timeZone={info.timezone} /> : null}
    </button>
  );
}
