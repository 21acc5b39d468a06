/**
 * The screen a kiosk shows while nobody uses it: almost all of it one button to start, and below it the priority
 * button, so an elderly or disabled visitor reaches the priority path in one touch.
 */
import { useState } from 'react';
import './attract-closed.css';
import { whenText } from '../../../flows/take-ticket/opening-time';
import { useT } from '../../../i18n/i18n';
import { Clock } from '../../../ui/clock';
import { TechnicianCorner } from '../../../ui/technician-corner';
import type { SessionScreenProps } from './session-screen-props';

export function AttractScreen({ state, send }: SessionScreenProps) {
  const t = useT();
  const info = state.context.info;
  const opening = state.context.opening;
  const closed = opening?.closed === true && info !== null;
  // "Now" only decides whether the opening is far enough off to name its date (after Tết): the mount's time will do.
  const [mountedAt] = useState(() => Date.now());
  const opensAt = closed ? whenText(t, opening.opensAt, info.utcOffsetMinutes, mountedAt) : null;
  return (
    <div className="attract">
      {/* Its name is its visible text (WCAG 2.5.3); the clock sits outside it so the name stays short. */}
      <button type="button" className="attract__start" onClick={() => send({ type: 'kiosk.touched' })}>
        <span className="attract__center">{info?.centerName}</span>
        <span className="attract__title">{t.attract.title}</span>
        <span className="attract__cta">{t.attract.touchToStart}</span>
      </button>
      {info ? <Clock utcOffsetMinutes={info.utcOffsetMinutes} /> : null}
      {closed ? (
        // Outside the hours: when the centre opens, and the lockers, which work at any hour.
        <div className="attract__closed" role="status">
          <p className="attract__closed-title">{t.hours.closed}</p>
          <p>{opensAt ? t.hours.noneOpens(opensAt) : t.hours.noneUnknown}</p>
          {info.pickup.lockers ? (
            <button type="button" className="attract__pickup" onClick={() => send({ type: 'kiosk.collect' })}>
              <span className="attract__priority-label">{t.hours.nonePickup}</span>
              <span className="attract__priority-hint">{t.hours.nonePickupHint}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      <TechnicianCorner onTap={() => send({ type: 'kiosk.touched' })} />
      <button type="button" className="attract__priority" onClick={() => send({ type: 'kiosk.priorityTouched' })}>
        <span className="attract__priority-label">{t.attract.priority}</span>
        <span className="attract__priority-hint">{t.attract.priorityHint}</span>
      </button>
    </div>
  );
}
