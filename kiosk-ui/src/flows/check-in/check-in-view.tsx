/** Picks the check-in screen for the child machine's state. Reads state, sends events; no IO. */
import { useSelector } from '@xstate/react';
import './check-in.css';
import type { ActorRefFrom } from 'xstate';
import { useT } from '../../i18n/i18n';
import { BigButton } from '../../ui/big-button';
import { Screen } from '../../ui/screen';
import type { CheckInMachine } from './check-in.machine';
import { isRefusal, keypadGuide, refusalOf } from './check-in-refusal';
import { CheckInRefusedScreen } from './screens/check-in-refused-screen';
import { CheckedInScreen } from './screens/checked-in-screen';
import { CodeEntryScreen } from './screens/code-entry-screen';

export function CheckInView(props: { actor: ActorRefFrom<CheckInMachine>; centerName: string; utcOffsetMinutes: number }) {
  const t = useT();
  const state = useSelector(props.actor, (s) => s);
  const screen = { state, send: props.actor.send, utcOffsetMinutes: props.utcOffsetMinutes };
  let heading: string | undefined = t.checkIn.heading;
  let guide: string | undefined;
  let body;
  let homeButton = false;
  if (state.matches('entering')) [guide, body, homeButton] = [keypadGuide(state, t), <CodeEntryScreen {...screen} />, true];
  else if (state.matches('checkedIn')) [heading, guide, body] = [undefined, t.guide.ticket, <CheckedInScreen {...screen} />];
  else if (isRefusal(state)) {
    // Spoken like every other screen of the kiosk: why there is no ticket, and what to touch next.
    const refusal = refusalOf(state, t, props.utcOffsetMinutes);
    [heading, guide, body] = [undefined, refusal.guide, <CheckInRefusedScreen {...screen} refusal={refusal} />];
  } else {
    [heading, body] = [
      undefined,
      <div className="status-message" role="status">
        <div className="spinner" aria-hidden="true" />
        <p>{t.checkIn.checking}</p>
      </div>,
    ];
  }
  const footer = homeButton ? (
    <div className="nav-row">
      <BigButton label={t.nav.home} variant="quiet" onPress={() => props.actor.send({ type: 'checkin.done' })} />
    </div>
  ) : undefined;
  return (
    <Screen centerName={props.centerName} utcOffsetMinutes={props.utcOffsetMinutes} heading={heading} guide={guide} footer={footer}>
      {body}
    </Screen>
  );
}
