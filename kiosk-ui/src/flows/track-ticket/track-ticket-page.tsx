/** /track/:id — a citizen's phone following their ticket. Reads the tracking machine; no IO of its own. */
import { useMachine } from '@xstate/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SnapshotFrom } from 'xstate';
import { errorText } from '../../i18n/error-text';
import { useLang, useT } from '../../i18n/i18n';
import { liveTrackTicketMachine } from './track-ticket.actors';
import type { TrackPhoneEvent, trackTicketMachine } from './track-ticket.machine';
import './track-ticket.css';

export default function TrackTicketPage({ ticketId }: { ticketId: string }) {
  const t = useT();
  const lang = useLang();
  const [state, send] = useMachine(liveTrackTicketMachine, { input: { ticketId } });
  const { tracking } = state.context;
  if (state.matches('notFound')) return <Frame><p className="track__problem" role="alert">{t.track.notFound}</p></Frame>;
  if (!tracking) return <Frame><p role="status">{state.matches('failed') ? t.track.failed : t.track.loading}</p></Frame>;

  const { ticket } = tracking;
  const counter = ticket.counterName?.[lang] ?? ticket.counterId ?? '';
  const status = t.track.status;
  const statusText =
    ticket.status === 'called' || ticket.status === 'serving' || ticket.status === 'parked' ? status[ticket.status](counter) : status[ticket.status];
  const service = tracking.serviceNames[ticket.queueServiceId ?? ticket.serviceId]?.[lang] ?? ticket.serviceId;
  const issuedAt = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: tracking.timezone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(ticket.issuedAt));
  return (
    <Frame centerName={tracking.centerName}>
      <section className={`track__card track__card--${ticket.status}`} aria-live="polite">
        <p className="track__label">{t.track.number}</p>
        <p className="track__number" data-testid="track-number">{ticket.number}</p>
        {ticket.priority ? <p className="track__priority">{t.ticket.priorityMark}</p> : null}
        <p className="track__status" data-testid="track-status">{statusText}</p>
        {ticket.status === 'waiting' ? (
          <>
            <p className="track__ahead" data-testid="track-ahead">{t.track.ahead(ticket.ahead)}</p>
            <p className="track__wait">{t.track.estimatedWait(ticket.estimatedWaitMinutes)}</p>
            {ticket.queueServiceId || ticket.targetCounterId ? <p className="track__note">{t.track.transferred}</p> : null}
          </>
        ) : null}
      </section>
      {ticket.status === 'waiting' || state.context.phoneMasked ? <PhoneSection state={state} send={send} waiting={ticket.status === 'waiting'} /> : null}
      <dl className="track__facts">
        <dt>{t.track.service}</dt>
        <dd>{service}</dd>
      </dl>
      <p className="track__note">{t.track.issuedAt(issuedAt)}</p>
      <p className={state.matches({ tracking: { link: 'offline' } }) ? 'track__offline' : 'track__note'} role="status">
        {state.matches({ tracking: { link: 'offline' } }) ? t.track.reconnecting : t.track.live}
      </p>
    </Frame>
  );
}

function Frame({ centerName, children }: { centerName?: string; children: ReactNode }) {
  const t = useT();
  return (
    <main className="track">
      <header className="track__header">
        <h1>{t.track.heading}</h1>
        {centerName ? <p>{centerName}</p> : null}
      </header>
      {children}
    </main>
  );
}

/** The messages before the turn: a phone typed with the phone's own keyboard, or the one left here and a way to withdraw it. */
function PhoneSection({ state, send, waiting }: { state: SnapshotFrom<typeof trackTicketMachine>; send: (e: TrackPhoneEvent) => void; waiting: boolean }) {
  const t = useT();
  const p = t.ticketPhone;
  const [typed, setTyped] = useState('');
  const { phoneMasked, phoneError, phoneWithdrawn } = state.context;
  const at = (s: 'form' | 'sending' | 'left' | 'withdrawing') => state.matches({ tracking: { phone: s } });
  const error = errorText(p.errors, phoneError);
  if (at('left') || at('withdrawing')) {
    return (
      <section className="track__phone" data-testid="track-phone">
        <p role="status">{p.sentBody((phoneMasked ?? '').replace(/ /g, '\u00a0'))}</p>
        {error ? <p className="track__problem" role="alert">{error}</p> : null}
        <button type="button" className="track__button track__button--quiet" disabled={at('withdrawing')} onClick={() => send({ type: 'phone.withdraw' })}>
          {p.withdraw}
        </button>
      </section>
    );
  }
  if (!waiting) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send({ type: 'phone.submit', phone: typed });
  };
  return (
    <section className="track__phone" data-testid="track-phone">
      <h2>{p.heading}</h2>
      {phoneWithdrawn ? <p role="status">{p.withdrawn}</p> : null}
      <p className="track__note">{p.purpose} {p.privacy}</p>
      <form onSubmit={submit} className="track__phone-form">
        <label htmlFor="track-phone-input">{p.label}</label>
        <input
          id="track-phone-input"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={16}
          placeholder="09xx xxx xxx"
          value={typed}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          aria-describedby="track-phone-format"
        />
        <p id="track-phone-format" className="track__note">{p.format}</p>
        {error ? <p className="track__problem" role="alert">{error}</p> : null}
        <button type="submit" className="track__button" disabled={at('sending')}>
          {at('sending') ? p.sending : p.send}
        </button>
      </form>
    </section>
  );
}
