/** Why there is no ticket: too early (come back at…), too late (a walk-in ticket instead), or a failure to retry. */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import type { CheckInRefusal } from '../check-in-refusal';
import type { CheckInScreenProps } from './check-in-screen-props';

export function CheckInRefusedScreen({ send, refusal }: CheckInScreenProps & { refusal: CheckInRefusal }) {
  const t = useT();
  return (
    <div className="problem" role="alert">
      <h1 className="problem__title">{refusal.title}</h1>
      <p className="lead">{refusal.text}</p>
      <div className="nav-row">
        {refusal.walkIn ? <BigButton label={t.checkIn.walkIn} onPress={() => send({ type: 'checkin.walkIn' })} /> : null}
        {refusal.retry ? <BigButton label={t.checkIn.retry} onPress={() => send({ type: 'checkin.retry' })} /> : null}
        <BigButton label={t.nav.home} variant="quiet" onPress={() => send({ type: 'checkin.done' })} />
      </div>
    </div>
  );
}
