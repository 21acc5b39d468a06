/**
 * The queue: issues numbered tickets, tells each waiting person their honest position and wait, and decides who a
 * counter calls next. Pure decisions live in priority-order.ts and estimated-wait.ts; this module joins them to
 * the store and the clock.
 */
import type { LocalizedText, PriorityCategory, ServiceSummary, TicketView } from '../../../shared/api-schemas';
import { AgentError } from '../errors/agent-error';
import type { SiteConfig, ServiceConfig } from '../config/site-config-schema';
import { averageServiceMinutes, estimateWaitMinutes } from './estimated-wait';
import { localDayKey } from '../core/local-time';
import { type Clock } from '../core/clock';
import { counterNameOf } from './counter-info';
import { aheadFromCounts } from './priority-order';
import { openingAt, type Schedule } from './opening-hours';
import { availability, opensOnALaterDay, type AvailabilityInput } from './service-availability';
import { ServiceClosures } from './service-closures';
import { OPENING_TEXT, whenText } from '../i18n/opening-text';
import type { SqlStore } from '../store/store-port';
import { TicketRepository, type TicketRow } from './ticket-repository';
import { AppointmentRepository, CheckedInMeanwhile } from './appointment-repository';
import { groupOf, type QueueGroup } from './ticket-row';

const HISTORY_WINDOW_MS = 14 * 24 * 3_600_000;

export interface QueueServiceDeps {
  config: Pick<SiteConfig, 'center' | 'services' | 'counters' | 'queue' | 'hours' | 'closedDays'> & { appointments?: Pick<SiteConfig['appointments'], 'closingExempt'> };
  store: SqlStore;
  clock: Clock;
}

export class QueueService {
  private readonly serviceById: Map<string, ServiceConfig>;
  /** Reads outside any transaction. */
  readonly tickets: TicketRepository;
  private readonly closures: ServiceClosures;

  constructor(private readonly deps: QueueServiceDeps) {
    this.serviceById = new Map(deps.config.services.map((s) => [s.id, s]));
    this.tickets = new TicketRepository(deps.store);
    this.closures = new ServiceClosures(deps.store);
  }

  today(): string {
    return localDayKey(this.deps.clock.now(), this.deps.config.center.timezone);
  }

  service(serviceId: string): ServiceConfig {
    const service = this.serviceById.get(serviceId);
    if (!service) {
      throw new AgentError('SERVICE_NOT_FOUND', `Không có lĩnh vực "${serviceId}" tại quầy này. Vui lòng chọn lại lĩnh vực trên màn hình.`);
    }
    return service;
  }

  async issueTicket(serviceId: string, priority: PriorityCategory | undefined, phone?: string): Promise<TicketRow> {
    return (await this.issueWithPosition(serviceId, priority, phone)).ticket;
  }

