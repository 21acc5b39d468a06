/** Kiosk queue routes: services and tickets (counter actions are in counter-routes.ts). Logic lives in queue/. */
import { z } from 'zod';
import {
  IssueTicketRequestSchema,
  IssuedTicketSchema,
  ServiceClosureSchema,
  ServiceListSchema,
  TicketViewSchema,
} from '../../../../shared/api-schemas';
import type { QueueService } from '../../queue/queue-service';
import type { TicketIssuer } from '../../queue/ticket-issuer';
import type { RouteRegistry } from '../route-registry';

export function registerQueueRoutes(r: RouteRegistry, deps: { queue: QueueService; issuer: TicketIssuer }): void {
  const { queue, issuer } = deps;

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
      path: '/api/services/:id/close-today',
      summary: 'Close a service for the rest of the day (e.g. a power cut at its counters): no more tickets until its next opening day; tickets already issued are still called',
      tag: 'queue',
      auth: 'staff',
      responses: { 200: { description: 'Closed until its next opening', schema: ServiceClosureSchema } },
      errors: ['UNAUTHORIZED', 'SERVICE_NOT_FOUND'],
    },
    ({ params }) => queue.closeToday(z.string().max(64).parse(params.id), null),
  );

  r.add(
    {
      method: 'post',
      path: '/api/tickets',
      summary: 'Issue a queue ticket and print it before replying',
      tag: 'queue',
      auth: 'kiosk',
      body: IssueTicketRequestSchema,
      responses: {
        201: {
          description: 'The ticket exists. `printed: false` with `printError` when the printer failed; the number is still valid.',
          schema: IssuedTicketSchema,
        },
      },
      errors: ['VALIDATION_FAILED', 'SERVICE_NOT_FOUND', 'SERVICE_CLOSED', 'SERVICE_FULL', 'SERVICE_CLOSING', 'STORE_UNAVAILABLE', 'KIOSK_ONLY'],
    },
    async ({ res, body }) => {
      res.status(201);
      return issuer.issue(body.serviceId, body.priority, body.phone);
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
    async ({ params }) => queue.view(await queue.getTicket(z.string().max(64).parse(params.id))),
  );
}
