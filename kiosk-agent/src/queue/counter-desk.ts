/**
 * What a counter officer does: call the next ticket (priority first, one normal ticket after N priority calls in a
 * row, per queue), call a particular ticket, recall, start serving, finish, mark a no-show, transfer to another
 * service or counter (front or end of its queue), park a ticket and call it back (by id, as a particular ticket). Pure decisions are in priority-order.ts and
 * ticket-transitions.ts; this joins them to the store. Each action runs in one transaction under the lock
 * "queue-calls": on a store shared by a centre's agents, two counters deciding at the same instant take turns, so
 * neither gets the ticket the other took and the priority streak each reads is the one the other wrote.
 */
import type { TransferRequest } from '../../../shared/counter-schemas';
import { AgentError } from '../errors/agent-error';
import type { SiteConfig } from '../config/site-config-schema';
import type { CounterRepository, ParkedRow } from './counter-repository';
import type { Clock } from '../core/clock';
import { chooseNext } from './priority-order';
import type { QueueService } from './queue-service';
import { explainWrongState, type CounterAction, canDo } from './ticket-transitions';
import type { SqlExecutor, SqlStore } from '../store/store-port';
import type { TicketRepository } from './ticket-repository';
import { streakKey, type QueueGroup, type TicketRow } from './ticket-row';

const queued = (t: TicketRow | undefined) => (t ? { ...t, isPriority: t.priority !== null } : undefined);

export type CounterConfig = SiteConfig['counters'][number];

export interface CounterDeskDeps {
  config: Pick<SiteConfig, 'counters' | 'queue'>;
  queue: QueueService;
  store: SqlStore;
  counters: CounterRepository;
  clock: Clock;
  /** A ticket was called (committed): the messages before a turn follow (turn-notices.ts). Never throws. */
  afterCall?: (ticketId: string, counterId: string) => void;
}

/** The ticket acted on, and the ticket the counter had before, if a call closed it. */
export interface DeskResult {
  ticket: TicketRow;
  closed?: TicketRow;
  /** When the action was recorded (the ticket event's time): the display keys its announcements on it. */
  atMs: number;
}

export class CounterDesk {
  private readonly byId: Map<string, CounterConfig>;

  constructor(
    private readonly deps: CounterDeskDeps,
    /** The officer acting (their account's id): each ticket event records it; null for an integration token. */
    private readonly by: number | null = null,
  ) {
    this.byId = new Map(deps.config.counters.map((c) => [c.id, c]));
  }

  /** The same desk acting on behalf of an officer (null: a machine with an integration token). */
  as(by: number | null): CounterDesk {
    return by === this.by ? this : new CounterDesk(this.deps, by);
  }

  counter(counterId: string): CounterConfig {
    const counter = this.byId.get(counterId);
    if (!counter) throw new AgentError('COUNTER_NOT_FOUND', `Không có quầy số ${counterId}. Kiểm tra lại địa chỉ trang quầy.`);
    return counter;
  }

  /** The ticket this counter is calling or serving now. */
  async current(counterId: string): Promise<TicketRow | undefined> {
    this.counter(counterId);
    return this.deps.counters.current(counterId, this.deps.queue.today());
  }

  /** Both repositories on one open transaction. */
  private inTx(tx: SqlExecutor): { tickets: TicketRepository; counters: CounterRepository } {
    return { tickets: this.deps.queue.tickets.in(tx), counters: this.deps.counters.in(tx, this.by) };
  }

  private decide<T>(fn: (r: { tickets: TicketRepository; counters: CounterRepository }) => Promise<T>): Promise<T> {
    return this.deps.store.transaction((tx) => fn(this.inTx(tx)), { lock: 'queue-calls' });
  }

  /**
   * Calls the next ticket across the counter's queues: each service it serves and its own queue of tickets
   * transferred to it. Each queue's rule picks its candidate; between queues a priority candidate goes first,
   * then the earliest. A ticket the counter still had open is finished first (pressing "next" means done).
   */
  async callNext(counterId: string): Promise<DeskResult> {
    return this.called(counterId, await this.callNextNow(counterId));
  }

  async call(counterId: string, ref: { ticketId?: string | undefined; number?: string | undefined }): Promise<DeskResult> {
    return this.called(counterId, await this.callNow(counterId, ref));
  }

