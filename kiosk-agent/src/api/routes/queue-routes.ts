/** Kiosk and staff queue routes: services, tickets, call-next. Logic lives in queue/; these only translate. */
import { z } from 'zod';
import {
  CallNextResponseSchema,
  IssueTicketRequestSchema,
  IssuedTicketSchema,
  ServiceListSchema,
  TicketViewSchema,
} from '../../../../shared/api-schemas';
import type { QueueService } from '../../queue/queue-service';
import type { TicketIssuer } from '../../queue/ticket-issuer';
import type { EventHub } from '../../events/event-hub';
import type { RouteRegistry } from '../route-registry';

export function registerQueueRoutes(r: RouteRegistry, deps: { queue: QueueService; issuer: TicketIssuer; events: EventHub }): void {
  const { queue, issuer, events } = deps;

  r.add(
    {
      method: 'get',
      path: '/api/services',
      summary: 'Service areas with people waiting and the estimated wait',
      tag: 'queue',
      auth: 'none',
      responses: { 200: { description: 'Services in the order of the site config', schema: ServiceListSchema } },
    },
    () => queue.listServices(),
  );

  r.add(
    {
      method: 'post',
      path: '/api/tickets',
      summary: 'Issue a queue ticket and print it before replying',
      tag: 'queue',
      auth: 'none',
      body: IssueTicketRequestSchema,
      responses: {
        201: {
          description: 'The ticket exists. `printed: false` with `printError` when the printer failed; the number is still valid.',
          schema: IssuedTicketSchema,
        },
      },
      errors: ['VALIDATION_FAILED', 'SERVICE_NOT_FOUND'],
    },
    async ({ res, body }) => {
      res.status(201);
      return issuer.issue(body.serviceId, body.priority);
    },
  );

  r.add(
    {
      method: 'get',
      path: '/api/tickets/:id',
      summary: 'A ticket with its status and people ahead (the QR on the ticket links here through /track/:id)',
      tag: 'queue',
      auth: 'none',
      responses: { 200: { description: 'The ticket', schema: TicketViewSchema } },
      errors: ['TICKET_NOT_FOUND'],
    },
    ({ params }) => queue.view(queue.getTicket(z.string().max(64).parse(params.id))),
  );

  r.add(
    {
      method: 'post',
      path: '/api/counters/:id/call-next',
      summary: 'Call the next ticket for a counter (priority first, one normal ticket after N priority calls in a row)',
      tag: 'counters',
      auth: 'staff',
      responses: { 200: { description: 'The called ticket', schema: CallNextResponseSchema } },
      errors: ['UNAUTHORIZED', 'COUNTER_NOT_FOUND', 'QUEUE_EMPTY'],
    },
    ({ params }) => {
      const counterId = String(params.id);
      const ticket = queue.view(queue.callNext(counterId));
      events.publish('ticket.called', { ticket, counterId });
      return { ticket };
    },
  );
}