  /**
   * Issues a ticket and reads its position in the same transaction: once it has committed, everything the slip
   * needs is known, so a store that drops right after cannot leave a committed ticket whose citizen was told "no
   * number" (a ghost a counter would call later).
   */
  async issueWithPosition(
    serviceId: string,
    priority: PriorityCategory | undefined,
    /** For the messages before the turn (turn-notices.ts); never shown or logged. */
    phone?: string,
    /**
     * A check-in for an appointment (appointment-check-in.ts, which has checked its time): it waits at its booked
     * time rather than at the end, and neither the hours of this moment (check-in opens before the slot), the
     * closing margin (`appointments.closingExempt`) nor the daily limit (its place was reserved) refuse it. A
     * service closed for the rest of the day still does.
     */
    booked?: { appointmentId: string; startMs: number },
  ): Promise<{ ticket: TicketRow; ahead: number; estimatedWaitMinutes: number }> {
    const service = this.service(serviceId);
    const now = this.deps.clock.now();
    const tz = this.deps.config.center.timezone;
    const opening = openingAt(this.scheduleOf(service), now, tz);
    if (!opening.open && !booked) throw this.refusal('SERVICE_CLOSED', service, opening.opensAtMs);
    const input = {
      day: localDayKey(now, this.deps.config.center.timezone),
      serviceId: service.id,
      prefix: service.prefix,
      priority: priority ?? null,
      issuedAtMs: now,
      phone: phone ?? null,
      booked,
    };
    return this.deps.store.transaction(async (tx) => {
      const tickets = this.tickets.in(tx);
      // Everything the position needs is read first: a new ticket goes to the end of its queue, so the tickets
      // ahead of it are those waiting now. Only then the number, whose row lock (PostgreSQL) other agents issuing
      // for this service wait on until the commit.
      if ((await this.closures.in(tx).closedOn(input.day)).has(service.id)) {
        throw this.refusal('SERVICE_CLOSED', service, this.reopensAfterToday(service, now));
      }
      const group: QueueGroup = { kind: 'service', serviceId: service.id };
      const waiting = await tickets.waitingInGroup(input.day, group);
      const streak = await tickets.streak(input.day, group);
      const durations = await tickets.recentServiceDurations(service.id, now - HISTORY_WINDOW_MS);
      const isPriority = priority !== undefined;
      const estimated = this.estimateFrom(service, this.aheadOf(isPriority, waiting, streak), this.countersFor(service.id), durations);
      const margin = this.deps.config.queue.closingMarginMinutes * 60_000;
      const exempt = booked ? (this.deps.config.appointments?.closingExempt ?? true) : isPriority && this.deps.config.queue.closingExemptPriority;
      if (opening.closesAtMs !== null && now + estimated * 60_000 > opening.closesAtMs + margin && !exempt) {
        throw this.refusal('SERVICE_CLOSING', service, opening.closesAtMs);
      }
      const ticket = await tickets.insertNext(input);
      // Checked on the number just taken, in its transaction: agents issuing at once cannot pass the limit together,
      // and the refusal rolls the number back (no gap).
      if (service.dailyLimit !== undefined && ticket.seq > service.dailyLimit && !booked) {
        throw this.refusal('SERVICE_FULL', service, this.reopensAfterToday(service, now));
      }
      if (booked) {
        // The appointment is marked in the ticket's transaction: one check-in, one ticket, whatever kiosks race.
        if (!(await new AppointmentRepository(tx).markCheckedIn(booked.appointmentId, ticket.id, now))) throw new CheckedInMeanwhile();
        return { ticket, ...(await this.position(ticket, tickets)) };
      }
      // Everyone waiting is ahead of a new walk-in, booked tickets checked in early included (they go first once due).
      const ahead = this.aheadOf(isPriority, waiting, streak);
      return { ticket, ahead, estimatedWaitMinutes: estimated };
    });
  }

  /** A supervisor closes a service for the rest of today: no more tickets for it until its next opening day. */
  async closeToday(serviceId: string, by: string | null): Promise<{ serviceId: string; day: string; opensAt: string | null }> {
    const service = this.service(serviceId);
    const now = this.deps.clock.now();
    await this.closures.close(this.today(), service.id, now, by);
    const opensAtMs = this.reopensAfterToday(service, now);
    return { serviceId: service.id, day: this.today(), opensAt: opensAtMs === null ? null : new Date(opensAtMs).toISOString() };
  }

  /** Whether a supervisor closed this service for the rest of today. */
  async closedToday(serviceId: string): Promise<boolean> {
    return (await this.closures.closedOn(this.today())).has(serviceId);
  }

  /** The service's first opening on a later day (a day closed early, a limit reached). */
  private reopensAfterToday(service: ServiceConfig, now: number): number | null {
    return opensOnALaterDay(this.scheduleOf(service), now, this.deps.config.center.timezone);
  }