  private called(counterId: string, result: DeskResult): DeskResult {
    this.deps.afterCall?.(result.ticket.id, counterId);
    return result;
  }

  private async callNextNow(counterId: string): Promise<DeskResult> {
    const counter = this.counter(counterId);
    const day = this.deps.queue.today();
    const limit = this.deps.config.queue.priorityStreakLimit;
    return this.decide(async (r) => {
      const { tickets } = r;
      const groups: QueueGroup[] = [
        { kind: 'counter', counterId },
        ...counter.services.map((serviceId): QueueGroup => ({ kind: 'service', serviceId })),
      ];
      const now = this.now();
      const candidates = [];
      for (const group of groups) {
        const streak = await tickets.streak(day, group);
        // A booked ticket whose time has come goes first (README "Appointments"); the fairness streak is untouched.
        const booked = await tickets.dueBookedHead(day, group, now);
        const decision = booked
          ? { ticket: queued(booked)!, nextStreak: streak }
          : chooseNext(queued(await tickets.head(day, group, true)), queued(await tickets.head(day, group, false)), streak, limit);
        if (decision) candidates.push({ group, ...decision, due: booked !== undefined });
      }
      candidates.sort(
        (a, b) =>
          Number(b.due) - Number(a.due) ||
          (a.due && b.due ? a.ticket.bookedAtMs! - b.ticket.bookedAtMs! : 0) ||
          Number(b.ticket.priority !== null) - Number(a.ticket.priority !== null) ||
          a.ticket.queueKeyMs - b.ticket.queueKeyMs ||
          a.ticket.issuedAtMs - b.ticket.issuedAtMs,
      );
      const pick = candidates[0];
      if (!pick) throw new AgentError('QUEUE_EMPTY', 'Không còn ai đang chờ ở quầy này.');
      const closed = await this.closeCurrent(r, counterId, day);
      const atMs = this.now();
      await r.counters.call(pick.ticket, counterId, atMs, { key: streakKey(pick.group), value: pick.nextStreak });
      return { ticket: (await tickets.get(pick.ticket.id))!, ...(closed ? { closed } : {}), atMs };
    });
  }

  /** Calls one ticket by id or by today's number, out of turn (also a no-show who came back, or a ticket this counter parked). */
  private async callNow(counterId: string, ref: { ticketId?: string | undefined; number?: string | undefined }): Promise<DeskResult> {
    this.counter(counterId);
    const day = this.deps.queue.today();
    return this.decide(async (r) => {
      const ticket = ref.ticketId ? await this.deps.queue.getTicket(ref.ticketId, r.tickets) : await this.byNumber(r.tickets, day, ref.number ?? '');
      this.require(ticket, 'call', counterId);
      if (ticket.day !== day) throw new AgentError('TICKET_WRONG_STATE', `Số ${ticket.number} là của ngày ${ticket.day}, không gọi được hôm nay.`);
      const closed = await this.closeCurrent(r, counterId, day);
      const group: QueueGroup = ticket.targetCounterId
        ? { kind: 'counter', counterId: ticket.targetCounterId }
        : { kind: 'service', serviceId: ticket.queueServiceId };
      const streak = ticket.priority !== null ? (await r.tickets.streak(day, group)) + 1 : 0;
      const atMs = this.now();
      await r.counters.call(ticket, counterId, atMs, ticket.status === 'waiting' ? { key: streakKey(group), value: streak } : null);
      return { ticket: (await r.tickets.get(ticket.id))!, ...(closed ? { closed } : {}), atMs };
    });
  }

  /**
   * Calls the ticket again. After `queue.maxRecalls` recalls without the citizen coming (no start), the next one marks
   * it a no-show instead: the counter moves on, and the number can still be called later by number.
   */
  recall(counterId: string, ticketId?: string): Promise<DeskResult> {
    const max = this.deps.config.queue.maxRecalls;
    return this.act(counterId, ticketId, 'recall', (r, t, at) => (t.recalls >= max ? r.counters.noShow(t, at) : r.counters.recall(t, at)));
  }

  serve(counterId: string, ticketId?: string): Promise<DeskResult> {
    return this.act(counterId, ticketId, 'serve', (r, t, at) => r.counters.serve(t, at));
  }

