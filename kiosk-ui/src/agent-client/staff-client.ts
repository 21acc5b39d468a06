/**
 * The counter console's client: the same typed requests as the kiosk's, with the staff token a counter officer
 * signed in with sent as `Authorization: Bearer …` (staff routes always need it, from any machine).
 */
import { z } from 'zod';
import {
  CounterActionResponseSchema,
  CounterInfoSchema,
  CounterStateSchema,
  ParkedListSchema,
  StatsSchema,
  type TransferRequest,
} from '../../../shared/counter-schemas';
import { AccountListSchema, OfficerSchema, WhoAmISchema, type StaffRole } from '../../../shared/staff-schemas';
import { AgentClient } from './agent-client';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type CounterAction = 'recall' | 'start' | 'finish' | 'no-show' | 'park';

export class StaffClient extends AgentClient {
  constructor(
    fetchImpl: FetchLike,
    private readonly token: string,
    baseUrl = '',
    timeoutMs = 15_000,
  ) {
    super(fetchImpl, baseUrl, timeoutMs);
  }

  protected override authHeaders(): Record<string, string> {
    return { ...super.authHeaders(), authorization: `Bearer ${this.token}` };
  }

  /** Ends this token's session (an officer signing out); answered the same when it already had. */
  endSession() {
    return this.request(z.unknown(), '/api/staff/session/end', { method: 'POST', body: '{}' });
  }

  /** Who this token signs in (the supervisor page marks the supervisor's own row). */
  whoAmI() {
    return this.request(WhoAmISchema, '/api/staff/session');
  }

  /** Every account with its state and where it is signed in now (a supervisor only: 403 STAFF_ROLE_REQUIRED otherwise). */
  accounts() {
    return this.request(AccountListSchema, '/api/staff/accounts');
  }

  addAccount(account: { username: string; name: string; role: StaffRole; password: string }) {
    return this.request(OfficerSchema, '/api/staff/accounts', { method: 'POST', body: JSON.stringify(account) });
  }

  /** Disables (its sessions end at once) or enables an account. */
  setAccountDisabled(id: number, disabled: boolean) {
    return this.request(z.object({ sessionsEnded: z.number().int() }), `/api/staff/accounts/${id}/disabled`, { method: 'POST', body: JSON.stringify({ disabled }) });
  }

  resetPassword(id: number, password: string) {
    return this.request(z.unknown(), `/api/staff/accounts/${id}/password`, { method: 'POST', body: JSON.stringify({ password }) });
  }

  private counterPath(counterId: string, action = ''): string {
    return `/api/counters/${encodeURIComponent(counterId)}${action ? `/${action}` : ''}`;
  }

  private post(counterId: string, action: string, body: object) {
    return this.request(CounterActionResponseSchema, this.counterPath(counterId, action), { method: 'POST', body: JSON.stringify(body) });
  }

  counters() {
    return this.request(z.array(CounterInfoSchema), '/api/counters');
  }

  counterState(counterId: string) {
    return this.request(CounterStateSchema, this.counterPath(counterId));
  }

  callNext(counterId: string) {
    return this.post(counterId, 'call-next', {});
  }

  /** Call one ticket out of turn: by today's number ("A012"), e.g. a no-show who came back. */
  callNumber(counterId: string, number: string) {
    return this.post(counterId, 'call', { number });
  }

  /** Call back a ticket this counter parked (or any ticket by id). */
  callTicket(counterId: string, ticketId: string) {
    return this.post(counterId, 'call', { ticketId });
  }

  /** Today's tickets this counter parked, oldest first (also in counterState's `parked`). */
  parked(counterId: string) {
    return this.request(ParkedListSchema, this.counterPath(counterId, 'parked'));
  }

  /** Recall, start serving, finish (optionally naming the visit's dossier), no-show or park: on the counter's current ticket. */
  act(counterId: string, action: CounterAction, body: { dossierCode?: string } = {}) {
    return this.post(counterId, action, body);
  }

  transfer(counterId: string, to: Omit<TransferRequest, 'ticketId'>) {
    return this.post(counterId, 'transfer', to);
  }

  stats(from?: string, to?: string) {
    return this.request(StatsSchema, `/api/stats${rangeQuery(from, to)}`);
  }

  /** The same figures as CSV (UTF-8 with BOM, for Excel), as text to save. */
  async statsCsv(from?: string, to?: string): Promise<string> {
    const text = await (await this.send(`/api/stats.csv${rangeQuery(from, to)}`)).text();
    // The agent starts the file with a BOM so Excel reads UTF-8; text() drops it, so put it back in what is saved.
    return text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  }

}

function rangeQuery(from?: string, to?: string): string {
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  return query ? `?${query}` : '';
}
