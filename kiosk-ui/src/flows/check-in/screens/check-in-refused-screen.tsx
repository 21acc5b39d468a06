/** Why there is no ticket: too early (come back at…), too late (a walk-in ticket instead), or a failure to retry. */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { clockAt } from '../../../../../shared/wall-clock';
import type { CheckInScreenProps } from './check-in-screen-props';

export function CheckInRefusedScreen({ state, send, utcOffsetMinutes }: CheckInScreenProps) {
  const t = useT();
  const { errorCode, checkInFrom, start, serviceId } = state.context;
  const time = (iso: string | null) => (iso ? clockAt(iso, utcOffsetMinutes) : '');
  let title: string;
  let text: string;
  if (state.matches('tooEarly')) [title, text] = [t.checkIn.tooEarlyHeading, t.checkIn.tooEarly(time(start), time(checkInFrom))];
  else if (state.matches('expired')) [title, text] = [t.checkIn.expiredHeading, t.checkIn.expired(time(start))];
  else if (errorCode === 'APPOINTMENT_CANCELLED') [title, text] = [t.checkIn.failedHeading, t.checkIn.cancelled];
  else if (errorCode === 'SERVICE_CLOSED') [title, text] = [t.checkIn.failedHeading, t.checkIn.serviceClosed];
  else [title, text] = [t.checkIn.failedHeading, t.checkIn.failed];
  const retry = state.matches('failed') && errorCode !== 'APPOINTMENT_CANCELLED' && errorCode !== 'SERVICE_CLOSED';
  return (
    <div className="problem" role="alert">
      <h1 className="problem__title">{title}</h1>
      <p className="lead">{text}</p>
      <div className="nav-row">
        {(state.matches('expired') || errorCode === 'APPOINTMENT_CANCELLED') && serviceId ? <BigButton label={t.checkIn.walkIn} onPress={() => send({ type: 'checkin.walkIn' })} /> : null}
        {retry ? <BigButton label={t.checkIn.retry} onPress={() => send({ type: 'checkin.retry' })} /> : null}
        <BigButton label={t.nav.home} variant="quiet" onPress={() => send({ type: 'checkin.done' })} />
      </div>
    </div>
  );
}
