import type { SnapshotFrom } from 'xstate';
import type { ProceduresEvent, ProceduresMachine } from '../procedures.machine';

export interface ProceduresScreenProps {
  state: SnapshotFrom<ProceduresMachine>;
  send: (event: ProceduresEvent) => void;
}
