/** Picks the pickup screen for the child machine's state. Reads state, sends events; no IO. */
import { useSelector } from '@xstate/react';
import './collect-result.css';
import type { ActorRefFrom } from 'xstate';
import { useT } from '../../i18n/i18n';
import { BigButton } from '../../ui/big-button';
import { Screen } from '../../ui/screen';
import type { CollectResultMachine } from './collect-result.machine';
import { DoorOpenScreen } from './screens/door-open-screen';
import { DossierStatusScreen } from './screens/dossier-status-screen';
import { PickupCodeScreen } from './screens/pickup-code-screen';
import { PaymentScreen } from './screens/payment-screen';
import { PickupProblemScreen } from './screens/pickup-problem-screen';
import { RatingScreen } from './screens/rating-screen';
import { SlipEntryScreen } from './screens/slip-entry-screen';

export function CollectResultView(props: { actor: ActorRefFrom<CollectResultMachine>; centerName: string; utcOffsetMinutes: number }) {
  const t = useT();
  const state = useSelector(props.actor, (s) => s);
  const send = props.actor.send;
  const screen = { state, send };
  let heading: string | undefined = t.pickup.heading;
  let guide: string | undefined;
  let body;
  let homeButton = true;
  if (state.matches('waitingForSlip')) [guide, body] = [t.guide.pickupScan, <SlipEntryScreen {...screen} />];
  else if (state.matches('showingStatus')) [guide, body] = [t.guide.pickupStatus, <DossierStatusScreen {...screen} />];
  else if (state.matches('paying')) [heading, guide, body] = [t.pay.heading, t.guide.payment, <PaymentScreen {...screen} />];
  else if (state.matches('enteringCode')) [heading, guide, body] = [t.pickup.pinTitle, t.guide.pickupCode, <PickupCodeScreen {...screen} />];
  else if (state.matches('doorOpen')) [heading, guide, body, homeButton] = [undefined, t.guide.doorOpen, <DoorOpenScreen {...screen} />, false];
  else if (state.matches('rating') || state.matches('sendingRating') || state.matches('thanks')) [guide, body, homeButton] = [t.guide.rating, <RatingScreen {...screen} />, false];
  else if (state.matches('slipProblem') || state.matches('problem')) [heading, guide, body, homeButton] = [undefined, t.guide.problem, <PickupProblemScreen {...screen} />, false];
  else {
    // lookingUp, opening, and the instant between a final state and the parent moving on.
    const text = state.matches('opening') ? t.pickup.opening : t.pickup.lookingUp;
    [heading, body, homeButton] = [undefined, <div className="status-message" role="status"><div className="spinner" aria-hidden="true" /><p>{text}</p></div>, false];
  }
  const footer = homeButton ? (
    <div className="nav-row">
      <BigButton label={t.nav.home} variant="quiet" onPress={() => send({ type: 'pickup.finish' })} />
    </div>
  ) : undefined;
  return (
    <Screen centerName={props.centerName} utcOffsetMinutes={props.utcOffsetMinutes} heading={heading} guide={guide} footer={footer}>
      {body}
    </Screen>
  );
}
