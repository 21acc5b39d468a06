import type { SnapshotFrom } from 'xstate';
import type { TakeTicketEvent, TakeTicketMachine } from '../take-ticket.machine';

/** A ticket screen reads the flow's state and sends its events (through the session, which passes them on). */
export interface ScreenProps {
  state: SnapshotFrom<TakeTicketMachine>;
  send: (event: TakeTicketEvent) => void;
  /** The centre's offset from UTC (GET /api/kiosk): opening times are said in its zone (opening-time.ts). */
  utcOffsetMinutes: number;
}
