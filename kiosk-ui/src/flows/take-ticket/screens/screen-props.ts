import type { SnapshotFrom } from 'xstate';
import type { TakeTicketEvent, TakeTicketMachine } from '../take-ticket.machine';

export interface ScreenProps {
  state: SnapshotFrom<TakeTicketMachine>;
  send: (event: TakeTicketEvent) => void;
}
