/**
 * Sending a message to an applicant. Built-ins: `log` (the message goes to the agent log, redacted, for sites
 * without a gateway) and `webhook` (a generic HTTP POST to an SMS/Zalo gateway). Delivery goes through the outbox,
 * which retries until the gateway acknowledges and survives restarts.
 */
import { httpCall, type HttpAnswer } from '../core/http-client';
import { AgentError } from '../errors/agent-error';
import { maskPhone } from '../pickup/masking';

export interface OutgoingMessage {
  to: string;
  text: string;
  /** What the message is about, for the gateway's records: a dossier code, or a ticket's number and id. */
  dossierCode?: string;
  ticket?: string;
  /** An appointment's id (its booking message). */
  appointment?: string;
  /** A technician's alert: what it is about (`printer.paper-out`, `outbox.stuck`; monitoring/fault-alerts.ts). */
  alert?: string;
}

export interface Notifier {
  readonly name: string;
  /** Resolves when the gateway has accepted the message; throws to be retried later. `signal` aborts it (agent stopping). */
  send(message: OutgoingMessage, signal?: AbortSignal): Promise<void>;
}

export class LogNotifier implements Notifier {
  readonly name = 'log';
  constructor(private readonly log: { info(obj: object, msg: string): void }) {}

  async send(message: OutgoingMessage, _signal?: AbortSignal): Promise<void> {
    // The text holds the pickup code: log to whom (masked) and what dossier, never the code or the whole number.
    this.log.info({ toMasked: maskPhone(message.to), dossier: message.dossierCode, ticket: message.ticket, appointment: message.appointment, alert: message.alert }, 'notification (log notifier: no gateway configured)');
  }
}

export class WebhookNotifier implements Notifier {
  readonly name = 'webhook';
  constructor(private readonly options: { url: string; token?: string; timeoutMs: number }) {}

  async send(message: OutgoingMessage, signal?: AbortSignal): Promise<void> {
    let res: HttpAnswer;
    try {
      res = await httpCall(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
        body: JSON.stringify({ to: message.to, text: message.text, reference: message.dossierCode ?? message.ticket ?? message.appointment ?? message.alert }),
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]) : AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      throw new AgentError('INTERNAL_ERROR', `gateway unreachable: ${(err as Error).message}`);
    }
    if (!res.ok) throw new AgentError('INTERNAL_ERROR', `gateway answered HTTP ${res.status}`);
  }
}