  /** A service's hours: its own, else the centre's; the centre's closed days either way. */
  scheduleOf(service: ServiceConfig): Schedule {
    return { hours: service.hours ?? this.deps.config.hours, closedDays: this.deps.config.closedDays };
  }

  private availabilityBase(service: ServiceConfig, nowMs: number): Omit<AvailabilityInput, 'issuedToday'> {
    return {
      schedule: this.scheduleOf(service),
      nowMs,
      timeZone: this.deps.config.center.timezone,
      dailyLimit: service.dailyLimit,
      estimatedWaitMinutes: 0,
      closingMarginMinutes: this.deps.config.queue.closingMarginMinutes,
    };
  }

  /** People a new ticket of this class has ahead: the waiting of its queue, by the fairness rule. */
  private aheadOf(isPriority: boolean, waiting: { priority: number; normal: number }, streak: number): number {
    return aheadFromCounts({
      isPriority,
      sameClassBefore: isPriority ? waiting.priority : waiting.normal,
      otherClassWaiting: isPriority ? waiting.normal : waiting.priority,
      streak,
      limit: this.deps.config.queue.priorityStreakLimit,
    });
  }

  /** The coded refusal, its Vietnamese message saying when to come back, and the instant in `details`. */
  private refusal(code: 'SERVICE_CLOSED' | 'SERVICE_FULL' | 'SERVICE_CLOSING', service: ServiceConfig, atMs: number | null): AgentError {
    const tz = this.deps.config.center.timezone;
    const when = atMs === null ? null : whenText(atMs, tz);
    const name = service.name.vi;
    const message =
      code === 'SERVICE_CLOSED' ? OPENING_TEXT.closed(name, when) : code === 'SERVICE_FULL' ? OPENING_TEXT.full(name, when) : OPENING_TEXT.closing(name, when ?? '');
    const key = code === 'SERVICE_CLOSING' ? 'closesAt' : 'opensAt';
    return new AgentError(code, message, atMs === null ? {} : { facts: { [key]: new Date(atMs).toISOString() } });
  }

  /** Position (people called before this ticket) and estimated wait for a waiting ticket; 0 otherwise. */
  async position(ticket: TicketRow, tickets: TicketRepository = this.tickets): Promise<{ ahead: number; estimatedWaitMinutes: number }> {
    if (ticket.status !== 'waiting' || ticket.day !== this.today()) return { ahead: 0, estimatedWaitMinutes: 0 };
    const group = groupOf(ticket);
    const now = this.deps.clock.now();
    // A booked ticket whose time has come waits only for the booked ones due before it (README "Appointments").
    const due = ticket.bookedAtMs !== null && ticket.bookedAtMs <= now;
    let ahead = due ? 0 : aheadFromCounts({
      isPriority: ticket.priority !== null,
      ...(await tickets.queueCounts(ticket, group)),
      streak: await tickets.streak(ticket.day, group),
      limit: this.deps.config.queue.priorityStreakLimit,
    });
    // Booked tickets go first once due: a walk-in counts those checked in behind it; a booked one not yet due, none.
    if (ticket.bookedAtMs === null || due) ahead += await tickets.bookedAhead(ticket, group, now);
    // A ticket sent to one counter is served by that counter alone.
    const estimated = await this.estimate(ticket.queueServiceId, ahead, ticket.targetCounterId ? 1 : undefined, tickets);
    // Not called before its time unless the counters have nobody else: at least until then.
    const untilBooked = ticket.bookedAtMs !== null && !due ? Math.ceil((ticket.bookedAtMs - now) / 60_000) : 0;
    return { ahead, estimatedWaitMinutes: Math.max(estimated, untilBooked) };
  }

  async estimate(serviceId: string, ahead: number, counters = this.countersFor(serviceId), tickets: TicketRepository = this.tickets): Promise<number> {
    const service = this.service(serviceId);
    const durations = await tickets.recentServiceDurations(serviceId, this.deps.clock.now() - HISTORY_WINDOW_MS);
    return this.estimateFrom(service, ahead, counters, durations);
  }

