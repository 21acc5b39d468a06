/** The queue side of the composition root: tickets, numbering, counters and their desk, issuing and statistics. */
import type { Clock } from '../core/clock';
import type { SiteConfig } from '../config/site-config-schema';
import type { Printer } from '../devices/printer/printer';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../logger';
import { CounterDesk } from '../queue/counter-desk';
import { CounterRepository } from '../queue/counter-repository';
import { QueueService } from '../queue/queue-service';
import { TicketIssuer } from '../queue/ticket-issuer';
import { QueueStats } from '../stats/queue-stats';
import type { SqlStore } from '../store/store-port';

export interface QueueSide {
  queue: QueueService;
  desk: CounterDesk;
  counterLog: CounterRepository;
  issuer: TicketIssuer;
  stats: QueueStats;
}

export function composeQueue(args: { config: SiteConfig; store: SqlStore; storeFailed: (err: unknown) => void; clock: Clock; printer: Printer; events: EventHub; log: Logger; trackUrl: (id: string) => string }): QueueSide {
  const { config, store, clock } = args;
  const queue = new QueueService({ config, store, clock });
  const counterLog = new CounterRepository(store);
  return {
    queue,
    counterLog,
    desk: new CounterDesk({ config, queue, store, counters: counterLog, clock }),
    issuer: new TicketIssuer({
      queue,
      printer: args.printer,
      events: args.events,
      centerName: config.center.name,
      timeZone: config.center.timezone,
      trackUrl: args.trackUrl,
      log: args.log.child({ module: 'tickets' }),
      storeFailed: args.storeFailed,
    }),
    stats: new QueueStats(store, config.feedback.scale),
  };
}
