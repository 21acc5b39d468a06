/** The real IO behind the kiosk machine: the agent client, the scanners, the pickup flow's own IO. */
import { fromCallback, fromPromise } from 'xstate';
import type { IssuedTicket, PriorityCategory } from '../../../../shared/api-schemas';
import { agentClient, agentEvents } from '../../agent-client/default-client';
import { startCamera, type CameraSession } from '../../scanning/camera-scanner';
import { KeyboardWedge } from '../../scanning/keyboard-wedge';
import { CAMERA_ELEMENT_ID } from '../../ui/camera-panel';
import { liveCollectResultMachine } from '../collect-result/collect-result.actors';
import { takeTicketMachine, type TakeTicketEvent } from './take-ticket.machine';

export const liveTakeTicketMachine = takeTicketMachine.provide({
  actors: {
    loadKiosk: fromPromise(() => agentClient.kiosk()),
    loadServices: fromPromise(() => agentClient.services()),
    issueTicket: fromPromise<IssuedTicket, { serviceId: string; priority: PriorityCategory | null }>(({ input }) =>
      agentClient.issueTicket({ serviceId: input.serviceId, ...(input.priority ? { priority: input.priority } : {}) }),
    ),
    collectResult: liveCollectResultMachine,
    cameraScanner: fromCallback<TakeTicketEvent>(({ sendBack }) => {
      let session: CameraSession | null = null;
      let stopped = false;
      startCamera(CAMERA_ELEMENT_ID, (code) => sendBack({ type: 'scan.received', code }))
        .then((s) => {
          if (stopped) void s.stop();
          else session = s;
        })
        .catch((err: unknown) => sendBack({ type: 'camera.failed', code: (err as { code?: string }).code ?? 'CAMERA_UNAVAILABLE' }));
      return () => {
        stopped = true;
        void session?.stop();
      };
    }),
    // Slips arrive two ways here: the serial scanner (through the agent) and a keyboard-wedge (USB HID) scanner.
    scanSource: fromCallback<TakeTicketEvent>(({ sendBack }) => {
      const wedge = new KeyboardWedge();
      const onKey = (e: KeyboardEvent): void => {
        const code = wedge.key(e.key, e.timeStamp);
        if (code) sendBack({ type: 'scan.received', code });
      };
      window.addEventListener('keydown', onKey);
      const off = agentEvents.subscribe('scanner.scanned', (e) => sendBack({ type: 'scan.received', code: e.data.code }));
      return () => {
        window.removeEventListener('keydown', onKey);
        off();
      };
    }),
  },
});
