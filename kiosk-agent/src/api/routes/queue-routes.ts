/** Kiosk queue routes: services and tickets (counter actions are in counter-routes.ts). Logic lives in queue/. */
import { z } from 'zod';
import {
  IssueTicketRequestSchema,
  IssuedTicketSchema,
  ServiceClosureSchema,
  ServiceListSchema,
  TicketPhoneRemovedSchema,
  TicketPhoneRequestSchema,
  TicketPhoneResponseSchema,
  TicketViewSchema,
} from '../../../../shared/api-schemas';
import type { Request } from 'express';
import type { QueueService } from '../../queue/queue-service';
import type { TicketIssuer } from '../../queue/ticket-issuer';
import type { TurnNotices } from '../../queue/turn-notices';
import type { AccessPolicy } from '../access-policy';
import { SlidingWindowLimiter } from '../rate-limiter';
import type { RouteRegistry } from '../route-registry';
import { officerOf } from '../route-auth';

export interface QueueRouteDeps {
  queue: QueueService;
  issuer: TicketIssuer;
  notices: TurnNotices;
  access: AccessPolicy;
  /** Phones one client other than the kiosk may leave or withdraw per minute. */
  phoneChangesPerMinute: number;
  now: () => number;
}

const TicketIdSchema = z.string().max(64);

export function registerQueueRoutes(r: RouteRegistry, deps: QueueRouteDeps): void {
  const { queue, issuer, notices } = deps;
  // Leaving a phone makes the agent send an SMS: a stranger with ids must not make it a messaging service. The
  // kiosk (its own machine, or a screen with its device token) is not limited: it serves the whole lobby.
  const phoneChanges = new SlidingWindowLimiter(deps.phoneChangesPerMinute, 60_000, deps.now);
  const throttle = (req: Request): void => {
    const caller = deps.access.identify(req);
    if (caller.kiosk) return;
    phoneChanges.takeOrRefuse(caller.address, (seconds) => `Đã đổi số điện thoại quá nhiều lần trong một phút. Vui lòng thử lại sau ${seconds} giây.`);
  };

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
      // A supervisor's decision (issue 19): an officer or an integration token cannot close a service.
      auth: 'supervisor',
      responses: { 200: { description: 'Closed until its next opening', schema: ServiceClosureSchema } },
      errors: ['UNAUTHORIZED', 'STAFF_ROLE_REQUIRED', 'SERVICE_NOT_FOUND'],
    },
    ({ req, params }) => queue.closeToday(z.string().max(64).parse(params.id), officerOf(req)?.username ?? null),
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
    async ({ params }) => queue.view(await queue.getTicket(TicketIdSchema.parse(params.id))),
  );

  r.add(
    {
      method: 'put',
      path: '/api/tickets/:id/phone',
      summary: 'Leave a phone on a waiting ticket for a message when the turn is near (queue.notifyAhead) and when it is called',
      description:
        'Anyone holding the ticket id (printed in its QR) may, as for GET /api/tickets/:id; a client other than the kiosk at most a few times a minute. ' +
        'Replaces a phone left before; each message still goes once. If the turn is already near, that message goes at once. ' +
        'The reply shows the phone masked (last three digits); the number is never echoed, shown or logged, and is deleted with the ticket at the end of the day.',
      tag: 'queue',
      auth: 'none',
      body: TicketPhoneRequestSchema,
      responses: { 200: { description: 'The phone is kept for this ticket', schema: TicketPhoneResponseSchema } },
      errors: ['VALIDATION_FAILED', 'TICKET_NOT_FOUND', 'TICKET_NOT_WAITING', 'RATE_LIMITED', 'STORE_UNAVAILABLE'],
    },
    async ({ req, params, body }) => {
      throttle(req);
      return notices.leavePhone(TicketIdSchema.parse(params.id), body.phone);
    },
  );

  r.add(
    {
      method: 'delete',
      path: '/api/tickets/:id/phone',
      summary: 'Withdraw the phone left on a ticket: no more messages, the number deleted at once (any state of the ticket)',
      tag: 'queue',
      auth: 'none',
      responses: { 200: { description: 'No phone is kept for this ticket', schema: TicketPhoneRemovedSchema } },
      errors: ['TICKET_NOT_FOUND', 'RATE_LIMITED', 'STORE_UNAVAILABLE'],
    },
    async ({ req, params }) => {
      throttle(req);
      return notices.withdrawPhone(TicketIdSchema.parse(params.id));
    },
  );
}
