/**
 * Counter console routes (staff token): the counter's state and every action an officer takes. Logic lives in
 * queue/counter-desk.ts; these translate, and tell the lobby display, other consoles and /track pages over WS.
 */
import type { Request } from 'express';
import { z } from 'zod';
import {
  CallTicketRequestSchema,
  CounterActionResponseSchema,
  CounterInfoSchema,
  CounterStateSchema,
  FinishRequestSchema,
  ParkedListSchema,
  TicketActionRequestSchema,
  type ParkedTicket,
  TransferRequestSchema,
  type CounterState,
} from '../../../../shared/counter-schemas';
import type { ErrorCode } from '../../../../shared/error-codes';
import type { EventHub } from '../../events/event-hub';
import type { CounterConfig, CounterDesk, DeskResult } from '../../queue/counter-desk';
import type { ParkedRow } from '../../queue/counter-repository';
import type { QueueService } from '../../queue/queue-service';
import { counterInfo } from '../../queue/counter-info';
import type { RouteRegistry } from '../route-registry';
import { officerOf } from '../route-auth';

export interface CounterRouteDeps {
  desk: CounterDesk;
  queue: QueueService;
  events: EventHub;
  counters: readonly CounterConfig[];
}

type Action = 'recall' | 'serve' | 'finish' | 'no-show' | 'park';
const ACTIONS: { action: Action; path: string; summary: string; errors: ErrorCode[] }[] = [
  { action: 'recall', path: 'recall', summary: 'Call the current ticket again (the lobby display announces it again)', errors: ['TICKET_WRONG_STATE'] },
  { action: 'serve', path: 'start', summary: 'The citizen arrived: start serving the called ticket', errors: ['TICKET_WRONG_STATE'] },
  { action: 'finish', path: 'finish', summary: 'Finish serving (from called or serving); `dossierCode` names the dossier received or returned, and the visit\'s rating is tied to it', errors: ['TICKET_WRONG_STATE'] },
  { action: 'no-show', path: 'no-show', summary: 'The called citizen did not come; they may be called again by number later', errors: ['TICKET_WRONG_STATE'] },
  {
    action: 'park',
    path: 'park',
    summary:
      "Park the called or served ticket (the citizen went to fetch a paper): the counter is free, the ticket (status `parked`) waits in no queue and is called back from the counter's parked list with POST /api/counters/{id}/call",
    errors: ['TICKET_WRONG_STATE'],
  },
];

const parkedView = (p: ParkedRow): ParkedTicket => ({ id: p.id, number: p.number, serviceId: p.serviceId, parkedAt: new Date(p.parkedAtMs).toISOString() });

