/**
 * The citizen's number. Printed: take the slip. Not printed: the number very large with its tracking QR and
 * what to do next, because the ticket exists and will be called even without paper.
 */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { CountdownBar } from '../../../ui/countdown-bar';
import { QrCode } from '../../../ui/qr-code';
import type { ScreenProps } from './screen-props';

export function TicketScreen({ state, send }: ScreenProps) {
  const t = useT();
  const ticket = state.context.ticket;
  if (!ticket) return null;
  const unprinted = !ticket.printed;
  const reasonKey = ticket.printError?.code as keyof typeof t.unprinted.reasons | undefined;
  const reason = reasonKey && reasonKey in t.unprinted.reasons ? t.unprinted.reasons[reasonKey] : t.unprinted.reasons.other;
  const shownMs = unprinted ? state.context.timing.unprintedShownMs : state.context.timing.ticketShownMs;
  return (
    <div className={`ticket ${unprinted ? 'ticket--unprinted' : ''}`}>
      {unprinted ? (
        <div className="problem" role="alert">
          <p className="problem__title">{t.unprinted.heading}</p>
          <p>{reason} {t.unprinted.staffTold}</p>
        </div>
      ) : null}
      <div className="ticket__body">
        <div className="ticket__main">
          <p className="ticket__label">{t.ticket.yourNumber}</p>
          <p className="ticket__number" aria-label={t.ticket.numberLabel(ticket.number)}>{ticket.number}</p>
          {ticket.priority ? <p className="ticket__priority">{t.ticket.priorityMark} · {t.priority[ticket.priority]}</p> : null}
          <p className="ticket__ahead">{t.ticket.ahead(ticket.ahead)}</p>
          <p className="ticket__wait">{t.ticket.estimatedWait(ticket.estimatedWaitMinutes)}</p>
        </div>
        {unprinted ? (
          <div className="ticket__qr">
            <QrCode value={ticket.trackUrl} label={t.unprinted.qrLabel} size={200} />
            <p>{t.unprinted.scanQr}</p>
          </div>
        ) : null}
      </div>
      <p className="lead">{unprinted ? t.unprinted.remember : t.ticket.takeSlip}</p>
      <BigButton label={t.ticket.done} onPress={() => send({ type: 'ticket.done' })} />
      <CountdownBar key={ticket.id} ms={shownMs} label={t.ticket.returning} />
    </div>
  );
}
