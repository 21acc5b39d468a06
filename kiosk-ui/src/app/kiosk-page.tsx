/** The kiosk itself: the take-ticket flow, and in demo mode the simulated printer beside it. */
import { useMachine } from '@xstate/react';
import { DemoDevicesPanel } from '../flows/demo-devices/demo-devices-panel';
import { liveTakeTicketMachine } from '../flows/take-ticket/take-ticket.actors';
import { TakeTicketView } from '../flows/take-ticket/take-ticket-view';

export function KioskPage() {
  const [state, send] = useMachine(liveTakeTicketMachine, { input: {} });
  const demo = state.context.info?.demo === true;
  return (
    <div className={`kiosk ${demo ? 'kiosk--demo' : ''}`}>
      <div className="kiosk__flow">
        <TakeTicketView state={state} send={send} />
      </div>
      {demo ? <DemoDevicesPanel /> : null}
    </div>
  );
}
