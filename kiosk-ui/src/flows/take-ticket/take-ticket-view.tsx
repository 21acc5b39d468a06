/** Picks the ticket screen for the child machine's state. Reads state, sends events; no IO. */
import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import { useT } from '../../i18n/i18n';
import { BigButton } from '../../ui/big-button';
import { Screen } from '../../ui/screen';
import { IssueFailedScreen, isRefusal } from './screens/issue-failed-screen';
import { IssuingScreen } from './screens/issuing-screen';
import { PhoneFooter, PhoneScreen, PhoneSentFooter, PhoneSentScreen } from './screens/phone-screen';
import { PriorityScreen } from './screens/priority-screen';
import { ServiceScreen } from './screens/service-screen';
import { TicketFooter, TicketScreen } from './screens/ticket-screen';
import { priorityOnly } from './service-availability';
import type { TakeTicketEvent, TakeTicketMachine } from './take-ticket.machine';

export function TakeTicketView(props: {
  actor: ActorRefFrom<TakeTicketMachine>;
  send: (event: TakeTicketEvent) => void;
  centerName: string;
  utcOffsetMinutes: number;
}) {
  const t = useT();
  const state = useSelector(props.actor, (s) => s);
  // Every event goes through the session (it re-arms the idle timer and passes it on: TICKET_EVENTS).
  const send = props.send;
  const screen = { state, send, utcOffsetMinutes: props.utcOffsetMinutes };
  let heading: string | undefined;
  let guide: string | undefined;
  let body;
  let back: 'home' | 'back' | 'ticket' | 'phone' | 'phoneSent' | null = 'home';
  if (state.matches('choosingService')) {
    const none = state.matches({ choosingService: 'noneIssuing' });
    [heading, guide, body] = [t.services.heading, none ? t.guide.noneIssuing : t.guide.services, <ServiceScreen {...screen} />];
  } else if (state.matches('askingPriority')) {
    [heading, guide, body, back] = [t.priority.heading, priorityOnly(state.context) ? t.guide.priorityOnly : t.guide.priority, <PriorityScreen {...screen} />, 'back'];
  } else if (state.matches('issuing')) [heading, body, back] = [undefined, <IssuingScreen />, null];
  else if (state.matches('showingTicket')) {
    const printed = state.context.ticket?.printed === true;
    [heading, guide, body, back] = [undefined, printed ? t.guide.ticket : t.guide.unprinted, <TicketScreen {...screen} />, 'ticket'];
  } else if (state.matches('enteringPhone') || state.matches('sendingPhone')) {
    [heading, guide, body, back] = [t.ticketPhone.heading, t.guide.phone, <PhoneScreen {...screen} />, 'phone'];
  } else if (state.matches('phoneSent')) {
    [heading, guide, body, back] = [undefined, t.guide.phoneSent, <PhoneSentScreen {...screen} />, 'phoneSent'];
  } else if (state.matches('issueFailed')) {
    const guideText = isRefusal(state.context.errorCode) ? t.guide.refused : t.guide.issueFailed;
    [heading, guide, body, back] = [undefined, guideText, <IssueFailedScreen {...screen} />, null];
  }
  // starting, and the instant between the final state and the session moving on.
  else [heading, body, back] = [undefined, null, null];

  const footer =
    back === 'ticket' ? (
      <TicketFooter {...screen} />
    ) : back === 'phone' ? (
      <PhoneFooter {...screen} />
    ) : back === 'phoneSent' ? (
      <PhoneSentFooter {...screen} />
    ) : back === 'back' ? (
      <div className="nav-row">
        <BigButton label={t.nav.back} variant="quiet" onPress={() => send({ type: 'nav.back' })} />
        <BigButton label={t.nav.home} variant="quiet" onPress={() => send({ type: 'nav.home' })} />
      </div>
    ) : back === 'home' ? (
      <div className="nav-row">
        <BigButton label={t.nav.home} variant="quiet" onPress={() => send({ type: 'nav.home' })} />
      </div>
    ) : undefined;
  return (
    <Screen centerName={props.centerName} utcOffsetMinutes={props.utcOffsetMinutes} heading={heading} guide={guide} footer={footer}>
      {body}
    </Screen>
  );
}
