/**
 * Picks what the kiosk shows for the session's state: booting, the attract screen, home, or the running flow's
 * own view (each flow draws its screens from its child machine). Reads state, sends events; no IO.
 */
import { useT } from '../../i18n/i18n';
import { CheckInView } from '../../flows/check-in/check-in-view';
import { CollectResultView } from '../../flows/collect-result/collect-result-view';
import { ProceduresView } from '../../flows/procedures/procedures-view';
import { TakeTicketView } from '../../flows/take-ticket/take-ticket-view';
import { Screen } from '../../ui/screen';
import { AttractScreen } from './screens/attract-screen';
import { HomeScreen } from './screens/home-screen';
import type { SessionScreenProps } from './screens/session-screen-props';

export function KioskSessionView({ state, send }: SessionScreenProps) {
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

  const frame = { centerName: info.centerName, utcOffsetMinutes: info.utcOffsetMinutes };
  const pickup = state.children.collectResult;
  if (state.matches({ session: { flow: 'collectingResult' } }) && pickup) return <CollectResultView actor={pickup} {...frame} />;
  const checkIn = state.children.checkIn;
  if (state.matches({ session: { flow: 'checkingIn' } }) && checkIn) return <CheckInView actor={checkIn} {...frame} />;
  const procedures = state.children.procedures;
  if (state.matches({ session: { flow: 'browsingProcedures' } }) && procedures) return <ProceduresView actor={procedures} {...frame} />;
  // The ticket flow's events go through the session, which passes them on and re-arms its idle timer.
  const ticket = state.children.takeTicket;
  if (state.matches({ session: { flow: 'takingTicket' } }) && ticket) return <TakeTicketView actor={ticket} send={send} {...frame} />;
  return (
    <Screen {...frame} heading={t.home.heading} guide={t.guide.home}>
      <HomeScreen state={state} send={send} />
    </Screen>
  );
}
