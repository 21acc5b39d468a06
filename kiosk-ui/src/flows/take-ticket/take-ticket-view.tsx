/** Picks the screen for the machine's state. Reads state, sends events; no IO. */
import { useT } from '../../i18n/i18n';
import { BigButton } from '../../ui/big-button';
import { CollectResultView } from '../collect-result/collect-result-view';
import { Screen } from '../../ui/screen';
import { AttractScreen } from './screens/attract-screen';
import { HomeScreen } from './screens/home-screen';
import { IssueFailedScreen } from './screens/issue-failed-screen';
import { IssuingScreen } from './screens/issuing-screen';
import { PriorityScreen } from './screens/priority-screen';
import type { ScreenProps } from './screens/screen-props';
import { ServiceScreen } from './screens/service-screen';
import { TicketFooter, TicketScreen } from './screens/ticket-screen';

export function TakeTicketView({ state, send }: ScreenProps) {
  const t = useT();
  const info = state.context.info;
  if (state.matches('booting') || state.matches('bootFailed') || !info) {
    return (
      <div className="boot" role="status">
        <p>{state.matches('bootFailed') ? t.boot.failed : t.boot.starting}</p>
      </div>
    );
  }
  if (state.matches('attract')) return <AttractScreen state={state} send={send} />;

  const at = (flow: string) => state.matches({ session: { flow } } as never);
  const pickup = state.children.collectResult;
  if (at('collectingResult') && pickup) return <CollectResultView actor={pickup} centerName={info.centerName} utcOffsetMinutes={info.utcOffsetMinutes} />;
  const props = { state, send };
  let heading: string | undefined;
  let guide: string | undefined;
  let body;
  let back: 'home' | 'back' | 'ticket' | null = 'home';
  if (at('home')) [heading, guide, body, back] = [t.home.heading, t.guide.home, <HomeScreen {...props} />, null];
  else if (at('choosingService')) [heading, guide, body] = [t.services.heading, t.guide.services, <ServiceScreen {...props} />];
  else if (at('askingPriority')) {
    const priorityOnly = state.context.priorityPath;
    [heading, guide, body, back] = [t.priority.heading, priorityOnly ? t.guide.priorityOnly : t.guide.priority, <PriorityScreen {...props} />, 'back'];
  } else if (at('issuing')) [heading, body, back] = [undefined, <IssuingScreen />, null];
  else if (at('showingTicket')) {
    const printed = state.context.ticket?.printed === true;
    [heading, guide, body, back] = [undefined, printed ? t.guide.ticket : t.guide.unprinted, <TicketScreen {...props} />, 'ticket'];
  } else if (at('issueFailed')) [heading, guide, body, back] = [undefined, t.guide.issueFailed, <IssueFailedScreen {...props} />, null];
  else [heading, body, back] = [undefined, null, 'home'];

  const footer =
    back === 'ticket' ? (
      <TicketFooter {...props} />
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
    <Screen centerName={info.centerName} utcOffsetMinutes={info.utcOffsetMinutes} heading={heading} guide={guide} footer={footer}>
      {body}
    </Screen>
  );
}
