/** Real IO for the demo devices panel: agent HTTP for the simulators, the event socket for what they report. */
import { fromCallback, fromPromise } from 'xstate';
import { connectAgentEvents } from '../../agent-client/agent-events';
import { agentClient } from '../../agent-client/default-client';
import { demoDevicesMachine, type DemoDevicesEvent } from './demo-devices.machine';

export const liveDemoDevicesMachine = demoDevicesMachine.provide({
  actors: {
    loadJobs: fromPromise(() => agentClient.demoPrinterJobs()),
    loadLocker: fromPromise(() => agentClient.demoLocker()),
    setPaper: fromPromise(async ({ input }: { input: { paper: 'ok' | 'out' } }) => ({ paper: (await agentClient.setDemoPaper(input.paper)).paper })),
    sendScan: fromPromise(({ input }: { input: { code: string } }) => agentClient.demoScan(input.code)),
    closeDoor: fromPromise(({ input }: { input: { board: number; lock: number } }) => agentClient.demoCloseDoor(input.board, input.lock)),
    watchDevices: fromCallback<DemoDevicesEvent>(({ sendBack }) => {
      const connection = connectAgentEvents((event) => {
        if (event.type === 'printer.job') sendBack({ type: 'printer.jobArrived' });
        else if (event.type === 'scanner.scanned') sendBack({ type: 'scanner.scanned', code: event.data.code });
        else if (event.type === 'locker.door') sendBack({ type: 'locker.changed' });
      });
      return () => connection.close();
    }),
  },
});
