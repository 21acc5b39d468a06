/**
 * /diagnostics — the technician's mode on the kiosk itself: the PIN (a keypad, the kiosk may have no keyboard),
 * then the device screens. Reads the machine's state; every request goes through its actors.
 */
import { useMachine } from '@xstate/react';
import { useEffect, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/i18n';
import { KeyGrid } from '../../ui/key-grid';
import { liveDiagnosticsMachine } from './diagnostics.actors';
import { SECTIONS } from './diagnostics.machine';
import { SectionView } from './sections/section-view';
import '../../ui/staff-pages.css';
import './diagnostics.css';

const DIGIT_ROWS = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']];

function PinPad(props: { message: string | null; busy: boolean; onSubmit: (pin: string) => void }) {
  const t = useT();
  const [pin, setPin] = useState('');
  return (
    <main className="console console--sign-in diag">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(pin);
          setPin('');
        }}
      >
        <h1>{t.diag.pinHeading}</h1>
        <label htmlFor="diag-pin">{t.diag.pinLabel}</label>
        <input id="diag-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 12))} />
        <KeyGrid
          className="key-grid--pin"
          label={t.diag.pinLabel}
          rows={[...DIGIT_ROWS, [t.pickup.delete, '0']]}
          onKey={(k) => setPin((p) => (k === t.pickup.delete ? p.slice(0, -1) : (p + k).slice(0, 12)))}
        />
        {props.message ? <p className="console__error" role="alert">{props.message}</p> : null}
        <button type="submit" className="console__button console__button--primary" disabled={props.busy || pin.length < 6}>
          {props.busy ? t.diag.checking : t.diag.pinSubmit}
        </button>
        <a className="console__link diag__back" href="/">{t.diag.backToKiosk}</a>
      </form>
    </main>
  );
}

export default function DiagnosticsPage() {
  const t = useT();
  const [state, send] = useMachine(liveDiagnosticsMachine, { input: {} });
  const { context } = state;
  const done = state.matches('done');
  // The session is closed on the agent: back to the kiosk (a page of its own, so a full navigation).
  useEffect(() => {
    if (done) location.assign('/');
  }, [done]);

  if (done) return null;
  if (state.matches('entering') || state.matches('signingIn') || state.matches('ended')) {
    const e = context.pinError;
    const message = state.matches('ended')
      ? t.diag.ended
      : e?.code === 'TECHNICIAN_PIN_INVALID'
        ? t.diag.wrongPin(e.attemptsLeft)
        : errorText(t.diag.errors, e?.code ?? null);
    return <PinPad message={message} busy={state.matches('signingIn')} onSubmit={(pin) => send({ type: 'pin.submit', pin })} />;
  }
  if (state.matches('locked')) {
    return (
      <main className="console console--message diag">
        <h1>{t.diag.title}</h1>
        <p role="alert">{t.diag.locked(context.lockedMinutes)}</p>
        <a className="console__link" href="/">{t.diag.backToKiosk}</a>
      </main>
    );
  }
  return (
    <div className="console diag" onPointerDown={() => send({ type: 'user.activity' })} onKeyDown={() => send({ type: 'user.activity' })}>
      <header className="console__header">
        <h1>{t.diag.title}</h1>
        <div className="diag__actions">
          <button type="button" className="console__button" onClick={() => send({ type: 'refresh' })}>{t.diag.refresh}</button>
          <button type="button" className="console__button" onClick={() => send({ type: 'end' })}>{t.diag.end}</button>
        </div>
      </header>
      <nav className="diag__nav" aria-label={t.diag.title}>
        {SECTIONS.map((s) => (
          <button key={s} type="button" className="console__button" aria-current={context.section === s ? 'page' : undefined} onClick={() => send({ type: 'section.show', section: s })}>
            {t.diag.sections[s]}
          </button>
        ))}
      </nav>
      <main className="diag__section" aria-busy={!state.matches({ open: { screen: 'showing' } })}>
        <h2>{t.diag.sections[context.section]}</h2>
        {[context.actionError, context.errorCode].map((code) =>
          code ? <p key={code} className="console__error" role="alert">{errorText(t.diag.errors, code)}</p> : null,
        )}
        <SectionView context={context} busy={!state.matches({ open: { screen: 'showing' } })} send={send} />
      </main>
    </div>
  );
}
