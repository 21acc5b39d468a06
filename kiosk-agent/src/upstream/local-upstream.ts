/** The default adapter: no one-stop system to ask or tell; the kiosk's own store (staff API, CSV import) is the truth. */
import type { StatusReport, UpstreamAdapter, UpstreamDossier } from './upstream-adapter';

export class LocalUpstream implements UpstreamAdapter {
  readonly name = 'local' as const;

  async fetchDossier(_code: string): Promise<UpstreamDossier | undefined> {
    return undefined;
  }

  async reportStatus(_report: StatusReport, _signal?: AbortSignal): Promise<void> {
    // Nothing to tell: the handover is already recorded in the kiosk's store and audit trail.
  }
}
