/**
 * The pickup flow inside the kiosk session: a scan from any screen starts it, its ticket offer leads to the ticket
 * flow's priority question and printing, an open door holds the idle timer, and the idle timeout still ends a
 * session abandoned at the keypad.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { SLIP, flowOf, issuedTicket, pickupAt, startSession, ticketAt, toPriorityQuestion } from './support/kiosk-session-harness';

const IDLE = 60_000;
const start = (inLocker = true) => startSession({ inLocker, input: { idleTimeoutMs: IDLE, idleWarningMs: 0 } });

describe('kiosk session with the pickup flow', () => {
  it('a slip scanned on the attract screen opens the pickup flow and looks the slip up', async () => {
    const s = start();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan(SLIP);
    expect(flowOf(s)).toBe('collectingResult');
    await pickupAt(s, 'enteringCode');
    expect(s.lookup).toHaveBeenCalledWith(SLIP);
  });

  it('"Nhận kết quả" on the home screen asks for the slip; a scan there is passed on to the flow', async () => {
    const s = start();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'home.collectResult' });
    await pickupAt(s, 'waitingForSlip');
    s.scan(SLIP);
    await pickupAt(s, 'enteringCode');
    expect(s.lookup).toHaveBeenCalledTimes(1);
  });

  it('a slip scanned in the middle of taking a ticket: the ticket flow ends and the pickup flow starts with that slip', async () => {
    const s = start();
    await toPriorityQuestion(s);
    s.scan(SLIP);
    await pickupAt(s, 'enteringCode');
    expect(s.ticketFlow()).toBeUndefined();
    expect(s.lookup).toHaveBeenCalledWith(SLIP);
  });

  it('the ticket offered for the result counter goes through the priority question and is printed', async () => {
    const s = start(false);
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan(SLIP);
    await pickupAt(s, 'showingStatus');
    s.pickupFlow()!.send({ type: 'pickup.takeTicket' });
    await ticketAt(s, 'askingPriority');
    expect(s.ticket()?.context.serviceId).toBe('tra-ket-qua');
    expect(s.loadServices).not.toHaveBeenCalled();
    s.actor.send({ type: 'priority.chosen', priority: 'elderly' });
    await ticketAt(s, 'showingTicket');
    expect(s.issue).toHaveBeenCalledWith({ serviceId: 'tra-ket-qua', priority: 'elderly' });
  });

  it('"Quay lại" from that priority question goes home (there is no service list behind it)', async () => {
    const s = start(false);
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan(SLIP);
    await pickupAt(s, 'showingStatus');
    s.pickupFlow()!.send({ type: 'pickup.takeTicket' });
    await ticketAt(s, 'askingPriority');
    s.actor.send({ type: 'nav.back' });
    await waitFor(s.actor, () => flowOf(s) === 'home');
    expect(s.actor.getSnapshot().context.ticketServiceId).toBeNull();
  });

  it('an open door holds the idle timer; once the pickup is done it runs again', async () => {
    const s = start();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan(SLIP);
    await pickupAt(s, 'enteringCode');
    for (const d of '123456') s.pickupFlow()!.send({ type: 'pin.digit', digit: d });
    s.pickupFlow()!.send({ type: 'pin.submit' });
    await pickupAt(s, 'doorOpen');
    s.clock.increment(IDLE * 2);
    expect(flowOf(s)).toBe('collectingResult');
    expect(s.actor.getSnapshot().matches({ session: { idle: 'held' } })).toBe(true);
    s.agentSays({ type: 'pickup.completed', receiptPrinted: true });
    await pickupAt(s, 'rating');
    expect(s.actor.getSnapshot().matches({ session: { idle: 'counting' } })).toBe(true);
    s.pickupFlow()!.send({ type: 'rating.skip' });
    await waitFor(s.actor, () => flowOf(s) === 'home');
    s.clock.increment(IDLE);
    expect(s.actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('a session abandoned at the pickup-code keypad ends on the attract screen with nothing left behind', async () => {
    const s = start();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan(SLIP);
    await pickupAt(s, 'enteringCode');
    s.pickupFlow()!.send({ type: 'pin.digit', digit: '4' });
    s.clock.increment(IDLE);
    expect(s.actor.getSnapshot().matches('attract')).toBe(true);
    expect(s.pickupFlow()).toBeUndefined();
    expect(s.actor.getSnapshot().context.pendingScan).toBeNull();
  });

  it('a scan while a ticket for the result counter is printing does not abandon the ticket', async () => {
    const s = start();
    let finishPrint: (() => void) | null = null;
    s.issue.mockImplementationOnce((input) => new Promise((resolve) => (finishPrint = () => resolve(issuedTicket(input, { number: 'C002' })))));
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan(SLIP);
    await pickupAt(s, 'enteringCode');
    s.pickupFlow()!.send({ type: 'pickup.takeTicket' });
    await ticketAt(s, 'askingPriority');
    s.actor.send({ type: 'priority.chosen', priority: null });
    expect(s.ticket()?.value).toBe('issuing');
    s.scan(SLIP);
    expect(s.ticket()?.value).toBe('issuing');
    expect(flowOf(s)).toBe('takingTicket');
    finishPrint!();
    await ticketAt(s, 'showingTicket');
    expect(s.ticket()?.context.ticket?.number).toBe('C002');
  });
});
