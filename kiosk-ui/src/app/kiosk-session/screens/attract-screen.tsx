/**
 * The screen a kiosk shows while nobody uses it: almost all of it one button to start, and below it the priority
 * button, so an elderly or disabled visitor reaches the priority path in one touch.
 */
import { useT } from '../../../i18n/i18n';
import { Clock } from '../../../ui/clock';
import { TechnicianCorner } from '../../../ui/technician-corner';
import type { SessionScreenProps } from './session-screen-props';

export function AttractScreen({ state, send }: SessionScreenProps) {
  const t = useT();
  const info = state.context.info;
  return (
    <div className="attract">
      {/* Its name is its visible text (WCAG 2.5.3); the clock sits outside it so the name stays short. */}
      <button type="button" className="attract__start" onClick={() => send({ type: 'kiosk.touched' })}>
        <span className="attract__center">{info?.centerName}</span>
        <span className="attract__title">{t.attract.title}</span>
        <span className="attract__cta">{t.attract.touchToStart}</span>
      </button>
      {info ? <Clock utcOffsetMinutes={info.utcOffsetMinutes} /> : null}
      <TechnicianCorner onTap={() => send({ type: 'kiosk.touched' })} />
      <button type="button" className="attract__priority" onClick={() => send({ type: 'kiosk.priorityTouched' })}>
        <span className="attract__priority-label">{t.attract.priority}</span>
        <span className="attract__priority-hint">{t.attract.priorityHint}</span>
      </button>
    </div>
  );
}
