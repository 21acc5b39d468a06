/**
 * The optional phone after the ticket (issue 18): "Nhận tin nhắn khi sắp đến lượt" → the keypad (10 digits at most,
 * what is on screen masked but the last three) → "Gửi" → the confirmation with the agent's masked answer → home by
 * itself; refusals by code; "Bỏ qua" back to the number; the session's idle timer still brings the kiosk home.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromPromise, waitFor } from 'xstate';
import { maskPhoneTail } from '../../shared/phone-number';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { DEFAULT_TICKET_TIMING, takeTicketMachine } from '../../kiosk-ui/src/flows/take-ticket/take-ticket.machine';
import { DEFAULT_TIMING } from '../../kiosk-ui/src/app/kiosk-session/kiosk-session.machine';
import { SERVICES, issuedTicket, startSession, ticketAt, toPriorityQuestion } from './support/kiosk-session-harness';

type Leave = (input: { ticketId: string; phone: string }) => Promise<{ phone: string }>;

async function atTicket(leave: Leave = async ({ phone }) => ({ phone: maskPhoneTail(phone) })) {
  const clock = new SimulatedClock();
  const leaveSpy = vitest.fn(leave);
  const machine = takeTicketMachine.provide({
    actors: {
      loadServices: fromPromise(async () => SERVICES),
      issueTicket: fromPromise(async ({ input }) => issuedTicket(input)),
      leavePhone: fromPromise(({ input }) => leaveSpy(input)),
    },
  });
  const actor = createActor(machine, { clock, input: { serviceId: 'tu-phap', priorityPath: false, priorityCategories: [], timing: DEFAULT_TICKET_TIMING } }).start();
  actor.send({ type: 'priority.chosen', priority: null });
  await waitFor(actor, (s) => s.matches({ showingTicket: 'printed' }));
  return { actor, clock, leaveSpy };
}
type Actor = Awaited<ReturnType<typeof atTicket>>['actor'];
const type = (actor: Actor, digits: string) => [...digits].forEach((digit) => actor.send({ type: 'phone.digit', digit }));

describe('the phone after the ticket', () => {
  it('typed on the keypad, masked but the last three, sent; the confirmation shows the masked answer, then home by itself', async () => {
    const { actor, clock, leaveSpy } = await atTicket();
    actor.send({ type: 'phone.start' });
    expect(actor.getSnapshot().value).toBe('enteringPhone');
    // The ticket's own 15 s no longer runs while a number is typed.
    clock.increment(DEFAULT_TICKET_TIMING.ticketShownMs * 2);
    expect(actor.getSnapshot().value).toBe('enteringPhone');
    type(actor, '09123');
    expect(maskPhoneTail(actor.getSnapshot().context.phoneDigits)).toBe('••12 3');
    actor.send({ type: 'phone.delete' });
    type(actor, '345678');
    type(actor, '99'); // past ten digits: ignored
    expect(actor.getSnapshot().context.phoneDigits).toBe('0912345678');
    expect(maskPhoneTail(actor.getSnapshot().context.phoneDigits)).toBe('•••• ••• 678');
    actor.send({ type: 'phone.submit' });
    await waitFor(actor, (s) => s.matches('phoneSent'));
    expect(leaveSpy).toHaveBeenCalledWith({ ticketId: 'tAbc', phone: '0912345678' });
    expect(actor.getSnapshot().context).toMatchObject({ phoneMasked: '•••• ••• 678', phoneDigits: '' });
    clock.increment(DEFAULT_TICKET_TIMING.ticketShownMs - 1);
    expect(actor.getSnapshot().status).toBe('active');
    clock.increment(1);
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('not a mobile number: refused on the screen without asking the agent; a refusal from the agent is told by its code and the number kept', async () => {
    const { actor, leaveSpy } = await atTicket(async () => {
      throw new AgentRequestError('TICKET_NOT_WAITING', 'Số A012 đã được gọi', 409);
    });
    actor.send({ type: 'phone.start' });
    type(actor, '0212345678');
    actor.send({ type: 'phone.submit' });
    expect(actor.getSnapshot().context.errorCode).toBe('VALIDATION_FAILED');
    expect(leaveSpy).not.toHaveBeenCalled();
    actor.send({ type: 'phone.delete' }); // typing clears the message
    expect(actor.getSnapshot().context.errorCode).toBeNull();
    for (let i = 0; i < 9; i++) actor.send({ type: 'phone.delete' });
    type(actor, '0912345678');
    actor.send({ type: 'phone.submit' });
    await waitFor(actor, (s) => s.matches('enteringPhone') && s.context.errorCode !== null);
    expect(actor.getSnapshot().context).toMatchObject({ errorCode: 'TICKET_NOT_WAITING', phoneDigits: '0912345678' });
  });

  it('"Bỏ qua" goes back to the number, which goes home by itself as before', async () => {
    const { actor, clock, leaveSpy } = await atTicket();
    actor.send({ type: 'phone.start' });
    type(actor, '0912');
    actor.send({ type: 'phone.skip' });
    expect(actor.getSnapshot().matches({ showingTicket: 'printed' })).toBe(true);
    expect(actor.getSnapshot().context.phoneDigits).toBe('');
    clock.increment(DEFAULT_TICKET_TIMING.ticketShownMs);
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
    expect(leaveSpy).not.toHaveBeenCalled();
  });

  it('in the session: the keypad re-arms the idle timer, and left alone the kiosk goes home with the digits gone', async () => {
    const s = startSession({ input: { idleWarningMs: 0 } });
    await toPriorityQuestion(s);
    s.actor.send({ type: 'priority.chosen', priority: null });
    await ticketAt(s, { showingTicket: 'printed' });
    s.actor.send({ type: 'phone.start' });
    await ticketAt(s, 'enteringPhone');
    s.clock.increment(DEFAULT_TIMING.idleTimeoutMs - 1);
    s.actor.send({ type: 'phone.digit', digit: '0' });
    expect(s.ticket()?.context.phoneDigits).toBe('0');
    s.clock.increment(DEFAULT_TIMING.idleTimeoutMs - 1);
    expect(s.ticket()?.value).toBe('enteringPhone');
    s.clock.increment(1);
    expect(s.actor.getSnapshot().matches('attract')).toBe(true);
    expect(s.ticket()).toBeUndefined();
  });
});