  /** `dossierCode`: the dossier received or returned in this visit, as the officer entered it (its rating names it). */
  finish(counterId: string, ticketId?: string, dossierCode?: string): Promise<DeskResult> {
    return this.act(counterId, ticketId, 'finish', (r, t, at) => r.counters.finish(t, at, dossierCode ?? null));
  }

  noShow(counterId: string, ticketId?: string): Promise<DeskResult> {
    return this.act(counterId, ticketId, 'no-show', (r, t, at) => r.counters.noShow(t, at));
  }

  /**
   * Sets the counter's ticket (or the one named) aside while the citizen fetches a paper: the counter is free to call
   * the next, the ticket waits in no queue, and this counter calls it back from its parked list (`call`).
   */
  park(counterId: string, ticketId?: string): Promise<DeskResult> {
    return this.act(counterId, ticketId, 'park', (r, t, at) => r.counters.park(t, counterId, at));
  }

  /** Today's tickets this counter parked, oldest first. */
  parked(counterId: string): Promise<ParkedRow[]> {
    this.counter(counterId);
    return this.deps.counters.parked(counterId, this.deps.queue.today());
  }

  /** Sends a ticket to another service's queue or to one counter, at the front or the end; it waits again. */
  async transfer(counterId: string, req: TransferRequest): Promise<DeskResult> {
    if (req.toCounterId !== undefined) this.counter(req.toCounterId);
    if (req.toServiceId !== undefined) this.deps.queue.service(req.toServiceId);
    return this.act(counterId, req.ticketId, 'transfer', async (r, t, at) => {
      const queueServiceId = req.toServiceId ?? t.queueServiceId;
      const targetCounterId = req.toCounterId ?? null;
      const group: QueueGroup = targetCounterId ? { kind: 'counter', counterId: targetCounterId } : { kind: 'service', serviceId: queueServiceId };
      const front = await r.tickets.frontKey(t.day, group);
      // "Front": just before the first waiting ticket of that queue (priority tickets still go first by class).
      const keyMs = req.position === 'front' ? Math.min(at, (front ?? at) - 1) : at;
      return r.counters.transfer(t, { queueServiceId, targetCounterId, keyMs }, at, counterId);
    });
  }

  private async act(
    counterId: string,
    ticketId: string | undefined,
    action: CounterAction,
    apply: (r: { tickets: TicketRepository; counters: CounterRepository }, t: TicketRow, at: number) => Promise<boolean>,
  ): Promise<DeskResult> {
    this.counter(counterId);
    const day = this.deps.queue.today();
    return this.decide(async (r) => {
      const ticket = ticketId ? await this.deps.queue.getTicket(ticketId, r.tickets) : await r.counters.current(counterId, day);
      if (!ticket) throw new AgentError('COUNTER_IDLE', `Quầy số ${counterId} chưa gọi số nào. Bấm "Gọi số tiếp theo" trước.`);
      this.require(ticket, action, counterId);
      const atMs = this.now();
      if (!(await apply(r, ticket, atMs))) this.require((await r.tickets.get(ticket.id))!, action, counterId);
      return { ticket: (await r.tickets.get(ticket.id))!, atMs };
    });
  }

  private require(ticket: TicketRow, action: CounterAction, counterId: string): void {
    const verdict = canDo(action, ticket, counterId);
    if (verdict === 'ok') return;
    const code = verdict === 'other-counter' ? 'TICKET_OTHER_COUNTER' : 'TICKET_WRONG_STATE';
    throw new AgentError(code, explainWrongState(action, ticket, verdict), { facts: { status: ticket.status, number: ticket.number } });
  }

  private async byNumber(tickets: TicketRepository, day: string, number: string): Promise<TicketRow> {
    const ticket = await tickets.byNumber(day, number.trim().toUpperCase());
    if (!ticket) throw new AgentError('TICKET_NOT_FOUND', `Hôm nay không có số ${number}.`);
    return ticket;
  }

  private async closeCurrent(r: { tickets: TicketRepository; counters: CounterRepository }, counterId: string, day: string): Promise<TicketRow | undefined> {
    const current = await r.counters.current(counterId, day);
    if (!current) return undefined;
    await r.counters.finish(current, this.now());
    return r.tickets.get(current.id);
  }

  private now(): number {
    return this.deps.clock.now();
  }
}
