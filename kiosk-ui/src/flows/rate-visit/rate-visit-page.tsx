/**
 * /rate/:counterId — the citizen-facing tablet at a counter: who serves here and which ticket, then after the visit
 * the satisfaction question with large buttons, optional reasons, thanks. Reads the machine; no IO of its own.
 */
import { useMachine } from '@xstate/react';
import type { ReactNode } from 'react';
import { errorText } from '../../i18n/error-text';
import { useLang, useT } from '../../i18n/i18n';
import { BigButton } from '../../ui/big-button';
import { liveRateVisitMachine } from './rate-visit.actors';
import './rate-visit.css';

export default function RateVisitPage({ counterId }: { counterId: string }) {
  const t = useT();
  const lang = useLang();
  const [state, send] = useMachine(liveRateVisitMachine, { input: { counterId } });
  const { screen, errorCode, reasons: ticked } = state.context;
  const r = t.rate;
  if (!screen) {
    return (
      <Frame>
        <p className={state.matches('failed') ? 'rate__problem' : 'rate__note'} role={state.matches('failed') ? 'alert' : 'status'}>
          {state.matches('failed') ? errorText(r.problems, errorCode) : r.loading}
        </p>
      </Frame>
    );
  }
  const at = (s: 'idle' | 'asking' | 'reasons' | 'sending' | 'unsent' | 'thanks' | 'refused') => state.matches({ live: { ui: s } });
  const levels = screen.scale === 5 ? t.pickup.ratingLevels5 : t.pickup.ratingLevels3;
  const ask = screen.ask;
  const header = (
    <header className="rate__header">
      <p className="rate__counter" data-testid="rate-counter">{screen.counter.name[lang]}</p>
      <p className="rate__officer" data-testid="rate-officer">{screen.officer ? r.officer(screen.officer.name) : r.noOfficer}</p>
    </header>
  );
  let body: ReactNode;
  if (at('thanks') || at('refused')) {
    body = (
      <section className="rate__card rate__card--thanks" role="status" data-testid="rate-thanks">
        <p className="rate__big">{at('thanks') ? r.thanks : r.refused}</p>
        {at('thanks') ? <p className="rate__note">{r.thanksNote}</p> : null}
      </section>
    );
  } else if ((at('asking') || at('sending')) && ask) {
    body = (
      <section className="rate__card" aria-labelledby="rate-question">
        <h1 id="rate-question" className="rate__question">{r.question(ask.number)}</h1>
        {/* Most satisfied first: the scale reads the way the indicators list it. */}
        <div className={`rate__levels rate__levels--${screen.scale}`} role="group" aria-label={r.levels}>
          {levels
            .map((label, i) => ({ label, level: i + 1 }))
            .reverse()
            .map(({ label, level }) => (
              <button key={level} type="button" className={`rate__level rate__level--${level}-of-${screen.scale}`} disabled={at('sending')} onClick={() => send({ type: 'rate.level', level })}>
                {label}
              </button>
            ))}
        </div>
        <div className="rate__actions">
          <BigButton label={r.skip} variant="quiet" onPress={() => send({ type: 'rate.skip' })} />
        </div>
      </section>
    );
  } else if (at('reasons') || at('unsent')) {
    body = (
      <section className="rate__card" aria-labelledby="rate-reasons">
        <h1 id="rate-reasons" className="rate__question">{r.reasonsHeading}</h1>
        <div className="rate__reasons" role="group" aria-labelledby="rate-reasons">
          {screen.reasons.map((reason) => (
            <button
              key={reason.id}
              type="button"
              className="rate__reason"
              aria-pressed={ticked.includes(reason.id)}
              onClick={() => send({ type: 'rate.reason', id: reason.id })}
            >
              {reason.label[lang]}
            </button>
          ))}
        </div>
        {at('unsent') ? <p className="rate__problem" role="alert">{r.unsent}</p> : null}
        <div className="rate__actions">
          <BigButton label={at('unsent') ? r.resend : r.send} onPress={() => send({ type: 'rate.send' })} />
        </div>
      </section>
    );
  } else {
    body = (
      <section className="rate__card" role="status" data-testid="rate-idle">
        {screen.current ? <p className="rate__big">{r.serving(screen.current.number, screen.current.serviceName[lang])}</p> : null}
        <p className="rate__note">{r.idle}</p>
      </section>
    );
  }
  return (
    <Frame>
      {header}
      {body}
      {state.matches({ live: { link: 'offline' } }) ? <p className="rate__offline" role="status">{r.reconnecting}</p> : null}
    </Frame>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return <main className="rate">{children}</main>;
}
