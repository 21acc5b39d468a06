/** Real IO for the demo devices panel: agent HTTP for the simulators, the event socket for what they report. */
import { fromCallback, fromPromise } from 'xstate';
import type { DeviceState } from '../../../../shared/api-schemas';
import { agentClient, agentEvents } from '../../agent-client/default-client';
import { demoDevicesMachine, type DemoDevicesEvent, type Paper } from './demo-devices.machine';

/** The paper level a printer state implies; undefined when the state says nothing about paper (offline…). */
function paperOf(state: DeviceState): Paper | undefined {
  if (state === 'paper-out') return 'out';
  if (state === 'paper-low') return 'low';
  return state === 'ready' ? 'ok' : undefined;
}

export const liveDemoDevicesMachine = demoDevicesMachine.provide({
  actors: {
    loadJobs: fromPromise(() => agentClient.demoPrinterJobs()),
    loadLocker: fromPromise(() => agentClient.demoLocker()),
    setPaper: fromPromise(async ({ input }: { input: { paper: 'ok' | 'out' } }) => ({ paper: (await agentClient.setDemoPaper(input.paper)).paper })),
    sendScan: fromPromise(({ input }: { input: { code: string } }) => agentClient.demoScan(input.code)),
    closeDoor: fromPromise(({ input }: { input: { board: number; lock: number } }) => agentClient.demoCloseDoor(input.board, input.lock)),
    bankTransfer: fromPromise(({ input }: { input: { dossierCode: string } }) => agentClient.demoBankTransfer(input.dossierCode)),
    watchDevices: fromCallback<DemoDevicesEvent>(({ sendBack }) => {
      const reportPaper = (state: DeviceState): void => {
        const paper = paperOf(state);
        if (paper) sendBack({ type: 'printer.status', paper });
      };
      // The paper may have been changed before this page opened (another tab, a test, the technician).
      agentClient.health().then((h) => h.devices && reportPaper(h.devices.printer.state), () => undefined);
      const unsubscribers = [
        agentEvents.subscribe('printer.job', () => sendBack({ type: 'printer.jobArrived' })),
        agentEvents.subscribe('device.changed', (e) => {
          if (e.data.device === 'printer') reportPaper(e.data.status.state);
        }),
        agentEvents.subscribe('scanner.scanned', (e) => sendBack({ type: 'scanner.scanned', code: e.data.code })),
        agentEvents.subscribe('locker.door', () => sendBack({ type: 'locker.changed' })),
      ];
      return () => unsubscribers.forEach((off) => off());
    }),
  },
});
