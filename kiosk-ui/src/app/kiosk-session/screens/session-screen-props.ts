import type { SnapshotFrom } from 'xstate';
import type { KioskSessionEvent, KioskSessionMachine } from '../kiosk-session.machine';

export interface SessionScreenProps {
  state: SnapshotFrom<KioskSessionMachine>;
  send: (event: KioskSessionEvent) => void;
}
