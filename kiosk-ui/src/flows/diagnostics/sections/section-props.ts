/** What every diagnostics screen gets: the machine's context, whether an action runs, and how to send events. */
import type { DiagnosticsContext, DiagnosticsEvent } from '../diagnostics.machine';

export type Send = (e: DiagnosticsEvent) => void;

export interface SectionProps<D> {
  data: D;
  context: DiagnosticsContext;
  busy: boolean;
  send: Send;
}
