/** The real IO behind the kiosk session: the agent client, the scanners, and each flow's own IO. */
import { fromCallback, fromPromise } from 'xstate';
import { agentClient, agentEvents } from '../../agent-client/default-client';
import { liveCheckInMachine } from '../../flows/check-in/check-in.actors';
import { liveCollectResultMachine } from '../../flows/collect-result/collect-result.actors';
import { liveProceduresMachine } from '../../flows/procedures/procedures.actors';
import { liveTakeTicketMachine } from '../../flows/take-ticket/take-ticket.actors';
import { earliestOpening, noneIssues } from '../../flows/take-ticket/service-availability';
import { startCamera, type CameraSession } from '../../scanning/camera-scanner';
import { speakGuidance, stopGuidance } from '../../speech/guidance-speaker';
import { KeyboardWedge } from '../../scanning/keyboard-wedge';
import { CAMERA_ELEMENT_ID } from '../../ui/camera-panel';
import { kioskSessionMachine, type KioskSessionEvent, type SpeakerCommand } from './kiosk-session.machine';

const OPENING_CHECK_MS = 60_000;

export const liveKioskSessionMachine = kioskSessionMachine.provide({
  actors: {
    loadKiosk: fromPromise(() => agentClient.kiosk()),
    takeTicket: liveTakeTicketMachine,
    collectResult: liveCollectResultMachine,
    checkIn: liveCheckInMachine,
    procedures: liveProceduresMachine,
    cameraScanner: fromCallback<KioskSessionEvent>(({ sendBack }) => {
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
    watchOpening: fromCallback<KioskSessionEvent>(({ sendBack }) => {
      // Asked at once and every minute: hours change on the minute; a failure keeps the last answer.
      const check = (): void => {
        agentClient.services().then(
          (services) => sendBack({ type: 'opening.changed', closed: noneIssues(services), opensAt: earliestOpening(services) }),
          () => undefined,
        );
      };
      check();
      const timer = setInterval(check, OPENING_CHECK_MS);
      return () => clearInterval(timer);
    }),
    guidanceSpeaker: fromCallback<SpeakerCommand>(({ receive }) => {
      receive((command) => (command.type === 'say' ? void speakGuidance(command.text, command.lang) : stopGuidance()));
      return () => stopGuidance();
    }),
    // Slips arrive two ways here: the serial scanner (through the agent) and a keyboard-wedge (USB HID) scanner.
    scanSource: fromCallback<KioskSessionEvent>(({ sendBack }) => {
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