  private estimateFrom(service: ServiceConfig, ahead: number, counters: number, durations: number[]): number {
    const avg = averageServiceMinutes(durations, service.defaultServiceMinutes ?? this.deps.config.queue.defaultServiceMinutes);
    return estimateWaitMinutes(ahead, avg, counters);
  }

  private counterName(counterId: string): { counterName: LocalizedText } {
    return { counterName: counterNameOf(this.deps.config.counters, counterId) };
  }

  countersFor(serviceId: string): number {
    return this.deps.config.counters.filter((c) => c.services.includes(serviceId)).length;
  }

  async listServices(): Promise<ServiceSummary[]> {
    const now = this.deps.clock.now();
    const counts = await this.tickets.waitingCounts(this.today());
    const issued = await this.tickets.issuedCounts(this.today());
    const closedToday = await this.closures.closedOn(this.today());
    return Promise.all(
      this.deps.config.services.map(async (s) => {
        const waiting = counts.get(s.id)?.total ?? 0;
        const estimatedWaitMinutes = await this.estimate(s.id, waiting);
        const open = availability({ ...this.availabilityBase(s, now), issuedToday: issued.get(s.id) ?? 0, estimatedWaitMinutes });
        const a = closedToday.has(s.id) ? { ...open, state: 'closed' as const, opensAtMs: this.reopensAfterToday(s, now), closesAtMs: null } : open;
        return {
          ...{ id: s.id, prefix: s.prefix, name: s.name, waiting, estimatedWaitMinutes, state: a.state },
          ...(a.opensAtMs !== null ? { opensAt: new Date(a.opensAtMs).toISOString() } : {}),
          ...(a.closesAtMs !== null ? { closesAt: new Date(a.closesAtMs).toISOString() } : {}),
          ...(a.remaining !== null ? { remaining: a.remaining } : {}),
          ...(s.appointments ? { appointments: { slotMinutes: s.appointments.slotMinutes, daysAhead: s.appointments.daysAhead } } : {}),
        };
      }),
    );
  }

  services(): readonly ServiceConfig[] {
    return this.deps.config.services;
  }

  waitingByClass(): Promise<Map<string, { total: number; priority: number }>> {
    return this.tickets.waitingCounts(this.today());
  }

  waitingForCounter(counterId: string): Promise<number> {
    return this.tickets.waitingForCounter(this.today(), counterId);
  }

  markPrinted(id: string, printed: boolean, printError: string | null): Promise<void> {
    return this.tickets.markPrinted(id, printed, printError);
  }

  /** A ticket by id, or TICKET_NOT_FOUND; `tickets` reads inside a caller's transaction. */
  async getTicket(id: string, tickets: TicketRepository = this.tickets): Promise<TicketRow> {
    const ticket = await tickets.get(id);
    if (!ticket) throw new AgentError('TICKET_NOT_FOUND', 'Không tìm thấy số thứ tự này. Vui lòng kiểm tra lại phiếu hoặc hỏi cán bộ hướng dẫn.');
    return ticket;
  }

  async view(ticket: TicketRow): Promise<TicketView> {
    return {
      id: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      priority: ticket.priority,
      issuedAt: new Date(ticket.issuedAtMs).toISOString(),
      status: ticket.status,
      ...(ticket.counterId ? { counterId: ticket.counterId, ...this.counterName(ticket.counterId) } : {}),
      ...(ticket.queueServiceId !== ticket.serviceId ? { queueServiceId: ticket.queueServiceId } : {}),
      ...(ticket.targetCounterId ? { targetCounterId: ticket.targetCounterId } : {}),
      ...(ticket.bookedAtMs !== null ? { bookedAt: new Date(ticket.bookedAtMs).toISOString() } : {}),
      ...(await this.position(ticket)),
    };
  }
}
