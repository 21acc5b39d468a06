/** /track/:id — a citizen's phone following their ticket. Reads the tracking machine; no IO of its own. */
import { useMachine } from '@xstate/react';
import type { ReactNode } from 'react';
import { useLang, useT } from '../../i18n/i18n';
import { liveTrackTicketMachine } from './track-ticket.actors';
import './track-ticket.css';

export default function TrackTicketPage({ ticketId }: { ticketId: string }) {
  const t = useT();
  const lang = useLang();
  const [state] = useMachine(liveTrackTicketMachine, { input: { ticketId } });
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
