import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { TicketView } from '../../shared/api-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import type { AgentUpdate } from '../../kiosk-ui/src/agent-client/agent-updates';
import { trackTicketMachine, type Tracking } from '../../kiosk-ui/src/flows/track-ticket/track-ticket.machine';

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't9',
  number: 'A009',
  serviceId: 'tu-phap',
  priority: null,
  issuedAt: '2026-11-23T01:00:00.000Z',
  status: 'waiting',
  ahead: 3,
  estimatedWaitMinutes: 12,
  ...over,
});
const tracking = (t: TicketView): Tracking => ({ ticket: t, centerName: 'UBND xã', timezone: 'Asia/Ho_Chi_Minh', serviceNames: { 'tu-phap': { vi: 'Tư pháp', en: 'Justice' } } });

function start(first: () => Promise<Tracking>) {
  const clock = new SimulatedClock();
  let server = ticket();
  const loadTicket = vitest.fn(async () => server);
  let push: ((u: AgentUpdate) => void) | undefined;
  const machine = trackTicketMachine.provide({
    actors: {
      loadTracking: fromPromise(() => first()),
      loadTicket: fromPromise(() => loadTicket()),
      updates: fromCallback<AgentUpdate>(({ sendBack }) => {
        push = sendBack;
        return () => undefined;
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { ticketId: 't9', retryMs: 5_000 } }).start();
  return { actor, clock, loadTicket, push: (u: AgentUpdate) => push?.(u), setServer: (t: TicketView) => (server = t) };
}

describe('track-ticket machine', () => {
  it('follows the position live as other tickets are called, then the call to a counter', async () => {
    const d = start(async () => tracking(ticket()));
    await waitFor(d.actor, (s) => s.matches('tracking'));
    d.setServer(ticket({ ahead: 2, estimatedWaitMinutes: 8 }));
    d.push({ type: 'agent.event', event: { type: 'ticket.called', at: 'x', data: { ticket: ticket({ id: 'other', status: 'called' }), counterId: '1', counterName: { vi: 'Quầy số 1', en: 'Counter 1' }, calledAt: 'x' } } });
    await waitFor(d.actor, (s) => s.context.tracking?.ticket.ahead === 2);
    d.setServer(ticket({ status: 'called', ahead: 0, counterId: '3', counterName: { vi: 'Quầy số 3', en: 'Counter 3' } }));
    d.push({ type: 'agent.event', event: { type: 'ticket.called', at: 'y', data: { ticket: ticket({ status: 'called' }), counterId: '3', counterName: { vi: 'Quầy số 3', en: 'Counter 3' }, calledAt: 'y' } } });
    await waitFor(d.actor, (s) => s.context.tracking?.ticket.status === 'called');
    expect(d.actor.getSnapshot().context.tracking?.centerName).toBe('UBND xã');
  });

  it('an unknown ticket says so and stops; other failures retry by themselves', async () => {
    const missing = start(async () => Promise.reject(new AgentRequestError('TICKET_NOT_FOUND', 'no', 404)));
    await waitFor(missing.actor, (s) => s.matches('notFound'));

    let down = true;
    const d = start(async () => (down ? Promise.reject(new AgentRequestError('NETWORK_ERROR', 'down', 0)) : tracking(ticket())));
    await waitFor(d.actor, (s) => s.matches('failed'));
    down = false;
    d.clock.increment(5_000);
    await waitFor(d.actor, (s) => s.matches('tracking'));
  });

  it('shows the lost link and catches up when it returns', async () => {
    const d = start(async () => tracking(ticket()));
    await waitFor(d.actor, (s) => s.matches('tracking'));
    d.push({ type: 'agent.connection', connected: false });
    expect(d.actor.getSnapshot().matches({ tracking: { link: 'offline' } })).toBe(true);
    d.setServer(ticket({ status: 'serving', counterId: '2' }));
    d.push({ type: 'agent.connection', connected: true });
    await waitFor(d.actor, (s) => s.matches({ tracking: { link: 'online' } }) && s.context.tracking?.ticket.status === 'serving');
  });
});
