/** The queue side of the composition root: tickets, numbering, counters and their desk, issuing and statistics. */
import type { Clock } from '../core/clock';
import type { SiteConfig } from '../config/site-config-schema';
import type { Printer } from '../devices/printer/printer';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../logger';
import { CounterDesk } from '../queue/counter-desk';
import { CounterRepository } from '../queue/counter-repository';
import { QueueService } from '../queue/queue-service';
import { counterNameOf } from '../queue/counter-info';
import { TurnNotices } from '../queue/turn-notices';
import { TicketIssuer } from '../queue/ticket-issuer';
import { AppointmentBook } from '../queue/appointment-book';
import { AppointmentCheckIn } from '../queue/appointment-check-in';
import { QueueStats } from '../stats/queue-stats';
import { ServiceQualityReports } from '../stats/service-quality-report';
import type { SqlStore } from '../store/store-port';

export interface QueueSide {
  queue: QueueService;
  desk: CounterDesk;
  counterLog: CounterRepository;
  issuer: TicketIssuer;
  /** The messages before a turn, and the phone a citizen leaves or withdraws for them. */
  notices: TurnNotices;
  stats: QueueStats;
  reports: ServiceQualityReports;
  appointmentBook: AppointmentBook;
  checkIn: AppointmentCheckIn;
}

export function composeQueue(args: {
  config: SiteConfig;
  store: SqlStore;
  storeFailed: (err: unknown) => void;
  /** Messages were queued in the outbox: deliver them now. */
  wakeOutbox: () => void;
  clock: Clock;
  printer: Printer;
  events: EventHub;
  log: Logger;
  trackUrl: (id: string) => string;
  /** The page showing an appointment's QR (its link goes out by SMS). */
  appointmentUrl: (id: string) => string;
}): QueueSide {
  const { config, store, clock } = args;
  const queue = new QueueService({ config, store, clock });
  const counterLog = new CounterRepository(store);
  const notices = new TurnNotices({ store, queue, notifyAhead: config.queue.notifyAhead, centerName: config.center.name, now: () => clock.now(), queued: args.wakeOutbox });
  const noticeLog = args.log.child({ module: 'turn-notices' });
  const afterCall = (ticketId: string, counterId: string): void => {
    notices.afterCall(ticketId, counterNameOf(config.counters, counterId).vi).catch((err: unknown) => {
      // The call stands; the messages are checked again at the next call.
      args.storeFailed(err);
      noticeLog.warn({ err: (err as Error).message }, 'turn messages not queued; checked again at the next call');
    });
  };
  const afterIssue = (ticketId: string): void => {
    notices.afterIssue(ticketId).catch((err: unknown) => {
      // The ticket stands; "near" is checked again at the next call.
      args.storeFailed(err);
      noticeLog.warn({ err: (err as Error).message }, 'turn message not queued after issue; checked again at the next call');
    });
  };
  const issuer = new TicketIssuer({
      queue,
      printer: args.printer,
      events: args.events,
      centerName: config.center.name,
      timeZone: config.center.timezone,
      trackUrl: args.trackUrl,
      log: args.log.child({ module: 'tickets' }),
      storeFailed: args.storeFailed,
    issuedWithPhone: afterIssue,
  });
  const appointmentBook = new AppointmentBook({ config, queue, store, clock, appointmentUrl: args.appointmentUrl, queued: args.wakeOutbox });
  return {
    queue,
    counterLog,
    notices,
    desk: new CounterDesk({ config, queue, store, counters: counterLog, clock, afterCall }),
    issuer,
    stats: new QueueStats(store, config.feedback.scale, () => clock.now()),
    reports: new ServiceQualityReports({
      store,
      centerName: config.center.name,
      timeZone: config.center.timezone,
      ratingScale: config.feedback.scale,
      services: () => queue.services(),
      now: () => clock.now(),
    }),
    appointmentBook,
    checkIn: new AppointmentCheckIn({ config, appointments: appointmentBook.appointments, queue, issuer, clock }),
  };
}
