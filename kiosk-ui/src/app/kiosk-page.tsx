/** The kiosk itself: the take-ticket flow, and in demo mode the simulated printer beside it. */
import { useMachine } from '@xstate/react';
import { LazyDemoDevicesPanel } from './lazy-demo-panel';
import { liveTakeTicketMachine } from '../flows/take-ticket/take-ticket.actors';
import { TakeTicketView } from '../flows/take-ticket/take-ticket-view';

export function KioskPage() {
  const [state, send] = useMachine(liveTakeTicketMachine, { input: {} });
  const demo = state.context.info?.demo === true;
  return (
    <div className={`kiosk ${demo ? 'kiosk--demo' : ''}`}>
      {/* Any touch keeps the session alive, not only the ones that change the screen (reading, scrolling). */}
      <div className="kiosk__flow" onPointerDown={() => send({ type: 'user.activity' })}>
        <TakeTicketView state={state} send={send} />
      </div>
      {demo ? <LazyDemoDevicesPanel /> : null}
    </div>
  );
}
