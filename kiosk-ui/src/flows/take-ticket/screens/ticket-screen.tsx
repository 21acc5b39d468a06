/**
 * The citizen's number. Printed: take the slip. Not printed: the number very large with its tracking QR and
 * what to do next, because the ticket exists and will be called even without paper.
 */
import { lazy, Suspense } from 'react';
import { useLang, useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { CountdownBar } from '../../../ui/countdown-bar';
import type { ScreenProps } from './screen-props';

// Only a ticket the printer could not print shows its QR on screen: the encoder loads then, not with the kiosk.
const QrCode = lazy(() => import('../../../ui/qr-code').then((m) => ({ default: m.QrCode })));

export function TicketScreen({ state }: ScreenProps) {
  const t = useT();
  const lang = useLang();
  const ticket = state.context.ticket;
  if (!ticket) return null;
  const unprinted = !ticket.printed;
  const reasonKey = ticket.printError?.code as keyof typeof t.unprinted.reasons | undefined;
  const reason = reasonKey && reasonKey in t.unprinted.reasons ? t.unprinted.reasons[reasonKey] : t.unprinted.reasons.other;
  const service = state.context.services.find((s) => s.id === ticket.serviceId);
  // With the printer down the warning is what the screen is about, so it takes the page heading.
  const NumberLabel = unprinted ? 'p' : 'h1';
  return (
    <div className={`ticket ${unprinted ? 'ticket--unprinted' : ''}`}>
      {unprinted ? (
        <div className="problem problem--compact" role="alert">
          <h1 className="problem__title">{t.unprinted.heading}</h1>
          <p>
            {reason} {t.unprinted.staffTold}
          </p>
        </div>
      ) : null}
      <div className="ticket__body">
        <div className="ticket__main">
          <NumberLabel className="ticket__label">{t.ticket.yourNumber}</NumberLabel>
          <p className="ticket__number" aria-label={t.ticket.numberLabel(ticket.number)}>
            {ticket.number}
          </p>
          {service ? <p className="ticket__service">{service.name[lang]}</p> : null}
          {ticket.priority ? (
            <p className="ticket__priority">
              {t.ticket.priorityMark} · {t.priority[ticket.priority]}
            </p>
          ) : null}
          <p className="ticket__ahead">{t.ticket.ahead(ticket.ahead)}</p>
          <p className="ticket__wait">{t.ticket.estimatedWait(ticket.estimatedWaitMinutes)}</p>
        </div>
        {unprinted ? (
          <div className="ticket__qr">
            <Suspense fallback={<div style={{ width: 200, height: 200 }} />}>
              <QrCode value={ticket.trackUrl} label={t.unprinted.qrLabel} size={200} />
            </Suspense>
            <p>{t.unprinted.scanQr}</p>
          </div>
        ) : null}
      </div>
      <p className="lead">{unprinted ? t.unprinted.remember : t.ticket.takeSlip}</p>
    </div>
  );
}

/** Kept in the screen's footer so "Xong" never scrolls out of reach, however long the text above gets. */
export function TicketFooter({ state, send }: ScreenProps) {
  const t = useT();
  const ticket = state.context.ticket;
  if (!ticket) return null;
  const shownMs = ticket.printed ? state.context.timing.ticketShownMs : state.context.timing.unprintedShownMs;
  return (
    <div className="ticket__footer">
      <BigButton label={t.ticketPhone.offer} hint={t.ticketPhone.offerHint} variant="secondary" onPress={() => send({ type: 'phone.start' })} />
      <BigButton label={t.ticket.done} onPress={() => send({ type: 'ticket.done' })} />
      <CountdownBar key={ticket.id} ms={shownMs} label={t.ticket.returning} />
    </div>
  );
}
