/**
 * The tracking page's phone (issue 18): a mobile number typed with the phone's keyboard is left on the ticket and
 * shown masked as the agent answered; a number that is not one is refused before asking; it can be withdrawn; and
 * through all of it the page keeps following the ticket live.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { TicketView } from '../../shared/api-schemas';
import { maskPhoneTail } from '../../shared/phone-number';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import type { AgentUpdate } from '../../kiosk-ui/src/agent-client/agent-updates';
import { trackTicketMachine } from '../../kiosk-ui/src/flows/track-ticket/track-ticket.machine';

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't9',
  number: 'A009',
  serviceId: 'tu-phap',
  priority: null,
  issuedAt: '2026-11-23T01:00:00.000Z',
  status: 'waiting',
  ahead: 5,
  estimatedWaitMinutes: 20,
  ...over,
});
const called = { type: 'agent.event', event: { type: 'ticket.called', at: 'x', data: { ticket: ticket({ id: 'other', status: 'called' }), counterId: '1', counterName: { vi: 'Quầy số 1', en: 'Counter 1' }, calledAt: 'x' } } } as const;

function start(leave: (input: { ticketId: string; phone: string }) => Promise<{ phone: string }> = async ({ phone }) => ({ phone: maskPhoneTail(phone) })) {
  let server = ticket();
  let push: ((u: AgentUpdate) => void) | undefined;
  const leaveSpy = vitest.fn(leave);
  const withdrawSpy = vitest.fn(async (_input: { ticketId: string }) => ({ ok: true }));
  const machine = trackTicketMachine.provide({
    actors: {
      loadTracking: fromPromise(async () => ({ ticket: server, centerName: 'UBND xã', timezone: 'Asia/Ho_Chi_Minh', serviceNames: {} })),
      loadTicket: fromPromise(async () => server),
      updates: fromCallback<AgentUpdate>(({ sendBack }) => {
        push = sendBack;
        return () => undefined;
      }),
      leavePhone: fromPromise(({ input }) => leaveSpy(input)),
      withdrawPhone: fromPromise(({ input }) => withdrawSpy(input)),
    },
  });
  const actor = createActor(machine, { input: { ticketId: 't9' } }).start();
  return { actor, leaveSpy, withdrawSpy, push: (u: AgentUpdate) => push?.(u), setServer: (t: TicketView) => (server = t) };
}

describe('track-ticket: a phone for the messages before the turn', () => {
  it('typed as people do, sent without spaces, shown masked; the page keeps following; withdrawn', async () => {
    const d = start();
    await waitFor(d.actor, (s) => s.matches('tracking'));
    d.actor.send({ type: 'phone.submit', phone: '0912 345 678' });
    await waitFor(d.actor, (s) => s.matches({ tracking: { phone: 'left' } }));
    expect(d.leaveSpy).toHaveBeenCalledWith({ ticketId: 't9', phone: '0912345678' });
    expect(d.actor.getSnapshot().context.phoneMasked).toBe('•••• ••• 678');
    // Still live: a call elsewhere moves the position.
    d.setServer(ticket({ ahead: 4 }));
    d.push(called);
    d.push(called); // a second call while the first refresh runs
    await waitFor(d.actor, (s) => s.context.tracking?.ticket.ahead === 4 && s.matches({ tracking: { data: 'steady' } }));
    expect(d.actor.getSnapshot().matches({ tracking: { phone: 'left' } })).toBe(true);
    d.push({ type: 'agent.connection', connected: false });
    d.setServer(ticket({ ahead: 2 }));
    d.push({ type: 'agent.connection', connected: true });
    await waitFor(d.actor, (s) => s.context.tracking?.ticket.ahead === 2 && s.matches({ tracking: { link: 'online' } }));
    d.actor.send({ type: 'phone.withdraw' });
    await waitFor(d.actor, (s) => s.matches({ tracking: { phone: 'form' } }));
    expect(d.withdrawSpy).toHaveBeenCalledWith({ ticketId: 't9' });
    expect(d.actor.getSnapshot().context).toMatchObject({ phoneMasked: null, phoneWithdrawn: true });
  });

  it('not a mobile number: refused without asking; the agent refusing says why by its code', async () => {
    const d = start(async () => {
      throw new AgentRequestError('TICKET_NOT_WAITING', 'Số A009 đã được gọi', 409);
    });
    await waitFor(d.actor, (s) => s.matches('tracking'));
    d.actor.send({ type: 'phone.submit', phone: '12345' });
    expect(d.actor.getSnapshot().context.phoneError).toBe('VALIDATION_FAILED');
    expect(d.leaveSpy).not.toHaveBeenCalled();
    d.actor.send({ type: 'phone.submit', phone: '+84912345678' });
    await waitFor(d.actor, (s) => s.context.phoneError === 'TICKET_NOT_WAITING');
    expect(d.actor.getSnapshot().matches({ tracking: { phone: 'form' } })).toBe(true);
    expect(d.leaveSpy).toHaveBeenCalledWith({ ticketId: 't9', phone: '+84912345678' });
  });
});
