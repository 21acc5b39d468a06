/**
 * The province's one-stop system (Hệ thống thông tin giải quyết TTHC) as the kiosk sees it: look a dossier up by
 * its code, and report status changes back ("đã trả kết quả" after a handover). Adapters: `local` (the kiosk's
 * own store is the truth) and `http` (a province system over HTTP with a field mapping from the site config).
 */
import type { DossierStatus } from '../../../shared/dossier-schemas';
import type { Fee } from '../../../shared/payment-schemas';

export interface UpstreamDossier {
  code: string;
  procedure: string;
  applicantName: string;
  phone: string | null;
  /** YYYY-MM-DD */
  dueDate: string;
  status: DossierStatus;
  /** Fees paid at handover, when the system's mapping names them (`upstream.fields.fees`); absent: unchanged. */
  fees?: Fee[];
}

export interface StatusReport {
  dossierCode: string;
  status: DossierStatus;
  /** One-stop status code 1–10 (docs/ARCHITECTURE.md "Domain facts"): "ready" and "in-locker" are 9, "returned" is 10. */
  statusCode: number;
  /** ISO time of the change. */
  at: string;
  note?: string;
  compartment?: { board: number; lock: number };
}

export interface UpstreamAdapter {
  readonly name: 'local' | 'http';
  /**
   * The dossier as the one-stop system knows it now; undefined when it does not know the code. Throws
   * AgentError('UPSTREAM_UNAVAILABLE') when the system cannot be reached or answers nonsense.
   */
  fetchDossier(code: string): Promise<UpstreamDossier | undefined>;
  /** Resolves once the one-stop system acknowledged the change; throws so the outbox retries later. */
  /** `signal` aborts a report in flight when the agent stops (the outbox sends it again later). */
  reportStatus(report: StatusReport, signal?: AbortSignal): Promise<void>;
}

const CODES: Record<DossierStatus, number> = {
  registered: 1,
  received: 2,
  rejected: 3,
  processing: 4,
  'needs-supplement': 5,
  'needs-payment': 6,
  withdrawn: 7,
  stopped: 8,
  ready: 9,
  'in-locker': 9,
  returned: 10,
};

export function oneStopCodeOf(status: DossierStatus): number {
  return CODES[status];
}
