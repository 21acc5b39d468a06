/** A ticket as the store holds it, and the mapping from SQLite's snake_case rows. */
import type { PriorityCategory, TicketStatus } from '../../../shared/api-schemas';

export interface TicketRow {
  id: string;
  day: string;
  /** The service the ticket was issued for: its number belongs to it. */
  serviceId: string;
  /** The queue it waits in now; differs from `serviceId` after a transfer to another service. */
  queueServiceId: string;
  /** Set when a counter transferred the ticket to one particular counter. */
  targetCounterId: string | null;
  /** Order within its queue: the issue time, or the time given by a transfer to the front or the end. */
  queueKeyMs: number;
  seq: number;
  number: string;
  priority: PriorityCategory | null;
  status: TicketStatus;
  issuedAtMs: number;
  counterId: string | null;
  calledAtMs: number | null;
  firstCalledAtMs: number | null;
  servingAtMs: number | null;
  doneAtMs: number | null;
  recalls: number;
  printed: boolean;
  printError: string | null;
  /** Checked in for an appointment: which, and its booked time (the queue calls it then; README "Appointments"). */
  appointmentId: string | null;
  bookedAtMs: number | null;
}

export interface RawTicketRow {
  id: string;
  day: string;
  service_id: string;
  queue_service_id: string | null;
  target_counter_id: string | null;
  queue_key_ms: number | null;
  seq: number;
  number: string;
  priority: string | null;
  status: string;
  issued_at_ms: number;
  counter_id: string | null;
  called_at_ms: number | null;
  first_called_at_ms: number | null;
  serving_at_ms: number | null;
  done_at_ms: number | null;
  recalls: number;
  printed: number;
  print_error: string | null;
  appointment_id?: string | null;
  booked_at_ms?: number | null;
}

export function toTicketRow(r: RawTicketRow): TicketRow {
  return {
    id: r.id,
    day: r.day,
    serviceId: r.service_id,
    queueServiceId: r.queue_service_id ?? r.service_id,
    targetCounterId: r.target_counter_id,
    queueKeyMs: r.queue_key_ms ?? r.issued_at_ms,
    seq: r.seq,
    number: r.number,
    priority: r.priority as PriorityCategory | null,
    status: r.status as TicketStatus,
    issuedAtMs: r.issued_at_ms,
    counterId: r.counter_id,
    calledAtMs: r.called_at_ms,
    firstCalledAtMs: r.first_called_at_ms,
    servingAtMs: r.serving_at_ms,
    doneAtMs: r.done_at_ms,
    recalls: r.recalls,
    printed: r.printed === 1,
    printError: r.print_error,
    appointmentId: r.appointment_id ?? null,
    bookedAtMs: r.booked_at_ms === null || r.booked_at_ms === undefined ? null : Number(r.booked_at_ms),
  };
}

/**
 * A queue a ticket can wait in: a service's shared queue, or the private queue of one counter (tickets transferred
 * to it). Each has its own priority streak for the fairness rule; `streakKey` names it in `queue_state`
 * ('@' cannot start a service id, so the two never collide).
 */
export type QueueGroup = { kind: 'service'; serviceId: string } | { kind: 'counter'; counterId: string };

export function groupOf(t: Pick<TicketRow, 'queueServiceId' | 'targetCounterId'>): QueueGroup {
  return t.targetCounterId ? { kind: 'counter', counterId: t.targetCounterId } : { kind: 'service', serviceId: t.queueServiceId };
}

export function streakKey(g: QueueGroup): string {
  return g.kind === 'service' ? g.serviceId : `@${g.counterId}`;
}
