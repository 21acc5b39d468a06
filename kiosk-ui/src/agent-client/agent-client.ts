/**
 * Typed HTTP client for the local agent. Every response is parsed with the shared zod schemas, so a mismatch
 * between UI and agent fails loudly here instead of as `undefined` on a citizen's screen. Errors carry the agent's
 * code (`SERVICE_NOT_FOUND`…), or NETWORK_ERROR / NETWORK_TIMEOUT / BAD_RESPONSE from the client itself.
 *
 * This class carries what the kiosk's first screens read. The pickup flow (pickup-client.ts), the lobby display
 * (lobby-client.ts) and the staff pages (staff-client.ts) extend it in modules of their own, so their zod schemas
 * (about 300 of the 560) are not built while a slow kiosk PC is drawing its first screen.
 */
import { z } from 'zod';
import {
  ErrorBodySchema,
  HealthSchema,
  IssuedTicketSchema,
  KioskInfoSchema,
  PrintedJobListSchema,
  ServiceListSchema,
  SimulatedLockerStateSchema,
  SimulatedPrinterStateSchema,
  TicketPhoneRemovedSchema,
  TicketPhoneResponseSchema,
  TicketViewSchema,
  type IssueTicketRequest,
} from '../../../shared/api-schemas';
import { isErrorCode, type ErrorCode } from '../../../shared/error-codes';
import { DemoBankTransferSchema } from '../../../shared/payment-schemas';
import { kioskToken } from './kiosk-device-token';

/** Failures the client itself names: no answer, no answer in time, an answer it cannot read, anything else. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'NETWORK_TIMEOUT' | 'BAD_RESPONSE' | 'UNKNOWN';
/** Every code a screen may branch on: the agent's (shared/error-codes.ts) and the client's own. */
export type AgentErrorCode = ErrorCode | ClientErrorCode;

export class AgentRequestError extends Error {
  constructor(
    readonly code: AgentErrorCode,
    message: string,
    readonly status: number,
    /** Facts the agent attached, e.g. `attemptsLeft` after a wrong pickup code. */
    readonly details: Record<string, string | number | boolean> = {},
  ) {
    super(message);
    this.name = 'AgentRequestError';
  }
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class AgentClient {
  constructor(
    protected readonly fetchImpl: FetchLike,
    protected readonly baseUrl = '',
    protected readonly timeoutMs = 15_000,
  ) {}

  /**
   * Extra headers for every request: the device token of a touchscreen on another machine than the agent (none on
   * the agent's own machine, which it trusts); staff and technician clients add their bearer token.
   */
  protected authHeaders(): Record<string, string> {
    const token = kioskToken();
    return token ? { 'x-kiosk-token': token } : {};
  }

  /**
   * One exchange with the agent: network failures and error bodies become AgentRequestError with the agent's code;
   * a successful response is returned for the caller to read (JSON in `request`, text for a CSV download).
   */
  protected async send(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.baseUrl}${path}`, {
        ...init,
        headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...this.authHeaders() },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      throw new AgentRequestError(timedOut ? 'NETWORK_TIMEOUT' : 'NETWORK_ERROR', String(err), 0);
    }
    if (res.ok) return res;
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new AgentRequestError('NETWORK_ERROR', `${path}: response is not JSON (HTTP ${res.status})`, res.status);
    }
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success) {
      // A code this build does not know (a newer agent) is UNKNOWN to the screens, which then say "try again".
      const code = isErrorCode(parsed.data.error.code) ? parsed.data.error.code : 'UNKNOWN';
      throw new AgentRequestError(code, parsed.data.error.message, res.status, parsed.data.error.details ?? {});
    }
    throw new AgentRequestError('BAD_RESPONSE', `${path}: HTTP ${res.status} without an error body`, res.status);
  }

  protected async request<S extends z.ZodType>(schema: S, path: string, init: RequestInit = {}): Promise<z.infer<S>> {
    const res = await this.send(path, init);
    if (res.status === 204) return schema.parse(undefined);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new AgentRequestError('BAD_RESPONSE', `${path}: response is not JSON (HTTP ${res.status})`, res.status);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AgentRequestError('BAD_RESPONSE', `${path}: unexpected response (${parsed.error.issues[0]?.message ?? 'invalid'})`, res.status);
    return parsed.data;
  }

  kiosk() {
    return this.request(KioskInfoSchema, '/api/kiosk');
  }

  services() {
    return this.request(ServiceListSchema, '/api/services');
  }

  issueTicket(body: IssueTicketRequest) {
    return this.request(IssuedTicketSchema, '/api/tickets', { method: 'POST', body: JSON.stringify(body) });
  }

  /** A ticket's status and position, for the tracking page (/track/:id). */
  ticket(id: string) {
    return this.request(TicketViewSchema, `/api/tickets/${encodeURIComponent(id)}`);
  }

  /** Leaves a phone on a waiting ticket for the messages before the turn; the answer has it masked. */
  leaveTicketPhone(id: string, phone: string) {
    return this.request(TicketPhoneResponseSchema, `/api/tickets/${encodeURIComponent(id)}/phone`, { method: 'PUT', body: JSON.stringify({ phone }) });
  }

  /** Withdraws the phone left on a ticket: no more messages. */
  withdrawTicketPhone(id: string) {
    return this.request(TicketPhoneRemovedSchema, `/api/tickets/${encodeURIComponent(id)}/phone`, { method: 'DELETE' });
  }

  health() {
    return this.request(HealthSchema, '/api/health');
  }

  demoPrinterJobs() {
    return this.request(PrintedJobListSchema, '/api/demo/printer/jobs');
  }

  demoScan(code: string) {
    return this.request(z.undefined(), '/api/demo/scanner/scan', { method: 'POST', body: JSON.stringify({ code }) });
  }

  demoLocker() {
    return this.request(SimulatedLockerStateSchema, '/api/demo/locker');
  }

  demoCloseDoor(board: number, lock: number) {
    return this.request(SimulatedLockerStateSchema, '/api/demo/locker/close', { method: 'POST', body: JSON.stringify({ board, lock }) });
  }

  /** Demo only: the simulated bank confirms a transfer of what the dossier owes (through the agent's payment webhook). */
  demoBankTransfer(dossierCode: string) {
    return this.request(DemoBankTransferSchema, '/api/demo/bank/transfer', { method: 'POST', body: JSON.stringify({ dossierCode }) });
  }

  setDemoPaper(paper: 'ok' | 'low' | 'out') {
    return this.request(SimulatedPrinterStateSchema, '/api/demo/printer/state', { method: 'POST', body: JSON.stringify({ paper }) });
  }
}

/** An error's code for the UI to branch on, whatever was thrown. */
export function errorCodeOf(err: unknown): AgentErrorCode {
  return err instanceof AgentRequestError ? err.code : 'UNKNOWN';
}

/** The code of the error an invoked actor failed with: machines' guards and actions read error events with this. */
export function errorEventCode(event: unknown): AgentErrorCode {
  return errorCodeOf((event as { error?: unknown } | null)?.error);
}

/** A number the agent attached to an error (`attemptsLeft`, `retryAfterMinutes`), if any. */
export function errorFactOf(err: unknown, name: string): number | null {
  const value = err instanceof AgentRequestError ? err.details[name] : undefined;
  return typeof value === 'number' ? value : null;
}

/** A text the agent attached to an error (`dossierCode` of a transfer already assigned), if any. */
export function errorDetailOf(err: unknown, name: string): string | null {
  const value = err instanceof AgentRequestError ? err.details[name] : undefined;
  return typeof value === 'string' ? value : null;
}
