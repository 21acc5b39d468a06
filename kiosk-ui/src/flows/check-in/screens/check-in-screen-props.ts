import type { SnapshotFrom } from 'xstate';
import type { CheckInEvent, CheckInMachine } from '../check-in.machine';

export interface CheckInScreenProps {
  state: SnapshotFrom<CheckInMachine>;
  send: (event: CheckInEvent) => void;
  utcOffsetMinutes: number;
}