export function registerCounterRoutes(r: RouteRegistry, deps: CounterRouteDeps): void {
  const { desk, queue, events } = deps;
  const counterId = (params: Record<string, string>): string => z.string().max(64).parse(params.id);
  /** The desk acting for the officer signed in on this request (ticket events name them), or for a machine. */
  const deskFor = (req: Request): CounterDesk => desk.as(officerOf(req)?.id ?? null);

  const publish = async (id: string, result: DeskResult, action: 'call' | 'recall' | 'serve' | 'finish' | 'no-show' | 'transfer' | 'park') => {
    const ticket = await queue.view(result.ticket);
    const closed = result.closed ? await queue.view(result.closed) : undefined;
    if (closed) events.publish('ticket.updated', { ticket: closed, action: 'finish', counterId: id });
    if (action === 'call' || action === 'recall') {
      const calledAt = new Date(result.atMs).toISOString();
      events.publish('ticket.called', { ticket, counterId: id, counterName: counterInfo(desk.counter(id)).name, recall: action === 'recall', calledAt });
    } else events.publish('ticket.updated', { ticket, action, counterId: id });
    return { ticket, ...(closed ? { closed } : {}) };
  };

  r.add(
    {
      method: 'get',
      path: '/api/counters',
      summary: 'The counters and the services each one serves',
      tag: 'counters',
      auth: 'none',
      responses: { 200: { description: 'Counters in the order of the site config', schema: z.array(CounterInfoSchema) } },
    },
    () => deps.counters.map(counterInfo),
  );

  r.add(
    {
      method: 'get',
      path: '/api/counters/:id',
      summary: 'What a counter console shows: its current ticket and the people waiting in each of its queues',
      tag: 'counters',
      auth: 'staff',
      responses: { 200: { description: 'Counter state', schema: CounterStateSchema } },
      errors: ['UNAUTHORIZED', 'COUNTER_NOT_FOUND'],
    },
    async ({ params }): Promise<CounterState> => {
      const counter = desk.counter(counterId(params));
      const current = await desk.current(counter.id);
      const waiting = await queue.waitingByClass();
      return {
        counter: counterInfo(counter),
        current: current ? await queue.view(current) : null,
        queues: counter.services.map((serviceId) => {
          const s = queue.service(serviceId);
          const w = waiting.get(serviceId) ?? { total: 0, priority: 0 };
          return { serviceId, name: s.name, prefix: s.prefix, waiting: w.total, priorityWaiting: w.priority };
        }),
        directWaiting: await queue.waitingForCounter(counter.id),
        parked: (await desk.parked(counter.id)).map(parkedView),
        counters: deps.counters.map(counterInfo),
        services: queue.services().map((s) => ({ id: s.id, name: s.name })),
      };
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/counters/:id/call-next',
      summary: 'Call the next ticket (priority first, one normal ticket after N priority calls in a row); finishes the ticket the counter had open',
      tag: 'counters',
      auth: 'staff',
      responses: { 200: { description: 'The called ticket (and the ticket it finished, if any)', schema: CounterActionResponseSchema } },
      errors: ['UNAUTHORIZED', 'COUNTER_NOT_FOUND', 'QUEUE_EMPTY'],
    },
    async ({ req, params }) => {
      const id = counterId(params);
      return publish(id, await deskFor(req).callNext(id), 'call');
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/counters/:id/call',
      summary: 'Call one particular waiting ticket (by id or by number, e.g. "A012"), also a no-show who came back, or a ticket this counter parked (called back)',
      tag: 'counters',
      auth: 'staff',
      body: CallTicketRequestSchema,
      responses: { 200: { description: 'The called ticket', schema: CounterActionResponseSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'COUNTER_NOT_FOUND', 'TICKET_NOT_FOUND', 'TICKET_WRONG_STATE', 'TICKET_OTHER_COUNTER'],
    },
    async ({ req, params, body }) => {
      const id = counterId(params);
      return publish(id, await deskFor(req).call(id, body), 'call');
    },
  );

  r.add(
    {
      method: 'get',
      path: '/api/counters/:id/parked',
      summary: "Today's tickets this counter parked (status `parked`), oldest first: call one back with POST /api/counters/{id}/call and its ticketId",
      tag: 'counters',
      auth: 'staff',
      responses: { 200: { description: 'Parked tickets', schema: ParkedListSchema } },
      errors: ['UNAUTHORIZED', 'COUNTER_NOT_FOUND'],
    },
    async ({ params }): Promise<ParkedTicket[]> => (await desk.parked(counterId(params))).map(parkedView),
  );

  for (const a of ACTIONS) {
    r.add(
      {
        method: 'post',
        path: `/api/counters/:id/${a.path}`,
        summary: `${a.summary}. Acts on the counter's current ticket unless \`ticketId\` is given.`,
        tag: 'counters',
        auth: 'staff',
        body: a.action === 'finish' ? FinishRequestSchema : TicketActionRequestSchema,
        responses: { 200: { description: 'The ticket after the action', schema: CounterActionResponseSchema } },
        errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'COUNTER_NOT_FOUND', 'TICKET_NOT_FOUND', 'COUNTER_IDLE', 'TICKET_OTHER_COUNTER', ...a.errors],
      },
      async ({ req, params, body }) => {
        const id = counterId(params);
        const officerDesk = deskFor(req);
        const run = { recall: officerDesk.recall, serve: officerDesk.serve, finish: officerDesk.finish, 'no-show': officerDesk.noShow, park: officerDesk.park }[a.action].bind(officerDesk);
        // Only the finish body (FinishRequestSchema, validated above) can carry a dossier code.
        const { dossierCode } = body as { dossierCode?: string };
        const result = await run(id, body.ticketId, dossierCode);
        // A recall past queue.maxRecalls ended the ticket as a no-show: that is what everyone is told.
        return publish(id, result, a.action === 'recall' && result.ticket.status === 'no-show' ? 'no-show' : a.action);
      },
    );
  }

  r.add(
    {
      method: 'post',
      path: '/api/counters/:id/transfer',
      summary: 'Transfer a ticket to another service or to one counter, at the front or the end of that queue; it waits again',
      tag: 'counters',
      auth: 'staff',
      body: TransferRequestSchema,
      responses: { 200: { description: 'The transferred ticket, waiting in its new queue', schema: CounterActionResponseSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'COUNTER_NOT_FOUND', 'SERVICE_NOT_FOUND', 'TICKET_NOT_FOUND', 'COUNTER_IDLE', 'TICKET_WRONG_STATE', 'TICKET_OTHER_COUNTER'],
    },
    async ({ req, params, body }) => {
      const id = counterId(params);
      return publish(id, await deskFor(req).transfer(id, body), 'transfer');
    },
  );
}
