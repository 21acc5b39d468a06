/**
 * The services to choose from. One that cannot issue now stays in its place, greyed, saying why and when it opens
 * again ("Ngoài giờ làm việc · mở lại 13:30 Thứ Tư"); touching it asks nothing of the agent. A closing service
 * still takes a priority visitor: chosen, the priority question offers no "Không". When none issues, the screen
 * says when the centre opens next, and offers the lockers (NoneIssuing).
 */
import { useState, type CSSProperties } from 'react';
import type { ServiceSummary } from '../../../../../shared/api-schemas';
import { useLang, useT } from '../../../i18n/i18n';
import type { Catalogue } from '../../../i18n/catalogue';
import { BigButton } from '../../../ui/big-button';
import { whenText } from '../opening-time';
import { FEW_LEFT, earliestOpening, stateOf } from '../service-availability';
import type { ScreenProps } from './screen-props';
import './service-screen.css';

/** Why a service cannot issue, and when it will; null when it issues to this visitor. */
function unavailableText(t: Catalogue, s: ServiceSummary, priorityPath: boolean, utcOffsetMinutes: number, nowMs: number): string | null {
  const state = stateOf(s);
  if (state === 'closing') return priorityPath ? null : t.hours.closingPriorityOnly;
  if (state !== 'closed' && state !== 'full') return null;
  const reason = state === 'closed' ? t.hours.closed : t.hours.full;
  const when = whenText(t, s.opensAt, utcOffsetMinutes, nowMs);
  return when ? t.hours.opensAgain(reason, when) : reason;
}

export function ServiceScreen({ state, send, utcOffsetMinutes }: ScreenProps) {
  const t = useT();
  const lang = useLang();
  // When the list was drawn: an opening more than a week away also gets its date (opening-time.ts).
  const [now] = useState(() => Date.now());
  if (state.matches({ choosingService: 'loading' })) {
    return <p className="status-message" role="status">{t.services.loading}</p>;
  }
  if (state.matches({ choosingService: 'failed' })) {
    return (
      <div className="problem" role="alert">
        <p className="problem__title">{t.services.failed}</p>
        <p>{t.services.failedHint}</p>
        <BigButton label={t.issueFailed.retry} onPress={() => send({ type: 'services.retry' })} />
      </div>
    );
  }
  const { services, priorityPath } = state.context;
  return (
    <>
      {state.matches({ choosingService: 'noneIssuing' }) ? <NoneIssuing state={state} send={send} utcOffsetMinutes={utcOffsetMinutes} /> : null}
      {/* The list fills the room left, in as many columns and as large as its count allows (service-screen.css). */}
      <div className="services" style={{ '--services': services.length } as CSSProperties}>
        <div className="services__grid">
        {services.map((s) => {
          const why = unavailableText(t, s, priorityPath, utcOffsetMinutes, now);
          const shut = stateOf(s) === 'closed' || stateOf(s) === 'full';
          const waiting = `${t.services.waiting(s.waiting)} · ${t.services.estimatedWait(s.estimatedWaitMinutes)}`;
          const left = s.remaining !== undefined && s.remaining <= FEW_LEFT && !shut ? ` · ${t.hours.remaining(s.remaining)}` : '';
          if (shut) {
            // Not a button: it issues nothing. Its reason is on it, in the words the screen reader reads too.
            return (
              <div key={s.id} className="service-shut" data-service={s.id} aria-disabled="true">
                <span className="service-shut__label">{s.name[lang]}</span>
                <span className="service-shut__why">{why}</span>
              </div>
            );
          }
          return (
            <div key={s.id} className={why ? 'service-closing' : undefined} data-service={s.id}>
              <BigButton label={s.name[lang]} hint={why ? `${why}${left}` : `${waiting}${left}`} onPress={() => send({ type: 'service.selected', serviceId: s.id })} />
            </div>
          );
        })}
        </div>
      </div>
    </>
  );
}

/** No service issues now: when the centre opens next (the earliest opening), and the lockers meanwhile. */
function NoneIssuing({ state, send, utcOffsetMinutes }: ScreenProps) {
  const t = useT();
  const [now] = useState(() => Date.now());
  const when = whenText(t, earliestOpening(state.context.services), utcOffsetMinutes, now);
  return (
    <div className="notice none-issuing" role="status">
      <h2 className="none-issuing__title">{t.hours.noneTitle}</h2>
      <p className="lead">{when ? t.hours.noneOpens(when) : t.hours.noneUnknown}</p>
      {state.context.pickupLockers ? (
        <>
          <p className="lead">{t.hours.nonePickup}</p>
          <BigButton label={t.home.collectResult} hint={t.hours.nonePickupHint} variant="secondary" onPress={() => send({ type: 'pickup.chosen' })} />
        </>
      ) : null}
    </div>
  );
}
