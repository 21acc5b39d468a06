import type { SnapshotFrom } from 'xstate';
import type { CollectResultEvent, CollectResultMachine } from '../collect-result.machine';

export interface PickupScreenProps {
  state: SnapshotFrom<CollectResultMachine>;
  send: (event: CollectResultEvent) => void;
}
