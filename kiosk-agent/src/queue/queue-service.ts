/**
 * The queue: issues numbered tickets, tells each waiting person their honest position and wait, and decides who a
 * counter calls next. Pure decisions live in priority-order.ts and estimated-wait.ts; this module joins them to
 * the store and the clock.
 */
import type { PriorityCategory, ServiceSummary, TicketView } from '../../../shared/api-schemas';
import { AgentError } from '../errors/agent-error';
import type { SiteConfig, ServiceConfig } from '../config/site-config-schema';
import { averageServiceMinutes, estimateWaitMinutes } from './estimated-wait';
import { localDayKey, type Clock } from './local-day';
import { aheadFromCounts, chooseNext, type QueuedTicket } from './priority-order';
import type { TicketRepository, TicketRow } from './ticket-repository';

const HISTORY_WINDOW_MS = 14 * 24 * 3_600_000;

export interface QueueServiceDeps {
  config: Pick<SiteConfig, 'center' | 'services' | 'counters' | 'queue'>;
  tickets: TicketRepository;
  clock: Clock;
}

function toQueued(t: TicketRow): TicketRow & QueuedTicket {
  return { ...t, isPriority: t.priority !== null };
}

export class QueueService {
  private readonly services: Map<string, ServiceConfig>;

  constructor(private readonly deps: QueueServiceDeps) {
    this.services = new Map(deps.config.services.map((s) => [s.id, s]));
  }

  today(): string {
    return localDayKey(this.deps.clock.now(), this.deps.config.center.timezone);
  }

  service(serviceId: string): ServiceConfig {
    const service = this.services.get(serviceId);
    if (!service) {
      throw new AgentError('SERVICE_NOT_FOUND', `Không có lĩnh vực "${serviceId}" tại quầy này. Vui lòng chọn lại lĩnh vực trên màn hình.`);
    }
    return service;
  }

  issueTicket(serviceId: string, priority: PriorityCategory | undefined): TicketRow {
    const service = this.service(serviceId);
    const now = this.deps.clock.now();
    return this.deps.tickets.issue({
      day: localDayKey(now, this.deps.config.center.timezone),
      serviceId: service.id,
      prefix: service.prefix,
      priority: priority ?? null,
      issuedAtMs: now,
    });
  }

  /** Position (people called before this ticket) and estimated wait for a waiting ticket; 0 otherwise. */
  position(ticket: TicketRow): { ahead: number; estimatedWaitMinutes: number } {
    if (ticket.status !== 'waiting' || ticket.day !== this.today()) return { ahead: 0, estimatedWaitMinutes: 0 };
    const counts = this.deps.tickets.queueCounts(ticket);
    const ahead = aheadFromCounts({
      isPriority: ticket.priority !== null,
      ...counts,
      streak: this.deps.tickets.streak(ticket.day, ticket.serviceId),
      limit: this.deps.config.queue.priorityStreakLimit,
    });
    return { ahead, estimatedWaitMinutes: this.estimate(ticket.serviceId, ahead) };
  }

  estimate(serviceId: string, ahead: number): number {
    const service = this.service(serviceId);
    const durations = this.deps.tickets.recentServiceDurations(serviceId, this.deps.clock.now() - HISTORY_WINDOW_MS);
    const avg = averageServiceMinutes(durations, service.defaultServiceMinutes ?? this.deps.config.queue.defaultServiceMinutes);
    return estimateWaitMinutes(ahead, avg, this.countersFor(serviceId));
  }

  countersFor(serviceId: string): number {
    return this.deps.config.counters.filter((c) => c.services.includes(serviceId)).length;
  }

  listServices(): ServiceSummary[] {
    const counts = this.deps.tickets.waitingCounts(this.today());
    return this.deps.config.services.map((s) => {
      const waiting = counts.get(s.id) ?? 0;
      return { id: s.id, prefix: s.prefix, name: s.name, waiting, estimatedWaitMinutes: this.estimate(s.id, waiting) };
    });
  }

  markPrinted(id: string, printed: boolean, printError: string | null): void {
    this.deps.tickets.markPrinted(id, printed, printError);
  }

  getTicket(id: string): TicketRow {
    const ticket = this.deps.tickets.get(id);
    if (!ticket) throw new AgentError('TICKET_NOT_FOUND', 'Không tìm thấy số thứ tự này. Vui lòng kiểm tra lại phiếu hoặc hỏi cán bộ hướng dẫn.');
    return ticket;
  }

  view(ticket: TicketRow): TicketView {
    return {
      id: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      priority: ticket.priority,
      issuedAt: new Date(ticket.issuedAtMs).toISOString(),
      status: ticket.status,
      ...(ticket.counterId ? { counterId: ticket.counterId } : {}),
      ...this.position(ticket),
    };
  }

  /**
   * Calls the next ticket for a counter across the services it serves. Each service's own rule picks its
   * candidate; between services, a priority candidate goes first, then the longest-waiting one.
   */
  callNext(counterId: string): TicketRow {
    const counter = this.deps.config.counters.find((c) => c.id === counterId);
    if (!counter) throw new AgentError('COUNTER_NOT_FOUND', `Không có quầy số ${counterId}.`);
    const day = this.today();
    const limit = this.deps.config.queue.priorityStreakLimit;
    return this.deps.tickets.runInTransaction(() => {
      const candidates = counter.services.flatMap((serviceId) => {
        const waiting = this.deps.tickets.waiting(day, serviceId).map(toQueued);
        const decision = chooseNext(
          waiting.find((t) => t.isPriority),
          waiting.find((t) => !t.isPriority),
          this.deps.tickets.streak(day, serviceId),
          limit,
        );
        return decision ? [{ serviceId, ...decision }] : [];
      });
      candidates.sort((a, b) => Number(b.ticket.isPriority) - Number(a.ticket.isPriority) || a.ticket.issuedAtMs - b.ticket.issuedAtMs);
      const pick = candidates[0];
      if (!pick) throw new AgentError('QUEUE_EMPTY', 'Không còn ai đang chờ ở quầy này.');
      this.deps.tickets.markCalled(pick.ticket.id, counterId, this.deps.clock.now(), day, pick.serviceId, pick.nextStreak);
      return this.deps.tickets.get(pick.ticket.id)!;
    });
  }
}
