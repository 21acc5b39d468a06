/**
 * Everything that stops a pickup, each in plain words with the next step: an unreadable or unknown slip (scan
 * again), a locked code, a compartment that would not open, no connection (the result counter, with a ticket).
 */
import { LOCKER_FAILURE_CODES } from '../../../../../shared/error-codes';
import { useT } from '../../../i18n/i18n';
import type { Catalogue } from '../../../i18n/catalogue';
import { BigButton } from '../../../ui/big-button';
import { TicketIcon } from '../../../ui/icons';
import type { CollectResultContext } from '../collect-result.machine';
import type { PickupScreenProps } from './pickup-screen-props';

function problemText(t: Catalogue, code: CollectResultContext['errorCode'], retryAfterMinutes: number | null): { title: string; body: string } {
  const p = t.pickup.problems;
  switch (code) {
    case 'DOSSIER_NOT_FOUND':
    case 'PICKUP_ALREADY_DONE':
    case 'PICKUP_NEEDS_STAFF':
    case 'DOSSIER_NOT_IN_LOCKER':
    case 'DOOR_LEFT_OPEN':
    case 'LOCKER_AT_OTHER_KIOSK':
      return p[code];
    case 'SLIP_CODE_INVALID':
    case 'VALIDATION_FAILED':
      return p.SLIP_CODE_INVALID;
    case 'PICKUP_LOCKED':
      return { title: p.PICKUP_LOCKED.title, body: p.PICKUP_LOCKED.body(retryAfterMinutes ?? 15) };
    case 'PICKUP_PAUSED':
      return { title: p.PICKUP_PAUSED.title, body: p.PICKUP_PAUSED.body(retryAfterMinutes ?? 15) };
    case 'RATE_LIMITED':
    case 'STORE_UNAVAILABLE':
      return p[code];
    case 'NETWORK_ERROR':
    case 'NETWORK_TIMEOUT':
    case 'UPSTREAM_UNAVAILABLE':
    case 'SHUTTING_DOWN':
      return p.NETWORK;
    default:
      return code !== null && (LOCKER_FAILURE_CODES as readonly string[]).includes(code) ? p.LOCKER : p.other;
  }
}

export function PickupProblemScreen({ state, send }: PickupScreenProps) {
  const t = useT();
  const { errorCode, retryAfterMinutes, resultServiceId } = state.context;
  const { title, body } = problemText(t, errorCode, retryAfterMinutes);
  const canScanAgain = state.matches('slipProblem');
  return (
    <div className="problem" role="alert">
      <h1 className="problem__title">{title}</h1>
      <p className="lead">{body}</p>
      <div className="choices choices--two">
        {canScanAgain ? <BigButton label={t.pickup.scanAgain} onPress={() => send({ type: 'pickup.scanAgain' })} /> : null}
        {resultServiceId ? (
          <BigButton label={t.pickup.takeTicket} hint={t.pickup.takeTicketHint} icon={<TicketIcon />} variant={canScanAgain ? 'secondary' : 'primary'} onPress={() => send({ type: 'pickup.takeTicket' })} />
        ) : null}
        <BigButton label={t.pickup.finish} variant="quiet" onPress={() => send({ type: 'pickup.finish' })} />
      </div>
    </div>
  );
}
