/** The ticket for a booked visit: the number, the booked time, and that it is called then. */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { CountdownBar } from '../../../ui/countdown-bar';
import { clockAt } from '../../../../../shared/wall-clock';
import type { CheckInScreenProps } from './check-in-screen-props';

export function CheckedInScreen({ state, send, utcOffsetMinutes }: CheckInScreenProps) {
  const t = useT();
  const result = state.context.result;
  if (!result) return null;
  const { ticket, again } = result;
  return (
    <div className="ticket">
      <div className="ticket__body">
        <div className="ticket__main">
          <h1 className="ticket__label">{t.ticket.yourNumber}</h1>
          <p className="ticket__number" aria-label={t.ticket.numberLabel(ticket.number)}>
            {ticket.number}
          </p>
          <p className="ticket__priority">{t.checkIn.bookedAt(clockAt(result.appointment.start, utcOffsetMinutes))}</p>
          <p className="ticket__ahead">{t.ticket.ahead(ticket.ahead)}</p>
        </div>
      </div>
      {again ? <p className="lead">{t.checkIn.again}</p> : null}
      <p className="lead">{ticket.printed ? t.checkIn.calledAtTime : t.unprinted.remember}</p>
      <div className="nav-row">
        <BigButton label={t.ticket.done} onPress={() => send({ type: 'checkin.done' })} />
      </div>
      <CountdownBar ms={state.context.ticketShownMs} label={t.ticket.returning} />
    </div>
  );
}
